/**
 * Workshop and network meetings: the coordinator schedules them, the agenda is pre-filled
 * from the queue and curated, the minutes record per item a decision, an outcome and an
 * agreed action, and closing the meeting applies them all in one transaction and publishes
 * the minutes to the network (docs/decisions/0012-synergy-workshop.md, PRODUCT.md section 3).
 *
 * Every function takes the actor first. Writes need 'meeting.manage'; the published minutes
 * need 'minutes.read', and an item whose issue the reader may not read shows nothing of it.
 * Each write to a meeting starts with a conditional update on its status PLANNED: that row
 * lock orders the writes with the close, so nothing is added to minutes already applied and
 * a second close finds the meeting CLOSED.
 */
import type { Actor } from '@/lib/authz/actor';
import { requireUser } from '@/lib/authz/actor';
import { authorize, can } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AgendaReason, IssueState, MeetingKind, MeetingStatus, OrganizationKind } from '@/lib/generated/prisma/enums';
import { notifyMinutesPublished } from '@/lib/notifications/issue-events';
import { wallClockAt } from '@/lib/time/zoned';
import { applyMeetingOutcome, issueFacts, recordEvent } from './issues';
import {
  agendaIssueSchema,
  agendaTopicSchema,
  meetingErrors,
  meetingFieldsSchema,
  meetingIdSchema,
  minuteSchema,
  moveSchema,
  type MeetingErrorKey,
} from './meeting-schemas';
import type { IssueRow } from './queries';
import { isOverdue, meetingTransition, MEETING_OUTCOMES, publicState, type MeetingOutcome, type PublicState } from './states';

type Tx = Prisma.TransactionClient;

export type { AgendaReason, MeetingKind, MeetingStatus };

const refuse = (key: MeetingErrorKey, field = 'form', code: 'INVALID_INPUT' | 'CONFLICT' = 'INVALID_INPUT') => new AppError(code, key, { [field]: [key] });
const notFound = () => new AppError('NOT_FOUND', 'notFound');

function parseId(id: unknown): string {
  const parsed = meetingIdSchema.safeParse(id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** The Stockholm calendar day of an instant, as the date columns store days (UTC midnight). */
export function stockholmDay(instant: Date): Date {
  const w = wallClockAt(instant);
  return new Date(Date.UTC(w.year, w.month - 1, w.day));
}

const isOutcome = (state: IssueState | null): state is MeetingOutcome => state !== null && (MEETING_OUTCOMES as readonly IssueState[]).includes(state);

// ── Lists ──────────────────────────────────────────────────────────────────────────

/** What every view of a meeting names: what, when and where. */
export interface MeetingHeader {
  id: string;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
}

const HEADER_SELECT = { id: true, kind: true, title: true, startsAt: true, endsAt: true, place: true } as const;

export interface MeetingRow extends MeetingHeader {
  status: MeetingStatus;
  closedAt: Date | null;
  itemCount: number;
}

const ROW_SELECT = { ...HEADER_SELECT, status: true, closedAt: true, _count: { select: { agendaItems: true } } } as const;

function toRow({ _count, ...row }: Prisma.MeetingGetPayload<{ select: typeof ROW_SELECT }>): MeetingRow {
  return { ...row, itemCount: _count.agendaItems };
}

export interface MeetingLists {
  /** Soonest first. */
  planned: MeetingRow[];
  /** Latest first. */
  held: MeetingRow[];
  /** Latest first. */
  cancelled: MeetingRow[];
}

/** The coordinator's list at /admin/moten. */
export async function listMeetings(actor: Actor): Promise<MeetingLists> {
  authorize(actor, 'meeting.manage', null);
  const db = await getDb();
  const [planned, held, cancelled] = await Promise.all([
    db.meeting.findMany({ where: { status: 'PLANNED' }, orderBy: { startsAt: 'asc' }, select: ROW_SELECT }),
    db.meeting.findMany({ where: { status: 'CLOSED' }, orderBy: { startsAt: 'desc' }, select: ROW_SELECT }),
    db.meeting.findMany({ where: { status: 'CANCELLED' }, orderBy: { startsAt: 'desc' }, take: 20, select: ROW_SELECT }),
  ]);
  return { planned: planned.map(toRow), held: held.map(toRow), cancelled: cancelled.map(toRow) };
}

// ── The agenda from the queue ──────────────────────────────────────────────────────

interface Candidate {
  issueId: string;
  title: string;
  reason: AgendaReason;
}

/** When two reasons fit one issue, the agenda names the first of these. */
const REASON_ORDER: AgendaReason[] = ['OVERDUE', 'FOLLOW_UP_DUE', 'ANSWERED_NOT_DISCUSSED', 'NEWLY_ASSIGNED'];

const CANDIDATE_ORDER: Prisma.WorkshopIssueOrderByWithRelationInput[] = [{ dueAt: 'asc' }, { number: 'asc' }];

/**
 * The issues the queue puts on a meeting's agenda, each once, with the reason:
 * - OVERDUE: waiting for an answer past the due date (`isOverdue` now);
 * - FOLLOW_UP_DUE: an agreed action not completed whose follow-up day is on or before the meeting day;
 * - ANSWERED_NOT_DISCUSSED: answered, and not discussed at a meeting since the last answer;
 * - NEWLY_ASSIGNED: assigned (or reopened to assigned) since the last held meeting closed.
 */
async function agendaCandidates(tx: Tx, meeting: { id: string; startsAt: Date }, now: Date): Promise<Candidate[]> {
  const lastHeld = await tx.meeting.findFirst({
    where: { status: 'CLOSED', closedAt: { not: null }, id: { not: meeting.id } },
    orderBy: { closedAt: 'desc' },
    select: { closedAt: true },
  });
  const since = lastHeld?.closedAt ?? null;
  const [overdue, followUps, answered, newlyAssigned] = await Promise.all([
    tx.workshopIssue.findMany({ where: { state: 'ASSIGNED', dueAt: { lt: now } }, orderBy: CANDIDATE_ORDER, select: { id: true, title: true, state: true, dueAt: true } }),
    tx.workshopIssue.findMany({
      where: { state: { not: 'DRAFT' }, actions: { some: { completedAt: null, followUpAt: { lte: stockholmDay(meeting.startsAt) } } } },
      orderBy: CANDIDATE_ORDER,
      select: { id: true, title: true },
    }),
    tx.workshopIssue.findMany({
      where: { state: 'ANSWERED' },
      orderBy: CANDIDATE_ORDER,
      select: {
        id: true,
        title: true,
        events: { where: { type: { in: ['ANSWERED', 'DISCUSSED_AT_MEETING'] } }, orderBy: { createdAt: 'desc' }, select: { type: true, createdAt: true } },
      },
    }),
    tx.workshopIssue.findMany({
      where: { state: 'ASSIGNED', events: { some: { toState: 'ASSIGNED', ...(since ? { createdAt: { gt: since } } : {}) } } },
      orderBy: CANDIDATE_ORDER,
      select: { id: true, title: true },
    }),
  ]);

  const notDiscussed = answered.filter((issue) => {
    const lastAnswer = issue.events.find((e) => e.type === 'ANSWERED');
    const lastDiscussion = issue.events.find((e) => e.type === 'DISCUSSED_AT_MEETING');
    return !lastDiscussion || (lastAnswer !== undefined && lastDiscussion.createdAt.getTime() < lastAnswer.createdAt.getTime());
  });

  const byReason: Record<Exclude<AgendaReason, 'ADDED_BY_COORDINATOR'>, { id: string; title: string }[]> = {
    OVERDUE: overdue.filter((issue) => isOverdue(issue, now)),
    FOLLOW_UP_DUE: followUps,
    ANSWERED_NOT_DISCUSSED: notDiscussed,
    NEWLY_ASSIGNED: newlyAssigned,
  };
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const reason of REASON_ORDER) {
    for (const issue of byReason[reason as keyof typeof byReason]) {
      if (seen.has(issue.id)) continue;
      seen.add(issue.id);
      candidates.push({ issueId: issue.id, title: issue.title, reason });
    }
  }
  return candidates;
}

/** Adds the queue's candidates not yet on the agenda after the items there; returns how many. */
async function fillAgenda(tx: Tx, meeting: { id: string; startsAt: Date }, now: Date): Promise<number> {
  const [candidates, existing] = await Promise.all([
    agendaCandidates(tx, meeting, now),
    tx.agendaItem.findMany({ where: { meetingId: meeting.id }, select: { issueId: true, position: true } }),
  ]);
  const onAgenda = new Set(existing.map((item) => item.issueId));
  const fresh = candidates.filter((c) => !onAgenda.has(c.issueId));
  if (fresh.length === 0) return 0;
  const last = Math.max(0, ...existing.map((item) => item.position));
  const { count } = await tx.agendaItem.createMany({
    data: fresh.map((c, index) => ({ meetingId: meeting.id, issueId: c.issueId, title: c.title, reason: c.reason, position: last + index + 1 })),
    skipDuplicates: true,
  });
  return count;
}

// ── Scheduling ─────────────────────────────────────────────────────────────────────

/** Schedules a meeting and pre-fills its agenda from the queue, in one transaction. */
export async function scheduleMeeting(actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; agendaItems: number }> {
  const user = requireUser(actor);
  authorize(actor, 'meeting.manage', null);
  const fields = meetingErrors.parse(meetingFieldsSchema, input);
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const meeting = await tx.meeting.create({
        data: { kind: fields.kind, title: fields.title, startsAt: fields.startsAt, endsAt: fields.endsAt, place: fields.place, createdById: user.userId },
        select: { id: true, startsAt: true },
      });
      return { id: meeting.id, agendaItems: await fillAgenda(tx, meeting, now) };
    },
    { timeout: 30_000 },
  );
}

/**
 * Runs a change to a planned meeting in one transaction. The first statement marks the
 * meeting touched only while it is PLANNED, which locks its row until the end: a close
 * running at the same time waits for this change or refuses it after.
 */
async function withPlannedMeeting<T>(actor: Actor, meetingId: unknown, work: (tx: Tx, meeting: { id: string; startsAt: Date }, userId: string) => Promise<T>): Promise<T> {
  const user = requireUser(actor);
  authorize(actor, 'meeting.manage', null);
  const id = parseId(meetingId);
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const { count } = await tx.meeting.updateMany({ where: { id, status: 'PLANNED' }, data: { updatedAt: new Date() } });
      if (count !== 1) {
        if (await tx.meeting.findUnique({ where: { id }, select: { id: true } })) throw refuse('meetingClosed', 'form', 'CONFLICT');
        throw notFound();
      }
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id }, select: { id: true, startsAt: true } });
      return work(tx, meeting, user.userId);
    },
    { timeout: 30_000 },
  );
}

/** Calls off a planned meeting; its agenda stays for the record, nothing is applied. */
export async function cancelMeeting(actor: Actor, meetingId: unknown): Promise<void> {
  await withPlannedMeeting(actor, meetingId, async (tx, meeting) => {
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: 'CANCELLED' } });
  });
}

// ── Curating the agenda ────────────────────────────────────────────────────────────

/** Adds the queue's new candidates; what the coordinator curated stays as it is. */
export async function refreshAgenda(actor: Actor, meetingId: unknown, now = new Date()): Promise<{ added: number }> {
  return withPlannedMeeting(actor, meetingId, async (tx, meeting) => ({ added: await fillAgenda(tx, meeting, now) }));
}

async function nextPosition(tx: Tx, meetingId: string): Promise<number> {
  const last = await tx.agendaItem.aggregate({ where: { meetingId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

/** Puts an issue on the agenda by its number (any issue that has been sent, once per meeting). */
export async function addAgendaIssue(actor: Actor, meetingId: unknown, input: unknown): Promise<void> {
  await withPlannedMeeting(actor, meetingId, async (tx, meeting) => {
    const { issueNumber } = meetingErrors.parse(agendaIssueSchema, input);
    const issue = await tx.workshopIssue.findUnique({ where: { number: issueNumber }, select: { id: true, title: true, state: true } });
    if (!issue || issue.state === 'DRAFT') throw refuse('agendaIssueUnknown', 'issueNumber');
    if (await tx.agendaItem.findUnique({ where: { meetingId_issueId: { meetingId: meeting.id, issueId: issue.id } }, select: { id: true } })) {
      throw refuse('agendaIssueOnAgenda', 'issueNumber', 'CONFLICT');
    }
    await tx.agendaItem.create({
      data: { meetingId: meeting.id, issueId: issue.id, title: issue.title, reason: 'ADDED_BY_COORDINATOR', position: await nextPosition(tx, meeting.id) },
    });
  });
}

/** Adds an item that is not an issue, such as "Övriga frågor". */
export async function addAgendaTopic(actor: Actor, meetingId: unknown, input: unknown): Promise<void> {
  await withPlannedMeeting(actor, meetingId, async (tx, meeting) => {
    const { title } = meetingErrors.parse(agendaTopicSchema, input);
    await tx.agendaItem.create({ data: { meetingId: meeting.id, issueId: null, title, reason: 'ADDED_BY_COORDINATOR', position: await nextPosition(tx, meeting.id) } });
  });
}

/** The agenda's order: by position, ties (from items added at the same time) by when and then by id. */
const AGENDA_ORDER: Prisma.AgendaItemOrderByWithRelationInput[] = [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }];

/** Writes positions 1..n in the given order, so the order stays unambiguous after any change. */
async function renumber(tx: Tx, ids: string[]): Promise<void> {
  for (const [index, id] of ids.entries()) await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
}

async function agendaOrder(tx: Tx, meetingId: string): Promise<string[]> {
  const items = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: AGENDA_ORDER, select: { id: true } });
  return items.map((item) => item.id);
}

/** Takes an item (and its minutes) off the agenda. */
export async function removeAgendaItem(actor: Actor, meetingId: unknown, itemId: unknown): Promise<void> {
  await withPlannedMeeting(actor, meetingId, async (tx, meeting) => {
    const { count } = await tx.agendaItem.deleteMany({ where: { id: typeof itemId === 'string' ? itemId : '', meetingId: meeting.id } });
    if (count !== 1) throw notFound();
    await renumber(tx, await agendaOrder(tx, meeting.id));
  });
}

/** Moves an item one place up or down; at either end nothing moves. */
export async function moveAgendaItem(actor: Actor, meetingId: unknown, itemId: unknown, input: unknown): Promise<void> {
  await withPlannedMeeting(actor, meetingId, async (tx, meeting) => {
    const { direction } = meetingErrors.parse(moveSchema, input);
    const order = await agendaOrder(tx, meeting.id);
    const index = order.indexOf(typeof itemId === 'string' ? itemId : '');
    if (index < 0) throw notFound();
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= order.length) return;
    [order[index], order[other]] = [order[other]!, order[index]!];
    await renumber(tx, order);
  });
}

// ── Minutes ────────────────────────────────────────────────────────────────────────

/**
 * Records the minutes of one agenda item while the meeting is planned: the decision, the
 * state the issue should take when the meeting closes, and the agreed action. Nothing
 * reaches the issue before the close. All empty clears the item's minutes.
 */
export async function saveMinute(actor: Actor, meetingId: unknown, itemId: unknown, input: unknown): Promise<void> {
  await withPlannedMeeting(actor, meetingId, async (tx, meeting, userId) => {
    const fields = meetingErrors.parse(minuteSchema, input);
    const item = await tx.agendaItem.findFirst({
      where: { id: typeof itemId === 'string' ? itemId : '', meetingId: meeting.id },
      select: { id: true, issueId: true, issue: { select: { state: true } } },
    });
    if (!item) throw notFound();
    if (!fields.decision) {
      await tx.minuteEntry.deleteMany({ where: { agendaItemId: item.id } });
      return;
    }
    if (fields.outcome && !item.issue) throw refuse('outcomeNeedsIssue', 'outcome');
    if (fields.outcome && item.issue && !meetingTransition(item.issue.state, fields.outcome)) throw refuse('outcomeNotAllowed', 'outcome');
    if (fields.actionDescription && !item.issueId) throw refuse('actionNeedsIssue', 'actionDescription');
    if (fields.actionOwnerOrganizationId) {
      const owner = await tx.organization.findFirst({ where: { id: fields.actionOwnerOrganizationId, isActive: true }, select: { id: true } });
      if (!owner) throw refuse('actionOwnerUnknown', 'actionOwnerOrganizationId');
    }
    const data = {
      decision: fields.decision,
      resultingState: fields.outcome,
      actionDescription: fields.actionDescription,
      actionOwnerOrganizationId: fields.actionDescription ? fields.actionOwnerOrganizationId : null,
      actionFollowUpAt: fields.actionDescription ? fields.actionFollowUp : null,
      authorId: userId,
    };
    await tx.minuteEntry.upsert({
      where: { agendaItemId: item.id },
      create: { ...data, meetingId: meeting.id, agendaItemId: item.id, issueId: item.issueId },
      update: data,
    });
  });
}

// ── Closing ────────────────────────────────────────────────────────────────────────

export interface OutcomeResult {
  issueNumber: number;
  title: string;
  outcome: MeetingOutcome;
  /** The issue's state after the close. */
  state: IssueState;
  applied: boolean;
}

export interface CloseResult {
  discussed: number;
  actionsCreated: number;
  outcomes: OutcomeResult[];
}

/**
 * Closes the meeting: in one transaction, for each item's minutes on an issue, appends
 * DISCUSSED_AT_MEETING, creates the agreed action and applies the outcome; then publishes the
 * minutes and notifies whom they concern. An outcome the issue's state no longer allows is
 * reported, not forced, and does not stop the rest. The conditional update on PLANNED comes
 * first, so of two closes one waits and then finds the meeting closed.
 */
export async function closeMeeting(actor: Actor, meetingId: unknown, now = new Date()): Promise<CloseResult> {
  const user = requireUser(actor);
  authorize(actor, 'meeting.manage', null);
  const id = parseId(meetingId);
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const { count } = await tx.meeting.updateMany({ where: { id, status: 'PLANNED' }, data: { status: 'CLOSED', closedAt: now, minutesPublishedAt: now } });
      if (count !== 1) {
        if (await tx.meeting.findUnique({ where: { id }, select: { id: true } })) throw refuse('meetingClosed', 'form', 'CONFLICT');
        throw notFound();
      }
      const entries = await tx.minuteEntry.findMany({
        where: { meetingId: id, issueId: { not: null } },
        orderBy: { agendaItem: { position: 'asc' } },
        select: { issueId: true, decision: true, resultingState: true, actionDescription: true, actionOwnerOrganizationId: true, actionFollowUpAt: true },
      });
      const result: CloseResult = { discussed: 0, actionsCreated: 0, outcomes: [] };
      for (const entry of entries) {
        const issueId = entry.issueId!;
        await recordEvent(tx, { issueId, actorId: user.userId, type: 'DISCUSSED_AT_MEETING', note: entry.decision, data: { meetingId: id } });
        result.discussed += 1;
        if (entry.actionDescription) {
          await tx.workshopAction.create({
            data: { issueId, meetingId: id, description: entry.actionDescription, ownerOrganizationId: entry.actionOwnerOrganizationId, followUpAt: entry.actionFollowUpAt },
          });
          result.actionsCreated += 1;
        }
        if (isOutcome(entry.resultingState)) {
          const applied = await applyMeetingOutcome(tx, issueId, entry.resultingState, user.userId, entry.decision, id);
          const issue = await tx.workshopIssue.findUniqueOrThrow({ where: { id: issueId }, select: { number: true, title: true, state: true } });
          result.outcomes.push({ issueNumber: issue.number, title: issue.title, outcome: entry.resultingState, state: issue.state, applied });
        }
      }
      await notifyMinutesPublished(tx, id, user.userId);
      return result;
    },
    { timeout: 60_000 },
  );
}

// ── One meeting, for the coordinator ───────────────────────────────────────────────

export interface AgendaIssue extends Pick<IssueRow, 'number' | 'title' | 'state' | 'publicState' | 'visibility' | 'overdue' | 'dueAt' | 'filedBy' | 'responders'> {
  answers: { organization: string; body: string; at: Date }[];
  /** The outcomes the minutes may ask for from the issue's state now. */
  outcomeOptions: MeetingOutcome[];
}

export interface AgendaEntry {
  id: string;
  position: number;
  reason: AgendaReason;
  title: string;
  issue: AgendaIssue | null;
  minute: {
    decision: string;
    outcome: MeetingOutcome | null;
    action: { description: string; ownerOrganizationId: string | null; owner: string | null; followUpAt: Date | null } | null;
  } | null;
  /** After the close: whether the outcome the minutes asked for was applied (null when none was asked). */
  outcomeApplied: boolean | null;
}

export interface MeetingDetail extends MeetingHeader {
  status: MeetingStatus;
  closedAt: Date | null;
  minutesPublishedAt: Date | null;
  agenda: AgendaEntry[];
}

const byName = (a: string, b: string) => a.localeCompare(b, 'sv');

/** Whether the close applied each item's outcome, read back from the events it wrote. */
async function appliedOutcomes(db: Awaited<ReturnType<typeof getDb>>, meetingId: string, issueIds: string[]): Promise<Set<string>> {
  const events = await db.workshopEvent.findMany({
    where: { issueId: { in: issueIds }, type: { in: ['ACTION_AGREED', 'STATE_CHANGED'] }, toState: { in: [...MEETING_OUTCOMES] } },
    select: { issueId: true, toState: true, data: true },
  });
  const applied = new Set<string>();
  for (const event of events) {
    const data = (event.data ?? {}) as Record<string, unknown>;
    if (data.meetingId === meetingId) applied.add(`${event.issueId}:${event.toState}`);
  }
  return applied;
}

/** A meeting with its agenda and minutes, as the coordinator prepares, runs and prints it; null when there is none. */
export async function findMeeting(actor: Actor, meetingId: unknown, now = new Date()): Promise<MeetingDetail | null> {
  authorize(actor, 'meeting.manage', null);
  const parsed = meetingIdSchema.safeParse(meetingId);
  if (!parsed.success) return null;
  const db = await getDb();
  const meeting = await db.meeting.findUnique({
    where: { id: parsed.data },
    select: {
      ...HEADER_SELECT,
      status: true,
      closedAt: true,
      minutesPublishedAt: true,
      agendaItems: {
        orderBy: AGENDA_ORDER,
        select: {
          id: true,
          position: true,
          reason: true,
          title: true,
          issue: {
            select: {
              id: true,
              number: true,
              title: true,
              state: true,
              visibility: true,
              dueAt: true,
              filedBy: { select: { name: true } },
              responders: { select: { organization: { select: { name: true } } } },
              answers: { orderBy: { createdAt: 'asc' }, select: { body: true, updatedAt: true, organization: { select: { name: true } } } },
            },
          },
          minuteEntry: {
            select: { decision: true, resultingState: true, actionDescription: true, actionOwnerOrganizationId: true, actionFollowUpAt: true, actionOwnerOrganization: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!meeting) return null;
  const applied =
    meeting.status === 'CLOSED'
      ? await appliedOutcomes(
          db,
          meeting.id,
          meeting.agendaItems.flatMap((item) => (item.issue ? [item.issue.id] : [])),
        )
      : new Set<string>();
  const { agendaItems, ...rest } = meeting;
  return {
    ...rest,
    agenda: agendaItems.map((item): AgendaEntry => {
      const minute = item.minuteEntry;
      const outcome = minute && isOutcome(minute.resultingState) ? minute.resultingState : null;
      const issue = item.issue;
      return {
        id: item.id,
        position: item.position,
        reason: item.reason,
        title: issue?.title ?? item.title,
        issue: issue
          ? {
              number: issue.number,
              title: issue.title,
              state: issue.state,
              publicState: publicState(issue.state),
              visibility: issue.visibility,
              overdue: isOverdue(issue, now),
              dueAt: issue.dueAt,
              filedBy: issue.filedBy.name,
              responders: issue.responders.map((r) => r.organization.name).sort(byName),
              answers: issue.answers.map((a) => ({ organization: a.organization.name, body: a.body, at: a.updatedAt })),
              outcomeOptions: MEETING_OUTCOMES.filter((o) => meetingTransition(issue.state, o) !== null),
            }
          : null,
        minute: minute
          ? {
              decision: minute.decision,
              outcome,
              action: minute.actionDescription
                ? {
                    description: minute.actionDescription,
                    ownerOrganizationId: minute.actionOwnerOrganizationId,
                    owner: minute.actionOwnerOrganization?.name ?? null,
                    followUpAt: minute.actionFollowUpAt,
                  }
                : null,
            }
          : null,
        outcomeApplied: meeting.status === 'CLOSED' && outcome && issue ? applied.has(`${issue.id}:${outcome}`) : null,
      };
    }),
  };
}

export interface OwnerOption {
  id: string;
  name: string;
  kind: OrganizationKind;
}

/** The organisations an agreed action can be given to: the public bodies and the associations. */
export async function listActionOwners(actor: Actor): Promise<OwnerOption[]> {
  authorize(actor, 'meeting.manage', null);
  const db = await getDb();
  return db.organization.findMany({ where: { isActive: true }, orderBy: [{ kind: 'desc' }, { name: 'asc' }], select: { id: true, name: true, kind: true } });
}

// ── Published minutes, for the network ────────────────────────────────────────────

export interface PublishedMeetingRow extends MeetingHeader {
  minutesPublishedAt: Date;
  itemCount: number;
}

/** The meetings whose minutes are published, latest first (every signed-in member of the network). */
export async function listPublishedMinutes(actor: Actor): Promise<PublishedMeetingRow[]> {
  authorize(actor, 'minutes.read', null);
  const db = await getDb();
  const rows = await db.meeting.findMany({
    where: { status: 'CLOSED', minutesPublishedAt: { not: null } },
    orderBy: { startsAt: 'desc' },
    select: { ...HEADER_SELECT, minutesPublishedAt: true, _count: { select: { agendaItems: true } } },
  });
  return rows.map(({ _count, minutesPublishedAt, ...row }) => ({ ...row, minutesPublishedAt: minutesPublishedAt!, itemCount: _count.agendaItems }));
}

export type PublishedItem =
  | { kind: 'restricted'; position: number }
  | { kind: 'topic'; position: number; title: string; decision: string | null }
  | {
      kind: 'issue';
      position: number;
      number: number;
      title: string;
      state: IssueState;
      publicState: PublicState;
      decision: string | null;
      outcome: MeetingOutcome | null;
      outcomeApplied: boolean | null;
      actions: { description: string; owner: string | null; followUpAt: Date | null; completedAt: Date | null }[];
    };

export interface PublishedMinutes extends MeetingHeader {
  minutesPublishedAt: Date;
  items: PublishedItem[];
}

/**
 * The published minutes of one meeting, or null when it has none. An item whose issue the
 * reader may not read (a restricted issue of others) keeps only its place on the list: no
 * title, decision or action.
 */
export async function findPublishedMinutes(actor: Actor, meetingId: unknown): Promise<PublishedMinutes | null> {
  authorize(actor, 'minutes.read', null);
  const parsed = meetingIdSchema.safeParse(meetingId);
  if (!parsed.success) return null;
  const db = await getDb();
  const meeting = await db.meeting.findFirst({
    where: { id: parsed.data, status: 'CLOSED', minutesPublishedAt: { not: null } },
    select: {
      ...HEADER_SELECT,
      minutesPublishedAt: true,
      agendaItems: {
        orderBy: AGENDA_ORDER,
        select: {
          position: true,
          title: true,
          issueId: true,
          minuteEntry: { select: { decision: true, resultingState: true } },
          issue: {
            select: {
              id: true,
              number: true,
              title: true,
              state: true,
              visibility: true,
              filedByOrganizationId: true,
              responders: { select: { organizationId: true } },
              assignees: { select: { userId: true } },
            },
          },
        },
      },
    },
  });
  if (!meeting) return null;

  const readable = meeting.agendaItems.flatMap((item) => {
    const issue = item.issue;
    if (!issue) return [];
    const facts = issueFacts({
      filedByOrganizationId: issue.filedByOrganizationId,
      visibility: issue.visibility,
      responderOrganizationIds: issue.responders.map((r) => r.organizationId),
      assigneeUserIds: issue.assignees.map((a) => a.userId),
    });
    return can(actor, 'issue.read', facts) ? [issue.id] : [];
  });
  // Only what the reader may see is loaded beyond this point.
  const [actions, applied] = await Promise.all([
    db.workshopAction.findMany({
      where: { meetingId: meeting.id, issueId: { in: readable } },
      orderBy: { createdAt: 'asc' },
      select: { issueId: true, description: true, followUpAt: true, completedAt: true, ownerOrganization: { select: { name: true } } },
    }),
    appliedOutcomes(db, meeting.id, readable),
  ]);
  const { agendaItems, minutesPublishedAt, ...rest } = meeting;
  return {
    ...rest,
    minutesPublishedAt: minutesPublishedAt!,
    items: agendaItems.map((item): PublishedItem => {
      const decision = item.minuteEntry?.decision ?? null;
      const issue = item.issue;
      if (!issue) return { kind: 'topic', position: item.position, title: item.title, decision };
      if (!readable.includes(issue.id)) return { kind: 'restricted', position: item.position };
      const outcome = item.minuteEntry && isOutcome(item.minuteEntry.resultingState) ? item.minuteEntry.resultingState : null;
      return {
        kind: 'issue',
        position: item.position,
        number: issue.number,
        title: issue.title,
        state: issue.state,
        publicState: publicState(issue.state),
        decision,
        outcome,
        outcomeApplied: outcome ? applied.has(`${issue.id}:${outcome}`) : null,
        actions: actions
          .filter((a) => a.issueId === issue.id)
          .map((a) => ({ description: a.description, owner: a.ownerOrganization?.name ?? null, followUpAt: a.followUpAt, completedAt: a.completedAt })),
      };
    }),
  };
}
