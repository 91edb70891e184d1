import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface StartedProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or 1 when killed by a signal). */
  exited: Promise<number>;
  /** Stops the whole process group we created (SIGTERM, then SIGKILL) and waits. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Write stdout and stderr to this file instead of our terminal. */
  logFile?: string;
}

/**
 * Starts a command in its own process group, so stop() reaches the helpers it spawns too
 * (Next starts workers) and nothing else on this shared machine.
 */
export function startProcess(command: string, args: string[], options: StartOptions): StartedProcess {
  let logFd: number | undefined;
  let stdio: StdioOptions = ['ignore', 'inherit', 'inherit'];
  if (options.logFile) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    logFd = openSync(options.logFile, 'w');
    stdio = ['ignore', logFd, logFd];
  }
  let child: ChildProcess;
  try {
    child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio, detached: true });
  } finally {
    if (logFd !== undefined) closeSync(logFd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${command}`);

  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code) => resolve(code ?? 1));
    child.once('error', () => resolve(1));
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  // If we die without cleaning up, take our children with us.
  const killOnExit = () => signalGroup('SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (isRunning()) {
        signalGroup('SIGTERM');
        const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
        if (!done) {
          signalGroup('SIGKILL');
          await Promise.race([exited, sleep(5_000)]);
        }
      }
      // Workers may outlive the leader for a moment.
      signalGroup('SIGKILL');
      process.removeListener('exit', killOnExit);
    })();
    return stopping;
  };
  return { child, pid, exited, stop };
}

/** Runs a command to completion, returning its exit code. */
export async function runProcess(command: string, args: string[], options: StartOptions): Promise<number> {
  const started = startProcess(command, args, options);
  const code = await started.exited;
  await started.stop();
  return code;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `url` answers with any HTTP status; fails early when the process exits. */
export async function waitForHttp(url: string, owner: StartedProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void owner.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The process exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** The last lines of a log file, for error messages. */
export function tailFile(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
