/**
 * Writing in the synergy workshop: associations file and follow their issues, the coordinator
 * triages, officials answer. Every function takes the actor first, asks the policy, validates
 * its input with zod, and changes the issue in one transaction that also appends the event
 * and writes the notifications (docs/decisions/0012-synergy-workshop.md). States move only
 * through `applyTransition`, which reads the table in ./states.ts.
 */
import type { Actor } from '@/lib/authz/actor';
import { requireUser } from '@/lib/authz/actor';
import { authorize, can, type IssueFacts } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { IssueState, IssueVisibility, WorkshopEventType } from '@/lib/generated/prisma/enums';
import { getMediaStorage } from '@/lib/media/storage';
import { notifyIssueEvent } from '@/lib/notifications/issue-events';
import { findPersonalData } from './personal-data';
import {
  bodySchema,
  duplicateSchema,
  issueFieldsSchema,
  issueNumberSchema,
  noteSchema,
  optionalNoteSchema,
  outcomeSchema,
  reassignSchema,
  referSchema,
  triageSchema,
  versionSchema,
  workshopErrors,
  type IssueFields,
} from './schemas';
import { canTransition, isClosed, meetingTransition, TRANSITIONS, type TransitionName } from './states';

type Tx = Prisma.TransactionClient;

/** What the data layer needs of an issue to decide and to change it. */
export interface LoadedIssue {
  id: string;
  number: number;
  state: IssueState;
  version: number;
  visibility: IssueVisibility;
  filedByOrganizationId: string;
  categoryId: string | null;
  dueAt: Date | null;
  responderOrganizationIds: string[];
  assigneeUserIds: string[];
}

const LOAD = {
  id: true,
  number: true,
  state: true,
  version: true,
  visibility: true,
  filedByOrganizationId: true,
  categoryId: true,
  dueAt: true,
  responders: { select: { organizationId: true } },
  assignees: { select: { userId: true } },
} as const;

async function loadIssue(tx: Tx, where: { number: number } | { id: string }): Promise<LoadedIssue | null> {
  const row = await tx.workshopIssue.findUnique({ where, select: LOAD });
  if (!row) return null;
  const { responders, assignees, ...rest } = row;
  return { ...rest, responderOrganizationIds: responders.map((r) => r.organizationId), assigneeUserIds: assignees.map((a) => a.userId) };
}

export function issueFacts(issue: Pick<LoadedIssue, 'filedByOrganizationId' | 'visibility' | 'responderOrganizationIds' | 'assigneeUserIds'>): IssueFacts {
  return {
    filedByOrganizationId: issue.filedByOrganizationId,
    visibility: issue.visibility,
    responderOrganizationIds: issue.responderOrganizationIds,
    assigneeUserIds: issue.assigneeUserIds,
  };
}

/**
 * The issue the actor may read, by its number. An issue the actor may not see is NOT_FOUND
 * (its existence is not told); a resident is asked to sign in. A draft is its association's own.
 */
export async function readableIssue(actor: Actor, tx: Tx, number: unknown): Promise<LoadedIssue> {
  const parsed = issueNumberSchema.safeParse(number);
  const issue = parsed.success ? await loadIssue(tx, { number: parsed.data }) : null;
  const facts = issue && issueFacts(issue);
  const visible = issue && facts && can(actor, 'issue.read', facts) && (issue.state !== 'DRAFT' || can(actor, 'issue.actAsFiler', facts));
  if (!issue || !visible) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'NOT_FOUND', 'notFound');
  return issue;
}

const refuse = (key: Parameters<typeof workshopErrors.isKey>[0] & string, field = 'form', code: 'INVALID_INPUT' | 'CONFLICT' = 'INVALID_INPUT') =>
  new AppError(code, key, { [field]: [key] });

// ── Events and transitions ─────────────────────────────────────────────────────────

export interface EventInput {
  issueId: string;
  actorId: string | null;
  type: WorkshopEventType;
  fromState?: IssueState | null;
  toState?: IssueState | null;
  note?: string | null;
  data?: Prisma.InputJsonValue;
}

/** Appends one event to the issue's history and notifies whom it concerns, in the same transaction. */
export async function recordEvent(tx: Tx, input: EventInput): Promise<string> {
  const event = await tx.workshopEvent.create({
    data: {
      issueId: input.issueId,
      actorId: input.actorId,
      type: input.type,
      fromState: input.fromState ?? null,
      toState: input.toState ?? null,
      note: input.note || null,
      data: input.data,
    },
    select: { id: true },
  });
  await notifyIssueEvent(tx, { id: event.id, type: input.type, issueId: input.issueId, actorId: input.actorId, note: input.note ?? null });
  return event.id;
}

export interface TransitionOptions {
  note?: string | null;
  data?: Prisma.InputJsonValue;
  /** Other fields changed with the state (duplicateOfId, referredTo, resolutionFeedback...). */
  set?: Prisma.WorkshopIssueUncheckedUpdateManyInput;
  now?: Date;
}

/**
 * Moves an issue along one row of the transition table: refuses a move the table does not
 * allow from the current state, changes the state only if nobody changed it meanwhile, keeps
 * the query timestamps, bumps the version and appends the event. Who may take the transition
 * is checked by the caller against the policy.
 */
export async function applyTransition(tx: Tx, issue: Pick<LoadedIssue, 'id' | 'state'>, name: TransitionName, actorId: string | null, options: TransitionOptions = {}): Promise<string> {
  const transition = TRANSITIONS[name];
  if (!canTransition(name, issue.state)) throw refuse('wrongState', 'form', 'CONFLICT');
  const now = options.now ?? new Date();
  const current = await tx.workshopIssue.findUniqueOrThrow({ where: { id: issue.id }, select: { submittedAt: true, triagedAt: true, firstAnsweredAt: true } });
  const stamps: Prisma.WorkshopIssueUncheckedUpdateManyInput = {};
  if (transition.to === 'SUBMITTED' && !current.submittedAt) stamps.submittedAt = now;
  if (['ASSIGNED', 'DUPLICATE', 'REFERRED'].includes(transition.to) && !current.triagedAt) stamps.triagedAt = now;
  if (transition.to === 'ANSWERED' && !current.firstAnsweredAt) stamps.firstAnsweredAt = now;
  stamps.closedAt = isClosed(transition.to) ? now : null;
  const { count } = await tx.workshopIssue.updateMany({
    where: { id: issue.id, state: issue.state },
    data: { ...options.set, ...stamps, state: transition.to, version: { increment: 1 } },
  });
  if (count !== 1) throw refuse('wrongState', 'form', 'CONFLICT');
  return recordEvent(tx, { issueId: issue.id, actorId, type: transition.event, fromState: issue.state, toState: transition.to, note: options.note, data: options.data });
}

/**
 * The transition a meeting's minutes ask for, applied when the meeting closes (by the
 * coordinator, who closes it). Returns false when the issue has moved on to a state the
 * outcome cannot follow, so the meeting records the decision without forcing the state.
 */
export async function applyMeetingOutcome(tx: Tx, issueId: string, outcome: 'ACTION_AGREED' | 'RESOLVED' | 'CLOSED_UNRESOLVED', actorId: string, note: string | null, meetingId: string): Promise<boolean> {
  const issue = await loadIssue(tx, { id: issueId });
  if (!issue) return false;
  const name = meetingTransition(issue.state, outcome);
  if (!name) return false;
  await applyTransition(tx, issue, name, actorId, { note, data: { meetingId } });
  return true;
}

async function withIssue<T>(actor: Actor, number: unknown, work: (tx: Tx, issue: LoadedIssue, userId: string) => Promise<T>): Promise<T> {
  const user = requireUser(actor);
  const db = await getDb();
  return db.$transaction(async (tx) => work(tx, await readableIssue(actor, tx, number), user.userId));
}

// ── Filing ─────────────────────────────────────────────────────────────────────────

/** A personal identity number is refused outright; phone numbers and addresses only warn in the form. */
function refusePersonalNumbers(fields: Pick<IssueFields, 'title' | 'description' | 'desiredOutcome'>): void {
  const fieldErrors: Record<string, string[]> = {};
  for (const field of ['title', 'description', 'desiredOutcome'] as const) {
    if (findPersonalData(fields[field]).some((f) => f.kind === 'personalNumber')) fieldErrors[field] = ['personalNumber'];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError('INVALID_INPUT', 'personalNumber', fieldErrors);
}

async function checkFieldReferences(tx: Tx, fields: IssueFields): Promise<void> {
  if (fields.categoryId && !(await tx.workshopCategory.findUnique({ where: { id: fields.categoryId }, select: { id: true } }))) {
    throw refuse('categoryUnknown', 'categoryId');
  }
  if (fields.municipalityId && !(await tx.municipality.findUnique({ where: { id: fields.municipalityId }, select: { id: true } }))) {
    throw refuse('municipalityUnknown', 'municipalityId');
  }
}

export interface FileInput {
  organizationId: unknown;
  fields: unknown;
  /** Send it to the coordinator now; otherwise it stays a draft. */
  submit: boolean;
}

function parseFields(fields: unknown, submit: boolean): IssueFields {
  const parsed = workshopErrors.parse(issueFieldsSchema, fields);
  refusePersonalNumbers(parsed);
  if (submit && !parsed.confirmedNoPersonalData) throw refuse('confirmRequired', 'confirmedNoPersonalData');
  return parsed;
}

function issueData(fields: IssueFields) {
  return {
    title: fields.title,
    description: fields.description,
    desiredOutcome: fields.desiredOutcome,
    categoryId: fields.categoryId,
    concerns: fields.concerns,
    municipalityId: fields.municipalityId,
    confirmedNoPersonalData: fields.confirmedNoPersonalData,
  };
}

/** Files a new issue for one of the actor's associations, as a draft or sent at once. */
export async function fileIssue(actor: Actor, input: FileInput): Promise<{ number: number }> {
  const user = requireUser(actor);
  const organizationId = typeof input.organizationId === 'string' ? input.organizationId : '';
  authorize(actor, 'issue.create', { organizationId });
  const fields = parseFields(input.fields, input.submit);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.findFirst({ where: { id: organizationId, kind: 'ASSOCIATION', isActive: true }, select: { id: true } });
    if (!organization) throw new AppError('NOT_FOUND', 'notFound');
    await checkFieldReferences(tx, fields);
    const issue = await tx.workshopIssue.create({
      data: { ...issueData(fields), filedByOrganizationId: organization.id, createdById: user.userId, state: 'DRAFT' },
      select: { id: true, number: true, state: true },
    });
    await recordEvent(tx, { issueId: issue.id, actorId: user.userId, type: 'CREATED', toState: 'DRAFT' });
    if (input.submit) await applyTransition(tx, issue, 'submit', user.userId);
    return { number: issue.number };
  });
}

/** The filing association changes its draft, and may send it. */
export async function updateDraft(actor: Actor, number: unknown, input: { version: unknown; fields: unknown; submit: boolean }): Promise<void> {
  const version = workshopErrors.parse(versionSchema, input.version);
  const fields = parseFields(input.fields, input.submit);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.actAsFiler', issueFacts(issue));
    if (issue.state !== 'DRAFT') throw refuse('wrongState', 'form', 'CONFLICT');
    await checkFieldReferences(tx, fields);
    const { count } = await tx.workshopIssue.updateMany({
      where: { id: issue.id, version, state: 'DRAFT' },
      data: { ...issueData(fields), version: { increment: 1 } },
    });
    if (count !== 1) throw refuse('versionConflict', 'form', 'CONFLICT');
    if (input.submit) await applyTransition(tx, { id: issue.id, state: 'DRAFT' }, 'submit', userId);
  });
}

/** A draft nobody else has seen can be thrown away; anything sent is withdrawn instead. */
export async function deleteDraft(actor: Actor, number: unknown): Promise<void> {
  const storageKeys = await withIssue(actor, number, async (tx, issue) => {
    authorize(actor, 'issue.actAsFiler', issueFacts(issue));
    const attachments = await tx.workshopAttachment.findMany({ where: { issueId: issue.id }, select: { storageKey: true } });
    const { count } = await tx.workshopIssue.deleteMany({ where: { id: issue.id, state: 'DRAFT' } });
    if (count !== 1) throw refuse('wrongState', 'form', 'CONFLICT');
    return attachments.map((a) => a.storageKey);
  });
  // The attachment rows went with the draft; their files, unreachable now, go once that is committed.
  const storage = getMediaStorage();
  await Promise.allSettled(storageKeys.map((key) => storage.delete(key)));
}

/** The filing association's own moves: answer a request for information, withdraw, confirm or dispute. */
export async function actAsFiler(actor: Actor, number: unknown, move: 'provideInfo' | 'withdraw' | 'confirm' | 'dispute', input: unknown): Promise<void> {
  const needsNote = move === 'provideInfo' || move === 'dispute';
  const { note } = workshopErrors.parse(needsNote ? noteSchema : optionalNoteSchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.actAsFiler', issueFacts(issue));
    if (move === 'provideInfo' || move === 'withdraw') {
      await applyTransition(tx, issue, move, userId, { note });
      return;
    }
    if (move === 'confirm' && issue.state !== 'RESOLVED') {
      await applyTransition(tx, issue, 'confirmResolved', userId, { note, set: { resolutionFeedback: 'CONFIRMED', resolutionFeedbackNote: note || null } });
      return;
    }
    // Feedback on a resolution the coordinator or a meeting decided.
    if (issue.state !== 'RESOLVED') throw refuse('wrongState', 'form', 'CONFLICT');
    const feedback = move === 'confirm' ? 'CONFIRMED' : 'DISPUTED';
    const { count } = await tx.workshopIssue.updateMany({
      // A null feedback must match too: NOT (feedback = x) is not true for NULL in SQL.
      where: { id: issue.id, state: 'RESOLVED', OR: [{ resolutionFeedback: null }, { resolutionFeedback: { not: feedback } }] },
      data: { resolutionFeedback: feedback, resolutionFeedbackNote: note || null, version: { increment: 1 } },
    });
    if (count === 1) {
      await recordEvent(tx, { issueId: issue.id, actorId: userId, type: feedback === 'CONFIRMED' ? 'RESOLUTION_CONFIRMED' : 'RESOLUTION_DISPUTED', note });
    }
  });
}

// ── Triage ─────────────────────────────────────────────────────────────────────────

/** The default due date: the day before the next planned workshop meeting, or two weeks ahead. */
export async function defaultDueDate(tx: Tx, now = new Date()): Promise<Date> {
  const next = await tx.meeting.findFirst({
    where: { status: 'PLANNED', kind: 'WORKSHOP', startsAt: { gt: new Date(now.getTime() + 2 * 86_400_000) } },
    orderBy: { startsAt: 'asc' },
    select: { startsAt: true },
  });
  return next ? new Date(next.startsAt.getTime() - 86_400_000) : new Date(now.getTime() + 14 * 86_400_000);
}

async function checkResponders(tx: Tx, organizationIds: string[], assigneeUserIds: string[]): Promise<void> {
  const organizations = await tx.organization.count({ where: { id: { in: organizationIds }, kind: { in: ['REGION', 'MUNICIPALITY'] }, isActive: true } });
  if (organizations !== organizationIds.length) throw refuse('responderUnknown', 'responderOrganizationIds');
  for (const userId of assigneeUserIds) {
    const official = await tx.membership.findFirst({
      where: { userId, role: 'OFFICIAL', organizationId: { in: organizationIds }, user: { disabledAt: null } },
      select: { id: true },
    });
    if (!official) throw refuse('assigneeNotOfficial', 'assigneeUserIds');
  }
}

/** Writes the differences between the current responders/assignees and the wanted ones, each as an event. */
async function syncAssignment(tx: Tx, issue: LoadedIssue, userId: string, organizationIds: string[], assigneeUserIds: string[], silent: boolean): Promise<void> {
  const addedOrgs = organizationIds.filter((id) => !issue.responderOrganizationIds.includes(id));
  const removedOrgs = issue.responderOrganizationIds.filter((id) => !organizationIds.includes(id));
  const addedUsers = assigneeUserIds.filter((id) => !issue.assigneeUserIds.includes(id));
  const removedUsers = issue.assigneeUserIds.filter((id) => !assigneeUserIds.includes(id));
  if (removedOrgs.length > 0) await tx.issueResponder.deleteMany({ where: { issueId: issue.id, organizationId: { in: removedOrgs } } });
  if (addedOrgs.length > 0) await tx.issueResponder.createMany({ data: addedOrgs.map((organizationId) => ({ issueId: issue.id, organizationId })) });
  if (removedUsers.length > 0) await tx.issueAssignee.deleteMany({ where: { issueId: issue.id, userId: { in: removedUsers } } });
  if (addedUsers.length > 0) {
    await tx.issueAssignee.createMany({ data: addedUsers.map((assignee) => ({ issueId: issue.id, userId: assignee, assignedById: userId })) });
  }
  // Assigning the issue itself (SUBMITTED -> ASSIGNED) tells the assignees; later changes tell each one.
  if (silent) return;
  for (const organizationId of removedOrgs) await recordEvent(tx, { issueId: issue.id, actorId: userId, type: 'UNASSIGNED', data: { organizationId } });
  for (const organizationId of addedOrgs) await recordEvent(tx, { issueId: issue.id, actorId: userId, type: 'ASSIGNED', data: { organizationId } });
  for (const assignee of removedUsers) await recordEvent(tx, { issueId: issue.id, actorId: userId, type: 'UNASSIGNED', data: { userId: assignee } });
  for (const assignee of addedUsers) await recordEvent(tx, { issueId: issue.id, actorId: userId, type: 'ASSIGNED', data: { userId: assignee } });
}

/**
 * The coordinator's triage: category, responder organisations and officials, due date and
 * visibility in one save. On a new issue it assigns it (SUBMITTED -> ASSIGNED); later it
 * changes what changed, each change its own event.
 */
export async function triageIssue(actor: Actor, number: unknown, input: unknown, now = new Date()): Promise<void> {
  const parsed = workshopErrors.parse(triageSchema, input);
  const responderIds = [...new Set(parsed.responderOrganizationIds)];
  const assigneeIds = [...new Set(parsed.assigneeUserIds)];
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.triage', null);
    if (issue.version !== parsed.version) throw refuse('versionConflict', 'form', 'CONFLICT');
    // A new issue is assigned by its triage; an assigned one can be re-triaged until it closes.
    if (!['SUBMITTED', 'ASSIGNED', 'ANSWERED', 'ACTION_AGREED'].includes(issue.state)) throw refuse('wrongState', 'form', 'CONFLICT');
    if (responderIds.length === 0) throw refuse('respondersRequired', 'responderOrganizationIds');
    if (parsed.dueDate && parsed.dueDate.getTime() < now.getTime() && parsed.dueDate.getTime() !== issue.dueAt?.getTime()) {
      throw refuse('duePast', 'dueDate');
    }
    if (parsed.categoryId && !(await tx.workshopCategory.findUnique({ where: { id: parsed.categoryId }, select: { id: true } }))) {
      throw refuse('categoryUnknown', 'categoryId');
    }
    await checkResponders(tx, responderIds, assigneeIds);

    const dueAt = parsed.dueDate ?? (issue.state === 'SUBMITTED' ? await defaultDueDate(tx, now) : issue.dueAt);
    const changes: { type: WorkshopEventType; data: Prisma.InputJsonValue }[] = [];
    if (parsed.categoryId !== issue.categoryId) changes.push({ type: 'CATEGORY_CHANGED', data: { from: issue.categoryId, to: parsed.categoryId } });
    if (parsed.visibility !== issue.visibility) changes.push({ type: 'VISIBILITY_CHANGED', data: { from: issue.visibility, to: parsed.visibility } });
    if (dueAt?.getTime() !== issue.dueAt?.getTime()) changes.push({ type: 'DUE_DATE_CHANGED', data: { from: issue.dueAt?.toISOString() ?? null, to: dueAt?.toISOString() ?? null } });

    const { count } = await tx.workshopIssue.updateMany({
      where: { id: issue.id, version: issue.version },
      data: { categoryId: parsed.categoryId, visibility: parsed.visibility, dueAt, version: { increment: 1 } },
    });
    if (count !== 1) throw refuse('versionConflict', 'form', 'CONFLICT');

    if (issue.state === 'SUBMITTED') {
      await syncAssignment(tx, issue, userId, responderIds, assigneeIds, true);
      await recordEvent(tx, { issueId: issue.id, actorId: userId, type: 'TRIAGED', data: { categoryId: parsed.categoryId, visibility: parsed.visibility, dueAt: dueAt?.toISOString() ?? null } });
      await applyTransition(tx, issue, 'assign', userId, { data: { organizationIds: responderIds, userIds: assigneeIds } });
      return;
    }
    for (const change of changes) await recordEvent(tx, { issueId: issue.id, actorId: userId, type: change.type, data: change.data });
    await syncAssignment(tx, issue, userId, responderIds, assigneeIds, false);
  });
}

/** The coordinator's other moves on a new issue: ask for more information, mark a duplicate, refer elsewhere. */
export async function requestInfo(actor: Actor, number: unknown, input: unknown): Promise<void> {
  const { note } = workshopErrors.parse(noteSchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.triage', null);
    await applyTransition(tx, issue, 'requestInfo', userId, { note });
  });
}

export async function markDuplicate(actor: Actor, number: unknown, input: unknown): Promise<void> {
  const { duplicateOfNumber, note } = workshopErrors.parse(duplicateSchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.triage', null);
    const original = await tx.workshopIssue.findUnique({ where: { number: duplicateOfNumber }, select: { id: true, state: true } });
    if (!original || original.state === 'DRAFT') throw refuse('duplicateOfUnknown', 'duplicateOfNumber');
    if (original.id === issue.id) throw refuse('duplicateOfSelf', 'duplicateOfNumber');
    await applyTransition(tx, issue, 'markDuplicate', userId, { note, data: { duplicateOfNumber }, set: { duplicateOfId: original.id } });
  });
}

export async function referIssue(actor: Actor, number: unknown, input: unknown): Promise<void> {
  const { referredTo, note } = workshopErrors.parse(referSchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.triage', null);
    await applyTransition(tx, issue, 'refer', userId, { note, data: { referredTo }, set: { referredTo } });
  });
}

/** The coordinator records an outcome between meetings: action agreed, resolved or closed unresolved. */
export async function setOutcome(actor: Actor, number: unknown, input: unknown): Promise<void> {
  const { outcome, note } = workshopErrors.parse(outcomeSchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.triage', null);
    const name = meetingTransition(issue.state, outcome);
    if (!name) throw refuse('wrongState', 'form', 'CONFLICT');
    await applyTransition(tx, issue, name, userId, { note });
  });
}

/** Reopens a closed issue for its responders again (coordinator only). */
export async function reopenIssue(actor: Actor, number: unknown, input: unknown): Promise<void> {
  const { note } = workshopErrors.parse(noteSchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.triage', null);
    if (issue.responderOrganizationIds.length === 0) throw refuse('respondersRequired', 'form', 'CONFLICT');
    await applyTransition(tx, issue, 'reopen', userId, { note, set: { resolutionFeedback: null, resolutionFeedbackNote: null } });
  });
}

// ── Answering ──────────────────────────────────────────────────────────────────────

/** The responder organisation the actor answers for: their own among the issue's responders, or any for the coordinator. */
function answeringOrganization(actor: Extract<Actor, { kind: 'user' }>, issue: LoadedIssue, requested: unknown): string {
  const official = issue.responderOrganizationIds.filter((id) => actor.memberships.some((m) => m.organizationId === id && m.role === 'OFFICIAL'));
  const candidates = actor.memberships.some((m) => m.role === 'COORDINATOR') ? issue.responderOrganizationIds : official;
  const chosen = typeof requested === 'string' && requested ? requested : candidates.length === 1 ? candidates[0] : undefined;
  if (!chosen || !candidates.includes(chosen)) throw refuse('notResponder', 'organizationId');
  return chosen;
}

/**
 * The official answer of a responder organisation. The first answer moves the issue to
 * ANSWERED; an edit, or another organisation's answer, is an ANSWERED event without a state
 * change. The same text again changes nothing and tells nobody.
 */
export async function answerIssue(actor: Actor, number: unknown, input: { organizationId?: unknown; body: unknown }): Promise<void> {
  const user = requireUser(actor);
  const { body } = workshopErrors.parse(bodySchema, { body: input.body });
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.answer', issueFacts(issue));
    if (!['ASSIGNED', 'ANSWERED', 'ACTION_AGREED'].includes(issue.state)) throw refuse('wrongState', 'form', 'CONFLICT');
    const organizationId = answeringOrganization(user, issue, input.organizationId);
    const existing = await tx.workshopAnswer.findUnique({ where: { issueId_organizationId: { issueId: issue.id, organizationId } }, select: { body: true } });
    if (existing?.body === body) return;
    await tx.workshopAnswer.upsert({
      where: { issueId_organizationId: { issueId: issue.id, organizationId } },
      create: { issueId: issue.id, organizationId, authorId: userId, body },
      update: { body, authorId: userId },
    });
    const data = { organizationId, edited: Boolean(existing) };
    if (issue.state === 'ASSIGNED') {
      await applyTransition(tx, issue, 'answer', userId, { data });
    } else {
      await tx.workshopIssue.update({ where: { id: issue.id }, data: { version: { increment: 1 } } });
      await recordEvent(tx, { issueId: issue.id, actorId: userId, type: 'ANSWERED', data });
    }
  });
}

/** An official moves the issue within their own organisation: which of its officials are assigned. */
export async function reassignIssue(actor: Actor, number: unknown, input: unknown): Promise<void> {
  const user = requireUser(actor);
  const { assigneeUserIds } = workshopErrors.parse(reassignSchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.reassign', issueFacts(issue));
    if (isClosed(issue.state) || issue.state === 'DRAFT') throw refuse('wrongState', 'form', 'CONFLICT');
    const coordinator = user.memberships.some((m) => m.role === 'COORDINATOR');
    // The organisations whose officials this person may move: their own (all responders for the coordinator).
    const ownOrganizations = coordinator
      ? issue.responderOrganizationIds
      : issue.responderOrganizationIds.filter((id) => user.memberships.some((m) => m.organizationId === id && m.role === 'OFFICIAL'));
    const officialsOfOwn = await tx.membership.findMany({
      where: { organizationId: { in: ownOrganizations }, role: 'OFFICIAL' },
      select: { userId: true },
    });
    const movable = new Set(officialsOfOwn.map((m) => m.userId));
    const wanted = [...new Set(assigneeUserIds)];
    if (wanted.some((id) => !movable.has(id))) throw refuse('assigneeNotOfficial', 'assigneeUserIds');
    await checkResponders(tx, issue.responderOrganizationIds, wanted);
    // Assignees from other organisations stay as they are.
    const kept = issue.assigneeUserIds.filter((id) => !movable.has(id));
    await syncAssignment(tx, issue, userId, issue.responderOrganizationIds, [...kept, ...wanted], false);
  });
}

// ── Conversation ───────────────────────────────────────────────────────────────────

export async function addComment(actor: Actor, number: unknown, input: unknown): Promise<void> {
  const { body } = workshopErrors.parse(bodySchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.comment', issueFacts(issue));
    if (issue.state === 'DRAFT') throw refuse('wrongState', 'form', 'CONFLICT');
    const comment = await tx.workshopComment.create({ data: { issueId: issue.id, authorId: userId, body }, select: { id: true } });
    await recordEvent(tx, { issueId: issue.id, actorId: userId, type: 'COMMENTED', data: { commentId: comment.id } });
  });
}

/** An internal note of a responder organisation (or the coordinator's); never shown to the filing association. */
export async function addInternalNote(actor: Actor, number: unknown, input: unknown): Promise<void> {
  const user = requireUser(actor);
  const { body } = workshopErrors.parse(bodySchema, input);
  await withIssue(actor, number, async (tx, issue, userId) => {
    authorize(actor, 'issue.internalNotes', issueFacts(issue));
    const own = user.memberships.find((m) => (m.role === 'OFFICIAL' && issue.responderOrganizationIds.includes(m.organizationId)) || m.role === 'COORDINATOR');
    const organizationId = own?.organizationId ?? user.memberships.find((m) => m.role === 'OFFICIAL')?.organizationId;
    if (!organizationId) throw new AppError('FORBIDDEN', 'forbidden');
    await tx.workshopInternalNote.create({ data: { issueId: issue.id, organizationId, authorId: userId, body } });
  });
}

