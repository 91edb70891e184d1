/**
 * What residents see of the synergy workshop on /synergiverkstad: aggregate figures over
 * every issue (numbers only), and the issues their associations made PUBLIC, with the
 * official answers, the agreed actions and the outcome. Nothing else of an issue leaves here:
 * no description, no comments, no internal notes, no names of people.
 */
import { z } from 'zod';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { loadOverallWorkshopFigures } from './metrics';
import { publicState, type PublicState } from './states';

export type PublicBody = 'REGION' | 'MUNICIPALITY' | 'BOTH';
/** The public vocabulary without "draft", which nobody but the filer ever sees. */
export type ShownPublicState = Exclude<PublicState, 'draft'>;
export const SHOWN_PUBLIC_STATES = ['received', 'inProgress', 'answered', 'actionAgreed', 'resolved', 'closed'] as const satisfies readonly ShownPublicState[];

export interface PublicWorkshopSummary {
  /** Submitted issues, whatever their visibility. */
  total: number;
  byPublicState: Record<ShownPublicState, number>;
  /** Counted apart: an issue closed without a solution is not a resolved one. */
  resolved: number;
  closedUnresolved: number;
  /** Days, one decimal; null when no issue has got that far. */
  medianDaysToTriage: number | null;
  medianDaysToFirstAnswer: number | null;
}

/** The figures at the top of /synergiverkstad, for anyone. */
export async function loadPublicWorkshopSummary(now: Date = new Date()): Promise<PublicWorkshopSummary> {
  const figures = await loadOverallWorkshopFigures(now);
  const byPublicState = Object.fromEntries(SHOWN_PUBLIC_STATES.map((s) => [s, 0])) as Record<ShownPublicState, number>;
  for (const [state, count] of Object.entries(figures.states) as [keyof typeof figures.states, number][]) {
    byPublicState[publicState(state) as ShownPublicState] += count;
  }
  return {
    total: figures.issues,
    byPublicState,
    resolved: figures.outcomes.resolved,
    closedUnresolved: figures.outcomes.closedUnresolved,
    medianDaysToTriage: figures.timeToTriage.medianDays,
    medianDaysToFirstAnswer: figures.timeToFirstAnswer.medianDays,
  };
}

export interface PublicAnswer {
  organizationName: string;
  body: string;
  answeredAt: Date;
}

export interface PublicAction {
  description: string;
  ownerOrganizationName: string | null;
  followUpAt: Date | null;
  completedAt: Date | null;
}

export interface PublicIssue {
  number: number;
  title: string;
  categoryName: string | null;
  concerns: PublicBody;
  municipalityName: string | null;
  publicState: ShownPublicState;
  /** Only for the two outcomes the workshop reports: solved, or closed without a solution. */
  outcome: 'resolved' | 'closedUnresolved' | null;
  answers: PublicAnswer[];
  actions: PublicAction[];
}

export interface PublicIssuePage {
  items: PublicIssue[];
  total: number;
  page: number;
  pageCount: number;
}

export const PUBLIC_ISSUES_PER_PAGE = 20;

const listSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

/** Public views list PUBLIC issues only, whoever reads them (signed-in readers included). */
const PUBLIC_WHERE = { visibility: 'PUBLIC' as const, state: { not: 'DRAFT' as const } };

/** /synergiverkstad: the public issues, newest first, a page at a time. */
export async function listPublicIssues(actor: Actor, input: unknown = {}): Promise<PublicIssuePage> {
  const filter = listSchema.parse(input ?? {});
  const db = await getDb();
  const total = await db.workshopIssue.count({ where: PUBLIC_WHERE });
  const pageCount = Math.max(1, Math.ceil(total / PUBLIC_ISSUES_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.workshopIssue.findMany({
    where: PUBLIC_WHERE,
    orderBy: { number: 'desc' },
    skip: (page - 1) * PUBLIC_ISSUES_PER_PAGE,
    take: PUBLIC_ISSUES_PER_PAGE,
    select: {
      number: true,
      title: true,
      state: true,
      visibility: true,
      concerns: true,
      filedByOrganizationId: true,
      category: { select: { name: true } },
      municipality: { select: { name: true } },
      responders: { select: { organizationId: true } },
      assignees: { select: { userId: true } },
      answers: { select: { body: true, createdAt: true, organization: { select: { name: true } } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      actions: {
        select: { description: true, followUpAt: true, completedAt: true, ownerOrganization: { select: { name: true } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      },
    },
  });
  // The query already keeps to PUBLIC; the policy's read rule is asked too, so this list can
  // never show what the issue page would refuse.
  const readable = rows.filter((row) =>
    can(actor, 'issue.read', {
      filedByOrganizationId: row.filedByOrganizationId,
      visibility: row.visibility,
      responderOrganizationIds: row.responders.map((r) => r.organizationId),
      assigneeUserIds: row.assignees.map((a) => a.userId),
    }),
  );
  const items = readable.map(
    (row): PublicIssue => ({
      number: row.number,
      title: row.title,
      categoryName: row.category?.name ?? null,
      concerns: row.concerns,
      municipalityName: row.municipality?.name ?? null,
      publicState: publicState(row.state) as ShownPublicState,
      outcome: row.state === 'RESOLVED' ? 'resolved' : row.state === 'CLOSED_UNRESOLVED' ? 'closedUnresolved' : null,
      answers: row.answers.map((a) => ({ organizationName: a.organization.name, body: a.body, answeredAt: a.createdAt })),
      actions: row.actions.map((a) => ({
        description: a.description,
        ownerOrganizationName: a.ownerOrganization?.name ?? null,
        followUpAt: a.followUpAt,
        completedAt: a.completedAt,
      })),
    }),
  );
  return { items, total, page, pageCount };
}
