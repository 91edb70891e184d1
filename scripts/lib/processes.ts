import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import http from 'node:http';
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
  // Listen before anything can throw: an unhandled 'error' (e.g. ENOENT) would crash us.
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code) => resolve(code ?? 1));
    child.once('error', () => resolve(1));
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${command}`);

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
        const done = await Promise.race([exited.then(() => true), graceTimer(10_000).then(() => false)]);
        if (!done) {
          signalGroup('SIGKILL');
          await Promise.race([exited, graceTimer(5_000)]);
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

/** A timer that does not keep the process alive once everything else is done. */
const graceTimer = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * The status code of GET `url`, or undefined when nothing answers within `timeoutMs`. A plain
 * node:http request with a hard deadline: a server that accepts the connection and then
 * stalls (still starting, or a build swapped under it) must not stall us.
 */
export function httpStatus(url: string, timeoutMs = 2000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.once('end', () => finish(response.statusCode));
      response.once('error', () => finish(undefined));
    });
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    request.once('error', () => finish(undefined));
    function finish(status: number | undefined) {
      clearTimeout(timer);
      request.destroy();
      resolve(status);
    }
  });
}

/** Waits until `url` answers with any HTTP status; fails early when the process exits. */
export async function waitForHttp(url: string, owner: StartedProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void owner.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The process exited before ${url} answered`);
    if ((await httpStatus(url, 5000)) !== undefined) return;
    await sleep(200);
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
