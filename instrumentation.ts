/**
 * Runs once when the server starts: the background worker (search index sync, scheduled
 * jobs) lives beside the web server, so `npm run demo` and a plain `next start` need nothing
 * else. Operators who run it elsewhere set WORKER=off.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is not configuration: Next sets it per bundle (nodejs or edge).
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv } = await import('@/lib/env');
  if (getEnv().WORKER === 'off') return;
  const { startWorker } = await import('@/lib/jobs/worker');
  startWorker();
}
