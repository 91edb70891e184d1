/**
 * `npm run worker`: the background worker as its own process (search outbox, scheduled
 * posts, reminders, notification mail, daily jobs), for deployments where the web servers run
 * with WORKER=off. Several workers may run at once: outbox rows are leased and each scheduled
 * job takes a JobRun row per period, so nothing is done twice. Stops cleanly on SIGTERM/SIGINT
 * after the pass in progress.
 */
import { getEnv } from '../lib/env';
import { startWorker } from '../lib/jobs/worker';
import { log } from '../lib/log';

const env = getEnv();
if (env.DATABASE_URL.startsWith('pglite:')) {
  // PGlite allows one process per data folder: the web server already holds it.
  console.error('npm run worker needs PostgreSQL (DATABASE_URL=postgresql://...); with the embedded database the web server runs the worker itself (WORKER=on).');
  process.exit(2);
}

const worker = startWorker();
log('info', 'worker started', { search: env.SEARCH_ENGINE });

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log('info', 'worker stopping', { signal });
  worker.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
