/**
 * Keeping listings fresh (docs/decisions/0016-freshness.md). Once a day the worker asks every
 * association whose listings have gone six months without a confirmation to confirm them with
 * a one-click link (or propose changes), and tells the coordinators of listings that have gone
 * twelve months. Confirming through the link sets the service's lastConfirmedAt, which the
 * search document turns into its freshness (lib/search/document.ts, freshnessOf): fresher
 * listings rank first.
 *
 * A "cycle" is the time since the last confirmation (or since the service was created, when
 * it never was). Its key is that date, so each reminder is sent once per cycle however many
 * workers run: the token row's unique (serviceId, period) is the claim.
 */
import { randomUUID } from 'node:crypto';
import { createTranslator } from 'next-intl';
import { randomToken, hashToken } from '@/lib/auth/tokens';
import { getDb, type Db } from '@/lib/db/client';
import { getEnv, siteUrl, type Env } from '@/lib/env';
import { routing, type AppLocale } from '@/i18n/routing';
import { errorText, log } from '@/lib/log';
import { sendMail, type OutgoingMail } from '@/lib/mail/transport';
import { coordinatorIds, notifyUsers } from '@/lib/notifications/issue-events';
import { recordServiceChanges } from '@/lib/search/projection';
import { isoDate } from '@/lib/directory/opening-hours';
import { instantOfWallClock, PORTAL_TIME_ZONE, wallClockAt } from '@/lib/time/zoned';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Six months: the organisation is asked to confirm (freshnessOf's line between 2 and 1). */
export const CONFIRMATION_DUE_DAYS = 183;
/** Twelve months: the coordinators are told (freshnessOf's line between 1 and 0). */
export const STALE_AFTER_DAYS = 365;
/** How long a confirmation link works. */
export const CONFIRMATION_TOKEN_LIFETIME_MS = 60 * DAY_MS;
/** Services handled per pass; the rest wait for the next day's pass. */
export const FRESHNESS_BATCH = 300;

/** randomToken(): 32 bytes, base64url. Anything else is not one of ours. */
const TOKEN_PATTERN = /^[\w-]{43}$/;

// The message files have the same keys (a test checks it), so Swedish types them all.
const CATALOGUES: Record<AppLocale, typeof sv> = { sv, en: en as typeof sv, ar: ar as typeof sv };

/** The date a cycle is named by: the day (UTC) of the last confirmation, or of creation. */
export const cycleDateOf = (lastConfirmedAt: Date | null, createdAt: Date): string => (lastConfirmedAt ?? createdAt).toISOString().slice(0, 10);
export const confirmationPeriodOf = (cycleDate: string) => `6m-${cycleDate}`;
export const staleKeyOf = (serviceId: string, cycleDate: string) => `stale:${serviceId}:${cycleDate}`;
export const needsConfirmationKeyOf = (serviceId: string, cycleDate: string) => `confirm:${serviceId}:${cycleDate}`;

const localeOf = (value: string | null | undefined): AppLocale => routing.locales.find((l) => l === value) ?? routing.defaultLocale;

/**
 * The worker's period for the daily freshness pass: the Stockholm date, from FRESHNESS_MAIL_HOUR
 * (07:00 unless configured) on; null before it, when nothing is due yet.
 */
export function freshnessPeriodKey(now: Date, fromHour = getEnv().FRESHNESS_MAIL_HOUR): string | null {
  const today = wallClockAt(now);
  if (now.getTime() < instantOfWallClock(today.year, today.month, today.day, fromHour, 0).getTime()) return null;
  return isoDate(today);
}

// ── Confirmation requests (6 months) ───────────────────────────────────────────────

interface DueRow {
  id: string;
  slug: string;
  name: string;
  organizationId: string;
  cycleDate: string;
}

export interface ConfirmationRequestReport {
  /** Services whose cycle got its link in this pass. */
  services: number;
  /** Messages the mail server took. */
  mails: number;
  /** Organisations whose mail failed; their services are asked again on the next pass. */
  failed: number;
}

interface Recipient {
  email: string;
  name: string | null;
  locale: AppLocale;
  userId: string | null;
}

/** Where an organisation's request goes: its own address, else its admins, else its members. */
async function recipientsOf(db: Db, organizationId: string): Promise<{ organizationName: string; recipients: Recipient[]; adminIds: string[] }> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      name: true,
      email: true,
      memberships: {
        where: { role: { in: ['ASSOCIATION_ADMIN', 'MEMBER'] }, user: { disabledAt: null } },
        orderBy: { createdAt: 'asc' },
        select: { role: true, user: { select: { id: true, email: true, name: true, locale: true } } },
      },
    },
  });
  const admins = org.memberships.filter((m) => m.role === 'ASSOCIATION_ADMIN');
  const adminIds = admins.map((m) => m.user.id);
  if (org.email) return { organizationName: org.name, recipients: [{ email: org.email, name: null, locale: routing.defaultLocale, userId: null }], adminIds };
  const people = admins.length > 0 ? admins : org.memberships;
  return {
    organizationName: org.name,
    recipients: people.map((m) => ({ email: m.user.email, name: m.user.name, locale: localeOf(m.user.locale), userId: m.user.id })),
    adminIds,
  };
}

interface RequestedService {
  name: string;
  slug: string;
  token: string;
}

function confirmationMail(recipient: Recipient, organizationName: string, services: RequestedService[], context: { siteName: string; baseUrl: string; expiresAt: Date }): OutgoingMail {
  const locale = recipient.locale;
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'Freshness.mail' });
  const prefix = locale === routing.defaultLocale ? '' : `/${locale}`;
  const link = (path: string) => `${context.baseUrl}${prefix}${path}`;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: PORTAL_TIME_ZONE }).format(context.expiresAt);
  const lines = [recipient.name ? t('greetingNamed', { name: recipient.name }) : t('greeting'), '', t('intro', { organization: organizationName, site: context.siteName, count: services.length }), ''];
  services.forEach((service, index) => {
    lines.push(`${index + 1}. ${service.name}`);
    lines.push(`   ${t('stillCorrect', { url: link(`/bekrafta/${service.token}`) })}`);
    lines.push(`   ${t('proposeChanges', { url: link(`/konto/tjanster/${encodeURIComponent(service.slug)}`) })}`);
    lines.push('');
  });
  lines.push(t('expires', { date }), t('whyAsked'), '', t('signature', { site: context.siteName }));
  const subject = t('subject', { organization: organizationName, count: services.length }).replace(/\s+/g, ' ').trim();
  return { to: recipient.email, subject: subject.length > 300 ? `${subject.slice(0, 299)}…` : subject, text: lines.join('\n') };
}

/**
 * Mails each organisation with listings due for confirmation one message listing them all,
 * each with its own single-use "still correct" link and a link to propose changes, and
 * notifies the association's admins in the portal. Exactly once per service and cycle: the
 * token rows are inserted first and only the process that inserted them mails. A failed send
 * withdraws that organisation's tokens, so the next pass asks again.
 */
export async function sendConfirmationRequests(db: Db, now = new Date(), env: Env = getEnv()): Promise<ConfirmationRequestReport> {
  const report: ConfirmationRequestReport = { services: 0, mails: 0, failed: 0 };
  if (!env.SMTP_URL) {
    // Without mail the links could reach nobody: claim nothing, so they go out once mail works.
    log('warn', 'listing confirmation requests not sent: SMTP_URL is unset');
    return report;
  }
  const dueBefore = new Date(now.getTime() - CONFIRMATION_DUE_DAYS * DAY_MS);
  const due = await db.$queryRaw<DueRow[]>`
    SELECT s."id", s."slug", s."name", s."organizationId", to_char(COALESCE(s."lastConfirmedAt", s."createdAt"), 'YYYY-MM-DD') AS "cycleDate"
    FROM "Service" s JOIN "Organization" o ON o."id" = s."organizationId"
    WHERE s."status" = 'ACTIVE' AND o."isActive" AND COALESCE(s."lastConfirmedAt", s."createdAt") <= ${dueBefore}::timestamp
      AND NOT EXISTS (SELECT 1 FROM "ServiceConfirmationToken" t
        WHERE t."serviceId" = s."id" AND t."period" = '6m-' || to_char(COALESCE(s."lastConfirmedAt", s."createdAt"), 'YYYY-MM-DD'))
    ORDER BY s."organizationId", s."name", s."id"
    LIMIT ${FRESHNESS_BATCH}`;
  if (due.length === 0) return report;
  const site = await db.siteSetting.findUnique({ where: { id: 1 }, select: { shortName: true } });
  const siteName = site?.shortName ?? 'LISA';
  const expiresAt = new Date(now.getTime() + CONFIRMATION_TOKEN_LIFETIME_MS);
  const byOrganization = new Map<string, DueRow[]>();
  for (const row of due) byOrganization.set(row.organizationId, [...(byOrganization.get(row.organizationId) ?? []), row]);

  for (const [organizationId, services] of byOrganization) {
    // Claim the cycles: a service another worker claimed first is left to that worker.
    const claimed: (RequestedService & { id: string; tokenId: string; cycleDate: string })[] = [];
    for (const service of services) {
      const token = randomToken();
      const rows = await db.$queryRaw<{ id: string }[]>`
        INSERT INTO "ServiceConfirmationToken" ("id", "serviceId", "tokenHash", "period", "sentAt", "expiresAt")
        VALUES (${randomUUID()}, ${service.id}, ${hashToken(token)}, ${confirmationPeriodOf(service.cycleDate)}, ${now}::timestamp, ${expiresAt}::timestamp)
        ON CONFLICT ("serviceId", "period") DO NOTHING
        RETURNING "id"`;
      if (rows.length > 0) claimed.push({ id: service.id, name: service.name, slug: service.slug, token, tokenId: rows[0]!.id, cycleDate: service.cycleDate });
    }
    if (claimed.length === 0) continue;
    const { organizationName, recipients, adminIds } = await recipientsOf(db, organizationId);
    const mailedUsers = new Set<string>();
    let sent = 0;
    let failure: unknown = null;
    for (const recipient of recipients) {
      try {
        await sendMail(confirmationMail(recipient, organizationName, claimed, { siteName, baseUrl: siteUrl(env), expiresAt }), env);
        sent += 1;
        if (recipient.userId) mailedUsers.add(recipient.userId);
      } catch (error) {
        failure = error;
      }
    }
    report.mails += sent;
    if (sent === 0) {
      // Nobody got the links: give the cycles back for the next pass.
      await db.serviceConfirmationToken.deleteMany({ where: { id: { in: claimed.map((c) => c.tokenId) } } });
      report.failed += 1;
      log('warn', 'listing confirmation request not sent; will ask again', { organizationId, services: claimed.length, error: failure ? errorText(failure) : 'no recipient' });
      continue;
    }
    report.services += claimed.length;
    for (const service of claimed) {
      const key = needsConfirmationKeyOf(service.id, service.cycleDate);
      await notifyUsers(db, adminIds, { type: 'LISTING_NEEDS_CONFIRMATION', issueId: null, title: service.name, url: `/konto/tjanster/${service.slug}`, dedupeKey: key });
      // The admins who got the links by mail need no second mail about the same thing.
      if (mailedUsers.size > 0) await db.notification.updateMany({ where: { dedupeKey: key, userId: { in: [...mailedUsers] }, emailedAt: null }, data: { emailedAt: now } });
    }
  }
  return report;
}

// ── Confirming through the link ────────────────────────────────────────────────────

export type ConfirmationRefusal = 'unknown' | 'expired' | 'used';

export interface ConfirmationView {
  serviceName: string;
  serviceSlug: string;
  expiresAt: Date;
  /** When the listing was confirmed with this link (or another link of the same reminder). */
  usedAt: Date | null;
}

export type ConfirmationLookup = { status: 'valid'; confirmation: ConfirmationView } | { status: Exclude<ConfirmationRefusal, 'unknown'>; confirmation: ConfirmationView } | { status: 'unknown' };

export type ConfirmationResult =
  | { status: 'confirmed' | 'expired' | 'used'; confirmation: ConfirmationView }
  | { status: 'unknown' };

const TOKEN_SELECT = {
  id: true,
  period: true,
  expiresAt: true,
  usedAt: true,
  service: { select: { id: true, name: true, slug: true, status: true, organizationId: true } },
} as const;

const viewOf = (row: { expiresAt: Date; usedAt: Date | null; service: { name: string; slug: string } }): ConfirmationView => ({
  serviceName: row.service.name,
  serviceSlug: row.service.slug,
  expiresAt: row.expiresAt,
  usedAt: row.usedAt,
});

/**
 * What the confirmation page shows for a link; reads only (mail scanners open links). A link
 * to a service that is no longer listed is unknown: there is nothing left to confirm.
 */
export async function findConfirmation(token: unknown, now = new Date()): Promise<ConfirmationLookup> {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return { status: 'unknown' };
  const db = await getDb();
  const row = await db.serviceConfirmationToken.findUnique({ where: { tokenHash: hashToken(token) }, select: TOKEN_SELECT });
  if (!row || row.service.status !== 'ACTIVE') return { status: 'unknown' };
  const confirmation = viewOf(row);
  if (row.usedAt) return { status: 'used', confirmation };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: 'expired', confirmation };
  return { status: 'valid', confirmation };
}

/**
 * Confirms a listing with the mailed link: the token is the permission (whoever holds the
 * organisation's mail). One transaction: the token is taken by a conditional update on
 * `usedAt IS NULL`, so of two clicks exactly one wins and the other hears "already used";
 * the service's lastConfirmedAt is set (lastConfirmedById stays empty: no portal user did
 * it), the reminder's other links stop working, the audit log names the token, and the search
 * projection is rewritten so freshness and ranking change at once.
 */
export async function confirmByToken(token: unknown, now = new Date()): Promise<ConfirmationResult> {
  const found = await findConfirmation(token, now);
  if (found.status !== 'valid') return found;
  const db = await getDb();
  const tokenHash = hashToken(token as string);
  return db.$transaction(async (tx) => {
    const taken = await tx.serviceConfirmationToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const row = await tx.serviceConfirmationToken.findUniqueOrThrow({ where: { tokenHash }, select: TOKEN_SELECT });
    if (taken.count === 0) return row.usedAt ? { status: 'used' as const, confirmation: viewOf(row) } : { status: 'expired' as const, confirmation: viewOf(row) };
    await tx.serviceConfirmationToken.updateMany({ where: { serviceId: row.service.id, usedAt: null }, data: { usedAt: now } });
    await tx.service.update({ where: { id: row.service.id }, data: { lastConfirmedAt: now, lastConfirmedById: null } });
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: 'service.confirmByLink',
        entityType: 'Service',
        entityId: row.service.id,
        organizationId: row.service.organizationId,
        data: { tokenId: row.id, period: row.period },
      },
    });
    await recordServiceChanges(tx, [row.service.id]);
    return { status: 'confirmed' as const, confirmation: viewOf(row) };
  });
}

// ── Stale listings (12 months) ─────────────────────────────────────────────────────

/**
 * Tells every coordinator, once per service and cycle, of each active listing unconfirmed for
 * twelve months (LISTING_STALE, linking to the coordinator's page of the service). Services
 * already told of are left out in the query, so a backlog larger than a batch drains over
 * the following passes.
 */
export async function alertStaleListings(db: Db, now = new Date()): Promise<number> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
  const coordinators = await coordinatorIds(db);
  if (coordinators.length === 0) return 0;
  const stale = await db.$queryRaw<{ id: string; name: string; cycleDate: string }[]>`
    SELECT s."id", s."name", to_char(COALESCE(s."lastConfirmedAt", s."createdAt"), 'YYYY-MM-DD') AS "cycleDate"
    FROM "Service" s
    WHERE s."status" = 'ACTIVE' AND COALESCE(s."lastConfirmedAt", s."createdAt") <= ${staleBefore}::timestamp
      AND NOT EXISTS (SELECT 1 FROM "Notification" n
        WHERE n."type" = 'LISTING_STALE' AND n."dedupeKey" = 'stale:' || s."id" || ':' || to_char(COALESCE(s."lastConfirmedAt", s."createdAt"), 'YYYY-MM-DD'))
    ORDER BY COALESCE(s."lastConfirmedAt", s."createdAt"), s."id"
    LIMIT ${FRESHNESS_BATCH}`;
  let written = 0;
  for (const service of stale) {
    written += await notifyUsers(
      db,
      coordinators,
      { type: 'LISTING_STALE', issueId: null, title: service.name, url: `/admin/tjanster/${service.id}`, dedupeKey: staleKeyOf(service.id, service.cycleDate) },
    );
  }
  return written;
}

/** The worker's daily freshness pass: the coordinators' alerts, then the organisations' requests. */
export async function runFreshnessJobs(db: Db, now = new Date()): Promise<void> {
  const alerts = await alertStaleListings(db, now);
  if (alerts > 0) log('info', 'stale listings reported to the coordinators', { notifications: alerts });
  const requests = await sendConfirmationRequests(db, now);
  if (requests.services + requests.failed > 0) log('info', 'listing confirmation requests sent', { ...requests });
}
