/**
 * Load generators. Fixed-rate steps use an open-loop generator of our own: requests start on
 * an even schedule (every 1000/rate ms) whether or not earlier ones have answered, as real
 * visitors arrive. autocannon's rate limit does not do that (each connection sends its share
 * of a second back to back, then waits for the next second), which measures bursts, not a
 * rate. Throughput steps (as many requests as the server takes) use autocannon.
 * Every latency recorded here is one request's own; percentiles come from stats.ts.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { summarizeLatencies, type LatencySummary } from './stats';

export interface LoadResult extends LatencySummary {
  /** Completed requests per second over the step (answers of any status). */
  requestsPerSecond: number;
  /** Answers with a status outside 200-299. */
  non2xx: number;
  /** Requests with no answer: connection errors and timeouts. */
  errors: number;
  /** Open loop only: starts more than 10 ms behind schedule (the generator itself was held up). */
  lateStarts?: number;
  /** The first failure's message, to tell a timeout from a refused connection. */
  firstError?: string;
}

export type Outcome = 'ok' | 'non2xx' | 'error';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `task(i)` every 1000/rate ms for `durationSeconds`, then waits for the stragglers
 * (each task must bound its own time). Latency is from the start of a task to its end.
 */
export async function runOpenLoop(options: { rate: number; durationSeconds: number; task: (i: number) => Promise<Outcome> }): Promise<LoadResult> {
  const interval = 1000 / options.rate;
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let lateStarts = 0;
  let firstError: string | undefined;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    else if (wait < -10) lateStarts++;
    const begin = performance.now();
    pending.push(
      options.task(i).then(
        (outcome) => {
          if (outcome === 'error') errors++;
          else {
            latencies.push(performance.now() - begin);
            if (outcome === 'non2xx') non2xx++;
          }
        },
        (error: unknown) => {
          errors++;
          firstError ??= error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
        },
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  return { ...summarizeLatencies(latencies), requestsPerSecond: latencies.length / elapsed, non2xx, errors, lateStarts, ...(firstError ? { firstError } : {}) };
}

/** One GET with a deadline; the body is read to the end, as a browser would. */
export function httpGet(url: string, options: { agent: http.Agent; headers?: Record<string, string>; timeoutMs?: number }): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = http.get(url, { agent: options.agent, headers: options.headers }, (response) => {
      response.on('data', () => {});
      response.once('end', () => finish(response.statusCode! >= 200 && response.statusCode! < 300 ? 'ok' : 'non2xx'));
      response.once('error', () => finish('error'));
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish('error');
    }, options.timeoutMs ?? 10_000);
    request.once('error', () => finish('error'));
  });
}

/** Fixed-rate GETs over `paths` in turn (keep-alive connections, as a browser or proxy keeps). */
export async function runHttpAtRate(options: { baseUrl: string; paths: string[]; rate: number; durationSeconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  try {
    return await runOpenLoop({
      rate: options.rate,
      durationSeconds: options.durationSeconds,
      task: (i) => httpGet(`${options.baseUrl}${options.paths[i % options.paths.length]}`, { agent, headers: options.headers }),
    });
  } finally {
    agent.destroy();
  }
}

/**
 * As many requests as `connections` keep-alive connections get answered in `durationSeconds`
 * (autocannon, closed loop): the sustained throughput of one route.
 */
export function runThroughput(options: { url: string; connections: number; durationSeconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let answered = 0;
    const started = performance.now();
    const instance = autocannon(
      { url: options.url, connections: options.connections, duration: options.durationSeconds, headers: options.headers, timeout: 10 },
      (error, result) => {
        if (error) return reject(error);
        const elapsed = (performance.now() - started) / 1000;
        resolve({ ...summarizeLatencies(latencies), requestsPerSecond: answered / elapsed, non2xx: result.non2xx, errors: result.errors });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      answered++;
      latencies.push(responseTime);
    });
  });
}
