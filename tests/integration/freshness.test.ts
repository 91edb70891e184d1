/**
 * Listing freshness (lib/directory/freshness.ts): the worker asks an organisation once per
 * cycle to confirm listings six months old, with a single-use link per listing that confirms
 * it at once (freshness and ranking included); listings twelve months old are reported to
 * every coordinator once per cycle and rank below fresher ones.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, randomToken } from '@/lib/auth/tokens';
import { resolveOpenNow } from '@/lib/directory/open-now';
import {
  alertStaleListings,
  confirmByToken,
  findConfirmation,
  freshnessPeriodKey,
  sendConfirmationRequests,
} from '@/lib/directory/freshness';
import { readEnv } from '@/lib/env';
import { workOnce } from '@/lib/jobs/worker';
import { findFreePort } from '@/lib/search/embedded-server';
import { analyzeSearchQuery } from '@/lib/search/analyze';
import { createPostgresEngine } from '@/lib/search/engines/postgres';
import { recordServiceChanges } from '@/lib/search/projection';
import { parseSearchQuery } from '@/lib/search/query';
import { instantOfWallClock, wallClockAt } from '@/lib/time/zoned';
import { useTestDatabase } from '../helpers/db';
import { useMailCatcher } from '../helpers/mail';

const mail = useMailCatcher();
const db = useTestDatabase();

const DAY_MS = 86_400_000;
const SITE = 'https://lisa.example';
const env = () => readEnv({ SMTP_URL: mail().url, SITE_URL: SITE });
const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
const LINK = /\/bekrafta\/([\w-]{43})/g;

const ids = {} as Record<'linnean' | 'reda' | 'region' | 'admin' | 'member' | 'coordinator' | 'secondCoordinator' | 'old' | 'fresh' | 'redaOld' | 'stale', string>;

async function service(organizationId: string, slug: string, name: string, lastConfirmedAt: Date | null, extra: { id?: string; createdAt?: Date } = {}) {
  const row = await db.prisma.service.create({
    data: { ...extra, organizationId, slug, name, summary: `${name}, kort.`, description: `Om ${name}.`, lastConfirmedAt },
    select: { id: true },
  });
  await db.prisma.$transaction((tx) => recordServiceChanges(tx, [row.id]));
  return row.id;
}

async function user(email: string, name: string, locale: string, organizationId: string, role: 'MEMBER' | 'ASSOCIATION_ADMIN' | 'COORDINATOR') {
  const row = await db.prisma.user.create({ data: { email, name, locale, memberships: { create: { organizationId, role } } }, select: { id: true } });
  return row.id;
}

/** A link for a service made the way the worker makes it, for tests that need one of their own. */
async function issueToken(serviceId: string, options: { expiresAt?: Date; period?: string } = {}): Promise<string> {
  const token = randomToken();
  await db.prisma.serviceConfirmationToken.create({
    data: { serviceId, tokenHash: hashToken(token), period: options.period ?? `test-${token.slice(0, 8)}`, expiresAt: options.expiresAt ?? new Date(Date.now() + 30 * DAY_MS) },
  });
  return token;
}

const inbox = (address: string) => mail().messages().filter((m) => m.to.includes(address));
const linksIn = (text: string) => [...text.matchAll(LINK)].map((m) => m[1]!);

beforeAll(async () => {
  const org = (kind: 'ASSOCIATION' | 'REGION', slug: string, name: string, email: string | null) =>
    db.prisma.organization.create({ data: { kind, slug, name, email }, select: { id: true } }).then((o) => o.id);
  ids.linnean = await org('ASSOCIATION', 'linnean', 'Kvinnojouren Linnéan', 'info@linnean.example');
  ids.reda = await org('ASSOCIATION', 'reda', 'Reda ekonomirådgivning', null);
  ids.region = await org('REGION', 'region', 'Region Örebro län', 'region@region.example');
  ids.admin = await user('admin-f@lisa.example', 'Alva Admin', 'en', ids.reda, 'ASSOCIATION_ADMIN');
  ids.member = await user('medlem-f@lisa.example', 'Maja Medlem', 'sv', ids.reda, 'MEMBER');
  await user('linnean-admin-f@lisa.example', 'Lina Admin', 'sv', ids.linnean, 'ASSOCIATION_ADMIN');
  ids.coordinator = await user('samordnare-f@lisa.example', 'Sam Samordnare', 'sv', ids.region, 'COORDINATOR');
  ids.secondCoordinator = await user('samordnare2-f@lisa.example', 'Sara Samordnare', 'sv', ids.region, 'COORDINATOR');
  ids.old = await service(ids.linnean, 'stodsamtal', 'Stödsamtal', ago(7 * 30));
  ids.fresh = await service(ids.linnean, 'jourtelefon', 'Jourtelefon', ago(30));
  ids.redaOld = await service(ids.reda, 'budgetradgivning', 'Budgetrådgivning', ago(200));
  ids.stale = await service(ids.reda, 'skuldsanering', 'Skuldsanering', null, { createdAt: ago(13 * 30) });
  await db.prisma.siteSetting.create({
    data: { siteName: 'LISA – resurser i Örebro län', shortName: 'LISA', regionName: 'Örebro län', contactEmail: 'lisa@lisa.example', dataController: 'Region Örebro län' },
  });
}, 120_000);

beforeEach(() => mail().clear());

describe('the worker’s daily freshness pass', () => {
  it('runs from 07:00 Stockholm time, once a day', () => {
    expect(freshnessPeriodKey(new Date('2026-11-23T05:59:00Z'))).toBeNull(); // 06:59 in winter
    expect(freshnessPeriodKey(new Date('2026-11-23T06:00:00Z'))).toBe('2026-11-23');
    expect(freshnessPeriodKey(new Date('2026-06-15T04:59:00Z'))).toBeNull(); // 06:59 in summer
    expect(freshnessPeriodKey(new Date('2026-06-15T05:00:00Z'))).toBe('2026-06-15');
    // 00:30 on the 16th in Stockholm: still the night before the 16th's pass.
    expect(freshnessPeriodKey(new Date('2026-06-15T22:30:00Z'))).toBeNull();
    expect(freshnessPeriodKey(new Date('2026-11-23T22:30:00Z'))).toBe('2026-11-23');
  });

  it('runs from the configured hour instead (FRESHNESS_MAIL_HOUR)', () => {
    // 00:30 on the 16th in Stockholm.
    expect(freshnessPeriodKey(new Date('2026-06-15T22:30:00Z'), 0)).toBe('2026-06-16');
    expect(freshnessPeriodKey(new Date('2026-11-23T08:59:00Z'), 10)).toBeNull(); // 09:59 in winter
    expect(freshnessPeriodKey(new Date('2026-11-23T09:00:00Z'), 10)).toBe('2026-11-23');
  });

  it('mails a six-month-old listing’s organisation exactly once, with a link that works, and nothing for a fresh listing', async () => {
    const today = wallClockAt(new Date());
    const nine = instantOfWallClock(today.year, today.month, today.day, 9, 0);
    await workOnce(db.prisma, null, nine);

    const messages = inbox('info@linnean.example');
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.subject).toBe('Stämmer uppgifterna om Kvinnojouren Linnéan? En tjänst att bekräfta');
    expect(message!.text).toContain('1. Stödsamtal');
    expect(message!.text).not.toContain('Jourtelefon');
    expect(message!.text).toContain('/konto/tjanster/stodsamtal');
    const [token] = linksIn(message!.text);
    expect(token).toBeDefined();
    expect(await findConfirmation(token)).toMatchObject({ status: 'valid', confirmation: { serviceName: 'Stödsamtal', serviceSlug: 'stodsamtal' } });

    const rows = await db.prisma.serviceConfirmationToken.findMany({ where: { serviceId: { in: [ids.old, ids.fresh] } } });
    const confirmed = await db.prisma.service.findUniqueOrThrow({ where: { id: ids.old }, select: { lastConfirmedAt: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serviceId: ids.old, period: `6m-${confirmed.lastConfirmedAt!.toISOString().slice(0, 10)}`, usedAt: null });
    expect(rows[0]!.expiresAt.getTime() - nine.getTime()).toBe(60 * DAY_MS);

    // Reda has no address of its own: its admin (not its member) gets one message, in English, listing both due listings.
    expect(inbox('medlem-f@lisa.example')).toHaveLength(0);
    const toAdmin = inbox('admin-f@lisa.example');
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]!.subject).toBe('Are the details of Reda ekonomirådgivning still correct? 2 services to confirm');
    expect(toAdmin[0]!.text).toContain('Hello Alva Admin!');
    expect(toAdmin[0]!.text).toMatch(/1\. Budgetrådgivning[\s\S]*2\. Skuldsanering/);
    expect(linksIn(toAdmin[0]!.text)).toHaveLength(2);
    // Both daily jobs ran, the search freshness refresh beside the new one.
    const jobs = await db.prisma.jobRun.findMany({ where: { name: { in: ['search.freshness', 'directory.freshness'] } }, select: { name: true, error: true } });
    expect(jobs.map((j) => j.name).sort()).toEqual(['directory.freshness', 'search.freshness']);
    expect(jobs.every((j) => j.error === null)).toBe(true);

    mail().clear();
    expect(await sendConfirmationRequests(db.prisma, new Date(), env())).toEqual({ services: 0, mails: 0, failed: 0 });
    await workOnce(db.prisma, null, new Date(nine.getTime() + 60_000));
    expect(inbox('info@linnean.example')).toHaveLength(0);
  });

  it('notifies the association’s admins in the portal, without mailing again those who got the links', async () => {
    const notes = await db.prisma.notification.findMany({ where: { type: 'LISTING_NEEDS_CONFIRMATION' }, select: { userId: true, url: true, emailedAt: true } });
    const toAdmin = notes.filter((n) => n.userId === ids.admin);
    expect(toAdmin.map((n) => n.url).sort()).toEqual(['/konto/tjanster/budgetradgivning', '/konto/tjanster/skuldsanering']);
    expect(toAdmin.every((n) => n.emailedAt !== null)).toBe(true);
    expect(notes.some((n) => n.userId === ids.member)).toBe(false);
    expect(notes.filter((n) => n.url === '/konto/tjanster/stodsamtal')).toHaveLength(1);
  });
});

describe('sendConfirmationRequests', () => {
  it('asks again in a new cycle, one message per organisation with a link per listing', async () => {
    // A new cycle for Reda's two listings: confirmed again, and that is six months old too.
    await db.prisma.service.update({ where: { id: ids.redaOld }, data: { lastConfirmedAt: ago(190) } });
    await db.prisma.service.update({ where: { id: ids.stale }, data: { lastConfirmedAt: ago(191) } });
    const report = await sendConfirmationRequests(db.prisma, new Date(), env());
    expect(report).toEqual({ services: 2, mails: 1, failed: 0 });
    expect(inbox('medlem-f@lisa.example')).toHaveLength(0);
    const [message] = inbox('admin-f@lisa.example');
    expect(message!.text).toContain('1. Budgetrådgivning');
    expect(message!.text).toContain('2. Skuldsanering');
    expect(message!.text).toContain(`${SITE}/en/konto/tjanster/budgetradgivning`);
    const tokens = linksIn(message!.text);
    expect(tokens).toHaveLength(2);
    expect(message!.text).toContain(`${SITE}/en/bekrafta/${tokens[0]}`);
    expect(await sendConfirmationRequests(db.prisma, new Date(), env())).toEqual({ services: 0, mails: 0, failed: 0 });
  });

  it('gives the cycle back when the mail server does not take the message, and claims nothing without mail', async () => {
    const id = await service(ids.linnean, 'samtalsgrupp', 'Samtalsgrupp', ago(250));
    const port = await findFreePort();
    const down = readEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, SITE_URL: SITE });
    expect(await sendConfirmationRequests(db.prisma, new Date(), down)).toEqual({ services: 0, mails: 0, failed: 1 });
    expect(await sendConfirmationRequests(db.prisma, new Date(), readEnv({ SITE_URL: SITE }))).toEqual({ services: 0, mails: 0, failed: 0 });
    expect(await db.prisma.serviceConfirmationToken.count({ where: { serviceId: id } })).toBe(0);
    expect(await sendConfirmationRequests(db.prisma, new Date(), env())).toEqual({ services: 1, mails: 1, failed: 0 });
    expect(await db.prisma.serviceConfirmationToken.count({ where: { serviceId: id } })).toBe(1);
  });
});

describe('confirmByToken', () => {
  const searchDocument = (serviceId: string) => db.prisma.serviceSearchDocument.findUniqueOrThrow({ where: { serviceId }, select: { freshness: true } });
  const confirmedAt = async (serviceId: string) => (await db.prisma.service.findUniqueOrThrow({ where: { id: serviceId }, select: { lastConfirmedAt: true } })).lastConfirmedAt;

  it('confirms the listing: lastConfirmedAt now, freshness 2 in search, an audit row naming the link; opening the page changes nothing', async () => {
    const id = await service(ids.linnean, 'ledsagning', 'Ledsagning', ago(250));
    await sendConfirmationRequests(db.prisma, new Date(), env());
    const [token] = linksIn(inbox('info@linnean.example')[0]!.text);
    const before = await confirmedAt(id);
    expect(await findConfirmation(token)).toMatchObject({ status: 'valid' });
    expect(await confirmedAt(id)).toEqual(before);
    expect((await searchDocument(id)).freshness).toBe(1);

    const result = await confirmByToken(token);
    expect(result).toMatchObject({ status: 'confirmed', confirmation: { serviceName: 'Ledsagning', serviceSlug: 'ledsagning' } });
    const row = await db.prisma.service.findUniqueOrThrow({ where: { id }, select: { lastConfirmedAt: true, lastConfirmedById: true } });
    expect(Date.now() - row.lastConfirmedAt!.getTime()).toBeLessThan(60_000);
    expect(row.lastConfirmedById).toBeNull();
    expect((await searchDocument(id)).freshness).toBe(2);
    const tokenRow = await db.prisma.serviceConfirmationToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token!) } });
    expect(tokenRow.usedAt).not.toBeNull();
    const audit = await db.prisma.auditLog.findMany({ where: { action: 'service.confirmByLink', entityId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, organizationId: ids.linnean, data: { tokenId: tokenRow.id } });
    expect(await db.prisma.outboxMessage.count({ where: { aggregateId: id, processedAt: null } })).toBeGreaterThan(0);
  });

  it('answers a second use as already confirmed, on the date it was, and changes nothing', async () => {
    const id = await service(ids.linnean, 'kvinnogrupp', 'Kvinnogrupp', ago(300));
    const token = await issueToken(id);
    expect((await confirmByToken(token)).status).toBe('confirmed');
    const first = await confirmedAt(id);
    const audits = await db.prisma.auditLog.count({ where: { entityId: id } });
    const again = await confirmByToken(token, new Date(Date.now() + 60_000));
    expect(again).toMatchObject({ status: 'used', confirmation: { serviceName: 'Kvinnogrupp', usedAt: first } });
    expect(await confirmedAt(id)).toEqual(first);
    expect(await db.prisma.auditLog.count({ where: { entityId: id } })).toBe(audits);
  });

  it('lets exactly one of two clicks at once confirm, and stops the cycle’s other links', async () => {
    const id = await service(ids.linnean, 'tolkstod', 'Tolkstöd', ago(300));
    const token = await issueToken(id, { period: '6m-a' });
    const sibling = await issueToken(id, { period: '6m-b' });
    const results = await Promise.all([confirmByToken(token), confirmByToken(token)]);
    expect(results.map((r) => r.status).sort()).toEqual(['confirmed', 'used']);
    expect(await db.prisma.auditLog.count({ where: { action: 'service.confirmByLink', entityId: id } })).toBe(1);
    expect((await findConfirmation(sibling)).status).toBe('used');
  });

  it('refuses an expired, tampered or unknown link and changes nothing', async () => {
    const id = await service(ids.linnean, 'rattshjalp', 'Rättshjälp', ago(300));
    const expired = await issueToken(id, { expiresAt: new Date(Date.now() - 1000) });
    const valid = await issueToken(id);
    const tampered = `${valid.slice(0, -1)}${valid.endsWith('A') ? 'B' : 'A'}`;
    const before = await confirmedAt(id);
    expect(await confirmByToken(expired)).toMatchObject({ status: 'expired', confirmation: { serviceName: 'Rättshjälp' } });
    expect(await confirmByToken(tampered)).toEqual({ status: 'unknown' });
    expect(await confirmByToken('inte-en-länk')).toEqual({ status: 'unknown' });
    expect(await confirmByToken(undefined)).toEqual({ status: 'unknown' });
    expect(await confirmedAt(id)).toEqual(before);
    expect(await db.prisma.serviceConfirmationToken.count({ where: { serviceId: id, usedAt: { not: null } } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { entityId: id } })).toBe(0);
    // The valid link still works after the refusals.
    expect((await confirmByToken(valid)).status).toBe('confirmed');
  });

  it('treats a link to a listing no longer active as unknown', async () => {
    const id = await service(ids.linnean, 'nedlagd', 'Nedlagd tjänst', ago(300));
    const token = await issueToken(id);
    await db.prisma.service.update({ where: { id }, data: { status: 'INACTIVE' } });
    const before = await confirmedAt(id);
    expect(await confirmByToken(token)).toEqual({ status: 'unknown' });
    expect(await confirmedAt(id)).toEqual(before);
    expect(await db.prisma.serviceConfirmationToken.count({ where: { serviceId: id, usedAt: { not: null } } })).toBe(0);
  });
});

describe('alertStaleListings', () => {
  it('tells each coordinator once per listing and cycle of a listing unconfirmed for twelve months', async () => {
    const id = await service(ids.reda, 'gammal-tjanst', 'Gammal tjänst', ago(13 * 30));
    await alertStaleListings(db.prisma, new Date());
    const rows = await db.prisma.notification.findMany({ where: { type: 'LISTING_STALE', title: 'Gammal tjänst' }, select: { userId: true, url: true, dedupeKey: true } });
    expect(rows.map((r) => r.userId).sort()).toEqual([ids.coordinator, ids.secondCoordinator].sort());
    expect(rows.every((r) => r.url === `/admin/tjanster/${id}`)).toBe(true);
    expect(rows[0]!.dedupeKey).toBe(`stale:${id}:${ago(13 * 30).toISOString().slice(0, 10)}`);
    // Nobody else, and nothing for listings confirmed within the year.
    const all = await db.prisma.notification.findMany({ where: { type: 'LISTING_STALE' }, select: { userId: true, title: true } });
    expect(all.every((r) => r.userId === ids.coordinator || r.userId === ids.secondCoordinator)).toBe(true);
    expect(all.some((r) => ['Stödsamtal', 'Jourtelefon', 'Budgetrådgivning'].includes(r.title))).toBe(false);

    const count = await db.prisma.notification.count({ where: { type: 'LISTING_STALE' } });
    expect(await alertStaleListings(db.prisma, new Date())).toBe(0);
    expect(await db.prisma.notification.count({ where: { type: 'LISTING_STALE' } })).toBe(count);
  });
});

describe('ranking by freshness (PostgreSQL engine)', () => {
  async function slugsFor(q: string): Promise<string[]> {
    const query = parseSearchQuery(new URLSearchParams({ q }));
    const engine = createPostgresEngine(db.prisma);
    const result = await engine.search({ query, analysis: await analyzeSearchQuery(db.prisma, q), locale: 'sv', openNow: await resolveOpenNow(db.prisma, new Date()) });
    return result.hits.map((h) => h.slug);
  }

  it('ranks a listing unconfirmed for a year below an otherwise equal fresh one, and lifts it as soon as it is confirmed', async () => {
    // Same text; the stale one would come first on the last tie-break (its id).
    const staleId = await service(ids.linnean, 'fagelholk-a', 'Fågelholksverkstad', ago(400), { id: 'aaaa-freshness-stale' });
    await service(ids.linnean, 'fagelholk-b', 'Fågelholksverkstad', ago(10), { id: 'zzzz-freshness-fresh' });
    expect(await slugsFor('fågelholksverkstad')).toEqual(['fagelholk-b', 'fagelholk-a']);

    const token = await issueToken(staleId);
    expect((await confirmByToken(token)).status).toBe('confirmed');
    expect(await slugsFor('fågelholksverkstad')).toEqual(['fagelholk-a', 'fagelholk-b']);
  });
});
