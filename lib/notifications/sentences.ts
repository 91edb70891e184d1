/**
 * What a notification says. The row stores only facts (its type, the issue or meeting title,
 * the note, the link); the sentence ("Ärende 12 har tilldelats dig") is chosen here and
 * worded from the message files in the reader's language when it is shown or mailed, so a
 * change of language or wording never needs the rows rewritten.
 */
import type { IssueState, NotificationType, WorkshopEventType } from '@/lib/generated/prisma/enums';

export const SENTENCE_KEYS = [
  'assigned',
  'answered',
  'infoRequested',
  'commented',
  'submitted',
  'infoProvided',
  'withdrawn',
  'resolutionConfirmed',
  'resolutionDisputed',
  'actionAgreed',
  'reopened',
  'duplicate',
  'referred',
  'resolved',
  'closedUnresolved',
  'stateChanged',
  'dueSoon',
  'overdue',
  'minutesPublished',
  'postAwaitingApproval',
  'postModerated',
  'listingNeedsConfirmation',
  'listingStale',
  'proposalSubmitted',
  'proposalReviewed',
  'correctionSubmitted',
] as const;

export type SentenceKey = (typeof SENTENCE_KEYS)[number];

const BY_TYPE: Record<NotificationType, SentenceKey> = {
  ISSUE_ASSIGNED: 'assigned',
  ISSUE_ANSWERED: 'answered',
  ISSUE_INFO_REQUESTED: 'infoRequested',
  ISSUE_STATE_CHANGED: 'stateChanged',
  ISSUE_COMMENTED: 'commented',
  ISSUE_DUE_SOON: 'dueSoon',
  ISSUE_OVERDUE: 'overdue',
  MINUTES_PUBLISHED: 'minutesPublished',
  POST_AWAITING_APPROVAL: 'postAwaitingApproval',
  POST_MODERATED: 'postModerated',
  LISTING_NEEDS_CONFIRMATION: 'listingNeedsConfirmation',
  LISTING_STALE: 'listingStale',
  PROPOSAL_SUBMITTED: 'proposalSubmitted',
  PROPOSAL_REVIEWED: 'proposalReviewed',
  CORRECTION_SUBMITTED: 'correctionSubmitted',
};

/** ISSUE_STATE_CHANGED covers many events; the event it was written for says which. */
const BY_EVENT: Partial<Record<WorkshopEventType, SentenceKey>> = {
  SUBMITTED: 'submitted',
  INFO_PROVIDED: 'infoProvided',
  WITHDRAWN: 'withdrawn',
  RESOLUTION_CONFIRMED: 'resolutionConfirmed',
  RESOLUTION_DISPUTED: 'resolutionDisputed',
  ACTION_AGREED: 'actionAgreed',
  REOPENED: 'reopened',
  MARKED_DUPLICATE: 'duplicate',
  REFERRED: 'referred',
};

const BY_STATE: Partial<Record<IssueState, SentenceKey>> = {
  RESOLVED: 'resolved',
  CLOSED_UNRESOLVED: 'closedUnresolved',
};

/** The event a notification was written for (its dedupe key is the event's id), when known. */
export interface SourceEvent {
  type: WorkshopEventType;
  toState: IssueState | null;
}

export function sentenceOf(type: NotificationType, event: SourceEvent | null): SentenceKey {
  if (type !== 'ISSUE_STATE_CHANGED' || !event) return BY_TYPE[type];
  return BY_EVENT[event.type] ?? (event.toState ? BY_STATE[event.toState] : undefined) ?? 'stateChanged';
}

/** The reminders' keys carry the due date they were written for: `overdue:<issue id>:<ISO date>`. */
export function dueAtOfKey(dedupeKey: string): Date | null {
  const match = /^(?:due-soon|overdue):[^:]+:(.+)$/.exec(dedupeKey);
  if (!match) return null;
  const date = new Date(match[1]!);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Everything a sentence and its details need, for the page and the mail alike. */
export interface NotificationSubject {
  sentence: SentenceKey;
  /** The issue's number, for notifications about an issue. */
  issueNumber: number | null;
  /** The stored title: the issue's, or the meeting's for published minutes. */
  title: string;
  /** The due date a reminder speaks of. */
  dueAt: Date | null;
}

/** A translator over `Notifications.sentence`, whatever next-intl flavour the caller has. */
export type SentenceTranslator = (key: SentenceKey, values: { number: string; title: string }) => string;

export function notificationSentence(t: SentenceTranslator, subject: NotificationSubject): string {
  // A plain string: a number argument would be grouped ("1 234") by the message format.
  return t(subject.sentence, { number: subject.issueNumber === null ? '' : String(subject.issueNumber), title: subject.title });
}

/** Minutes name the meeting in the sentence itself; everything else shows the title beside it. */
export const showsTitleApart = (subject: NotificationSubject): boolean => subject.sentence !== 'minutesPublished';
