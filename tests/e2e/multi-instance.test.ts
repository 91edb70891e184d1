/**
 * The production layout in small (docs/deployment.md): two portal instances with WORKER=off
 * and the same AUTH_SECRET, two worker processes (`scripts/worker.ts`), one PostgreSQL
 * database and one Meilisearch. Whichever instance a request reaches, it must see the same
 * site: sessions, rate limits, scheduled work, search and pages all live in the database.
 *
 * Everything here runs in this file's own processes and database, beside the server the e2e
 * global setup starts (only its build is shared). Requests are plain HTTP, as a browser
 * without JavaScript sends them: the sign-in and sign-out forms are posted as rendered.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { connectDb, setProcessDatabase, type DbHandle } from '@/lib/db/client';
import { loadServiceInput, updateService } from '@/lib/directory/service-editor';
import { getEnv } from '@/lib/env';
import { startMailCatcher, type MailCatcher } from '@/lib/mail/catcher';
import { createPost, savePost } from '@/lib/news/posts';
import { createMeiliClient } from '@/lib/search/client';
import { findFreePort, startEmbeddedMeili, type EmbeddedMeili } from '@/lib/search/embedded-server';
import { indexExists } from '@/lib/search/meili-index';
import { dateTimeLocalValue } from '@/lib/time/zoned';
import { DEMO_PASSWORD } from '@/prisma/seed/index';
import { paragraphsToTiptap } from '@/prisma/seed/tiptap';
import sv from '@/messages/sv.json';
import { childEnv } from '../../scripts/lib/child-env';
import { prepareDatabase } from '../../scripts/lib/database';
import { startNext, type NextServer } from '../../scripts/lib/next-app';
import { startProcess, type StartedProcess } from '../../scripts/lib/processes';
import { createEmptyDatabase, type EmptyDatabase } from '../helpers/db';

const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');
const COORDINATOR = 'samordnare@lisa.example';
const COORDINATOR_NAME = 'Karin Westerlind';
const ASSOCIATION_ADMIN = 'foreningsadmin@lisa.example';
const ASSOCIATION = 'kvinnojouren-linnean';
const SESSION_COOKIE = 'lisa-session';
/** lib/auth/sign-in.ts: password attempts per address in 15 minutes. */
const PASSWORD_ATTEMPTS_PER_ADDRESS = 5;

const SKIP_REASON =
  'needs TEST_DATABASE_URL (a PostgreSQL server): several processes cannot share one embedded PGlite database, which allows one process per data folder';
const skip = !getEnv().TEST_DATABASE_URL;
if (skip) console.warn(`[multi-instance] skipped: ${SKIP_REASON}`);

const AUTH_SECRET = randomBytes(32).toString('hex');

let database: EmptyDatabase | undefined;
let handle: DbHandle | undefined;
let tmp: string | undefined;
let meili: EmbeddedMeili | undefined;
let mailCatcher: MailCatcher | undefined;
let instances: NextServer[] = [];
let workers: StartedProcess[] = [];

const a = () => instances[0]!;
const b = () => instances[1]!;
const prisma = () => handle!.prisma;

/** Each test signs in from its own client address (as the proxy reports it), so per-client limits stay apart. */
let clientCounter = 0;
const freshClient = () => `203.0.113.${++clientCounter}`;

// ─── HTTP as a browser without JavaScript does it ────────────────────────────────────

interface Page {
  status: number;
  html: string;
  location: string | null;
  setCookies: string[];
}

async function request(url: string, init: { cookie?: string; client?: string; form?: FormData } = {}): Promise<Page> {
  const origin = new URL(url).origin;
  const headers: Record<string, string> = { 'x-forwarded-for': init.client ?? '203.0.113.250' };
  if (init.cookie) headers.cookie = init.cookie;
  // Server actions only accept posts from their own origin, as a browser's form post carries.
  if (init.form) headers.origin = origin;
  const response = await fetch(url, {
    method: init.form ? 'POST' : 'GET',
    headers,
    body: init.form,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, html: await response.text(), location: response.headers.get('location'), setCookies: response.headers.getSetCookie() };
}

/** The fields a rendered form would submit (hidden inputs and their values), found by `matches`. */
function formFields(html: string, matches: (form: ReturnType<typeof DomUtils.findAll>[number]) => boolean): FormData {
  const document = parseDocument(html);
  const form = DomUtils.findAll((el) => el.name === 'form' && matches(el), document.children)[0];
  if (!form) throw new Error('The page has no such form');
  const data = new FormData();
  for (const input of DomUtils.findAll((el) => el.name === 'input', form.children)) {
    const name = input.attribs.name;
    if (name) data.append(name, input.attribs.value ?? '');
  }
  return data;
}

const hasInput = (id: string) => (form: ReturnType<typeof DomUtils.findAll>[number]) =>
  DomUtils.findOne((el) => el.attribs.id === id, form.children) !== null;

/** Posts the password form of /logga-in on `server`. */
async function submitPassword(server: NextServer, email: string, password: string, client: string): Promise<Page> {
  const signInPage = await request(`${server.url}/logga-in`, { client });
  const form = formFields(signInPage.html, hasInput('password-email'));
  form.set('email', email);
  form.set('password', password);
  return request(`${server.url}/logga-in`, { client, form });
}

function sessionCookieOf(page: Page): string {
  const set = page.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!set) throw new Error(`No session cookie was set (status ${page.status})`);
  return set.split(';')[0]!;
}

const textOf = (html: string) => DomUtils.textContent(parseDocument(html));

// ─── The data layer, in this process, on the same database ──────────────────────────

async function actorFor(email: string): Promise<Actor> {
  const user = await prisma().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, memberships: { select: { organizationId: true, role: true } } },
  });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

interface LogLine {
  level: string;
  msg: string;
  posts?: number;
}

/** Worker `n`'s structured log (lib/log.ts: one JSON object per line). */
function workerLog(n: number): LogLine[] {
  return readFileSync(path.join(ARTIFACTS, `multi-instance-worker-${n}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** How many scheduled posts worker `n` says it published. */
function publishedReportedBy(n: number): number {
  return workerLog(n).reduce((sum, l) => sum + (l.msg === 'scheduled posts published' ? (l.posts ?? 0) : 0), 0);
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(skip)('two portal instances and two workers on one database', () => {
  beforeAll(async () => {
    const started = Date.now();
    tmp = await mkdtemp(path.join(tmpdir(), 'lisa-multi-'));
    database = await createEmptyDatabase();
    await prepareDatabase(database.url);
    handle = await connectDb(database.url);
    setProcessDatabase(handle.prisma);
    [meili, mailCatcher] = await Promise.all([startEmbeddedMeili({ dataDir: path.join(tmp, 'meili') }), startMailCatcher()]);

    const shared = {
      DATABASE_URL: database.url,
      MEILI_HOST: meili.host,
      MEILI_MASTER_KEY: meili.masterKey,
      SMTP_URL: mailCatcher.url,
      APP_MODE: 'production',
      // One secret for every process, as the deployment requires (docs/deployment.md).
      AUTH_SECRET,
    };
    // Each process gets a folder of its own (DATA_DIR): nothing shared may live on a local disk.
    const [portA, portB] = [await findFreePort(), await findFreePort()];
    instances = await Promise.all(
      [portA, portB].map((port, i) =>
        startNext({
          port,
          env: { ...shared, WORKER: 'off', DATA_DIR: path.join(tmp!, `instance-${i}`) },
          logFile: path.join(ARTIFACTS, `multi-instance-${i === 0 ? 'a' : 'b'}.log`),
        }),
      ),
    );
    workers = [1, 2].map((n) =>
      startProcess(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
        cwd: process.cwd(),
        env: childEnv({ ...shared, NODE_ENV: 'production', DATA_DIR: path.join(tmp!, `worker-${n}`) }),
        logFile: path.join(ARTIFACTS, `multi-instance-worker-${n}.log`),
      }),
    );
    // One of the workers builds the missing search index; wait until it has said it is done.
    const client = createMeiliClient(meili.host, meili.masterKey);
    await eventually('a worker to build the search index', async () => {
      const built = [1, 2].some((n) => workerLog(n).some((l) => l.msg === 'search index built'));
      return built && (await indexExists(client)) ? true : undefined;
    }, 60_000);
    console.log(`[multi-instance] two instances and two workers ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  afterAll(async () => {
    await Promise.all([...instances, ...workers].map((p) => p.stop()));
    await meili?.stop();
    await mailCatcher?.stop();
    await handle?.close();
    await database?.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('runs both workers, and one of them alone builds the missing search index', async () => {
    const logs = [1, 2].map((n) => workerLog(n));
    for (const [i, worker] of workers.entries()) expect(worker.child.exitCode, JSON.stringify(logs[i])).toBeNull();
    // The other one found the index there, or being built, and left it alone.
    const built = logs.flat().filter((l) => l.msg === 'search index built');
    expect(built).toHaveLength(1);
    expect(logs.flat().filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });

  it('knows a session started on one instance on the other, and ends it on both at once', async () => {
    const client = freshClient();
    const signedIn = await submitPassword(a(), COORDINATOR, DEMO_PASSWORD, client);
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/konto');
    const cookie = sessionCookieOf(signedIn);

    const account = await request(`${b().url}/konto`, { cookie, client });
    expect(account.status).toBe(200);
    expect(textOf(account.html)).toContain(COORDINATOR_NAME);

    // Sign out on B with the header's sign-out form, as rendered there.
    const signOut = formFields(account.html, (form) => form.attribs.class === 'sign-out-form');
    const signedOut = await request(`${b().url}/konto`, { cookie, client, form: signOut });
    expect(signedOut.status).toBe(303);
    expect(signedOut.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=;`))).toBe(true);

    // The same cookie, replayed on A straight away: a resident, sent to sign in.
    for (const server of [a(), b()]) {
      const refused = await request(`${server.url}/konto`, { cookie, client });
      expect(refused.status).toBe(307);
      expect(refused.location).toMatch(/^\/logga-in\?till=%2Fkonto$/);
    }
    expect(await prisma().session.count({ where: { user: { email: COORDINATOR } } })).toBe(0);
  });

  it('counts sign-in attempts made on either instance against one limit', async () => {
    const client = freshClient();
    const errors = sv.Auth.errors;
    // Wrong passwords, alternating A and B: each is an ordinary refusal until the limit.
    for (let attempt = 1; attempt <= PASSWORD_ATTEMPTS_PER_ADDRESS; attempt++) {
      const server = attempt % 2 === 1 ? a() : b();
      const page = await submitPassword(server, ASSOCIATION_ADMIN, `fel-losenord-${attempt}`, client);
      expect(page.status, `attempt ${attempt}`).toBe(200);
      expect(textOf(page.html), `attempt ${attempt}`).toContain(errors.badCredentials);
    }
    // One more on either instance is over the limit, even with the right password.
    for (const server of [b(), a()]) {
      const page = await submitPassword(server, ASSOCIATION_ADMIN, DEMO_PASSWORD, client);
      expect(page.status).toBe(200);
      expect(textOf(page.html)).toContain(errors.rateLimited);
      expect(page.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    }
    // One counter row for the address, keyed with the shared secret, holding every attempt.
    const addressKey = `signin:address:${createHmac('sha256', AUTH_SECRET).update(ASSOCIATION_ADMIN).digest('base64url').slice(0, 32)}`;
    const row = await prisma().rateLimit.findUniqueOrThrow({ where: { key: addressKey } });
    expect(row.count).toBe(PASSWORD_ATTEMPTS_PER_ADDRESS + 2);
  });

  it('publishes a scheduled post once, though two workers are due to publish it', async () => {
    const admin = await actorFor(ASSOCIATION_ADMIN);
    const organization = await prisma().organization.findUniqueOrThrow({ where: { slug: ASSOCIATION }, select: { id: true } });
    const titles = ['Planerad nyhet Alfa', 'Planerad nyhet Beta', 'Planerad nyhet Gamma'].map((t) => `${t} ${randomBytes(3).toString('hex')}`);
    // The editor schedules by the minute; scheduling for this minute "as of a minute ago"
    // makes the posts due at once, so both workers (each polling every half second) race.
    const publishAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const asOf = new Date(publishAt.getTime() - 60_000);
    // Both instances have rendered the news page before the posts exist.
    for (const server of [a(), b()]) expect((await request(`${server.url}/nyheter`)).status).toBe(200);
    const ids: string[] = [];
    for (const title of titles) {
      const fields = { title, body: paragraphsToTiptap([`Brödtext till ${title}.`]) };
      const draft = await createPost(admin, organization.id, fields);
      await savePost(admin, draft.id, { version: draft.version, fields, intent: 'schedule', publishAt: dateTimeLocalValue(publishAt) }, asOf);
      ids.push(draft.id);
    }

    await eventually('the scheduled posts to be published', async () => {
      const published = await prisma().newsPost.count({ where: { id: { in: ids }, status: 'PUBLISHED' } });
      return published === ids.length ? true : undefined;
    });
    // Give a late second claim time to show itself, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const id of ids) {
      const post = await prisma().newsPost.findUniqueOrThrow({ where: { id }, select: { status: true, publishedAt: true } });
      expect(post).toEqual({ status: 'PUBLISHED', publishedAt: publishAt });
      expect(await prisma().auditLog.count({ where: { entityId: id, action: 'post.publishScheduled' } })).toBe(1);
      expect(await prisma().newsRevision.count({ where: { postId: id, reason: 'PUBLISH' } })).toBe(1);
    }
    // Between them the two workers report exactly these publications, none twice.
    const reported = [1, 2].map((n) => publishedReportedBy(n));
    expect(reported[0]! + reported[1]!).toBe(ids.length);
    // The daily jobs both workers are due to run took one JobRun row each, and finished.
    const daily = await prisma().jobRun.findMany({ where: { name: { in: ['search.freshness', 'corrections.eraseContacts'] } }, select: { name: true, finishedAt: true, error: true } });
    expect(daily.map((r) => r.name).sort()).toEqual(['corrections.eraseContacts', 'search.freshness']);
    expect(daily.every((r) => r.finishedAt !== null && r.error === null)).toBe(true);

    for (const server of [a(), b()]) {
      const news = await request(`${server.url}/nyheter`);
      expect(news.status).toBe(200);
      for (const title of titles) expect(textOf(news.html), server.url).toContain(title);
    }
  });

  it('makes a change saved through the data layer searchable on instance B and shows it on both instances', async () => {
    const coordinator = await actorFor(COORDINATOR);
    const service = await prisma().service.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { slug: 'asc' }, select: { id: true, slug: true } });
    // Both instances have rendered the page before the change.
    for (const server of [a(), b()]) expect((await request(`${server.url}/tjanster/${service.slug}`)).status).toBe(200);

    const word = `Kolibri${randomBytes(3).toString('hex')}`;
    const loaded = await loadServiceInput(coordinator, service.id);
    const newName = `${word} mottagning`;
    const saved = await updateService(coordinator, service.id, { ...loaded.input, name: newName }, loaded.version);

    // The worker applies the outbox to Meilisearch; instance B then finds the new name there.
    const found = await eventually('the change to reach the search index', async () => {
      const response = await fetch(`${b().url}/api/search?q=${encodeURIComponent(word.toLowerCase())}`);
      const result = (await response.json()) as { engine: string; hits: { id: string; name: string }[] };
      return result.hits.some((h) => h.id === service.id) ? result : undefined;
    });
    expect(found.engine).toBe('meilisearch');
    expect(found.hits.find((h) => h.id === service.id)?.name).toBe(newName);
    // ...and marks the outbox row done (just after Meilisearch has the document).
    await eventually('the outbox row to be marked done', async () =>
      (await prisma().outboxMessage.count({ where: { aggregateId: service.id, processedAt: null } })) === 0 ? true : undefined,
    );

    // The next anonymous request on either instance shows the new name, not a kept copy.
    for (const server of [a(), b()]) {
      const page = await request(`${server.url}/tjanster/${saved.slug}`);
      expect(page.status).toBe(200);
      expect(textOf(page.html), server.url).toContain(newName);
    }
  });
});
