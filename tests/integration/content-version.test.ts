/**
 * The content version behind the page cache (lib/page-cache): a trigger on every table that
 * anonymous pages read bumps it once per committed transaction; private and bookkeeping
 * tables leave it alone, so signing in or counting searches does not empty the cache.
 */
import { describe, expect, it } from 'vitest';
import { readContentVersion } from '@/lib/page-cache/queries';
import { useTestDatabase } from '../helpers/db';

/** Tables no cached page reads. A new table is triggered unless it is added here and to the migration. */
const UNTRIGGERED = [
  'ContentVersion',
  'User', 'Account', 'Session', 'VerificationToken', 'RateLimit', 'Invitation', 'Membership',
  'SearchStat', 'JobRun', 'AuditLog', 'Notification', 'OutboxMessage', 'ImportRun',
  'CorrectionSuggestion', 'ServiceChangeProposal', 'ServiceConfirmationToken', 'NewsRevision',
  'WorkshopCategory', 'WorkshopIssue', 'IssueResponder', 'IssueAssignee', 'WorkshopEvent',
  'WorkshopComment', 'WorkshopAnswer', 'WorkshopInternalNote', 'WorkshopAttachment',
  'Meeting', 'AgendaItem', 'MinuteEntry', 'WorkshopAction',
].sort();

describe('the content version', () => {
  const db = useTestDatabase();
  const version = async () => BigInt(await readContentVersion());

  it('is watched on every table but the listed private ones', async () => {
    const rows = await db.prisma.$queryRaw<{ table: string; triggered: boolean }[]>`
      SELECT c.relname::text AS "table",
             EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'lisa_content_version') AS triggered
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`;
    const untriggered = rows.filter((r) => !r.triggered).map((r) => r.table).sort();
    expect(untriggered).toEqual(UNTRIGGERED);
    expect(rows.filter((r) => r.triggered).map((r) => r.table)).toEqual(expect.arrayContaining(['Service', 'NewsPost', 'Organization', 'Schedule', 'SiteSetting']));
  });

  it('rises once per committed transaction that changes content, however many rows', async () => {
    const before = await version();
    await db.prisma.$transaction(async (tx) => {
      await tx.municipality.create({ data: { slug: 'cv-a', name: 'A-by', code: '9901', regionName: 'Testregion' } });
      await tx.municipality.create({ data: { slug: 'cv-b', name: 'B-by', code: '9902', regionName: 'Testregion' } });
      await tx.municipality.updateMany({ where: { slug: { in: ['cv-a', 'cv-b'] } }, data: { name: 'C-by' } });
    });
    expect(await version()).toBe(before + 1n);
    await db.prisma.municipality.deleteMany({ where: { slug: { in: ['cv-a', 'cv-b'] } } });
    expect(await version()).toBe(before + 2n);
  });

  it('stays when the transaction rolls back', async () => {
    const before = await version();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.municipality.create({ data: { slug: 'cv-rollback', name: 'Rullby', code: '9903', regionName: 'Testregion' } });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await version()).toBe(before);
  });

  it('stays when only private tables change (sign-ins, rate limits, search statistics)', async () => {
    const before = await version();
    await db.prisma.rateLimit.create({ data: { key: 'cv-test', count: 1, resetAt: new Date(Date.now() + 60_000) } });
    await db.prisma.jobRun.create({ data: { name: 'cv-test', periodKey: '1' } });
    await db.prisma.user.updateMany({ data: { lastSignInAt: new Date() } });
    expect(await version()).toBe(before);
  });

  it('rises when a content table is truncated', async () => {
    const before = await version();
    await db.prisma.$executeRawUnsafe('TRUNCATE "SearchSynonym"');
    expect(await version()).toBeGreaterThan(before);
  });
});
