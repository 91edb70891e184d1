/**
 * Reading the synergy workshop: the lists each role works from and one issue as its reader
 * may see it. Actor first; every list is filtered by the same read rule as the policy's
 * `issue.read`, in the query, so nothing restricted is loaded for someone who may not see it.
 */
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { IssueState, IssueVisibility, PublicBody, WorkshopEventType } from '@/lib/generated/prisma/enums';
import { defaultDueDate, issueFacts, readableIssue } from './issues';
import { ISSUES_PER_PAGE } from './schemas';
import { CLOSED_STATES, isOverdue, OPEN_STATES, publicState, type PublicState } from './states';

type SignedIn = Extract<Actor, { kind: 'user' }>;

const isCoordinator = (actor: Actor) => actor.kind === 'user' && actor.memberships.some((m) => m.role === 'COORDINATOR');
/** The organisations the actor files issues for (the policy's `issue.create`; only associations are offered). */
const associationIds = (actor: SignedIn) => actor.memberships.filter((m) => m.role !== 'OFFICIAL').map((m) => m.organizationId);
const officialOrgIds = (actor: SignedIn) => actor.memberships.filter((m) => m.role === 'OFFICIAL').map((m) => m.organizationId);

/** The read rule of the policy as a query condition (drafts only for their association). */
export function readableWhere(actor: Actor): Prisma.WorkshopIssueWhereInput {
  if (actor.kind === 'anonymous') return { visibility: 'PUBLIC', state: { not: 'DRAFT' } };
  const own = associationIds(actor);
  const notDraft: Prisma.WorkshopIssueWhereInput = { state: { not: 'DRAFT' } };
  if (isCoordinator(actor)) return { OR: [notDraft, { filedByOrganizationId: { in: own } }] };
  return {
    OR: [
      { filedByOrganizationId: { in: own } },
      {
        AND: [
          notDraft,
          {
            OR: [
              { visibility: { in: ['NETWORK', 'PUBLIC'] } },
              { assignees: { some: { userId: actor.userId } } },
              { responders: { some: { organizationId: { in: officialOrgIds(actor) } } } },
            ],
          },
        ],
      },
    ],
  };
}

export interface IssueRow {
  number: number;
  title: string;
  state: IssueState;
  publicState: PublicState;
  visibility: IssueVisibility;
  overdue: boolean;
  dueAt: Date | null;
  updatedAt: Date;
  submittedAt: Date | null;
  category: string | null;
  filedBy: string;
  responders: string[];
}

const ROW_SELECT = {
  number: true,
  title: true,
  state: true,
  visibility: true,
  dueAt: true,
  updatedAt: true,
  submittedAt: true,
  category: { select: { name: true } },
  filedBy: { select: { name: true } },
  responders: { select: { organization: { select: { name: true } } } },
} as const;

type RowRecord = Prisma.WorkshopIssueGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(row: RowRecord, now: Date): IssueRow {
  return {
    number: row.number,
    title: row.title,
    state: row.state,
    publicState: publicState(row.state),
    visibility: row.visibility,
    overdue: isOverdue(row, now),
    dueAt: row.dueAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    category: row.category?.name ?? null,
    filedBy: row.filedBy.name,
    responders: row.responders.map((r) => r.organization.name).sort((a, b) => a.localeCompare(b, 'sv')),
  };
}

/** Overdue first, then by due date, then the newest. */
function queueOrder(rows: IssueRow[]): IssueRow[] {
  const due = (r: IssueRow) => r.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b) || b.updatedAt.getTime() - a.updatedAt.getTime());
}

export interface IssueLists {
  /** The issues of the actor's associations, drafts included. */
  own: IssueRow[];
  /** For officials: assigned to them or their organisation and still open, overdue first. */
  queue: IssueRow[];
  /** Issues shared with the network (or public) that are not the actor's own. */
  network: IssueRow[];
}

/** What /verkstad shows a signed-in person. */
export async function listIssuesFor(actor: SignedIn, now = new Date()): Promise<IssueLists> {
  const db = await getDb();
  const own = associationIds(actor);
  const officialOrgs = officialOrgIds(actor);
  const [ownRows, queueRows, networkRows] = await Promise.all([
    own.length > 0 ? db.workshopIssue.findMany({ where: { filedByOrganizationId: { in: own } }, orderBy: { updatedAt: 'desc' }, select: ROW_SELECT }) : [],
    officialOrgs.length > 0 || actor.memberships.length > 0
      ? db.workshopIssue.findMany({
          where: {
            state: { in: ['ASSIGNED', 'ANSWERED', 'ACTION_AGREED'] },
            OR: [{ assignees: { some: { userId: actor.userId } } }, { responders: { some: { organizationId: { in: officialOrgs } } } }],
          },
          select: ROW_SELECT,
        })
      : [],
    db.workshopIssue.findMany({
      where: { visibility: { in: ['NETWORK', 'PUBLIC'] }, state: { not: 'DRAFT' }, filedByOrganizationId: { notIn: own } },
      orderBy: { updatedAt: 'desc' },
      take: 50,
      select: ROW_SELECT,
    }),
  ]);
  return {
    own: ownRows.map((r) => toRow(r, now)),
    queue: queueOrder(queueRows.map((r) => toRow(r, now))),
    network: networkRows.map((r) => toRow(r, now)),
  };
}

export type TriageFilter = 'new' | 'open' | 'overdue' | 'closed' | 'all';

/** The coordinator's list at /admin/verkstad. */
export async function listForCoordinator(actor: Actor, filter: TriageFilter, page = 1, now = new Date()): Promise<{ rows: IssueRow[]; total: number; counts: Record<TriageFilter, number> }> {
  if (!can(actor, 'issue.triage', null)) return { rows: [], total: 0, counts: { new: 0, open: 0, overdue: 0, closed: 0, all: 0 } };
  const db = await getDb();
  const overdueWhere: Prisma.WorkshopIssueWhereInput = { state: 'ASSIGNED', dueAt: { lt: now } };
  const where: Record<TriageFilter, Prisma.WorkshopIssueWhereInput> = {
    new: { state: { in: ['SUBMITTED', 'NEEDS_INFO'] } },
    open: { state: { in: OPEN_STATES.filter((s) => s !== 'DRAFT') } },
    overdue: overdueWhere,
    closed: { state: { in: [...CLOSED_STATES] } },
    all: { state: { not: 'DRAFT' } },
  };
  const [rows, total, ...counts] = await Promise.all([
    db.workshopIssue.findMany({ where: where[filter], select: ROW_SELECT, orderBy: [{ dueAt: 'asc' }, { number: 'desc' }], skip: (page - 1) * ISSUES_PER_PAGE, take: ISSUES_PER_PAGE }),
    db.workshopIssue.count({ where: where[filter] }),
    ...(['new', 'open', 'overdue', 'closed', 'all'] as const).map((f) => db.workshopIssue.count({ where: where[f] })),
  ]);
  const [n, o, od, c, a] = counts as number[];
  const mapped = rows.map((r) => toRow(r, now));
  return { rows: filter === 'closed' || filter === 'all' ? mapped : queueOrder(mapped), total, counts: { new: n!, open: o!, overdue: od!, closed: c!, all: a! } };
}

// ── One issue ──────────────────────────────────────────────────────────────────────

export interface TimelineEntry {
  id: string;
  kind: 'event' | 'comment' | 'internalNote';
  at: Date;
  type?: WorkshopEventType;
  fromState?: IssueState | null;
  toState?: IssueState | null;
  /** The event's note, the comment's or the internal note's text. */
  text: string | null;
  /** Who: a person's name for signed-in readers, only the organisation for residents. */
  who: string | null;
  organization: string | null;
  /** Names the event refers to (the official or organisation assigned, the original of a duplicate). */
  subject: string | null;
}

export interface IssueDetail {
  id: string;
  number: number;
  version: number;
  title: string;
  description: string;
  desiredOutcome: string;
  state: IssueState;
  publicState: PublicState;
  visibility: IssueVisibility;
  concerns: PublicBody;
  municipality: string | null;
  category: { id: string; name: string } | null;
  filedBy: { id: string; name: string; slug: string };
  dueAt: Date | null;
  overdue: boolean;
  submittedAt: Date | null;
  createdAt: Date;
  confirmedNoPersonalData: boolean;
  duplicateOf: { number: number; title: string } | null;
  referredTo: string | null;
  resolutionFeedback: 'CONFIRMED' | 'DISPUTED' | null;
  resolutionFeedbackNote: string | null;
  responders: { id: string; name: string }[];
  assignees: { id: string; name: string; organization: string | null }[];
  answers: { organizationId: string; organization: string; body: string; author: string | null; at: Date }[];
  actions: { description: string; owner: string | null; followUpAt: Date | null; completedAt: Date | null; meetingTitle: string | null }[];
  attachments: { id: string; fileName: string; mimeType: string; byteSize: number; createdAt: Date }[];
  timeline: TimelineEntry[];
  /** What the reader may do here, from the policy and the transition table. */
  can: {
    editDraft: boolean;
    provideInfo: boolean;
    withdraw: boolean;
    confirm: boolean;
    dispute: boolean;
    comment: boolean;
    triage: boolean;
    requestInfo: boolean;
    markDuplicate: boolean;
    refer: boolean;
    setOutcome: boolean;
    reopen: boolean;
    answer: boolean;
    internalNotes: boolean;
    reassign: boolean;
    attach: boolean;
  };
}

export async function getIssue(actor: Actor, number: unknown, now = new Date()): Promise<IssueDetail> {
  const db = await getDb();
  const loaded = await db.$transaction((tx) => readableIssue(actor, tx, number));
  const facts = issueFacts(loaded);
  const signedIn = actor.kind === 'user';
  const seesNotes = can(actor, 'issue.internalNotes', facts);
  const issue = await db.workshopIssue.findUniqueOrThrow({
    where: { id: loaded.id },
    include: {
      category: { select: { id: true, name: true } },
      municipality: { select: { name: true } },
      filedBy: { select: { id: true, name: true, slug: true } },
      duplicateOf: {
        select: {
          number: true,
          title: true,
          state: true,
          visibility: true,
          filedByOrganizationId: true,
          responders: { select: { organizationId: true } },
          assignees: { select: { userId: true } },
        },
      },
      responders: { select: { organization: { select: { id: true, name: true } } } },
      assignees: { select: { user: { select: { id: true, name: true, memberships: { where: { role: 'OFFICIAL' }, select: { organization: { select: { name: true } } } } } } } },
      answers: { orderBy: { createdAt: 'asc' }, select: { organizationId: true, body: true, updatedAt: true, organization: { select: { name: true } }, author: { select: { name: true } } } },
      actions: { orderBy: { createdAt: 'asc' }, select: { description: true, followUpAt: true, completedAt: true, ownerOrganization: { select: { name: true } }, ownerUser: { select: { name: true } }, meeting: { select: { title: true } } } },
      attachments: { orderBy: { createdAt: 'asc' }, select: { id: true, fileName: true, mimeType: true, byteSize: true, createdAt: true } },
      events: { orderBy: { createdAt: 'asc' }, select: { id: true, type: true, fromState: true, toState: true, note: true, data: true, createdAt: true, actor: { select: { name: true, memberships: { select: { organization: { select: { name: true } } } } } } } },
      comments: { where: { deletedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { name: true, memberships: { select: { organization: { select: { name: true } } } } } } } },
    },
  });

  // Names the events refer to, looked up once.
  const referredUserIds = new Set<string>();
  const referredOrgIds = new Set<string>();
  const idList = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  for (const event of issue.events) {
    const data = (event.data ?? {}) as Record<string, unknown>;
    if (typeof data.userId === 'string') referredUserIds.add(data.userId);
    if (typeof data.organizationId === 'string') referredOrgIds.add(data.organizationId);
    // The assignment of a new issue names all its responders and officials at once.
    for (const id of idList(data.userIds)) referredUserIds.add(id);
    for (const id of idList(data.organizationIds)) referredOrgIds.add(id);
  }
  const [users, orgs, internalNotes] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...referredUserIds] } }, select: { id: true, name: true } }),
    db.organization.findMany({ where: { id: { in: [...referredOrgIds] } }, select: { id: true, name: true } }),
    seesNotes
      ? db.workshopInternalNote.findMany({
          where: { issueId: issue.id },
          orderBy: { createdAt: 'asc' },
          select: { id: true, body: true, createdAt: true, organization: { select: { name: true } }, author: { select: { name: true } } },
        })
      : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));

  const firstOrg = (memberships: { organization: { name: string } }[] | undefined) => memberships?.[0]?.organization.name ?? null;
  const events: TimelineEntry[] = issue.events
    // Comments are shown as comments; the event only says one was written.
    .filter((e) => e.type !== 'COMMENTED')
    .map((e) => {
      const data = (e.data ?? {}) as Record<string, unknown>;
      const named = [
        ...idList(data.organizationIds).map((id) => orgName.get(id)),
        ...(signedIn ? idList(data.userIds).map((id) => userName.get(id)) : []),
      ].filter((name): name is string => Boolean(name));
      const subject =
        (named.length > 0 ? named.join(', ') : undefined) ??
        (typeof data.userId === 'string' && signedIn ? userName.get(data.userId) : undefined) ??
        (typeof data.organizationId === 'string' ? orgName.get(data.organizationId) : undefined) ??
        (typeof data.duplicateOfNumber === 'number' ? String(data.duplicateOfNumber) : undefined) ??
        (typeof data.referredTo === 'string' ? data.referredTo : undefined) ??
        null;
      return {
        id: e.id,
        kind: 'event',
        at: e.createdAt,
        type: e.type,
        fromState: e.fromState,
        toState: e.toState,
        text: e.note,
        who: signedIn ? (e.actor?.name ?? null) : null,
        organization: firstOrg(e.actor?.memberships),
        subject,
      };
    });
  const comments: TimelineEntry[] = issue.comments.map((c) => ({
    id: c.id,
    kind: 'comment',
    at: c.createdAt,
    text: c.body,
    who: signedIn ? (c.author?.name ?? null) : null,
    organization: firstOrg(c.author?.memberships),
    subject: null,
  }));
  const notes: TimelineEntry[] = internalNotes.map((n) => ({
    id: n.id,
    kind: 'internalNote',
    at: n.createdAt,
    text: n.body,
    who: n.author?.name ?? null,
    organization: n.organization.name,
    subject: null,
  }));

  // The original's title is told only to those who may read the original itself.
  const original = issue.duplicateOf;
  const originalReadable =
    original !== null &&
    original.state !== 'DRAFT' &&
    can(actor, 'issue.read', {
      filedByOrganizationId: original.filedByOrganizationId,
      visibility: original.visibility,
      responderOrganizationIds: original.responders.map((r) => r.organizationId),
      assigneeUserIds: original.assignees.map((a) => a.userId),
    });
  const open = !['RESOLVED', 'CLOSED_UNRESOLVED', 'DUPLICATE', 'REFERRED', 'WITHDRAWN'].includes(issue.state);
  const filer = can(actor, 'issue.actAsFiler', facts);
  const coordinator = can(actor, 'issue.triage', null);
  const answering = ['ASSIGNED', 'ANSWERED', 'ACTION_AGREED'].includes(issue.state);
  const afterAnswer = issue.state === 'ANSWERED' || issue.state === 'ACTION_AGREED';

  return {
    id: issue.id,
    number: issue.number,
    version: issue.version,
    title: issue.title,
    description: issue.description,
    desiredOutcome: issue.desiredOutcome,
    state: issue.state,
    publicState: publicState(issue.state),
    visibility: issue.visibility,
    concerns: issue.concerns,
    municipality: issue.municipality?.name ?? null,
    category: issue.category,
    filedBy: issue.filedBy,
    dueAt: issue.dueAt,
    overdue: isOverdue(issue, now),
    submittedAt: issue.submittedAt,
    createdAt: issue.createdAt,
    confirmedNoPersonalData: issue.confirmedNoPersonalData,
    duplicateOf: original && originalReadable ? { number: original.number, title: original.title } : null,
    referredTo: issue.referredTo,
    resolutionFeedback: issue.resolutionFeedback,
    resolutionFeedbackNote: issue.resolutionFeedbackNote,
    responders: issue.responders.map((r) => r.organization),
    assignees: signedIn ? issue.assignees.map((a) => ({ id: a.user.id, name: a.user.name, organization: firstOrg(a.user.memberships) })) : [],
    answers: issue.answers.map((a) => ({ organizationId: a.organizationId, organization: a.organization.name, body: a.body, author: signedIn ? (a.author?.name ?? null) : null, at: a.updatedAt })),
    actions: issue.actions.map((a) => ({
      description: a.description,
      owner: a.ownerOrganization?.name ?? a.ownerUser?.name ?? null,
      followUpAt: a.followUpAt,
      completedAt: a.completedAt,
      meetingTitle: a.meeting?.title ?? null,
    })),
    attachments: signedIn ? issue.attachments : [],
    timeline: [...events, ...comments, ...notes].sort((a, b) => a.at.getTime() - b.at.getTime()),
    can: {
      editDraft: filer && issue.state === 'DRAFT',
      provideInfo: filer && issue.state === 'NEEDS_INFO',
      withdraw: filer && open,
      confirm: filer && (afterAnswer || (issue.state === 'RESOLVED' && issue.resolutionFeedback !== 'CONFIRMED')),
      dispute: filer && issue.state === 'RESOLVED' && issue.resolutionFeedback !== 'DISPUTED',
      comment: issue.state !== 'DRAFT' && can(actor, 'issue.comment', facts),
      triage: coordinator && ['SUBMITTED', 'ASSIGNED', 'ANSWERED', 'ACTION_AGREED'].includes(issue.state),
      requestInfo: coordinator && issue.state === 'SUBMITTED',
      markDuplicate: coordinator && issue.state === 'SUBMITTED',
      refer: coordinator && issue.state === 'SUBMITTED',
      setOutcome: coordinator && afterAnswer,
      reopen: coordinator && !open && issue.responders.length > 0,
      answer: answering && can(actor, 'issue.answer', facts),
      internalNotes: seesNotes,
      reassign: answering && can(actor, 'issue.reassign', facts),
      attach: issue.state !== 'DRAFT' ? can(actor, 'issue.comment', facts) : filer,
    },
  };
}

// ── Form options ───────────────────────────────────────────────────────────────────

export interface FilingOptions {
  organizations: { id: string; name: string }[];
  categories: { id: string; name: string }[];
  municipalities: { id: string; name: string }[];
}

/** What the filing form offers: the actor's associations, the care chains, the municipalities. */
export async function getFilingOptions(actor: SignedIn): Promise<FilingOptions> {
  const db = await getDb();
  const [organizations, categories, municipalities] = await Promise.all([
    db.organization.findMany({ where: { id: { in: associationIds(actor) }, kind: 'ASSOCIATION', isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    listWorkshopCategories(),
    db.municipality.findMany({ where: { isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { organizations, categories, municipalities };
}

export async function listWorkshopCategories(): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  return db.workshopCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } });
}

export interface TriageOptions {
  categories: { id: string; name: string }[];
  responders: { id: string; name: string; officials: { id: string; name: string }[] }[];
  defaultDueDate: Date;
}

/**
 * The responder organisations (the region and the municipalities) and their officials. For an
 * official reassigning, only their own organisations' officials.
 */
export async function getTriageOptions(actor: SignedIn, now = new Date()): Promise<TriageOptions> {
  const db = await getDb();
  const own = isCoordinator(actor) ? undefined : officialOrgIds(actor);
  const [categories, organizations, due] = await Promise.all([
    listWorkshopCategories(),
    db.organization.findMany({
      where: { kind: { in: ['REGION', 'MUNICIPALITY'] }, isActive: true, ...(own ? { id: { in: own } } : {}) },
      orderBy: [{ kind: 'asc' }, { name: 'asc' }],
      select: {
        id: true,
        name: true,
        memberships: { where: { role: 'OFFICIAL', user: { disabledAt: null } }, orderBy: { user: { name: 'asc' } }, select: { user: { select: { id: true, name: true } } } },
      },
    }),
    db.$transaction((tx) => defaultDueDate(tx, now)),
  ]);
  return {
    categories,
    responders: organizations.map((o) => ({ id: o.id, name: o.name, officials: o.memberships.map((m) => m.user) })),
    defaultDueDate: due,
  };
}

