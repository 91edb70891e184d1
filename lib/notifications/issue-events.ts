/**
 * Who hears of a change to a workshop issue (docs/decisions/0012-synergy-workshop.md,
 * "Notifications"). Called by the data layer inside the transaction that appends the event,
 * so a notification exists exactly when its change does. One row per recipient, keyed by the
 * event, so running it again for the same event writes nothing.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NotificationType, WorkshopEventType } from '@/lib/generated/prisma/enums';

type Tx = Prisma.TransactionClient;
type Group = 'filers' | 'assignees' | 'coordinators';

export interface IssueEventRef {
  id: string;
  type: WorkshopEventType;
  issueId: string;
  actorId: string | null;
  note?: string | null;
}

const CHANGED: Group[] = ['filers', 'assignees', 'coordinators'];

/** The notification an event gives, and to whom; events missing here tell nobody. */
const ROUTES: Partial<Record<WorkshopEventType, { type: NotificationType; to: Group[] }>> = {
  SUBMITTED: { type: 'ISSUE_STATE_CHANGED', to: ['coordinators'] },
  ASSIGNED: { type: 'ISSUE_ASSIGNED', to: ['assignees'] },
  ANSWERED: { type: 'ISSUE_ANSWERED', to: ['filers', 'coordinators'] },
  INFO_REQUESTED: { type: 'ISSUE_INFO_REQUESTED', to: ['filers'] },
  COMMENTED: { type: 'ISSUE_COMMENTED', to: CHANGED },
  INFO_PROVIDED: { type: 'ISSUE_STATE_CHANGED', to: ['coordinators', 'assignees'] },
  WITHDRAWN: { type: 'ISSUE_STATE_CHANGED', to: ['coordinators', 'assignees'] },
  RESOLUTION_DISPUTED: { type: 'ISSUE_STATE_CHANGED', to: ['coordinators', 'assignees'] },
  STATE_CHANGED: { type: 'ISSUE_STATE_CHANGED', to: CHANGED },
  ACTION_AGREED: { type: 'ISSUE_STATE_CHANGED', to: CHANGED },
  REOPENED: { type: 'ISSUE_STATE_CHANGED', to: CHANGED },
  MARKED_DUPLICATE: { type: 'ISSUE_STATE_CHANGED', to: CHANGED },
  REFERRED: { type: 'ISSUE_STATE_CHANGED', to: CHANGED },
  RESOLUTION_CONFIRMED: { type: 'ISSUE_STATE_CHANGED', to: CHANGED },
};

/**
 * The users in each group for one issue. "assignees" are the officials named on the issue,
 * or, when none is named, every official of its responder organisations.
 */
export async function issueRecipients(tx: Tx, issueId: string, groups: readonly Group[]): Promise<Set<string>> {
  const issue = await tx.workshopIssue.findUniqueOrThrow({
    where: { id: issueId },
    select: { filedByOrganizationId: true, assignees: { select: { userId: true } }, responders: { select: { organizationId: true } } },
  });
  const or: Prisma.MembershipWhereInput[] = [];
  if (groups.includes('filers')) or.push({ organizationId: issue.filedByOrganizationId, role: { in: ['MEMBER', 'ASSOCIATION_ADMIN'] } });
  if (groups.includes('coordinators')) or.push({ role: 'COORDINATOR' });
  const users = new Set<string>();
  if (groups.includes('assignees')) {
    if (issue.assignees.length > 0) issue.assignees.forEach((a) => users.add(a.userId));
    else or.push({ organizationId: { in: issue.responders.map((r) => r.organizationId) }, role: 'OFFICIAL' });
  }
  if (or.length > 0) {
    const members = await tx.membership.findMany({ where: { OR: or }, select: { userId: true } });
    members.forEach((m) => users.add(m.userId));
  }
  return users;
}

/** Writes one notification per user (never the actor, never a disabled account); duplicates by key are skipped. */
/** Everyone who coordinates the network: the recipients of the coordinator's notifications. */
export async function coordinatorIds(tx: Tx): Promise<string[]> {
  return (await tx.membership.findMany({ where: { role: 'COORDINATOR' }, select: { userId: true } })).map((m) => m.userId);
}

export async function notifyUsers(
  tx: Tx,
  userIds: Iterable<string>,
  input: { type: NotificationType; issueId: string | null; title: string; body?: string | null; url: string; dedupeKey: string; exceptUserId?: string | null },
): Promise<number> {
  const wanted = [...new Set(userIds)].filter((id) => id !== input.exceptUserId);
  if (wanted.length === 0) return 0;
  const active = await tx.user.findMany({ where: { id: { in: wanted }, disabledAt: null }, select: { id: true } });
  const { count } = await tx.notification.createMany({
    data: active.map((u) => ({
      userId: u.id,
      type: input.type,
      issueId: input.issueId,
      title: input.title,
      body: input.body ?? '',
      url: input.url,
      dedupeKey: input.dedupeKey,
    })),
    skipDuplicates: true,
  });
  return count;
}

export async function notifyIssueEvent(tx: Tx, event: IssueEventRef): Promise<number> {
  const route = ROUTES[event.type];
  if (!route) return 0;
  const issue = await tx.workshopIssue.findUniqueOrThrow({ where: { id: event.issueId }, select: { number: true, title: true } });
  let recipients: Set<string>;
  if (event.type === 'ASSIGNED') {
    // A single official added later hears of it alone; a whole organisation added, its officials.
    const { data } = await tx.workshopEvent.findUniqueOrThrow({ where: { id: event.id }, select: { data: true } });
    const added = (data ?? {}) as { userId?: unknown; organizationId?: unknown };
    if (typeof added.userId === 'string') recipients = new Set([added.userId]);
    else if (typeof added.organizationId === 'string') {
      const officials = await tx.membership.findMany({ where: { organizationId: added.organizationId, role: 'OFFICIAL' }, select: { userId: true } });
      recipients = new Set(officials.map((o) => o.userId));
    } else recipients = await issueRecipients(tx, event.issueId, route.to);
  } else {
    recipients = await issueRecipients(tx, event.issueId, route.to);
  }
  return notifyUsers(tx, recipients, {
    type: route.type,
    issueId: event.issueId,
    title: issue.title,
    body: event.note,
    url: `/verkstad/${issue.number}`,
    dedupeKey: event.id,
    exceptUserId: event.actorId,
  });
}

/** The minutes of a closed meeting, to the people of every issue on its agenda and the coordinators. */
export async function notifyMinutesPublished(tx: Tx, meetingId: string, actorId: string | null): Promise<number> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { title: true, agendaItems: { select: { issueId: true } } } });
  const recipients = new Set<string>();
  for (const item of meeting.agendaItems) {
    if (item.issueId) (await issueRecipients(tx, item.issueId, ['filers', 'assignees'])).forEach((id) => recipients.add(id));
  }
  (await coordinatorIds(tx)).forEach((id) => recipients.add(id));
  return notifyUsers(tx, recipients, {
    type: 'MINUTES_PUBLISHED',
    issueId: null,
    title: meeting.title,
    url: `/verkstad/moten/${meetingId}`,
    dedupeKey: `minutes:${meetingId}`,
    exceptUserId: actorId,
  });
}
