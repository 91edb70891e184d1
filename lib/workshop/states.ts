/**
 * The workshop's states and the one table of transitions between them
 * (docs/decisions/0012-synergy-workshop.md). Nothing else changes an issue's state: the data
 * layer, the meeting close and the buttons a page shows all read `TRANSITIONS`.
 */
import type { IssueState, WorkshopEventType } from '@/lib/generated/prisma/enums';

export type { IssueState, WorkshopEventType };

/** Who takes a transition: checked against the policy by the data layer. */
export type TransitionRole = 'filer' | 'coordinator' | 'responder' | 'meeting';

export type TransitionName =
  | 'submit'
  | 'requestInfo'
  | 'provideInfo'
  | 'assign'
  | 'markDuplicate'
  | 'refer'
  | 'answer'
  | 'agreeAction'
  | 'resolve'
  | 'confirmResolved'
  | 'closeUnresolved'
  | 'withdraw'
  | 'reopen';

export interface Transition {
  from: readonly IssueState[];
  to: IssueState;
  event: WorkshopEventType;
  by: readonly TransitionRole[];
}

export const OPEN_STATES = ['DRAFT', 'SUBMITTED', 'NEEDS_INFO', 'ASSIGNED', 'ANSWERED', 'ACTION_AGREED'] as const satisfies readonly IssueState[];
export const CLOSED_STATES = ['RESOLVED', 'CLOSED_UNRESOLVED', 'DUPLICATE', 'REFERRED', 'WITHDRAWN'] as const satisfies readonly IssueState[];
export const ALL_STATES: readonly IssueState[] = [...OPEN_STATES, ...CLOSED_STATES];

const AFTER_ANSWER = ['ANSWERED', 'ACTION_AGREED'] as const;

export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', event: 'SUBMITTED', by: ['filer'] },
  requestInfo: { from: ['SUBMITTED'], to: 'NEEDS_INFO', event: 'INFO_REQUESTED', by: ['coordinator'] },
  provideInfo: { from: ['NEEDS_INFO'], to: 'SUBMITTED', event: 'INFO_PROVIDED', by: ['filer'] },
  assign: { from: ['SUBMITTED'], to: 'ASSIGNED', event: 'ASSIGNED', by: ['coordinator'] },
  markDuplicate: { from: ['SUBMITTED'], to: 'DUPLICATE', event: 'MARKED_DUPLICATE', by: ['coordinator'] },
  refer: { from: ['SUBMITTED'], to: 'REFERRED', event: 'REFERRED', by: ['coordinator'] },
  answer: { from: ['ASSIGNED'], to: 'ANSWERED', event: 'ANSWERED', by: ['responder'] },
  agreeAction: { from: ['ANSWERED'], to: 'ACTION_AGREED', event: 'ACTION_AGREED', by: ['coordinator', 'meeting'] },
  resolve: { from: AFTER_ANSWER, to: 'RESOLVED', event: 'STATE_CHANGED', by: ['coordinator', 'meeting'] },
  confirmResolved: { from: AFTER_ANSWER, to: 'RESOLVED', event: 'RESOLUTION_CONFIRMED', by: ['filer'] },
  closeUnresolved: { from: AFTER_ANSWER, to: 'CLOSED_UNRESOLVED', event: 'STATE_CHANGED', by: ['coordinator', 'meeting'] },
  withdraw: { from: OPEN_STATES, to: 'WITHDRAWN', event: 'WITHDRAWN', by: ['filer'] },
  reopen: { from: CLOSED_STATES, to: 'ASSIGNED', event: 'REOPENED', by: ['coordinator'] },
};

/** The states the minutes of a meeting may move an issue to when the meeting closes. */
export const MEETING_OUTCOMES = ['ACTION_AGREED', 'RESOLVED', 'CLOSED_UNRESOLVED'] as const satisfies readonly IssueState[];
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

export function isClosed(state: IssueState): boolean {
  return (CLOSED_STATES as readonly IssueState[]).includes(state);
}

/** Whether a transition may be taken from this state (who may take it is the policy's business). */
export function canTransition(name: TransitionName, from: IssueState): boolean {
  return TRANSITIONS[name].from.includes(from);
}

/** The meeting's transition to a state, if the minutes may set it from `from`. */
export function meetingTransition(from: IssueState, to: MeetingOutcome): TransitionName | null {
  const name: TransitionName = to === 'ACTION_AGREED' ? 'agreeAction' : to === 'RESOLVED' ? 'resolve' : 'closeUnresolved';
  return canTransition(name, from) ? name : null;
}

/** Overdue is a flag, not a state: the due date has passed while the issue waits for an answer. */
export function isOverdue(issue: { state: IssueState; dueAt: Date | null }, now: Date): boolean {
  return issue.state === 'ASSIGNED' && issue.dueAt !== null && issue.dueAt.getTime() < now.getTime();
}

/** The smaller vocabulary the network and residents see. */
export type PublicState = 'draft' | 'received' | 'inProgress' | 'answered' | 'actionAgreed' | 'resolved' | 'closed';

export function publicState(state: IssueState): PublicState {
  switch (state) {
    case 'DRAFT':
      return 'draft';
    case 'SUBMITTED':
    case 'NEEDS_INFO':
      return 'received';
    case 'ASSIGNED':
      return 'inProgress';
    case 'ANSWERED':
      return 'answered';
    case 'ACTION_AGREED':
      return 'actionAgreed';
    case 'RESOLVED':
      return 'resolved';
    default:
      return 'closed';
  }
}
