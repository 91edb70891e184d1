/**
 * The workshop's transition table against PRODUCT.md's drawing, and the personal-data
 * spotter the filing form warns with.
 */
import { describe, expect, it } from 'vitest';
import { findPersonalData, personalDataKinds } from '@/lib/workshop/personal-data';
import { ALL_STATES, CLOSED_STATES, canTransition, isOverdue, meetingTransition, OPEN_STATES, publicState, TRANSITIONS, type IssueState, type TransitionName } from '@/lib/workshop/states';

/** PRODUCT.md section 3, edge by edge. */
const DRAWN: [IssueState, IssueState][] = [
  ['DRAFT', 'SUBMITTED'],
  ['SUBMITTED', 'ASSIGNED'],
  ['ASSIGNED', 'ANSWERED'],
  ['ANSWERED', 'ACTION_AGREED'],
  ['SUBMITTED', 'NEEDS_INFO'],
  ['NEEDS_INFO', 'SUBMITTED'],
  ['SUBMITTED', 'DUPLICATE'],
  ['SUBMITTED', 'REFERRED'],
  ['ANSWERED', 'RESOLVED'],
  ['ACTION_AGREED', 'RESOLVED'],
  ['ANSWERED', 'CLOSED_UNRESOLVED'],
  ['ACTION_AGREED', 'CLOSED_UNRESOLVED'],
  ...OPEN_STATES.map((s): [IssueState, IssueState] => [s, 'WITHDRAWN']),
  ...CLOSED_STATES.map((s): [IssueState, IssueState] => [s, 'ASSIGNED']),
];

describe('the transition table', () => {
  it('has exactly the edges PRODUCT.md draws, no more', () => {
    const edges = new Set<string>();
    for (const t of Object.values(TRANSITIONS)) for (const from of t.from) edges.add(`${from}->${t.to}`);
    expect([...edges].sort()).toEqual([...new Set(DRAWN.map(([a, b]) => `${a}->${b}`))].sort());
  });

  it('answers canTransition from the table for every state and transition', () => {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
      for (const state of ALL_STATES) expect(canTransition(name, state), `${name} from ${state}`).toBe(TRANSITIONS[name].from.includes(state));
    }
  });

  it('reopens only closed issues, and only the coordinator does', () => {
    expect(TRANSITIONS.reopen.by).toEqual(['coordinator']);
    for (const state of OPEN_STATES) expect(canTransition('reopen', state)).toBe(false);
  });

  it('lets the minutes set only the outcomes after an answer', () => {
    expect(meetingTransition('ANSWERED', 'ACTION_AGREED')).toBe('agreeAction');
    expect(meetingTransition('ACTION_AGREED', 'RESOLVED')).toBe('resolve');
    expect(meetingTransition('ACTION_AGREED', 'CLOSED_UNRESOLVED')).toBe('closeUnresolved');
    expect(meetingTransition('ACTION_AGREED', 'ACTION_AGREED')).toBeNull();
    expect(meetingTransition('ASSIGNED', 'RESOLVED')).toBeNull();
    expect(meetingTransition('WITHDRAWN', 'RESOLVED')).toBeNull();
  });
});

describe('overdue and the public vocabulary', () => {
  const now = new Date('2027-03-01T12:00:00Z');
  it('is overdue only while waiting for an answer past the due date', () => {
    expect(isOverdue({ state: 'ASSIGNED', dueAt: new Date('2027-03-01T11:59:00Z') }, now)).toBe(true);
    expect(isOverdue({ state: 'ASSIGNED', dueAt: new Date('2027-03-01T12:01:00Z') }, now)).toBe(false);
    expect(isOverdue({ state: 'ANSWERED', dueAt: new Date('2027-02-01T00:00:00Z') }, now)).toBe(false);
    expect(isOverdue({ state: 'ASSIGNED', dueAt: null }, now)).toBe(false);
  });

  it('says closed for every way an issue ends except resolved', () => {
    expect(CLOSED_STATES.map(publicState)).toEqual(['resolved', 'closed', 'closed', 'closed', 'closed']);
    expect(publicState('NEEDS_INFO')).toBe('received');
  });
});

describe('findPersonalData', () => {
  it('finds valid personal identity and coordination numbers in every common spelling', () => {
    for (const text of ['811218-9876', '198112189876', '19811218-9876', '811218+9876', '811278-9873']) {
      expect(findPersonalData(`Gäller ${text} i går`), text).toEqual([{ kind: 'personalNumber', text }]);
    }
  });

  it('does not take dates, years or a wrong check digit for one', () => {
    for (const text of ['811218-9875', '2026-12-05', 'möte 20261205', 'ärende 12345', '991332-1234']) {
      expect(findPersonalData(text).filter((f) => f.kind === 'personalNumber'), text).toEqual([]);
    }
  });

  it('finds Swedish phone numbers and e-mail addresses', () => {
    expect(personalDataKinds('Ring 070-123 45 67')).toEqual(['phone']);
    expect(personalDataKinds('Ring +46 70 123 45 67')).toEqual(['phone']);
    expect(personalDataKinds('eller 019-12 34 56')).toEqual(['phone']);
    expect(personalDataKinds('Skriv till anna.andersson@exempel.se')).toEqual(['email']);
    expect(personalDataKinds('Inget här, bara 2026 och 14 dagar.')).toEqual([]);
    expect(personalDataKinds('811218-9876', 'a@b.se', '0701234567')).toEqual(['personalNumber', 'phone', 'email']);
  });
});
