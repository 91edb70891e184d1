import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { IssueState, MembershipRole } from '@/lib/generated/prisma/enums';
import { seedDatabase } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/**
 * A digest of every row of every table, to prove that a second seed run changes nothing.
 * ContentVersion is left out: it counts write transactions (for the page cache), and a seed
 * run that rewrites rows with the same values still writes.
 */
async function fingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'ContentVersion')
     ORDER BY table_name`,
  );
  const result: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint; digest: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table_name}" t`,
    );
    result[table_name] = `${row?.n}:${row?.digest}`;
  }
  return result;
}

describe('seedDatabase', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = db.prisma;
    await seedDatabase(prisma);
  }, 180_000);

  afterAll(() => db?.drop());

  it('creates the network: 13 associations, the region and both municipalities', async () => {
    const byKind = await prisma.organization.groupBy({ by: ['kind'], _count: true });
    const count = Object.fromEntries(byKind.map((r) => [r.kind, r._count]));
    expect(count.ASSOCIATION).toBeGreaterThanOrEqual(13);
    expect(count.REGION).toBe(1);
    expect(count.MUNICIPALITY).toBe(2);
    const names = (await prisma.municipality.findMany({ select: { name: true } })).map((m) => m.name).sort();
    expect(names).toEqual(['Degerfors', 'Karlskoga']);
  });

  it('creates 60+ active services across 12+ categories, with hours, languages, costs and attributes', async () => {
    expect(await prisma.service.count({ where: { status: 'ACTIVE' } })).toBeGreaterThanOrEqual(60);
    const usedCategories = await prisma.category.count({ where: { services: { some: {} } } });
    expect(usedCategories).toBeGreaterThanOrEqual(12);
    expect(await prisma.service.count({ where: { schedules: { none: {} } } })).toBeLessThan(10);
    expect(await prisma.serviceLanguage.groupBy({ by: ['languageCode'] })).not.toHaveLength(1);
    expect(await prisma.service.count({ where: { isFree: false, feesDescription: { not: null } } })).toBeGreaterThan(0);
    expect(await prisma.serviceAttribute.count({ where: { attribute: { key: 'anonymous' } } })).toBeGreaterThan(0);
    expect(await prisma.schedule.count({ where: { closesMinute: { gt: 1440 } } })).toBeGreaterThan(0);
    expect(await prisma.service.count({ where: { easyReadSummary: { not: null } } })).toBeGreaterThan(0);
    expect(await prisma.serviceTranslation.count({ where: { locale: 'en' } })).toBeGreaterThan(0);
  });

  it('keeps protected locations without any address or coordinates', async () => {
    const protectedLocations = await prisma.location.findMany({ where: { isProtected: true } });
    expect(protectedLocations.length).toBeGreaterThan(0);
    for (const l of protectedLocations) {
      expect([l.addressLine1, l.addressLine2, l.postalCode, l.city, l.latitude, l.longitude]).toEqual([null, null, null, null, null, null]);
    }
  });

  it('creates published news, upcoming events and posts in the other states', async () => {
    expect(await prisma.newsPost.count({ where: { status: 'PUBLISHED' } })).toBeGreaterThanOrEqual(10);
    expect(await prisma.newsEvent.count({ where: { startsAt: { gt: new Date() }, post: { status: 'PUBLISHED' } } })).toBeGreaterThan(0);
    for (const status of ['DRAFT', 'SCHEDULED', 'PENDING_APPROVAL', 'UNPUBLISHED'] as const) {
      expect(await prisma.newsPost.count({ where: { status } }), status).toBeGreaterThan(0);
    }
  });

  it('creates workshop issues in every state, each with a consistent event log', async () => {
    const states = (await prisma.workshopIssue.groupBy({ by: ['state'] })).map((r) => r.state).sort();
    expect(states).toEqual(Object.values(IssueState).sort());
    const issues = await prisma.workshopIssue.findMany({
      select: { state: true, events: { orderBy: { createdAt: 'asc' }, select: { fromState: true, toState: true, type: true } } },
    });
    for (const issue of issues) {
      const transitions = issue.events.filter((e) => e.toState !== null);
      expect(transitions[0]?.type).toBe('CREATED');
      expect(transitions.at(-1)?.toState).toBe(issue.state);
      // Each transition starts where the previous one ended.
      for (let i = 1; i < transitions.length; i++) expect(transitions[i]?.fromState).toBe(transitions[i - 1]?.toState);
    }
  });

  it('creates a held meeting with minutes and agreed actions, and a planned one', async () => {
    const closed = await prisma.meeting.findFirst({
      where: { status: 'CLOSED' },
      select: { minutes: { select: { decision: true } }, actions: { select: { followUpAt: true } } },
    });
    expect(closed?.minutes.length).toBeGreaterThan(0);
    expect(closed?.actions.length).toBeGreaterThan(0);
    expect(await prisma.meeting.count({ where: { status: 'PLANNED', agendaItems: { some: {} } } })).toBeGreaterThan(0);
  });

  it('creates a demo user for every role', async () => {
    for (const role of Object.values(MembershipRole)) {
      expect(await prisma.membership.count({ where: { role } }), role).toBeGreaterThan(0);
    }
  });

  it('changes no row when run a second time', async () => {
    const before = await fingerprint(prisma);
    expect(await seedDatabase(prisma)).toEqual({});
    expect(await fingerprint(prisma)).toEqual(before);
  }, 120_000);
});
