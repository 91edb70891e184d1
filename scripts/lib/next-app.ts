import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { childEnv } from './child-env';
import { runProcess, startProcess, tailFile, waitForHttp, type StartedProcess } from './processes';

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const SERVER_SCRIPT = path.join(ROOT, 'scripts', 'server.ts');
const BUILD_ID = path.join(ROOT, '.next', 'BUILD_ID');
/** npm install rewrites package-lock.json on every run, so its content, not its mtime, counts. */
const LOCKFILE = path.join(ROOT, 'package-lock.json');
const LOCKFILE_STAMP = path.join(ROOT, '.next', 'lisa-lockfile.sha256');

/** What the production build is made from. lib/generated is regenerated on every run. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'i18n', 'messages', 'public'];
const SOURCE_FILES = ['prisma/schema.prisma', 'next.config.js', 'next.config.ts', 'proxy.ts', 'tsconfig.json', 'package.json'];
const SKIP_DIRS = new Set(['generated', 'node_modules']);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry, { withFileTypes: true })) {
    if (child.isDirectory() && SKIP_DIRS.has(child.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child.name)));
  }
  return newest;
}

function lockfileHash(): string {
  return existsSync(LOCKFILE) ? createHash('sha256').update(readFileSync(LOCKFILE)).digest('hex') : '';
}

/** Why the build must be redone, or undefined when .next is current. */
export function buildStaleReason(): string | undefined {
  if (!existsSync(BUILD_ID)) return 'no build yet';
  const builtAt = statSync(BUILD_ID).mtimeMs;
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) {
    if (newestMtime(path.join(ROOT, entry)) > builtAt) return `${entry} changed`;
  }
  const stamp = existsSync(LOCKFILE_STAMP) ? readFileSync(LOCKFILE_STAMP, 'utf8').trim() : '';
  if (stamp !== lockfileHash()) return 'dependencies changed';
  return undefined;
}

export interface BuildOptions {
  /** Capture the output here instead of showing it (the tests keep the terminal for vitest). */
  logFile?: string;
}

/** `next build --turbopack` with the same Node that runs us. Throws with the log tail on failure. */
export async function buildNext(options: BuildOptions = {}): Promise<void> {
  const code = await runProcess(process.execPath, [NEXT_BIN, 'build', '--turbopack'], {
    cwd: ROOT,
    env: childEnv({ NODE_ENV: 'production' }),
    logFile: options.logFile,
  });
  if (code !== 0) {
    const detail = options.logFile ? `\n${tailFile(options.logFile)}\n(full log: ${options.logFile})` : '';
    throw new Error(`next build failed with exit code ${code}${detail}`);
  }
  writeFileSync(LOCKFILE_STAMP, `${lockfileHash()}\n`);
}

/** Builds only when a source file is newer than the last build. Returns whether it built. */
export async function ensureBuilt(options: BuildOptions & { onBuild?: (reason: string) => void } = {}): Promise<boolean> {
  const reason = buildStaleReason();
  if (!reason) return false;
  options.onBuild?.(reason);
  await buildNext(options);
  return true;
}

export interface NextServerOptions {
  port: number;
  /** Variables for the server on top of ours (DATABASE_URL, MEILI_HOST, APP_MODE...). */
  env: Record<string, string | undefined>;
  logFile?: string;
  startTimeoutMs?: number;
}

export interface NextServer extends StartedProcess {
  url: string;
}

/**
 * The production server (`npm start`: scripts/server.ts, Next behind the page cache) on
 * 127.0.0.1, resolved once it answers HTTP.
 */
export async function startNext(options: NextServerOptions): Promise<NextServer> {
  const server = startProcess(
    process.execPath,
    ['--import', 'tsx', SERVER_SCRIPT, '--port', String(options.port), '--hostname', '127.0.0.1'],
    {
      cwd: ROOT,
      env: childEnv({ ...options.env, NODE_ENV: 'production', PORT: String(options.port) }),
      logFile: options.logFile,
    },
  );
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${url}/api/health`, server, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await server.stop();
    const detail = options.logFile ? `\n${tailFile(options.logFile)}` : '';
    throw new Error(`${(error as Error).message}${detail}`);
  }
  return { ...server, url };
}
