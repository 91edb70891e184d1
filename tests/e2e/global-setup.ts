/**
 * Once per e2e run: build the app when the sources changed, give it a fresh migrated and
 * seeded database (PGlite folder, or a new PostgreSQL database with TEST_DATABASE_URL), its
 * own Meilisearch and mail catcher, and serve it with `next start` on a free port. Tests read
 * the address with `inject('baseUrl')` and the mail the app sent through
 * `readCaughtMail(inject('mailCatcherApiUrl'))`. Logs go to tests/.artifacts/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMailCatcher, type MailCatcher } from '@/lib/mail/catcher';
import { startEmbeddedMeili, findFreePort, type EmbeddedMeili } from '@/lib/search/embedded-server';
import { prepareDatabase } from '../../scripts/lib/database';
import { ensureBuilt, startNext, type NextServer } from '../../scripts/lib/next-app';
import { createEmptyDatabase, type EmptyDatabase } from '../helpers/db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the server under test. */
    baseUrl: string;
    /** `http://127.0.0.1:<port>` of the mail catcher's read API (lib/mail/caught-mail.ts). */
    mailCatcherApiUrl: string;
    /** PID of the server's Meilisearch, for outage drills (SIGSTOP / SIGCONT). */
    meiliPid: number;
  }
}

const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');
const log = (message: string) => console.log(`[e2e] ${message}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  };

  try {
    const buildStart = Date.now();
    const built = await ensureBuilt({
      logFile: path.join(ARTIFACTS, 'next-build.log'),
      onBuild: (reason) => log(`building the app (${reason}); log in tests/.artifacts/next-build.log`),
    });
    if (built) log(`built in ${seconds(buildStart)}`);

    const tmp = await mkdtemp(path.join(tmpdir(), 'lisa-e2e-'));
    cleanups.push(() => rm(tmp, { recursive: true, force: true }));

    const dbStart = Date.now();
    const database: EmptyDatabase = await createEmptyDatabase();
    cleanups.push(() => database.drop());
    await prepareDatabase(database.url);
    log(`database migrated and seeded in ${seconds(dbStart)} (${database.url.split(':')[0]})`);

    const meili: EmbeddedMeili = await startEmbeddedMeili({ dataDir: path.join(tmp, 'meili') });
    cleanups.push(() => meili.stop());

    const mailCatcher: MailCatcher = await startMailCatcher();
    cleanups.push(() => mailCatcher.stop());

    const serverStart = Date.now();
    const server: NextServer = await startNext({
      port: await findFreePort(),
      env: {
        DATABASE_URL: database.url,
        MEILI_HOST: meili.host,
        MEILI_MASTER_KEY: meili.masterKey,
        SMTP_URL: mailCatcher.url,
        MAIL_CATCHER_API_URL: mailCatcher.apiUrl,
        APP_MODE: 'production',
        DATA_DIR: tmp,
        // The freshness mails go out from the first worker pass, whatever the time of day.
        FRESHNESS_MAIL_HOUR: '0',
      },
      logFile: path.join(ARTIFACTS, 'next-server.log'),
    });
    cleanups.push(() => server.stop());
    log(`server ready at ${server.url} in ${seconds(serverStart)}`);

    project.provide('baseUrl', server.url);
    project.provide('mailCatcherApiUrl', mailCatcher.apiUrl);
    project.provide('meiliPid', meili.pid);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
