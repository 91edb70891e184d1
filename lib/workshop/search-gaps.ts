/**
 * Searches in the directory that found nothing, as the coordinator sees them beside the
 * workshop queue, and the one step that turns one into a draft workshop issue of the
 * coordinator's own association. The statistics are anonymous weekly counts per normalised
 * query (SearchStat), so nothing here can point at a person.
 */
import { z } from 'zod';
import { requireUser, type Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb, type Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { recordEvent } from './issues';

const WEEK_MS = 7 * 86_400_000;
export const GAP_WEEKS = 8;

export interface SearchGap {
  query: string;
  zeroResults: number;
  searches: number;
  /** The workshop issue already drafted from this query, if any. */
  issueNumber: number | null;
}

function since(now: Date, weeks: number): Date {
  return new Date(now.getTime() - weeks * WEEK_MS);
}

/** The workshop issue number each of these queries was already drafted into, by query. */
export async function draftedIssueNumbers(db: Db, queries: readonly string[]): Promise<Map<string, number>> {
  if (queries.length === 0) return new Map();
  const drafted = await db.$queryRaw<{ query: string; number: number }[]>`
    SELECT e."data"->>'fromSearchGap' AS "query", i."number" FROM "WorkshopEvent" e JOIN "WorkshopIssue" i ON i."id" = e."issueId"
    WHERE e."type" = 'CREATED' AND e."data"->>'fromSearchGap' = ANY(${[...queries]})`;
  return new Map(drafted.map((d) => [d.query, Number(d.number)]));
}

/** The queries with most searches that found nothing in the last weeks, most first. */
export async function listSearchGaps(actor: Actor, options: { weeks?: number; limit?: number; now?: Date } = {}): Promise<SearchGap[]> {
  authorize(actor, 'searchStats.read', null);
  const { weeks = GAP_WEEKS, limit = 15, now = new Date() } = options;
  const db = await getDb();
  const rows = await db.searchStat.groupBy({
    by: ['normalizedQuery'],
    where: { weekStart: { gte: since(now, weeks) }, zeroResultCount: { gt: 0 } },
    _sum: { zeroResultCount: true, searchCount: true },
    orderBy: [{ _sum: { zeroResultCount: 'desc' } }, { normalizedQuery: 'asc' }],
    take: limit,
  });
  const issueOf = await draftedIssueNumbers(db, rows.map((r) => r.normalizedQuery));
  return rows.map((r) => ({
    query: r.normalizedQuery,
    zeroResults: r._sum.zeroResultCount ?? 0,
    searches: r._sum.searchCount ?? 0,
    issueNumber: issueOf.get(r.normalizedQuery) ?? null,
  }));
}

const querySchema = z.string().trim().min(1).max(200);

/**
 * A draft issue of the coordinator's association about one query that found nothing, with
 * the counts written into it; the coordinator completes and sends it like any draft. A query
 * already drafted gives back the same issue instead of a second one.
 */
export async function draftIssueFromSearchGap(actor: Actor, query: unknown, now = new Date()): Promise<{ number: number }> {
  const user = requireUser(actor);
  authorize(actor, 'searchStats.read', null);
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'invalid');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const coordinatorOf = user.memberships.filter((m) => m.role === 'COORDINATOR').map((m) => m.organizationId);
    const association = await tx.organization.findFirst({ where: { id: { in: coordinatorOf }, kind: 'ASSOCIATION', isActive: true }, select: { id: true } });
    if (!association) throw new AppError('CONFLICT', 'noAssociation');
    authorize(actor, 'issue.create', { organizationId: association.id });

    const existing = await tx.workshopEvent.findFirst({
      where: { type: 'CREATED', data: { path: ['fromSearchGap'], equals: parsed.data } },
      select: { issue: { select: { number: true } } },
    });
    if (existing) return { number: existing.issue.number };

    const totals = await tx.searchStat.aggregate({
      where: { normalizedQuery: parsed.data, weekStart: { gte: since(now, GAP_WEEKS) } },
      _sum: { zeroResultCount: true, searchCount: true },
    });
    const zero = totals._sum.zeroResultCount ?? 0;
    if (zero === 0) throw new AppError('NOT_FOUND', 'notFound');
    const issue = await tx.workshopIssue.create({
      data: {
        title: `Hjälpkatalogen saknar svar på ”${parsed.data}”`.slice(0, 160),
        description: [
          `Under de senaste ${GAP_WEEKS} veckorna har ${zero} av ${totals._sum.searchCount ?? zero} sökningar på ”${parsed.data}” i hjälpkatalogen inte gett någon träff.`,
          'Det tyder på ett behov som varken föreningarna, regionen eller kommunerna erbjuder stöd för i dag, eller på stöd som inte är beskrivet i katalogen.',
        ].join('\n\n'),
        desiredOutcome: 'Att regionen och kommunerna berättar vilket stöd som finns för detta behov, och att det som saknas tas upp i verkstaden.',
        concerns: 'BOTH',
        filedByOrganizationId: association.id,
        createdById: user.userId,
        state: 'DRAFT',
      },
      select: { id: true, number: true },
    });
    await recordEvent(tx, { issueId: issue.id, actorId: user.userId, type: 'CREATED', toState: 'DRAFT', data: { fromSearchGap: parsed.data } });
    return { number: issue.number };
  });
}
