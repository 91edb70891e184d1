/**
 * A workshop history small enough to compute by hand: nine issues with explicit event times,
 * and every figure the metrics must give for it, worked out in the comments. The unit specs
 * feed it to the pure function; the integration specs write it to a database and read it back
 * through the loader and the CSV route.
 *
 * Every step below is a whole number of half days (UTC), so the figures are exact.
 * "now" is 2026-05-01 12:00 UTC.
 */
import type { IssueState, WorkshopEventType } from '@/lib/workshop/states';
import type { MetricSet } from '@/lib/workshop/metrics';

export const NOW = new Date('2026-05-01T12:00:00Z');

export type OrgKey = 'K' | 'R';
export type CategoryKey = 'P' | 'S' | 'B';

export const ORGANIZATIONS: Record<OrgKey, { slug: string; name: string }> = {
  K: { slug: 'exempelby-kommun', name: 'Exempelby kommun' },
  R: { slug: 'region-exempellan', name: 'Region Exempellän' },
};

/** In display order. "Boende" has no issue and still gets a row of zeros. */
export const CATEGORIES: { key: CategoryKey; slug: string; name: string }[] = [
  { key: 'P', slug: 'primarvard', name: 'Primärvård' },
  { key: 'S', slug: 'skola', name: 'Skola' },
  { key: 'B', slug: 'boende', name: 'Boende' },
];

export type FixtureEvent = [type: WorkshopEventType, at: string, toState?: IssueState];

export interface FixtureIssue {
  key: string;
  title: string;
  state: IssueState;
  dueAt: string | null;
  category: CategoryKey | null;
  responders: OrgKey[];
  events: FixtureEvent[];
}

export const ISSUES: FixtureIssue[] = [
  {
    // Triage 2.0 d, first answer 5.0 d, answered before its meeting, resolved.
    key: 'I1',
    title: 'Ett löst ärende',
    state: 'RESOLVED',
    dueAt: '2026-02-11T16:00:00Z',
    category: 'P',
    responders: ['R'],
    events: [
      ['CREATED', '2026-02-01T08:00:00Z', 'DRAFT'],
      ['SUBMITTED', '2026-02-02T08:00:00Z', 'SUBMITTED'],
      ['TRIAGED', '2026-02-04T08:00:00Z'],
      ['ASSIGNED', '2026-02-04T08:00:00Z', 'ASSIGNED'],
      ['ANSWERED', '2026-02-09T08:00:00Z', 'ANSWERED'],
      ['DISCUSSED_AT_MEETING', '2026-02-12T08:00:00Z'],
      ['STATE_CHANGED', '2026-02-12T10:00:00Z', 'RESOLVED'],
    ],
  },
  {
    // Two responders. Triage 1.5 d (36 h), first answer 2.5 d (the second answer after the
    // reopening does not count), answered before its meeting; closed unresolved, then reopened.
    key: 'I2',
    title: 'Ett återöppnat ärende',
    state: 'ANSWERED',
    dueAt: '2026-03-24T16:00:00Z',
    category: 'P',
    responders: ['R', 'K'],
    events: [
      ['SUBMITTED', '2026-03-02T08:00:00Z', 'SUBMITTED'],
      ['ASSIGNED', '2026-03-03T20:00:00Z', 'ASSIGNED'],
      ['ANSWERED', '2026-03-06T08:00:00Z', 'ANSWERED'],
      ['DISCUSSED_AT_MEETING', '2026-03-10T08:00:00Z'],
      ['STATE_CHANGED', '2026-03-10T09:00:00Z', 'CLOSED_UNRESOLVED'],
      ['REOPENED', '2026-03-20T08:00:00Z', 'ASSIGNED'],
      ['ANSWERED', '2026-03-25T08:00:00Z', 'ANSWERED'],
    ],
  },
  {
    // Autumn 2025. Triage 4.0 d, first answer 20.0 d, which came AFTER its meeting;
    // closed unresolved. The events are listed out of order on purpose.
    key: 'I3',
    title: 'Ett ärende som besvarades efter mötet',
    state: 'CLOSED_UNRESOLVED',
    dueAt: '2025-09-19T16:00:00Z',
    category: 'S',
    responders: ['K'],
    events: [
      ['ANSWERED', '2025-09-25T08:00:00Z', 'ANSWERED'],
      ['SUBMITTED', '2025-09-01T08:00:00Z', 'SUBMITTED'],
      ['STATE_CHANGED', '2025-10-10T08:00:00Z', 'CLOSED_UNRESOLVED'],
      ['DISCUSSED_AT_MEETING', '2025-09-20T08:00:00Z'],
      ['ASSIGNED', '2025-09-05T08:00:00Z', 'ASSIGNED'],
    ],
  },
  {
    // Autumn 2025. A duplicate: triage 0.5 d, no responder.
    key: 'I4',
    title: 'En dubblett',
    state: 'DUPLICATE',
    dueAt: null,
    category: 'S',
    responders: [],
    events: [
      ['SUBMITTED', '2025-10-01T08:00:00Z', 'SUBMITTED'],
      ['MARKED_DUPLICATE', '2025-10-01T20:00:00Z', 'DUPLICATE'],
    ],
  },
  {
    // Submitted 2025-12-31 23:30 UTC, which is 2026-01-01 00:30 in Stockholm: spring term
    // 2026, not autumn 2025. Never triaged, withdrawn; no category, no responder.
    key: 'I5',
    title: 'Ett återtaget ärende',
    state: 'WITHDRAWN',
    dueAt: null,
    category: null,
    responders: [],
    events: [
      ['SUBMITTED', '2025-12-31T23:30:00Z', 'SUBMITTED'],
      ['INFO_REQUESTED', '2026-01-02T08:00:00Z', 'NEEDS_INFO'],
      ['WITHDRAWN', '2026-01-05T08:00:00Z', 'WITHDRAWN'],
    ],
  },
  {
    // Triage 3.0 d; waiting for an answer since, due 2026-04-18: overdue now.
    key: 'I6',
    title: 'Ett försenat ärende',
    state: 'ASSIGNED',
    dueAt: '2026-04-18T14:00:00Z',
    category: 'P',
    responders: ['R'],
    events: [
      ['SUBMITTED', '2026-04-01T08:00:00Z', 'SUBMITTED'],
      ['ASSIGNED', '2026-04-04T08:00:00Z', 'ASSIGNED'],
    ],
  },
  {
    // A draft: never counts anywhere.
    key: 'I7',
    title: 'Ett utkast',
    state: 'DRAFT',
    dueAt: null,
    category: 'P',
    responders: [],
    events: [['CREATED', '2026-04-02T08:00:00Z', 'DRAFT']],
  },
  {
    // Referred elsewhere: triage 7.0 d, no responder.
    key: 'I8',
    title: 'Ett hänvisat ärende',
    state: 'REFERRED',
    dueAt: null,
    category: 'S',
    responders: [],
    events: [
      ['SUBMITTED', '2026-04-20T08:00:00Z', 'SUBMITTED'],
      ['REFERRED', '2026-04-27T08:00:00Z', 'REFERRED'],
    ],
  },
  {
    // Waiting for triage.
    key: 'I9',
    title: 'Ett nytt ärende',
    state: 'SUBMITTED',
    dueAt: null,
    category: 'P',
    responders: [],
    events: [['SUBMITTED', '2026-04-28T08:00:00Z', 'SUBMITTED']],
  },
];

type Figures = Omit<MetricSet, 'states'> & { states?: MetricSet['states'] };

const zeroStates = (): MetricSet['states'] => ({
  SUBMITTED: 0,
  NEEDS_INFO: 0,
  ASSIGNED: 0,
  ANSWERED: 0,
  ACTION_AGREED: 0,
  RESOLVED: 0,
  CLOSED_UNRESOLVED: 0,
  DUPLICATE: 0,
  REFERRED: 0,
  WITHDRAWN: 0,
});

const outcomes = (o: Partial<MetricSet['outcomes']>): MetricSet['outcomes'] => ({ open: 0, resolved: 0, closedUnresolved: 0, duplicate: 0, referred: 0, withdrawn: 0, ...o });
const none = { n: 0, medianDays: null, meanDays: null };
const noShare = { count: 0, total: 0, percent: null };

/**
 * Counted: I1, I2, I3, I4, I5, I6, I8, I9 (8; I7 is a draft).
 *
 * Time to triage (days): I1 2.0, I2 1.5, I3 4.0, I4 0.5, I6 3.0, I8 7.0 (I5, I9 never triaged).
 *   sorted 0.5 1.5 2.0 3.0 4.0 7.0 -> median (2.0 + 3.0) / 2 = 2.5; mean 18.0 / 6 = 3.0; n 6.
 * Time to first answer: I1 5.0, I2 2.5, I3 20.0 -> median 5.0; mean 27.5 / 3 = 9.17 -> 9.2; n 3.
 * Answered before the meeting: discussed I1 yes, I2 yes, I3 no -> 2 of 3 = 66.7 %.
 * Now: I9 submitted, I6 assigned, I2 answered (3 open); I1 resolved; I3 closed unresolved;
 *   I4 duplicate; I8 referred; I5 withdrawn.
 * Overdue now: I6.
 * Ever closed: I1, I2, I3, I4, I5, I8 (6); reopened: I2 -> 1 of 6 = 16.7 %.
 */
export const OVERALL: MetricSet = {
  issues: 8,
  timeToTriage: { n: 6, medianDays: 2.5, meanDays: 3 },
  timeToFirstAnswer: { n: 3, medianDays: 5, meanDays: 9.2 },
  answeredBeforeMeeting: { count: 2, total: 3, percent: 66.7 },
  states: { ...zeroStates(), SUBMITTED: 1, ASSIGNED: 1, ANSWERED: 1, RESOLVED: 1, CLOSED_UNRESOLVED: 1, DUPLICATE: 1, REFERRED: 1, WITHDRAWN: 1 },
  outcomes: outcomes({ open: 3, resolved: 1, closedUnresolved: 1, duplicate: 1, referred: 1, withdrawn: 1 }),
  overdue: 1,
  reopenRate: { count: 1, total: 6, percent: 16.7 },
};

/**
 * By responder organisation, by name ("Exempelby kommun" before "Region Exempellän"), then
 * the issues without one. I2 has both and counts in both rows.
 */
export const BY_ORGANIZATION: { org: OrgKey | null; metrics: Figures }[] = [
  {
    // K: I2, I3. Triage 1.5, 4.0 -> median = mean = 2.75 -> 2.8. Answer 2.5, 20.0 -> 11.25 -> 11.3.
    // Before the meeting: I2 yes, I3 no -> 1 of 2. Open I2; closed unresolved I3.
    // Ever closed I2, I3; reopened I2 -> 1 of 2.
    org: 'K',
    metrics: {
      issues: 2,
      timeToTriage: { n: 2, medianDays: 2.8, meanDays: 2.8 },
      timeToFirstAnswer: { n: 2, medianDays: 11.3, meanDays: 11.3 },
      answeredBeforeMeeting: { count: 1, total: 2, percent: 50 },
      outcomes: outcomes({ open: 1, closedUnresolved: 1 }),
      overdue: 0,
      reopenRate: { count: 1, total: 2, percent: 50 },
    },
  },
  {
    // R: I1, I2, I6. Triage 2.0, 1.5, 3.0 -> median 2.0, mean 6.5 / 3 = 2.17 -> 2.2.
    // Answer 5.0, 2.5 -> median = mean = 3.75 -> 3.8. Before the meeting 2 of 2.
    // Open I2, I6; resolved I1; overdue I6. Ever closed I1, I2; reopened I2 -> 1 of 2.
    org: 'R',
    metrics: {
      issues: 3,
      timeToTriage: { n: 3, medianDays: 2, meanDays: 2.2 },
      timeToFirstAnswer: { n: 2, medianDays: 3.8, meanDays: 3.8 },
      answeredBeforeMeeting: { count: 2, total: 2, percent: 100 },
      outcomes: outcomes({ open: 2, resolved: 1 }),
      overdue: 1,
      reopenRate: { count: 1, total: 2, percent: 50 },
    },
  },
  {
    // None: I4, I5, I8, I9. Triage 0.5, 7.0 -> median = mean = 3.75 -> 3.8. No answers, no meetings.
    // Ever closed I4, I5, I8; none reopened -> 0 of 3 = 0.0 %.
    org: null,
    metrics: {
      issues: 4,
      timeToTriage: { n: 2, medianDays: 3.8, meanDays: 3.8 },
      timeToFirstAnswer: none,
      answeredBeforeMeeting: noShare,
      outcomes: outcomes({ open: 1, duplicate: 1, referred: 1, withdrawn: 1 }),
      overdue: 0,
      reopenRate: { count: 0, total: 3, percent: 0 },
    },
  },
];

/** By category, in the categories' order, then "no category". */
export const BY_CATEGORY: { category: CategoryKey | null; metrics: Figures }[] = [
  {
    // P: I1, I2, I6, I9 (I7 is a draft). Triage 2.0, 1.5, 3.0 -> 2.0 / 2.2. Answer 5.0, 2.5 -> 3.8 / 3.8.
    // Before the meeting 2 of 2. Open I2, I6, I9; resolved I1; overdue I6. Reopened 1 of 2 (I1, I2).
    category: 'P',
    metrics: {
      issues: 4,
      timeToTriage: { n: 3, medianDays: 2, meanDays: 2.2 },
      timeToFirstAnswer: { n: 2, medianDays: 3.8, meanDays: 3.8 },
      answeredBeforeMeeting: { count: 2, total: 2, percent: 100 },
      outcomes: outcomes({ open: 3, resolved: 1 }),
      overdue: 1,
      reopenRate: { count: 1, total: 2, percent: 50 },
    },
  },
  {
    // S: I3, I4, I8. Triage 0.5, 4.0, 7.0 -> median 4.0, mean 11.5 / 3 = 3.83 -> 3.8. Answer 20.0.
    // Before the meeting 0 of 1. Closed unresolved I3, duplicate I4, referred I8. Reopened 0 of 3.
    category: 'S',
    metrics: {
      issues: 3,
      timeToTriage: { n: 3, medianDays: 4, meanDays: 3.8 },
      timeToFirstAnswer: { n: 1, medianDays: 20, meanDays: 20 },
      answeredBeforeMeeting: { count: 0, total: 1, percent: 0 },
      outcomes: outcomes({ closedUnresolved: 1, duplicate: 1, referred: 1 }),
      overdue: 0,
      reopenRate: { count: 0, total: 3, percent: 0 },
    },
  },
  {
    // B: nothing.
    category: 'B',
    metrics: { issues: 0, timeToTriage: none, timeToFirstAnswer: none, answeredBeforeMeeting: noShare, outcomes: outcomes({}), overdue: 0, reopenRate: noShare },
  },
  {
    // No category: I5, withdrawn before triage. Ever closed 1, reopened 0.
    category: null,
    metrics: {
      issues: 1,
      timeToTriage: none,
      timeToFirstAnswer: none,
      answeredBeforeMeeting: noShare,
      outcomes: outcomes({ withdrawn: 1 }),
      overdue: 0,
      reopenRate: { count: 0, total: 1, percent: 0 },
    },
  },
];

/** By term of the first submission (Stockholm time), oldest first. */
export const BY_TERM: { label: string; metrics: Figures }[] = [
  {
    // HT 2025: I3, I4. Triage 4.0, 0.5 -> median = mean = 2.25 -> 2.3. Answer 20.0.
    // Before the meeting 0 of 1. Closed unresolved I3, duplicate I4. Reopened 0 of 2.
    label: 'HT 2025',
    metrics: {
      issues: 2,
      timeToTriage: { n: 2, medianDays: 2.3, meanDays: 2.3 },
      timeToFirstAnswer: { n: 1, medianDays: 20, meanDays: 20 },
      answeredBeforeMeeting: { count: 0, total: 1, percent: 0 },
      outcomes: outcomes({ closedUnresolved: 1, duplicate: 1 }),
      overdue: 0,
      reopenRate: { count: 0, total: 2, percent: 0 },
    },
  },
  {
    // VT 2026: I1, I2, I5, I6, I8, I9. Triage 2.0, 1.5, 3.0, 7.0 -> sorted 1.5 2.0 3.0 7.0,
    // median 2.5, mean 13.5 / 4 = 3.375 -> 3.4. Answer 5.0, 2.5 -> 3.8 / 3.8. Before 2 of 2.
    // Open I2, I6, I9; resolved I1; referred I8; withdrawn I5; overdue I6.
    // Ever closed I1, I2, I5, I8; reopened I2 -> 1 of 4 = 25.0 %.
    label: 'VT 2026',
    metrics: {
      issues: 6,
      timeToTriage: { n: 4, medianDays: 2.5, meanDays: 3.4 },
      timeToFirstAnswer: { n: 2, medianDays: 3.8, meanDays: 3.8 },
      answeredBeforeMeeting: { count: 2, total: 2, percent: 100 },
      outcomes: outcomes({ open: 3, resolved: 1, referred: 1, withdrawn: 1 }),
      overdue: 1,
      reopenRate: { count: 1, total: 4, percent: 25 },
    },
  },
];

/** Without the states map, for comparing a bucket with the figures above. */
export function withoutStates(m: MetricSet): Figures {
  const { states: _states, ...rest } = m;
  return rest;
}

/** RFC 4180 with ";" between fields: what a spreadsheet reads back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('The file does not end with a line break');
  return rows;
}
