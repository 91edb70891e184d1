/**
 * "Föreslå en rättelse": anyone, without an account, tells the coordinator that a service's
 * listing is wrong; the coordinator handles or dismisses it and may answer by e-mail when the
 * sender gave an address (docs/decisions/0015-public-corrections.md).
 *
 * Spam is kept out without third parties: a honeypot field, a signed form token that must be
 * a few seconds old, a cap on links, and rate limits per client (by a keyed hash of its
 * address, never the address) and per service. No client address is stored with a suggestion.
 */
import type { Actor } from '@/lib/authz/actor';
import { requireUser } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { hitRateLimit } from '@/lib/auth/mutations';
import { keyedHash } from '@/lib/auth/tokens';
import { getDb, type Db } from '@/lib/db/client';
import { getEnv, siteUrl, type Env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CorrectionStatus, CorrectionTopic } from '@/lib/generated/prisma/enums';
import { errorText, log } from '@/lib/log';
import { sendMail } from '@/lib/mail/transport';
import { coordinatorIds, notifyUsers } from '@/lib/notifications/issue-events';
import { correctionReplyMail, servicePath } from './correction-mail';
import {
  CONTACT_RETENTION_DAYS,
  CORRECTION_FILTERS,
  CORRECTIONS_PER_PAGE,
  correctionDecisionSchema,
  correctionErrors,
  correctionIdSchema,
  correctionListSchema,
  correctionSubmissionSchema,
  type CorrectionFilter,
  serviceRefSchema,
} from './correction-schemas';
import { checkCorrectionFormToken } from './correction-token';

const HOUR_MS = 60 * 60 * 1000;
export const CORRECTION_LIMITS = { perClientPerHour: 5, perServicePerHour: 20 } as const;

/** The coordinator's queue item, the link a notification points to. */
export const correctionPath = (id: string) => `/admin/rattelser/${id}`;

// ── Submitting (anyone) ────────────────────────────────────────────────────────────

/** The service a correction form is for: an active one, in the page's language. */
export interface CorrectionTarget {
  id: string;
  slug: string;
  name: string;
}

async function findActiveService(db: Db | Prisma.TransactionClient, ref: unknown, locale: string): Promise<CorrectionTarget> {
  const parsed = serviceRefSchema.safeParse(ref);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'serviceNotFound');
  const service = await db.service.findFirst({
    where: { OR: [{ id: parsed.data }, { slug: parsed.data }], status: 'ACTIVE' },
    select: { id: true, slug: true, name: true, translations: { where: { locale }, select: { name: true } } },
  });
  // An inactive or removed service takes no suggestions, and says so the same way as an unknown one.
  if (!service) throw new AppError('NOT_FOUND', 'serviceNotFound');
  return { id: service.id, slug: service.slug, name: service.translations[0]?.name ?? service.name };
}

/** The active service a correction form is shown for; NOT_FOUND otherwise. Open to anyone. */
export async function getCorrectionTarget(_actor: Actor, serviceSlugOrId: unknown, locale: string): Promise<CorrectionTarget> {
  return findActiveService(await getDb(), serviceSlugOrId, locale);
}

export interface SubmissionContext {
  /** The client's address as the request saw it; only its keyed hash is used, as a rate-limit key. */
  clientKey: string;
  now?: Date;
}

/** What the submission form sends besides the fields: the honeypot and the signed token. */
interface SubmissionGuards {
  honeypot?: unknown;
  formToken?: unknown;
}

/**
 * Takes a suggestion into the coordinator's queue: one CorrectionSuggestion and one
 * CORRECTION_SUBMITTED notification per coordinator, in one transaction. Returns its id, or
 * null when the submission was a bot's (honeypot filled, or sent faster than a person can):
 * that is answered like a success and writes nothing, so the bot learns nothing to adapt to.
 * Other refusals are AppErrors with a key of `Corrections.errors`: NOT_FOUND (no such active
 * service), INVALID_INPUT (fields, links, an expired or altered form), RATE_LIMITED.
 */
export async function submitCorrection(
  _actor: Actor,
  serviceSlugOrId: unknown,
  input: unknown,
  context: SubmissionContext,
): Promise<{ id: string | null }> {
  const now = context.now ?? new Date();
  const db = await getDb();
  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown> & SubmissionGuards;
  const locale = typeof fields.locale === 'string' ? fields.locale : 'sv';
  const service = await findActiveService(db, serviceSlugOrId, locale);

  if (typeof fields.honeypot === 'string' && fields.honeypot.trim() !== '') return { id: null };
  const token = checkCorrectionFormToken(fields.formToken, service.id, now);
  if (token === 'tooFast') return { id: null };
  if (token !== 'valid') throw new AppError('INVALID_INPUT', 'formExpired', { form: ['formExpired'] });

  // Fields before the limits: a person correcting a typo does not use up their attempts.
  const data = correctionErrors.parse(correctionSubmissionSchema, {
    topic: fields.topic,
    message: fields.message,
    contactEmail: fields.contactEmail ?? '',
    locale: fields.locale,
  });

  for (const [key, limit] of [
    [`correction:client:${keyedHash(context.clientKey)}`, CORRECTION_LIMITS.perClientPerHour],
    [`correction:service:${service.id}`, CORRECTION_LIMITS.perServicePerHour],
  ] as const) {
    const { allowed } = await hitRateLimit(key, limit, HOUR_MS, now);
    if (!allowed) throw new AppError('RATE_LIMITED', 'rateLimited');
  }

  const id = await db.$transaction(async (tx) => {
    const row = await tx.correctionSuggestion.create({
      data: {
        serviceId: service.id,
        topic: data.topic,
        message: data.message,
        contactEmail: data.contactEmail ?? null,
        locale: data.locale,
        createdAt: now,
      },
      select: { id: true },
    });
    const base = await tx.service.findUniqueOrThrow({ where: { id: service.id }, select: { name: true } });
    await notifyUsers(
      tx,
      await coordinatorIds(tx),
      { type: 'CORRECTION_SUBMITTED', issueId: null, title: base.name, url: correctionPath(row.id), dedupeKey: `correction:${row.id}` },
    );
    return row.id;
  });
  return { id };
}

// ── The coordinator's queue ────────────────────────────────────────────────────────

export interface CorrectionListItem {
  id: string;
  topic: CorrectionTopic;
  /** The start of the message, for the list. */
  excerpt: string;
  status: CorrectionStatus;
  hasContact: boolean;
  createdAt: Date;
  handledAt: Date | null;
  service: { id: string; slug: string; name: string; organizationName: string };
}

export interface CorrectionDetail extends Omit<CorrectionListItem, 'excerpt'> {
  message: string;
  contactEmail: string | null;
  locale: string;
  reply: string | null;
  repliedAt: Date | null;
  handledByName: string | null;
  service: CorrectionListItem['service'] & { isActive: boolean };
}

export interface CorrectionPage {
  items: CorrectionListItem[];
  counts: Record<CorrectionFilter, number>;
  total: number;
  page: number;
  pageCount: number;
  status: CorrectionFilter;
}

const EXCERPT_LENGTH = 160;
const excerptOf = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
};

const serviceSelect = { id: true, slug: true, name: true, status: true, organization: { select: { name: true } } } satisfies Prisma.ServiceSelect;

/** The queue, newest first, 25 a page, filtered by state; with the count of every state. */
export async function listCorrections(actor: Actor, input: unknown): Promise<CorrectionPage> {
  authorize(actor, 'correction.handle', null);
  const filter = correctionListSchema.parse(input ?? {});
  const db = await getDb();
  const grouped = await db.correctionSuggestion.groupBy({ by: ['status'], _count: { _all: true } });
  const counts = Object.fromEntries(CORRECTION_FILTERS.map((f) => [f, 0])) as Record<CorrectionFilter, number>;
  for (const g of grouped) {
    counts[g.status] = g._count._all;
    counts.ALL += g._count._all;
  }
  const where: Prisma.CorrectionSuggestionWhereInput = filter.status === 'ALL' ? {} : { status: filter.status };
  const total = counts[filter.status];
  const pageCount = Math.max(1, Math.ceil(total / CORRECTIONS_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.correctionSuggestion.findMany({
    where,
    // New ones oldest first (a queue); handled ones most recent first (a history).
    orderBy: filter.status === 'NEW' ? [{ createdAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * CORRECTIONS_PER_PAGE,
    take: CORRECTIONS_PER_PAGE,
    select: { id: true, topic: true, message: true, status: true, contactEmail: true, createdAt: true, handledAt: true, service: { select: serviceSelect } },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      topic: r.topic,
      excerpt: excerptOf(r.message),
      status: r.status,
      hasContact: r.contactEmail !== null,
      createdAt: r.createdAt,
      handledAt: r.handledAt,
      service: { id: r.service.id, slug: r.service.slug, name: r.service.name, organizationName: r.service.organization.name },
    })),
    counts,
    total,
    page,
    pageCount,
    status: filter.status,
  };
}

/** One suggestion for the coordinator; NOT_FOUND for an unknown id. */
export async function getCorrection(actor: Actor, id: unknown): Promise<CorrectionDetail> {
  authorize(actor, 'correction.handle', null);
  const parsed = correctionIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const row = await db.correctionSuggestion.findUnique({
    where: { id: parsed.data },
    select: {
      id: true,
      topic: true,
      message: true,
      status: true,
      contactEmail: true,
      locale: true,
      reply: true,
      repliedAt: true,
      createdAt: true,
      handledAt: true,
      handledBy: { select: { name: true, email: true } },
      service: { select: serviceSelect },
    },
  });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  return {
    id: row.id,
    topic: row.topic,
    message: row.message,
    status: row.status,
    hasContact: row.contactEmail !== null,
    contactEmail: row.contactEmail,
    locale: row.locale,
    reply: row.reply,
    repliedAt: row.repliedAt,
    createdAt: row.createdAt,
    handledAt: row.handledAt,
    handledByName: row.handledBy ? row.handledBy.name || row.handledBy.email : null,
    service: {
      id: row.service.id,
      slug: row.service.slug,
      name: row.service.name,
      organizationName: row.service.organization.name,
      isActive: row.service.status === 'ACTIVE',
    },
  };
}

/** Whether the reply went out: none asked for (no text or no address), sent, or the mail server failed. */
export type ReplyOutcome = 'none' | 'sent' | 'failed';

export interface HandleOptions {
  now?: Date;
  /** For tests; the app uses the process's own. */
  env?: Env;
}

/**
 * Mails the stored reply and records when. A failing mail server is logged and reported as
 * 'failed'; the decision it follows is already stored, so nothing is lost and the reply can
 * be sent again from the queue (resendCorrectionReply).
 */
async function mailReply(db: Db, id: string, now: Date, env: Env): Promise<ReplyOutcome> {
  const row = await db.correctionSuggestion.findUniqueOrThrow({
    where: { id },
    select: { contactEmail: true, reply: true, locale: true, service: { select: { slug: true, name: true } }, serviceId: true },
  });
  if (!row.contactEmail || !row.reply) return 'none';
  const [translation, site] = await Promise.all([
    db.serviceTranslation.findUnique({ where: { serviceId_locale: { serviceId: row.serviceId, locale: row.locale } }, select: { name: true } }),
    db.siteSetting.findUnique({ where: { id: 1 }, select: { shortName: true } }),
  ]);
  const mail = correctionReplyMail({
    to: row.contactEmail,
    locale: row.locale,
    serviceName: translation?.name ?? row.service.name,
    serviceUrl: `${siteUrl(env)}${servicePath(row.service.slug, row.locale)}`,
    reply: row.reply,
    siteName: site?.shortName ?? 'LISA',
  });
  try {
    await sendMail(mail, env);
  } catch (error) {
    log('warn', 'correction reply mail failed', { correction: id, error: errorText(error) });
    return 'failed';
  }
  await db.correctionSuggestion.update({ where: { id }, data: { repliedAt: now } });
  return 'sent';
}

/**
 * Marks a new suggestion handled or dismissed, with an optional reply. The decision and its
 * audit row are written first, in one transaction; the reply is mailed after, when the sender
 * gave an address. CONFLICT ('alreadyHandled') when it was decided before, also when two
 * coordinators decide at once.
 */
export async function handleCorrection(
  actor: Actor,
  id: unknown,
  input: unknown,
  options: HandleOptions = {},
): Promise<{ status: 'HANDLED' | 'DISMISSED'; reply: ReplyOutcome }> {
  authorize(actor, 'correction.handle', null);
  const user = requireUser(actor);
  const parsedId = correctionIdSchema.safeParse(id);
  if (!parsedId.success) throw new AppError('NOT_FOUND', 'notFound');
  const decision = correctionErrors.parse(correctionDecisionSchema, input);
  const now = options.now ?? new Date();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const existing = await tx.correctionSuggestion.findUnique({ where: { id: parsedId.data }, select: { serviceId: true } });
    if (!existing) throw new AppError('NOT_FOUND', 'notFound');
    // Only a NEW suggestion changes: the condition makes a second decision, even a concurrent one, write nothing.
    const { count } = await tx.correctionSuggestion.updateMany({
      where: { id: parsedId.data, status: 'NEW' },
      data: { status: decision.outcome, reply: decision.reply ?? null, handledById: user.userId, handledAt: now },
    });
    if (count !== 1) throw new AppError('CONFLICT', 'alreadyHandled');
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: 'correction.handle',
        entityType: 'CorrectionSuggestion',
        entityId: parsedId.data,
        data: { outcome: decision.outcome, serviceId: existing.serviceId, hasReply: decision.reply !== undefined },
      },
    });
  });
  const reply = decision.reply ? await mailReply(db, parsedId.data, now, options.env ?? getEnv()) : 'none';
  return { status: decision.outcome, reply };
}

/**
 * Sends the stored reply of a decided suggestion that has not gone out (the mail server
 * failed the first time). CONFLICT ('nothingToResend') when there is no reply to send, no
 * address, or it was sent already.
 */
export async function resendCorrectionReply(actor: Actor, id: unknown, options: HandleOptions = {}): Promise<ReplyOutcome> {
  authorize(actor, 'correction.handle', null);
  const parsedId = correctionIdSchema.safeParse(id);
  if (!parsedId.success) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const row = await db.correctionSuggestion.findUnique({
    where: { id: parsedId.data },
    select: { status: true, reply: true, contactEmail: true, repliedAt: true },
  });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  if (row.status === 'NEW' || !row.reply || !row.contactEmail || row.repliedAt) throw new AppError('CONFLICT', 'nothingToResend');
  return mailReply(db, parsedId.data, options.now ?? new Date(), options.env ?? getEnv());
}

// ── Retention ──────────────────────────────────────────────────────────────────────

/**
 * Erases the sender's address from suggestions handled more than CONTACT_RETENTION_DAYS ago,
 * as the form promises. For the worker, once a day; running it again erases nothing more.
 */
export async function eraseHandledCorrectionContacts(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - CONTACT_RETENTION_DAYS * 24 * HOUR_MS);
  const { count } = await db.correctionSuggestion.updateMany({
    where: { status: { not: 'NEW' }, handledAt: { lte: cutoff }, contactEmail: { not: null } },
    data: { contactEmail: null },
  });
  return count;
}
