/** `npm run bench` options, parsed and checked before anything starts. */
import { parseArgs } from 'node:util';

export const SECTIONS = ['reindex', 'search', 'fallback', 'pages', 'lag', 'js', 'lighthouse'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  scale: number;
  seed: number;
  repeat: number;
  /** Seconds per load step. */
  duration: number;
  skipData: boolean;
  only: Section[];
  /** Server URL; the benchmark works in its own database `lisa_bench` on that server. */
  databaseUrl: string;
  /** Where results.json and RESULTS.md go. */
  out: string;
}

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export class OptionsError extends Error {}

/**
 * `env` is what the environment says (DATABASE_URL, TEST_DATABASE_URL). The database server
 * comes from --database-url, else a PostgreSQL DATABASE_URL, else TEST_DATABASE_URL, else the
 * local default.
 */
export function parseBenchOptions(args: string[], env: { DATABASE_URL?: string; TEST_DATABASE_URL?: string }): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        scale: { type: 'string', default: '1' },
        seed: { type: 'string', default: '1' },
        repeat: { type: 'string', default: '3' },
        duration: { type: 'string', default: '10' },
        'skip-data': { type: 'boolean', default: false },
        only: { type: 'string' },
        'database-url': { type: 'string' },
        out: { type: 'string', default: 'bench' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new OptionsError(`--scale must be a number above 0 and at most 1 (got ${values.scale})`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new OptionsError(`--seed must be a whole number >= 0 (got ${values.seed})`);
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new OptionsError(`--repeat must be a whole number from 1 to 20 (got ${values.repeat})`);
  const duration = Number(values.duration);
  if (!(duration >= 1 && duration <= 120)) throw new OptionsError(`--duration must be seconds from 1 to 120 (got ${values.duration})`);
  let only: Section[] = [...SECTIONS];
  if (values.only !== undefined) {
    const asked = values.only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (asked.length === 0 || unknown.length > 0) {
      throw new OptionsError(`--only takes a comma-separated list of ${SECTIONS.join(', ')} (unknown: ${unknown.join(', ') || 'none given'})`);
    }
    only = SECTIONS.filter((s) => asked.includes(s));
  }
  const isPostgres = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);
  const databaseUrl = values['database-url'] ?? (isPostgres(env.DATABASE_URL) ? env.DATABASE_URL : undefined) ?? env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!isPostgres(databaseUrl)) throw new OptionsError(`--database-url must be a postgresql:// URL: the benchmark needs PostgreSQL (got ${databaseUrl})`);
  return { scale, seed, repeat, duration, skipData: values['skip-data'], only, databaseUrl, out: values.out };
}

/** The same server, database `name`. */
export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
