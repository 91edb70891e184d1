/**
 * "Föreslå en rättelse" through the data layer on the demo data: anyone's suggestion reaches
 * the coordinator's queue with a notification for each coordinator; bots, floods, links and
 * inactive services are kept out; the coordinator handles it once, and a reply reaches the
 * sender by e-mail in the sender's language; nobody else may see or handle the queue.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import { correctionErrors } from '@/lib/directory/correction-schemas';
import { signCorrectionFormToken } from '@/lib/directory/correction-token';
import {
  CORRECTION_LIMITS,
  eraseHandledCorrectionContacts,
  getCorrection,
  getCorrectionTarget,
  handleCorrection,
  listCorrections,
  resendCorrectionReply,
  submitCorrection,
} from '@/lib/directory/corrections';
import { readEnv } from '@/lib/env';
import { workOnce } from '@/lib/jobs/worker';
import { AppError } from '@/lib/errors/app-error';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';
import { useMailCatcher } from '../helpers/mail';

const mail = useMailCatcher();
const db = useTestDatabase();

const SERVICE = 'linnean-stodsamtal';
const SITE = 'https://lisa.example';
const env = () => readEnv({ SMTP_URL: mail().url, SITE_URL: SITE });

const actors = {} as Record<'coordinator' | 'member' | 'official', Actor>;
let serviceId: string;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

beforeAll(async () => {
  await seedDatabase(db.prisma);
  actors.coordinator = await actorFor('samordnare@lisa.example');
  actors.member = await actorFor('medlem@lisa.example');
  actors.official = await actorFor('tjansteperson.region@lisa.example');
  serviceId = (await db.prisma.service.findUniqueOrThrow({ where: { slug: SERVICE }, select: { id: true } })).id;
}, 180_000);

beforeEach(() => mail().clear());

// Every test runs in its own hour, so the rate-limit windows of one never reach the next.
let clock = new Date('2027-01-04T08:00:00Z').getTime();
function nextHour(): Date {
  clock += 2 * 60 * 60 * 1000;
  return new Date(clock);
}
let clientCounter = 0;
const newClient = () => `203.0.113.${++clientCounter}`;

/** A form as a person sends it: shown a minute before `now`, honeypot empty. */
function form(now: Date, fields: Record<string, unknown> = {}) {
  return {
    topic: 'OPENING_HOURS',
    message: 'Tisdagar har ni öppet till 18, inte 16 som det står.',
    contactEmail: '',
    locale: 'sv',
    honeypot: '',
    formToken: signCorrectionFormToken(serviceId, new Date(now.getTime() - 60_000)),
    ...fields,
  };
}

/** Everything a submission writes. */
const written = async () => ({
  suggestions: await db.prisma.correctionSuggestion.count(),
  notifications: await db.prisma.notification.count({ where: { type: 'CORRECTION_SUBMITTED' } }),
});

async function failureOf(call: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string>; formError?: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, ...correctionErrors.describe(error) };
  }
  throw new Error('expected the call to fail');
}

async function submitted(fields: Record<string, unknown> = {}): Promise<string> {
  const now = nextHour();
  const { id } = await submitCorrection(ANONYMOUS, SERVICE, form(now, fields), { clientKey: newClient(), now });
  if (!id) throw new Error('the suggestion was not taken');
  return id;
}

describe('submitCorrection', () => {
  it('takes a suggestion from anyone into the queue, with one notification per coordinator', async () => {
    const now = nextHour();
    const coordinators = await db.prisma.membership.findMany({ where: { role: 'COORDINATOR', user: { disabledAt: null } }, distinct: ['userId'], select: { userId: true } });
    expect(coordinators.length).toBeGreaterThan(0);
    const before = await written();

    const { id } = await submitCorrection(ANONYMOUS, SERVICE, form(now, { contactEmail: '  Anna.Svensson@Exempel.SE ', locale: 'en' }), { clientKey: newClient(), now });

    expect(id).toBeTruthy();
    const row = await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ serviceId, topic: 'OPENING_HOURS', contactEmail: 'anna.svensson@exempel.se', locale: 'en', status: 'NEW', handledAt: null });
    expect(row.message).toBe('Tisdagar har ni öppet till 18, inte 16 som det står.');
    const notifications = await db.prisma.notification.findMany({ where: { dedupeKey: `correction:${id}` } });
    expect(notifications.map((n) => n.userId).sort()).toEqual(coordinators.map((c) => c.userId).sort());
    expect(notifications.every((n) => n.type === 'CORRECTION_SUBMITTED' && n.url === `/admin/rattelser/${id}`)).toBe(true);
    expect(await written()).toEqual({ suggestions: before.suggestions + 1, notifications: before.notifications + coordinators.length });
  });

  it('stores no client address: only a keyed hash in the rate-limit table', async () => {
    const now = nextHour();
    const client = '198.51.100.77';
    await submitCorrection(ANONYMOUS, serviceId, form(now), { clientKey: client, now });
    const limits = await db.prisma.rateLimit.findMany({ where: { key: { startsWith: 'correction:client:' } } });
    expect(limits.length).toBeGreaterThan(0);
    expect(limits.some((l) => l.key.includes(client))).toBe(false);
    const rows = await db.prisma.correctionSuggestion.findMany({ select: { message: true, contactEmail: true } });
    expect(JSON.stringify(rows)).not.toContain(client);
  });

  it('answers a filled honeypot like a success and writes nothing', async () => {
    const now = nextHour();
    const before = await written();
    expect(await submitCorrection(ANONYMOUS, SERVICE, form(now, { honeypot: 'https://spam.example' }), { clientKey: newClient(), now })).toEqual({ id: null });
    expect(await written()).toEqual(before);
  });

  it('answers a form sent within seconds of being shown like a success and writes nothing', async () => {
    const now = nextHour();
    const before = await written();
    const token = signCorrectionFormToken(serviceId, new Date(now.getTime() - 1_000));
    expect(await submitCorrection(ANONYMOUS, SERVICE, form(now, { formToken: token }), { clientKey: newClient(), now })).toEqual({ id: null });
    expect(await written()).toEqual(before);
  });

  it('refuses an altered, missing, expired or other service’s token with a message, writing nothing', async () => {
    const now = nextHour();
    const before = await written();
    const good = signCorrectionFormToken(serviceId, new Date(now.getTime() - 60_000));
    const other = (await db.prisma.service.findFirstOrThrow({ where: { id: { not: serviceId } }, select: { id: true } })).id;
    for (const formToken of [
      `${now.getTime() - 120_000}.${good.split('.')[1]}`,
      undefined,
      signCorrectionFormToken(serviceId, new Date(now.getTime() - 25 * 60 * 60 * 1000)),
      signCorrectionFormToken(other, new Date(now.getTime() - 60_000)),
    ]) {
      expect(await failureOf(submitCorrection(ANONYMOUS, SERVICE, form(now, { formToken }), { clientKey: newClient(), now }))).toMatchObject({
        code: 'INVALID_INPUT',
        formError: 'formExpired',
      });
    }
    expect(await written()).toEqual(before);
  });

  it('refuses bad fields with a message per field, writing nothing', async () => {
    const now = nextHour();
    const before = await written();
    const failure = await failureOf(
      submitCorrection(ANONYMOUS, SERVICE, form(now, { topic: 'PRICES', message: 'fel', contactEmail: 'inte-en-adress' }), { clientKey: newClient(), now }),
    );
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { topic: 'topicRequired', message: 'messageTooShort', contactEmail: 'emailInvalid' } });
    expect(await failureOf(submitCorrection(ANONYMOUS, SERVICE, form(now, { message: 'x'.repeat(2001) }), { clientKey: newClient(), now }))).toMatchObject({
      fieldErrors: { message: 'messageTooLong' },
    });
    expect(await written()).toEqual(before);
  });

  it('takes two links in the text and refuses a third', async () => {
    const now = nextHour();
    const two = 'Nya sidan är https://linnean.example/stod och www.linnean.example/kontakt har numret.';
    const { id } = await submitCorrection(ANONYMOUS, SERVICE, form(now, { message: two }), { clientKey: newClient(), now });
    expect(id).toBeTruthy();
    const before = await written();
    const three = `${two} Se även http://spam.example/köp`;
    expect(await failureOf(submitCorrection(ANONYMOUS, SERVICE, form(now, { message: three }), { clientKey: newClient(), now }))).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { message: 'tooManyLinks' },
    });
    expect(await written()).toEqual(before);
  });

  it(`refuses the ${CORRECTION_LIMITS.perClientPerHour + 1}th suggestion from one address within an hour, and takes it again the next hour`, async () => {
    const now = nextHour();
    const client = newClient();
    for (let i = 0; i < CORRECTION_LIMITS.perClientPerHour; i++) {
      expect((await submitCorrection(ANONYMOUS, SERVICE, form(now), { clientKey: client, now })).id).toBeTruthy();
    }
    const before = await written();
    expect(await failureOf(submitCorrection(ANONYMOUS, SERVICE, form(now), { clientKey: client, now }))).toMatchObject({ code: 'RATE_LIMITED', formError: 'rateLimited' });
    expect(await written()).toEqual(before);
    // Another address is not held back by this one.
    expect((await submitCorrection(ANONYMOUS, SERVICE, form(now), { clientKey: newClient(), now })).id).toBeTruthy();
    const later = nextHour();
    expect((await submitCorrection(ANONYMOUS, SERVICE, form(later), { clientKey: client, now: later })).id).toBeTruthy();
  });

  it(`refuses more than ${CORRECTION_LIMITS.perServicePerHour} suggestions an hour for one service, from any number of addresses`, async () => {
    const now = nextHour();
    for (let i = 0; i < CORRECTION_LIMITS.perServicePerHour; i++) {
      expect((await submitCorrection(ANONYMOUS, SERVICE, form(now), { clientKey: newClient(), now })).id).toBeTruthy();
    }
    const before = await written();
    expect(await failureOf(submitCorrection(ANONYMOUS, SERVICE, form(now), { clientKey: newClient(), now }))).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await written()).toEqual(before);
  });

  it('refuses suggestions for an inactive or unknown service', async () => {
    const now = nextHour();
    const inactive = await db.prisma.service.findFirstOrThrow({ where: { status: 'ACTIVE', id: { not: serviceId } }, select: { id: true, slug: true } });
    await db.prisma.service.update({ where: { id: inactive.id }, data: { status: 'INACTIVE' } });
    try {
      const before = await written();
      const token = signCorrectionFormToken(inactive.id, new Date(now.getTime() - 60_000));
      expect(await failureOf(submitCorrection(ANONYMOUS, inactive.slug, form(now, { formToken: token }), { clientKey: newClient(), now }))).toMatchObject({
        code: 'NOT_FOUND',
        formError: 'serviceNotFound',
      });
      expect(await failureOf(getCorrectionTarget(ANONYMOUS, inactive.slug, 'sv'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failureOf(submitCorrection(ANONYMOUS, 'finns-inte', form(now), { clientKey: newClient(), now }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await written()).toEqual(before);
    } finally {
      await db.prisma.service.update({ where: { id: inactive.id }, data: { status: 'ACTIVE' } });
    }
  });
});

describe('handleCorrection', () => {
  it('marks a suggestion handled and mails exactly one reply, in the sender’s language', async () => {
    const id = await submitted({ contactEmail: 'sender@exempel.se', locale: 'en' });
    const now = nextHour();

    const result = await handleCorrection(actors.coordinator, id, { outcome: 'HANDLED', reply: 'Thank you, the hours are corrected.' }, { now, env: env() });

    expect(result).toEqual({ status: 'HANDLED', reply: 'sent' });
    const row = await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'HANDLED', handledById: (actors.coordinator as { userId: string }).userId, reply: 'Thank you, the hours are corrected.' });
    expect(row.handledAt).toEqual(now);
    expect(row.repliedAt).toEqual(now);
    const messages = mail().messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.to).toEqual(['sender@exempel.se']);
    expect(messages[0]!.subject).toMatch(/^Reply to your suggestion about /);
    expect(messages[0]!.text).toContain('Thank you, the hours are corrected.');
    expect(messages[0]!.text).toContain(`${SITE}/en/tjanster/${SERVICE}`);
    expect(await db.prisma.auditLog.count({ where: { action: 'correction.handle', entityId: id } })).toBe(1);
  });

  it('writes the reply in Arabic for a suggestion sent from the Arabic pages', async () => {
    const id = await submitted({ contactEmail: 'ar-sender@exempel.se', locale: 'ar' });
    await handleCorrection(actors.coordinator, id, { outcome: 'DISMISSED', reply: 'شكرًا، المعلومات صحيحة.' }, { env: env() });
    const [message] = mail().messages();
    expect(message!.subject).toMatch(/^رد على اقتراحك حول /);
    expect(message!.text).toContain(`${SITE}/ar/tjanster/${SERVICE}`);
  });

  it('mails nothing when the sender gave no address, and keeps the reply text', async () => {
    const id = await submitted();
    const result = await handleCorrection(actors.coordinator, id, { outcome: 'DISMISSED', reply: 'Stämmer redan.' }, { env: env() });
    expect(result).toEqual({ status: 'DISMISSED', reply: 'none' });
    expect(mail().messages()).toHaveLength(0);
    expect(await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id }, select: { status: true, reply: true, repliedAt: true } })).toEqual({
      status: 'DISMISSED',
      reply: 'Stämmer redan.',
      repliedAt: null,
    });
  });

  it('mails nothing when no reply was written', async () => {
    const id = await submitted({ contactEmail: 'quiet@exempel.se' });
    expect(await handleCorrection(actors.coordinator, id, { outcome: 'HANDLED', reply: '   ' }, { env: env() })).toEqual({ status: 'HANDLED', reply: 'none' });
    expect(mail().messages()).toHaveLength(0);
  });

  it('keeps the decision when the mail server fails, says so, and sends the reply when asked again', async () => {
    const id = await submitted({ contactEmail: 'later@exempel.se' });
    const broken = readEnv({ SMTP_URL: 'smtp://127.0.0.1:1', SITE_URL: SITE });
    expect(await handleCorrection(actors.coordinator, id, { outcome: 'HANDLED', reply: 'Rättat nu.' }, { env: broken })).toEqual({ status: 'HANDLED', reply: 'failed' });
    expect(await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id }, select: { status: true, repliedAt: true } })).toEqual({ status: 'HANDLED', repliedAt: null });

    expect(await resendCorrectionReply(actors.coordinator, id, { env: env() })).toBe('sent');
    expect(mail().messages()).toHaveLength(1);
    expect(await failureOf(resendCorrectionReply(actors.coordinator, id, { env: env() }))).toMatchObject({ code: 'CONFLICT', formError: 'nothingToResend' });
    expect(mail().messages()).toHaveLength(1);
  });

  it('refuses to handle a suggestion twice, changing nothing and mailing nothing', async () => {
    const id = await submitted({ contactEmail: 'twice@exempel.se' });
    await handleCorrection(actors.coordinator, id, { outcome: 'HANDLED' }, { env: env() });
    const before = await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id } });
    expect(await failureOf(handleCorrection(actors.coordinator, id, { outcome: 'DISMISSED', reply: 'Ändrat mig.' }, { env: env() }))).toMatchObject({
      code: 'CONFLICT',
      formError: 'alreadyHandled',
    });
    expect(await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(mail().messages()).toHaveLength(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'correction.handle', entityId: id } })).toBe(1);
  });

  it('refuses an unknown outcome and an unknown suggestion', async () => {
    const id = await submitted();
    expect(await failureOf(handleCorrection(actors.coordinator, id, { outcome: 'DELETED' }))).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { outcome: 'outcomeInvalid' } });
    expect(await failureOf(handleCorrection(actors.coordinator, 'cm0000000000000000000000', { outcome: 'HANDLED' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id } })).status).toBe('NEW');
  });

  it('refuses everyone but the coordinator, changing nothing', async () => {
    const id = await submitted({ contactEmail: 'nobody@exempel.se' });
    const before = await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id } });
    for (const actor of [ANONYMOUS, actors.member, actors.official]) {
      const failure = await failureOf(handleCorrection(actor, id, { outcome: 'HANDLED', reply: 'Hej' }, { env: env() }));
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(failure.code);
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain((await failureOf(getCorrection(actor, id))).code);
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain((await failureOf(listCorrections(actor, {}))).code);
    }
    expect(await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(mail().messages()).toHaveLength(0);
  });
});

describe('the coordinator’s queue', () => {
  it('lists suggestions by state with counts, and shows one with its service', async () => {
    const id = await submitted({ contactEmail: 'list@exempel.se' });
    const page = await listCorrections(actors.coordinator, { status: 'NEW' });
    const total = await db.prisma.correctionSuggestion.count();
    expect(page.counts.ALL).toBe(total);
    expect(page.counts.NEW + page.counts.HANDLED + page.counts.DISMISSED).toBe(total);
    expect(page.items.every((item) => item.status === 'NEW')).toBe(true);
    expect(page.items.length).toBe(Math.min(25, page.counts.NEW));

    const detail = await getCorrection(actors.coordinator, id);
    expect(detail).toMatchObject({ id, status: 'NEW', contactEmail: 'list@exempel.se', service: { id: serviceId, slug: SERVICE, isActive: true } });
    expect(detail.service.organizationName).toBeTruthy();

    const handled = await listCorrections(actors.coordinator, { status: 'HANDLED', page: '999' });
    expect(handled.page).toBe(handled.pageCount);
    expect(handled.items.every((item) => item.status === 'HANDLED')).toBe(true);
    // A made-up filter falls back to the new ones.
    expect((await listCorrections(actors.coordinator, { status: 'EVERYTHING' })).status).toBe('NEW');
  });
});

describe('the worker erasing handled contacts', () => {
  it('erases the sender’s address 30 days after handling, and only then', async () => {
    const id = await submitted({ contactEmail: 'erase@exempel.se' });
    const handledAt = nextHour();
    await handleCorrection(actors.coordinator, id, { outcome: 'HANDLED' }, { now: handledAt, env: env() });
    const waiting = await submitted({ contactEmail: 'waiting@exempel.se' });

    await eraseHandledCorrectionContacts(db.prisma, new Date(handledAt.getTime() + 29 * 24 * 60 * 60 * 1000));
    expect((await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id } })).contactEmail).toBe('erase@exempel.se');

    // The worker's daily pass does the erasing.
    await workOnce(db.prisma, null, new Date(handledAt.getTime() + 31 * 24 * 60 * 60 * 1000));
    expect((await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id } })).contactEmail).toBeNull();
    // A suggestion not yet handled keeps its address until it is.
    expect((await db.prisma.correctionSuggestion.findUniqueOrThrow({ where: { id: waiting } })).contactEmail).toBe('waiting@exempel.se');
  });
});
