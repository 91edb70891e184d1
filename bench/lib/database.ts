/**
 * The benchmark's own database, `lisa_bench`, on the given PostgreSQL server: created when
 * missing, never dropped, and no other database is touched. A comment on the database records
 * which dataset it holds, so a second run on the same day skips the three-minute load.
 */
import pg from 'pg';
import { childEnv } from '../../scripts/lib/child-env';
import { runProcess } from '../../scripts/lib/processes';
import { withDatabase } from './options';

export const BENCH_DATABASE = 'lisa_bench';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `lisa_bench` when the server lacks it; returns its URL and the server's version. */
export async function ensureBenchDatabase(serverUrl: string): Promise<{ url: string; version: string; created: boolean }> {
  return withClient(serverUrl, async (client) => {
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE])).rowCount! > 0;
    if (!exists) await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    return { url: withDatabase(serverUrl, BENCH_DATABASE), version, created: !exists };
  });
}

/** What the marker says: `lisa-bench seed=1 scale=1 day=2026-12-05`. */
export const datasetMarker = (seed: number, scale: number, day: string) => `lisa-bench seed=${seed} scale=${scale} day=${day}`;

export async function readMarker(benchUrl: string): Promise<string | null> {
  return withClient(benchUrl, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>('SELECT shobj_description(oid, $1) AS comment FROM pg_database WHERE datname = $2', ['pg_database', BENCH_DATABASE]);
    return rows[0]?.comment ?? null;
  });
}

export async function writeMarker(benchUrl: string, marker: string | null): Promise<void> {
  await withClient(benchUrl, async (client) => {
    // COMMENT takes no bind parameters; the marker is our own text of digits and words.
    const literal = marker === null ? 'NULL' : `'${marker.replaceAll("'", "''")}'`;
    await client.query(`COMMENT ON DATABASE ${BENCH_DATABASE} IS ${literal}`);
  });
}

/**
 * `npm run bench:data` in a child process (it migrates and seeds the database when needed,
 * then replaces the bench rows). No MEILI_HOST: the benchmark times the reindex itself.
 */
export async function loadDataset(benchUrl: string, options: { seed: number; scale: number; day: string }): Promise<void> {
  const code = await runProcess(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-data.ts', '--scale', String(options.scale), '--seed', String(options.seed), '--now', options.day],
    { env: childEnv({ DATABASE_URL: benchUrl, MEILI_HOST: undefined, MEILI_MASTER_KEY: undefined, SEARCH_ENGINE: 'postgres' }) },
  );
  if (code !== 0) throw new Error(`bench:data failed with exit code ${code}`);
}
