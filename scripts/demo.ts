/**
 * `npm run demo`: one command from a fresh clone to a running portal with demo data.
 *   1. migrate and seed the database (embedded PGlite in .data/pglite by default)
 *   2. start the bundled Meilisearch unless MEILI_HOST points at one, and the local mail
 *      catcher unless SMTP_URL points at a mail server
 *   3. build the app when the sources changed since the last build
 *   4. serve it with `npm start` (scripts/server.ts) until Ctrl-C
 */
import path from 'node:path';
import { getEnv } from '../lib/env';
import { startMailCatcher, type MailCatcher } from '../lib/mail/catcher';
import { redactSmtpUrl } from '../lib/mail/transport';
import { startEmbeddedMeili, type EmbeddedMeili } from '../lib/search/embedded-server';
import { prepareDatabase } from './lib/database';
import { ensureBuilt, startNext, type NextServer } from './lib/next-app';

const env = getEnv();
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const step = (message: string) => console.log(`==> ${message}`);

let meili: EmbeddedMeili | undefined;
let mailCatcher: MailCatcher | undefined;
let server: NextServer | undefined;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    await server?.stop();
    await meili?.stop();
    await mailCatcher?.stop();
  }
  process.exit(code);
}

// Next runs in its own process group (so we can stop all of it), which means a Ctrl-C in the
// terminal reaches only us: pass it on and clean up.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.log(`\n==> ${signal} received, stopping`);
    void shutdown(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
  });
}

// `npm run demo` does not pass a SIGTERM sent to npm on to us: npm exits and we are
// re-parented. Notice that and stop, rather than keep a server and Meilisearch running.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) {
    console.log('\n==> the parent process (npm) is gone, stopping');
    void shutdown(143);
  }
}, 1000).unref();

async function main() {
  step(`Database: ${env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@')}`);
  const { applied, seedSummary } = await prepareDatabase(env.DATABASE_URL);
  console.log(applied.length ? `    applied migrations: ${applied.join(', ')}` : '    migrations: up to date');
  const seeded = Object.entries(seedSummary).map(([kind, count]) => `${count} ${kind}`);
  console.log(seeded.length ? `    seeded: ${seeded.join(', ')}` : '    demo data already present');

  let meiliEnv: { MEILI_HOST: string; MEILI_MASTER_KEY?: string };
  if (env.MEILI_HOST) {
    step(`Search: using Meilisearch at ${env.MEILI_HOST}`);
    meiliEnv = { MEILI_HOST: env.MEILI_HOST, MEILI_MASTER_KEY: env.MEILI_MASTER_KEY };
  } else {
    const dataDir = path.join(env.DATA_DIR, 'meili');
    step(`Search: starting the bundled Meilisearch (data in ${dataDir})`);
    meili = await startEmbeddedMeili({ dataDir });
    console.log(`    listening on ${meili.host}`);
    meiliEnv = { MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey };
  }

  let mailEnv: { SMTP_URL: string; MAIL_CATCHER_API_URL?: string };
  if (env.SMTP_URL) {
    step(`Mail: sending through ${redactSmtpUrl(env.SMTP_URL)}`);
    mailEnv = { SMTP_URL: env.SMTP_URL, MAIL_CATCHER_API_URL: env.MAIL_CATCHER_API_URL };
  } else {
    step('Mail: starting the local mail catcher (no mail leaves this machine)');
    mailCatcher = await startMailCatcher({ port: env.MAIL_CATCHER_PORT });
    console.log(`    SMTP on ${mailCatcher.url}; caught mail at ${mailCatcher.apiUrl}/messages`);
    mailEnv = { SMTP_URL: mailCatcher.url, MAIL_CATCHER_API_URL: mailCatcher.apiUrl };
  }

  step('Build: checking whether the app needs a new build');
  const buildStart = Date.now();
  const built = await ensureBuilt({ onBuild: (reason) => console.log(`    building (${reason}); this takes a minute or two`) });
  console.log(built ? `    built in ${((Date.now() - buildStart) / 1000).toFixed(0)} s` : '    the existing build is up to date');

  step(`Server: starting on port ${env.PORT}`);
  server = await startNext({
    port: env.PORT,
    env: { ...meiliEnv, ...mailEnv, DATABASE_URL: env.DATABASE_URL, APP_MODE: 'demo', DATA_DIR: env.DATA_DIR },
  });
  console.log('');
  console.log(`The portal is running at http://localhost:${env.PORT}/ (ready after ${elapsed()})`);
  if (mailCatcher) console.log(`Mail the portal sends is caught, not delivered: read it at ${mailCatcher.apiUrl}/messages`);
  console.log('Demo accounts and what to try: see README.md ("Demo").');
  console.log('Press Ctrl-C to stop.');

  const code = await server.exited;
  if (!shuttingDown) {
    console.error(`The server stopped unexpectedly (exit code ${code}).`);
    await shutdown(code || 1);
  }
}

main().catch(async (error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
