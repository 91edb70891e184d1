/**
 * Workshop meetings through the data layer (lib/workshop/meetings.ts): the agenda the queue
 * fills, the coordinator's curation, the minutes, the close that applies every outcome in one
 * transaction, and the published minutes the network reads (docs/decisions/0012).
 *
 * The demo network is seeded, then its workshop issues and meetings are removed, so the queue
 * holds exactly the issues each spec builds (through the issue data layer; only times in the
 * past are set by hand).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { actAsFiler, answerIssue, fileIssue, setOutcome, triageIssue } from '@/lib/workshop/issues';
import {
  addAgendaIssue,
  addAgendaTopic,
  cancelMeeting,
  closeMeeting,
  findMeeting,
  findPublishedMinutes,
  listMeetings,
  listPublishedMinutes,
  moveAgendaItem,
  refreshAgenda,
  removeAgendaItem,
  saveMinute,
  scheduleMeeting,
  stockholmDay,
} from '@/lib/workshop/meetings';
import { meetingErrors, MEETING_SUCCESS_KEYS } from '@/lib/workshop/meeting-schemas';
import { ALL_STATES, MEETING_OUTCOMES } from '@/lib/workshop/states';
import { dateTimeLocalValue } from '@/lib/time/zoned';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

const EMAILS = {
  admin: 'foreningsadmin@lisa.example',
  member: 'medlem@lisa.example',
  otherMember: 'medlem2@lisa.example',
  regionOfficial: 'tjansteperson.region@lisa.example',
  karlskogaOfficial: 'tjansteperson.karlskoga@lisa.example',
  coordinator: 'samordnare@lisa.example',
} as const;
type Who = keyof typeof EMAILS | 'anonymous';

const actors = {} as Record<Who, Actor>;
const ids = {} as Record<'shelter' | 'region' | 'karlskogaMunicipality' | 'regionOfficial', string>;

const DAY = 86_400_000;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

async function expectCode(promise: Promise<unknown>, code: string, field?: string, key?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toMatchObject({ code });
  if (field) expect((error as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field]).toEqual([key]);
}

// ── Issues, built as the workshop builds them ──────────────────────────────────────

let counter = 0;

async function submitted(): Promise<number> {
  const { number } = await fileIssue(actors.admin, {
    organizationId: ids.shelter,
    fields: {
      title: `Mötesärende ${++counter}`,
      description: 'Föreningens volontärer får tolka vid hembesök när tolk saknas.',
      concerns: 'MUNICIPALITY',
      municipalityId: ids.karlskogaMunicipality,
      confirmedNoPersonalData: true,
    },
    submit: true,
  });
  return number;
}

async function assigned(visibility: 'RESTRICTED' | 'NETWORK' | 'PUBLIC' = 'NETWORK'): Promise<number> {
  const number = await submitted();
  const { version } = await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { version: true } });
  await triageIssue(actors.coordinator, number, { visibility, responderOrganizationIds: [ids.region], assigneeUserIds: [ids.regionOfficial], dueDate: '', version });
  return number;
}

async function answered(visibility: 'RESTRICTED' | 'NETWORK' | 'PUBLIC' = 'NETWORK'): Promise<number> {
  const number = await assigned(visibility);
  await answerIssue(actors.regionOfficial, number, { body: `Regionens svar på ärende ${number}.` });
  return number;
}

async function agreed(): Promise<number> {
  const number = await answered();
  await setOutcome(actors.coordinator, number, { outcome: 'ACTION_AGREED' });
  return number;
}

const issueIdOf = async (number: number) => (await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { id: true } })).id;
const stateOf = async (number: number) => (await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { state: true } })).state;

/** Moves an issue's events of a type back in time, as if they had happened then. */
async function backdate(number: number, type: 'ASSIGNED' | 'ANSWERED', at: Date) {
  await db.prisma.workshopEvent.updateMany({ where: { issue: { number }, type }, data: { createdAt: at } });
}

async function discussedAt(number: number, at: Date) {
  await db.prisma.workshopEvent.create({ data: { issueId: await issueIdOf(number), type: 'DISCUSSED_AT_MEETING', actorId: null, createdAt: at, data: { meetingId: 'tidigare' } } });
}

async function actionOn(number: number, followUpAt: Date, completedAt: Date | null = null) {
  await db.prisma.workshopAction.create({ data: { issueId: await issueIdOf(number), description: 'Följ upp rutinen.', followUpAt, completedAt } });
}

const inDays = (days: number) => dateTimeLocalValue(new Date(Date.now() + days * DAY));

async function schedule(title = 'Synergiverkstad', startsInDays = 7): Promise<string> {
  const { id } = await scheduleMeeting(actors.coordinator, { kind: 'WORKSHOP', title, startsAt: inDays(startsInDays), endsAt: '', place: 'Folkets hus' });
  return id;
}

/** The coordinator's view of a meeting that must exist. */
async function meetingOf(id: string) {
  const meeting = await findMeeting(actors.coordinator, id);
  if (!meeting) throw new Error(`no meeting ${id}`);
  return meeting;
}

/** The published minutes a reader gets of a meeting that has them. */
async function minutesFor(actor: Actor, id: string) {
  const minutes = await findPublishedMinutes(actor, id);
  if (!minutes) throw new Error(`no published minutes for ${id}`);
  return minutes;
}

/** The agenda as [issue number or title, reason], in order. */
async function agendaOf(meetingId: string) {
  return (await meetingOf(meetingId)).agenda.map((item) => [item.issue?.number ?? item.title, item.reason] as const);
}

const itemOf = async (meetingId: string, number: number) => {
  const item = (await meetingOf(meetingId)).agenda.find((i) => i.issue?.number === number);
  if (!item) throw new Error(`issue ${number} is not on the agenda`);
  return item.id;
};

/** Events of an issue after the first `from`: type, from, to, note, meeting. */
async function eventsOf(number: number) {
  const events = await db.prisma.workshopEvent.findMany({
    where: { issue: { number } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { type: true, fromState: true, toState: true, note: true, data: true },
  });
  return events.map((e) => ({ type: e.type, from: e.fromState, to: e.toState, note: e.note, meetingId: ((e.data ?? {}) as { meetingId?: string }).meetingId ?? null }));
}

/** Everything a refused or repeated close must leave as it was. */
async function snapshot(meetingId: string, numbers: number[]) {
  return {
    meeting: await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true, closedAt: true, minutesPublishedAt: true } }),
    states: await Promise.all(numbers.map(stateOf)),
    events: await db.prisma.workshopEvent.count({ where: { issue: { number: { in: numbers } } } }),
    actions: await db.prisma.workshopAction.count({ where: { meetingId } }),
    minutes: await db.prisma.minuteEntry.findMany({ where: { meetingId }, orderBy: { id: 'asc' } }),
    agenda: await db.prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { id: 'asc' } }),
  };
}

/** Clears the queue between specs that need to know exactly what is in it. */
async function emptyQueue() {
  await db.prisma.meeting.deleteMany();
  await db.prisma.workshopIssue.deleteMany();
}

beforeAll(async () => {
  await seedDatabase(db.prisma);
  for (const [who, email] of Object.entries(EMAILS)) actors[who as Who] = await actorFor(email);
  actors.anonymous = { kind: 'anonymous' };
  const org = (slug: string) => db.prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } }).then((o) => o.id);
  ids.shelter = await org('kvinnojouren-linnean');
  ids.region = await org('region-orebro-lan');
  ids.karlskogaMunicipality = (await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1883' } })).id;
  ids.regionOfficial = (actors.regionOfficial as { userId: string }).userId;
  await emptyQueue();
}, 180_000);

// ── The agenda from the queue ──────────────────────────────────────────────────────

describe('scheduleMeeting', () => {
  it('fills the agenda from the queue: each issue once, for the first reason that fits, and nothing else', async () => {
    await emptyQueue();
    const now = Date.now();
    // The last meeting held closed a week ago.
    await db.prisma.meeting.create({ data: { kind: 'WORKSHOP', title: 'Förra mötet', startsAt: new Date(now - 8 * DAY), status: 'CLOSED', closedAt: new Date(now - 7 * DAY), minutesPublishedAt: new Date(now - 7 * DAY) } });

    const newlyAssigned = await assigned();
    const assignedBefore = await assigned();
    await backdate(assignedBefore, 'ASSIGNED', new Date(now - 10 * DAY));
    const overdue = await assigned();
    await backdate(overdue, 'ASSIGNED', new Date(now - 10 * DAY));
    await db.prisma.workshopIssue.update({ where: { number: overdue }, data: { dueAt: new Date(now - DAY) } });
    // Newly assigned and overdue: on the agenda once, as overdue.
    const newAndOverdue = await assigned();
    await db.prisma.workshopIssue.update({ where: { number: newAndOverdue }, data: { dueAt: new Date(now - DAY) } });

    const answeredNotDiscussed = await answered();
    const answeredThenDiscussed = await answered();
    await backdate(answeredThenDiscussed, 'ANSWERED', new Date(now - 5 * DAY));
    await discussedAt(answeredThenDiscussed, new Date(now - 4 * DAY));
    const discussedThenAnsweredAgain = await answered();
    await backdate(discussedThenAnsweredAgain, 'ANSWERED', new Date(now - 5 * DAY));
    await discussedAt(discussedThenAnsweredAgain, new Date(now - 4 * DAY));
    await answerIssue(actors.regionOfficial, discussedThenAnsweredAgain, { body: 'Ett kompletterat svar.' });

    const meetingStart = new Date(now + 7 * DAY);
    const followUpOnTheDay = await agreed();
    await actionOn(followUpOnTheDay, stockholmDay(meetingStart));
    const followUpLater = await agreed();
    await actionOn(followUpLater, new Date(stockholmDay(meetingStart).getTime() + DAY));
    const followUpDone = await agreed();
    await actionOn(followUpDone, stockholmDay(new Date(now)), new Date(now - DAY));
    const agreedWithoutFollowUp = await agreed();

    const notTriaged = await submitted();
    const { number: draft } = await fileIssue(actors.admin, {
      organizationId: ids.shelter,
      fields: { title: 'Utkast', description: 'Ett utkast.', concerns: 'REGION', confirmedNoPersonalData: false },
      submit: false,
    });

    const id = await schedule();
    const agenda = await agendaOf(id);
    expect(new Map(agenda)).toEqual(
      new Map<number, string>([
        [overdue, 'OVERDUE'],
        [newAndOverdue, 'OVERDUE'],
        [followUpOnTheDay, 'FOLLOW_UP_DUE'],
        [answeredNotDiscussed, 'ANSWERED_NOT_DISCUSSED'],
        [discussedThenAnsweredAgain, 'ANSWERED_NOT_DISCUSSED'],
        [newlyAssigned, 'NEWLY_ASSIGNED'],
      ]),
    );
    expect(agenda).toHaveLength(6);
    // Grouped by reason, in the order the reasons are listed.
    expect(agenda.map(([, reason]) => reason)).toEqual(['OVERDUE', 'OVERDUE', 'FOLLOW_UP_DUE', 'ANSWERED_NOT_DISCUSSED', 'ANSWERED_NOT_DISCUSSED', 'NEWLY_ASSIGNED']);
    for (const absent of [assignedBefore, answeredThenDiscussed, followUpLater, followUpDone, agreedWithoutFollowUp, notTriaged, draft]) {
      expect(agenda.map(([n]) => n)).not.toContain(absent);
    }
    const meeting = await meetingOf(id);
    expect(meeting).toMatchObject({ kind: 'WORKSHOP', title: 'Synergiverkstad', status: 'PLANNED', place: 'Folkets hus', endsAt: null });
    expect(meeting.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await listMeetings(actors.coordinator)).planned.map((m) => m.id)).toContain(id);
  });

  it('counts newly assigned from the beginning when no meeting has been held', async () => {
    await emptyQueue();
    const long = await assigned();
    await backdate(long, 'ASSIGNED', new Date(Date.now() - 300 * DAY));
    const id = await schedule();
    expect(await agendaOf(id)).toEqual([[long, 'NEWLY_ASSIGNED']]);
  });

  it('reads start and end as Swedish time and refuses bad input field by field', async () => {
    const { id } = await scheduleMeeting(actors.coordinator, { kind: 'NETWORK', title: ' Nätverksträff ', startsAt: '2031-01-15T18:00', endsAt: '2031-01-15T20:30', place: '' });
    const meeting = await meetingOf(id);
    expect(meeting).toMatchObject({ kind: 'NETWORK', title: 'Nätverksträff', place: null });
    expect(meeting.startsAt.toISOString()).toBe('2031-01-15T17:00:00.000Z');
    expect(meeting.endsAt?.toISOString()).toBe('2031-01-15T19:30:00.000Z');

    const count = await db.prisma.meeting.count();
    const base = { kind: 'WORKSHOP', title: 'Möte', startsAt: '2031-02-01T13:00', endsAt: '', place: '' };
    await expectCode(scheduleMeeting(actors.coordinator, { ...base, kind: 'PARTY' }), 'INVALID_INPUT', 'kind', 'meetingKindInvalid');
    await expectCode(scheduleMeeting(actors.coordinator, { ...base, title: '   ' }), 'INVALID_INPUT', 'title', 'titleRequired');
    await expectCode(scheduleMeeting(actors.coordinator, { ...base, title: 'x'.repeat(161) }), 'INVALID_INPUT', 'title', 'titleTooLong');
    await expectCode(scheduleMeeting(actors.coordinator, { ...base, startsAt: '' }), 'INVALID_INPUT', 'startsAt', 'meetingStartRequired');
    await expectCode(scheduleMeeting(actors.coordinator, { ...base, startsAt: '2031-02-30T13:00' }), 'INVALID_INPUT', 'startsAt', 'dateInvalid');
    await expectCode(scheduleMeeting(actors.coordinator, { ...base, endsAt: '2031-02-01T12:00' }), 'INVALID_INPUT', 'endsAt', 'meetingEndBeforeStart');
    await expectCode(scheduleMeeting(actors.coordinator, { ...base, endsAt: '2031-02-01' }), 'INVALID_INPUT', 'endsAt', 'dateInvalid');
    await expectCode(scheduleMeeting(actors.coordinator, { ...base, place: 'x'.repeat(201) }), 'INVALID_INPUT', 'place', 'placeTooLong');
    expect(await db.prisma.meeting.count()).toBe(count);
  });
});

describe('curating the agenda', () => {
  it('refreshes from the queue without duplicates and without undoing what the coordinator curated', async () => {
    await emptyQueue();
    const [a, b, c] = [await answered(), await answered(), await answered()];
    const id = await schedule();
    expect((await agendaOf(id)).map(([n]) => n)).toEqual([a, b, c]);

    // Curate: c first, b off, a topic and an issue that is not in the queue.
    await moveAgendaItem(actors.coordinator, id, await itemOf(id, c), { direction: 'up' });
    await moveAgendaItem(actors.coordinator, id, await itemOf(id, c), { direction: 'up' });
    await removeAgendaItem(actors.coordinator, id, await itemOf(id, b));
    await addAgendaTopic(actors.coordinator, id, { title: 'Övriga frågor' });
    const submittedOnly = await submitted();
    await addAgendaIssue(actors.coordinator, id, { issueNumber: String(submittedOnly) });
    expect(await agendaOf(id)).toEqual([
      [c, 'ANSWERED_NOT_DISCUSSED'],
      [a, 'ANSWERED_NOT_DISCUSSED'],
      ['Övriga frågor', 'ADDED_BY_COORDINATOR'],
      [submittedOnly, 'ADDED_BY_COORDINATOR'],
    ]);

    // New in the queue since: it is added after the curated items, and so is b, which still fits.
    const d = await answered();
    expect(await refreshAgenda(actors.coordinator, id)).toEqual({ added: 2 });
    const refreshed = await agendaOf(id);
    expect(refreshed.slice(0, 4)).toEqual([
      [c, 'ANSWERED_NOT_DISCUSSED'],
      [a, 'ANSWERED_NOT_DISCUSSED'],
      ['Övriga frågor', 'ADDED_BY_COORDINATOR'],
      [submittedOnly, 'ADDED_BY_COORDINATOR'],
    ]);
    expect(new Set(refreshed.slice(4).map(([n]) => n))).toEqual(new Set([b, d]));

    // Again: nothing new, nothing twice.
    expect(await refreshAgenda(actors.coordinator, id)).toEqual({ added: 0 });
    expect(await agendaOf(id)).toEqual(refreshed);
    expect((await meetingOf(id)).agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('moves nothing past either end, and refuses unknown, draft and repeated issues', async () => {
    await emptyQueue();
    const [a, b] = [await answered(), await answered()];
    const id = await schedule();
    await moveAgendaItem(actors.coordinator, id, await itemOf(id, a), { direction: 'up' });
    await moveAgendaItem(actors.coordinator, id, await itemOf(id, b), { direction: 'down' });
    expect((await agendaOf(id)).map(([n]) => n)).toEqual([a, b]);
    await expectCode(moveAgendaItem(actors.coordinator, id, await itemOf(id, a), { direction: 'sideways' }), 'INVALID_INPUT');
    await expectCode(moveAgendaItem(actors.coordinator, id, 'ingen-sadan-punkt', { direction: 'up' }), 'NOT_FOUND');

    const { number: draft } = await fileIssue(actors.admin, {
      organizationId: ids.shelter,
      fields: { title: 'Utkast', description: 'Ett utkast.', concerns: 'REGION', confirmedNoPersonalData: false },
      submit: false,
    });
    await expectCode(addAgendaIssue(actors.coordinator, id, { issueNumber: draft }), 'INVALID_INPUT', 'issueNumber', 'agendaIssueUnknown');
    await expectCode(addAgendaIssue(actors.coordinator, id, { issueNumber: 999_999 }), 'INVALID_INPUT', 'issueNumber', 'agendaIssueUnknown');
    await expectCode(addAgendaIssue(actors.coordinator, id, { issueNumber: 'tolv' }), 'INVALID_INPUT', 'issueNumber', 'agendaIssueUnknown');
    await expectCode(addAgendaIssue(actors.coordinator, id, { issueNumber: a }), 'CONFLICT', 'issueNumber', 'agendaIssueOnAgenda');
    await expectCode(addAgendaTopic(actors.coordinator, id, { title: '' }), 'INVALID_INPUT', 'title', 'titleRequired');
    expect(await findMeeting(actors.coordinator, 'inget-mote')).toBeNull();
    expect((await agendaOf(id)).map(([n]) => n)).toEqual([a, b]);
  });
});

// ── Minutes ────────────────────────────────────────────────────────────────────────

describe('saveMinute', () => {
  it('keeps decision, outcome and action on the minutes only: the issue is unchanged until the close', async () => {
    await emptyQueue();
    const number = await answered();
    const id = await schedule();
    const itemId = await itemOf(id, number);
    const eventsBefore = await eventsOf(number);
    await saveMinute(actors.coordinator, id, itemId, {
      decision: 'Regionen tar fram en rutin.',
      outcome: 'ACTION_AGREED',
      actionDescription: 'Skriv rutinen.',
      actionOwnerOrganizationId: ids.region,
      actionFollowUp: '2031-03-01',
    });
    const item = (await meetingOf(id)).agenda[0]!;
    expect(item.minute).toEqual({
      decision: 'Regionen tar fram en rutin.',
      outcome: 'ACTION_AGREED',
      action: { description: 'Skriv rutinen.', ownerOrganizationId: ids.region, owner: 'Region Örebro län', followUpAt: new Date('2031-03-01T00:00:00.000Z') },
    });
    expect(item.outcomeApplied).toBeNull();
    expect(await stateOf(number)).toBe('ANSWERED');
    expect(await eventsOf(number)).toEqual(eventsBefore);
    expect(await db.prisma.workshopAction.count({ where: { issue: { number } } })).toBe(0);

    // Saved again it changes; emptied it goes.
    await saveMinute(actors.coordinator, id, itemId, { decision: 'Frågan bordläggs.', outcome: '' });
    expect((await meetingOf(id)).agenda[0]!.minute).toEqual({ decision: 'Frågan bordläggs.', outcome: null, action: null });
    await saveMinute(actors.coordinator, id, itemId, { decision: '' });
    expect((await meetingOf(id)).agenda[0]!.minute).toBeNull();
  });

  it('refuses what the minutes cannot hold, field by field', async () => {
    await emptyQueue();
    const waiting = await assigned();
    const answeredOne = await answered();
    const id = await schedule();
    await addAgendaTopic(actors.coordinator, id, { title: 'Övriga frågor' });
    const agenda = (await meetingOf(id)).agenda;
    const topicId = agenda.find((i) => !i.issue)!.id;
    const waitingId = await itemOf(id, waiting);
    const answeredId = await itemOf(id, answeredOne);

    await expectCode(saveMinute(actors.coordinator, id, answeredId, { decision: '', outcome: 'RESOLVED' }), 'INVALID_INPUT', 'decision', 'decisionRequired');
    await expectCode(saveMinute(actors.coordinator, id, answeredId, { decision: 'Beslut', outcome: 'MERGED' }), 'INVALID_INPUT', 'outcome', 'outcomeInvalid');
    await expectCode(saveMinute(actors.coordinator, id, waitingId, { decision: 'Beslut', outcome: 'RESOLVED' }), 'INVALID_INPUT', 'outcome', 'outcomeNotAllowed');
    await expectCode(saveMinute(actors.coordinator, id, topicId, { decision: 'Beslut', outcome: 'RESOLVED' }), 'INVALID_INPUT', 'outcome', 'outcomeNeedsIssue');
    await expectCode(saveMinute(actors.coordinator, id, topicId, { decision: 'Beslut', actionDescription: 'Gör något' }), 'INVALID_INPUT', 'actionDescription', 'actionNeedsIssue');
    await expectCode(
      saveMinute(actors.coordinator, id, answeredId, { decision: 'Beslut', actionFollowUp: '2031-03-01' }),
      'INVALID_INPUT',
      'actionDescription',
      'actionDescriptionRequired',
    );
    await expectCode(
      saveMinute(actors.coordinator, id, answeredId, { decision: 'Beslut', actionDescription: 'Gör något', actionOwnerOrganizationId: 'okand-organisation' }),
      'INVALID_INPUT',
      'actionOwnerOrganizationId',
      'actionOwnerUnknown',
    );
    await expectCode(
      saveMinute(actors.coordinator, id, answeredId, { decision: 'Beslut', actionDescription: 'Gör något', actionFollowUp: '2031-02-30' }),
      'INVALID_INPUT',
      'actionFollowUp',
      'followUpInvalid',
    );
    await expectCode(saveMinute(actors.coordinator, id, 'ingen-punkt', { decision: 'Beslut' }), 'NOT_FOUND');
    expect(await db.prisma.minuteEntry.count({ where: { meetingId: id } })).toBe(0);

    // A decision alone is fine for an issue that is still waiting, and for a topic.
    await saveMinute(actors.coordinator, id, waitingId, { decision: 'Svaret väntas till nästa möte.' });
    await saveMinute(actors.coordinator, id, topicId, { decision: 'Utbildning i vår.' });
    expect(await db.prisma.minuteEntry.count({ where: { meetingId: id } })).toBe(2);
  });
});

// ── Closing ────────────────────────────────────────────────────────────────────────

describe('closeMeeting', () => {
  it('applies every outcome together, creates the actions, publishes the minutes, and reports the outcome the state no longer allows', async () => {
    await emptyQueue();
    const toAgree = await answered();
    const toResolve = await answered();
    const toCloseUnresolved = await agreed();
    const withdrawnMeanwhile = await answered();
    const decisionOnly = await answered();
    const notMinuted = await answered();
    const id = await schedule('Verkstad som stängs');
    // An agreed action without a follow-up due is not in the queue: the coordinator adds it.
    await addAgendaIssue(actors.coordinator, id, { issueNumber: toCloseUnresolved });
    await addAgendaTopic(actors.coordinator, id, { title: 'Övriga frågor' });
    const topicId = (await meetingOf(id)).agenda.find((i) => !i.issue)!.id;

    await saveMinute(actors.coordinator, id, await itemOf(id, toAgree), {
      decision: 'Regionen skriver en rutin.',
      outcome: 'ACTION_AGREED',
      actionDescription: 'Skriv rutinen och skicka den till nätverket.',
      actionOwnerOrganizationId: ids.region,
      actionFollowUp: '2031-03-01',
    });
    await saveMinute(actors.coordinator, id, await itemOf(id, toResolve), { decision: 'Rutinen fungerar.', outcome: 'RESOLVED' });
    await saveMinute(actors.coordinator, id, await itemOf(id, toCloseUnresolved), { decision: 'Kan inte lösas här.', outcome: 'CLOSED_UNRESOLVED' });
    await saveMinute(actors.coordinator, id, await itemOf(id, withdrawnMeanwhile), { decision: 'Löst.', outcome: 'RESOLVED' });
    await saveMinute(actors.coordinator, id, await itemOf(id, decisionOnly), { decision: 'Vi väntar på kommunen.' });
    await saveMinute(actors.coordinator, id, topicId, { decision: 'Utbildning i vår.' });
    // The association withdraws one issue after the minutes were written.
    await actAsFiler(actors.admin, withdrawnMeanwhile, 'withdraw', {});

    const result = await closeMeeting(actors.coordinator, id);
    expect(result.discussed).toBe(5);
    expect(result.actionsCreated).toBe(1);
    expect(result.outcomes.map((o) => [o.issueNumber, o.outcome, o.state, o.applied])).toEqual([
      [toAgree, 'ACTION_AGREED', 'ACTION_AGREED', true],
      [toResolve, 'RESOLVED', 'RESOLVED', true],
      [withdrawnMeanwhile, 'RESOLVED', 'WITHDRAWN', false],
      [toCloseUnresolved, 'CLOSED_UNRESOLVED', 'CLOSED_UNRESOLVED', true],
    ]);

    expect((await eventsOf(toAgree)).slice(-2)).toEqual([
      { type: 'DISCUSSED_AT_MEETING', from: null, to: null, note: 'Regionen skriver en rutin.', meetingId: id },
      { type: 'ACTION_AGREED', from: 'ANSWERED', to: 'ACTION_AGREED', note: 'Regionen skriver en rutin.', meetingId: id },
    ]);
    expect((await eventsOf(toResolve)).slice(-2)).toEqual([
      { type: 'DISCUSSED_AT_MEETING', from: null, to: null, note: 'Rutinen fungerar.', meetingId: id },
      { type: 'STATE_CHANGED', from: 'ANSWERED', to: 'RESOLVED', note: 'Rutinen fungerar.', meetingId: id },
    ]);
    expect((await eventsOf(toCloseUnresolved)).slice(-2)).toEqual([
      { type: 'DISCUSSED_AT_MEETING', from: null, to: null, note: 'Kan inte lösas här.', meetingId: id },
      { type: 'STATE_CHANGED', from: 'ACTION_AGREED', to: 'CLOSED_UNRESOLVED', note: 'Kan inte lösas här.', meetingId: id },
    ]);
    expect((await eventsOf(withdrawnMeanwhile)).slice(-2)).toEqual([
      { type: 'WITHDRAWN', from: 'ANSWERED', to: 'WITHDRAWN', note: null, meetingId: null },
      { type: 'DISCUSSED_AT_MEETING', from: null, to: null, note: 'Löst.', meetingId: id },
    ]);
    expect((await eventsOf(decisionOnly)).at(-1)).toEqual({ type: 'DISCUSSED_AT_MEETING', from: null, to: null, note: 'Vi väntar på kommunen.', meetingId: id });
    expect((await eventsOf(notMinuted)).map((e) => e.type)).not.toContain('DISCUSSED_AT_MEETING');
    expect(await Promise.all([toAgree, toResolve, toCloseUnresolved, withdrawnMeanwhile, decisionOnly, notMinuted].map(stateOf))).toEqual([
      'ACTION_AGREED',
      'RESOLVED',
      'CLOSED_UNRESOLVED',
      'WITHDRAWN',
      'ANSWERED',
      'ANSWERED',
    ]);

    const actions = await db.prisma.workshopAction.findMany({ where: { meetingId: id }, select: { issueId: true, description: true, ownerOrganizationId: true, followUpAt: true, completedAt: true } });
    expect(actions).toEqual([
      { issueId: await issueIdOf(toAgree), description: 'Skriv rutinen och skicka den till nätverket.', ownerOrganizationId: ids.region, followUpAt: new Date('2031-03-01T00:00:00.000Z'), completedAt: null },
    ]);

    const meeting = await meetingOf(id);
    expect(meeting.status).toBe('CLOSED');
    expect(meeting.closedAt).toBeInstanceOf(Date);
    expect(meeting.minutesPublishedAt).toEqual(meeting.closedAt);
    expect(meeting.agenda.filter((i) => i.outcomeApplied === false).map((i) => i.issue?.number)).toEqual([withdrawnMeanwhile]);
    expect(meeting.agenda.filter((i) => i.outcomeApplied === true).map((i) => i.issue?.number)).toEqual([toAgree, toResolve, toCloseUnresolved]);
    expect((await listMeetings(actors.coordinator)).held.map((m) => m.id)).toContain(id);
    expect((await listPublishedMinutes(actors.member)).map((m) => m.id)).toContain(id);
  });

  it('refuses a second close and every change after the close, changing nothing', async () => {
    await emptyQueue();
    const number = await answered();
    const other = await answered();
    const id = await schedule();
    await saveMinute(actors.coordinator, id, await itemOf(id, number), { decision: 'Löst.', outcome: 'RESOLVED', actionDescription: 'Följ upp.' });
    await closeMeeting(actors.coordinator, id);
    const after = await snapshot(id, [number, other]);
    const itemId = await itemOf(id, number);

    await expectCode(closeMeeting(actors.coordinator, id), 'CONFLICT', 'form', 'meetingClosed');
    await expectCode(saveMinute(actors.coordinator, id, itemId, { decision: 'Ändrat efteråt.' }), 'CONFLICT', 'form', 'meetingClosed');
    await expectCode(refreshAgenda(actors.coordinator, id), 'CONFLICT', 'form', 'meetingClosed');
    await expectCode(addAgendaIssue(actors.coordinator, id, { issueNumber: other }), 'CONFLICT', 'form', 'meetingClosed');
    await expectCode(addAgendaTopic(actors.coordinator, id, { title: 'Sent tillägg' }), 'CONFLICT', 'form', 'meetingClosed');
    await expectCode(removeAgendaItem(actors.coordinator, id, itemId), 'CONFLICT', 'form', 'meetingClosed');
    await expectCode(moveAgendaItem(actors.coordinator, id, itemId, { direction: 'down' }), 'CONFLICT', 'form', 'meetingClosed');
    await expectCode(cancelMeeting(actors.coordinator, id), 'CONFLICT', 'form', 'meetingClosed');
    expect(await snapshot(id, [number, other])).toEqual(after);
  });

  // On PostgreSQL (TEST_DATABASE_URL) the two transactions really overlap and the second
  // waits on the row lock of the first; PGlite runs them one after the other.
  it('applies the outcomes once when two closes race', async () => {
    await emptyQueue();
    const number = await answered();
    const id = await schedule();
    await saveMinute(actors.coordinator, id, await itemOf(id, number), { decision: 'Åtgärd.', outcome: 'ACTION_AGREED', actionDescription: 'Gör det.' });
    const results = await Promise.allSettled([closeMeeting(actors.coordinator, id), closeMeeting(actors.coordinator, id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: 'CONFLICT', message: 'meetingClosed' });
    const events = (await eventsOf(number)).filter((e) => e.meetingId === id);
    expect(events.map((e) => e.type)).toEqual(['DISCUSSED_AT_MEETING', 'ACTION_AGREED']);
    expect(await db.prisma.workshopAction.count({ where: { meetingId: id } })).toBe(1);
    expect(await stateOf(number)).toBe('ACTION_AGREED');
  });

  it('cancels a planned meeting without applying anything, and refuses a cancelled meeting everything', async () => {
    await emptyQueue();
    const number = await answered();
    const id = await schedule();
    await saveMinute(actors.coordinator, id, await itemOf(id, number), { decision: 'Löst.', outcome: 'RESOLVED' });
    const events = await eventsOf(number);
    await cancelMeeting(actors.coordinator, id);
    expect((await meetingOf(id)).status).toBe('CANCELLED');
    expect((await listMeetings(actors.coordinator)).cancelled.map((m) => m.id)).toContain(id);
    await expectCode(closeMeeting(actors.coordinator, id), 'CONFLICT', 'form', 'meetingClosed');
    expect(await stateOf(number)).toBe('ANSWERED');
    expect(await eventsOf(number)).toEqual(events);
    expect(await findPublishedMinutes(actors.member, id)).toBeNull();
  });
});

// ── Who may do what ────────────────────────────────────────────────────────────────

describe('rights', () => {
  it('refuses every write and the coordinator’s reads to everyone but the coordinator, and writes nothing', async () => {
    await emptyQueue();
    const number = await answered();
    const id = await schedule();
    const itemId = await itemOf(id, number);
    await saveMinute(actors.coordinator, id, itemId, { decision: 'Löst.', outcome: 'RESOLVED' });
    const before = await snapshot(id, [number]);
    const meetings = await db.prisma.meeting.count();
    const writes: [string, (actor: Actor) => Promise<unknown>][] = [
      ['scheduleMeeting', (a) => scheduleMeeting(a, { kind: 'WORKSHOP', title: 'Obehörigt', startsAt: inDays(3) })],
      ['cancelMeeting', (a) => cancelMeeting(a, id)],
      ['refreshAgenda', (a) => refreshAgenda(a, id)],
      ['addAgendaIssue', (a) => addAgendaIssue(a, id, { issueNumber: number })],
      ['addAgendaTopic', (a) => addAgendaTopic(a, id, { title: 'Obehörigt' })],
      ['removeAgendaItem', (a) => removeAgendaItem(a, id, itemId)],
      ['moveAgendaItem', (a) => moveAgendaItem(a, id, itemId, { direction: 'down' })],
      ['saveMinute', (a) => saveMinute(a, id, itemId, { decision: 'Obehörigt beslut.' })],
      ['closeMeeting', (a) => closeMeeting(a, id)],
      ['findMeeting', (a) => findMeeting(a, id)],
      ['listMeetings', (a) => listMeetings(a)],
    ];
    for (const who of ['admin', 'member', 'otherMember', 'regionOfficial', 'karlskogaOfficial', 'anonymous'] as const) {
      for (const [name, call] of writes) {
        const error = await call(actors[who]).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${name} as ${who}`).toMatchObject({ code: who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
      }
    }
    expect(await snapshot(id, [number])).toEqual(before);
    expect(await db.prisma.meeting.count()).toBe(meetings);
  });

  it('publishes minutes to signed-in members only, and shows a restricted issue only to those who may read it', async () => {
    await emptyQueue();
    const restricted = await answered('RESTRICTED');
    const shared = await answered('NETWORK');
    const id = await schedule('Verkstad med begränsat ärende');
    await addAgendaTopic(actors.coordinator, id, { title: 'Övriga frågor' });
    const topicId = (await meetingOf(id)).agenda.find((i) => !i.issue)!.id;
    await saveMinute(actors.coordinator, id, await itemOf(id, restricted), {
      decision: 'Hemligt beslut om boendet.',
      outcome: 'ACTION_AGREED',
      actionDescription: 'Hemlig åtgärd.',
      actionOwnerOrganizationId: ids.region,
    });
    await saveMinute(actors.coordinator, id, await itemOf(id, shared), { decision: 'Delat beslut.', outcome: 'RESOLVED' });
    await saveMinute(actors.coordinator, id, topicId, { decision: 'Utbildning i vår.' });
    const restrictedTitle = (await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number: restricted } })).title;

    // Not yet published.
    expect(await findPublishedMinutes(actors.otherMember, id)).toBeNull();
    expect((await listPublishedMinutes(actors.otherMember)).map((m) => m.id)).not.toContain(id);
    await closeMeeting(actors.coordinator, id);

    await expectCode(findPublishedMinutes(actors.anonymous, id), 'UNAUTHENTICATED');
    await expectCode(listPublishedMinutes(actors.anonymous), 'UNAUTHENTICATED');
    const stranger = await db.prisma.user.create({ data: { email: 'utan.organisation@lisa.example', name: 'Utan Organisation' } });
    await expectCode(findPublishedMinutes({ kind: 'user', userId: stranger.id, memberships: [] }, id), 'FORBIDDEN');

    // A member of another association: the restricted item keeps its place and nothing else.
    const outsider = await minutesFor(actors.otherMember, id);
    expect(outsider.items).toEqual([
      { kind: 'restricted', position: 1 },
      {
        kind: 'issue',
        position: 2,
        number: shared,
        title: expect.any(String),
        state: 'RESOLVED',
        publicState: 'resolved',
        decision: 'Delat beslut.',
        outcome: 'RESOLVED',
        outcomeApplied: true,
        actions: [],
      },
      { kind: 'topic', position: 3, title: 'Övriga frågor', decision: 'Utbildning i vår.' },
    ]);
    const sent = JSON.stringify(outsider);
    for (const secret of ['Hemligt beslut', 'Hemlig åtgärd', `"${restrictedTitle}"`, `"number":${restricted},`]) expect(sent).not.toContain(secret);
    // So does an official of a body the issue was not sent to.
    expect((await minutesFor(actors.karlskogaOfficial, id)).items[0]).toEqual({ kind: 'restricted', position: 1 });

    // The filing association and the responder see it in full.
    for (const reader of [actors.member, actors.regionOfficial, actors.coordinator]) {
      const item = (await minutesFor(reader, id)).items[0];
      expect(item).toMatchObject({
        kind: 'issue',
        number: restricted,
        title: restrictedTitle,
        decision: 'Hemligt beslut om boendet.',
        outcome: 'ACTION_AGREED',
        outcomeApplied: true,
        actions: [{ description: 'Hemlig åtgärd.', owner: 'Region Örebro län', followUpAt: null, completedAt: null }],
      });
    }
  });
});

// ── Words ──────────────────────────────────────────────────────────────────────────

type Tree = { [key: string]: string | Tree };

function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));
}

describe('the meeting messages', () => {
  it('have the same keys in Swedish, English and Arabic, none empty', () => {
    const swedish = keyPaths(sv.WorkshopMeetings as Tree).sort();
    for (const messages of [en, ar]) expect(keyPaths(messages.WorkshopMeetings as Tree).sort()).toEqual(swedish);
    for (const messages of [sv, en, ar]) {
      const texts = keyPaths(messages.WorkshopMeetings as Tree).map((path) => path.split('.').reduce<string | Tree>((node, key) => (node as Tree)[key]!, messages.WorkshopMeetings as Tree));
      expect(texts.every((text) => typeof text === 'string' && text.trim().length > 0)).toBe(true);
    }
  });

  it('word every error, success, reason, state and outcome the meetings can show', () => {
    const words = sv.WorkshopMeetings;
    expect(Object.keys(words.errors).sort()).toEqual([...meetingErrors.keys].sort());
    expect(Object.keys(words.success).sort()).toEqual([...MEETING_SUCCESS_KEYS].sort());
    expect(Object.keys(words.reasons).sort()).toEqual(['ADDED_BY_COORDINATOR', 'ANSWERED_NOT_DISCUSSED', 'FOLLOW_UP_DUE', 'NEWLY_ASSIGNED', 'OVERDUE']);
    expect(Object.keys(words.states).sort()).toEqual([...ALL_STATES].sort());
    expect(Object.keys(words.outcomes).sort()).toEqual([...MEETING_OUTCOMES].sort());
  });
});
