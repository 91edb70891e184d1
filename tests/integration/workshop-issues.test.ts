/**
 * The workshop's issue data layer on the demo network: filing, triage, answers, the
 * filer's moves and the coordinator's, each allowed and refused per role, with the event log
 * every change appends (docs/decisions/0012-synergy-workshop.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import {
  actAsFiler,
  addComment,
  addInternalNote,
  answerIssue,
  deleteDraft,
  fileIssue,
  markDuplicate,
  reassignIssue,
  referIssue,
  reopenIssue,
  requestInfo,
  setOutcome,
  triageIssue,
  updateDraft,
} from '@/lib/workshop/issues';
import { getIssue, getTriageOptions, listForCoordinator, listIssuesFor } from '@/lib/workshop/queries';
import { draftIssueFromSearchGap, listSearchGaps } from '@/lib/workshop/search-gaps';
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
type Who = keyof typeof EMAILS | 'anonymous' | 'secondRegionOfficial';

const actors = {} as Record<Who, Actor>;
const ids = {} as Record<'shelter' | 'region' | 'karlskoga' | 'karlskogaMunicipality' | 'primaryCare' | 'secondRegionOfficial' | 'regionOfficial' | 'karlskogaOfficial', string>;

async function actorFor(email: string): Promise<Extract<Actor, { kind: 'user' }>> {
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

const FIELDS = {
  title: 'Tolk bokas sent vid hembesök',
  description: 'Vid hembesök från hemtjänsten saknas ofta tolk, och föreningens volontärer får tolka i stället.',
  desiredOutcome: 'Att tolk bokas när behovet är känt.',
  concerns: 'MUNICIPALITY',
  confirmedNoPersonalData: true,
};

let counter = 0;
/** A new issue of the shelter association, sent to the coordinator. */
async function submitted(overrides: Record<string, unknown> = {}): Promise<number> {
  const { number } = await fileIssue(actors.admin, {
    organizationId: ids.shelter,
    fields: { ...FIELDS, title: `${FIELDS.title} ${++counter}`, municipalityId: ids.karlskogaMunicipality, categoryId: ids.primaryCare, ...overrides },
    submit: true,
  });
  return number;
}

const versionOf = async (number: number) => (await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { version: true } })).version;

/** Triaged to the region with its official named, restricted, due in a week. */
async function assigned(visibility: 'RESTRICTED' | 'NETWORK' | 'PUBLIC' = 'RESTRICTED'): Promise<number> {
  const number = await submitted();
  await triageIssue(actors.coordinator, number, {
    categoryId: ids.primaryCare,
    visibility,
    responderOrganizationIds: [ids.region],
    assigneeUserIds: [ids.regionOfficial],
    dueDate: '',
    version: await versionOf(number),
  });
  return number;
}

async function answered(visibility: 'RESTRICTED' | 'NETWORK' | 'PUBLIC' = 'RESTRICTED'): Promise<number> {
  const number = await assigned(visibility);
  await answerIssue(actors.regionOfficial, number, { body: 'Vårdcentralerna får en rutin för listning med skyddade personuppgifter.' });
  return number;
}

const stateOf = async (number: number) =>
  db.prisma.workshopIssue.findUniqueOrThrow({
    where: { number },
    select: { state: true, version: true, submittedAt: true, triagedAt: true, firstAnsweredAt: true, closedAt: true, resolutionFeedback: true, dueAt: true },
  });

const eventsOf = async (number: number) =>
  (
    await db.prisma.workshopEvent.findMany({
      where: { issue: { number } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { type: true, fromState: true, toState: true, actorId: true, note: true },
    })
  ).map((e) => [e.type, e.fromState, e.toState] as const);

beforeAll(async () => {
  await seedDatabase(db.prisma);
  for (const [who, email] of Object.entries(EMAILS)) actors[who as Who] = await actorFor(email);
  actors.anonymous = { kind: 'anonymous' };
  const org = (slug: string) => db.prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } }).then((o) => o.id);
  ids.shelter = await org('kvinnojouren-linnean');
  ids.region = await org('region-orebro-lan');
  ids.karlskoga = await org('karlskoga-kommun');
  ids.karlskogaMunicipality = (await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1883' } })).id;
  ids.primaryCare = (await db.prisma.workshopCategory.findUniqueOrThrow({ where: { slug: 'primarvard' } })).id;
  ids.regionOfficial = (actors.regionOfficial as { userId: string }).userId;
  ids.karlskogaOfficial = (actors.karlskogaOfficial as { userId: string }).userId;
  const second = await db.prisma.user.create({
    data: { email: 'andra.tjansteperson.region@lisa.example', name: 'Andra Tjänsteperson', memberships: { create: { organizationId: ids.region, role: 'OFFICIAL' } } },
  });
  ids.secondRegionOfficial = second.id;
  actors.secondRegionOfficial = await actorFor(second.email);
}, 180_000);

describe('filing an issue', () => {
  it('sends it to the coordinator: CREATED then SUBMITTED, stamped, and only in its association’s list', async () => {
    const number = await submitted();
    const state = await stateOf(number);
    expect(state).toMatchObject({ state: 'SUBMITTED', version: 2 });
    expect(state.submittedAt).toBeInstanceOf(Date);
    expect(await eventsOf(number)).toEqual([
      ['CREATED', null, 'DRAFT'],
      ['SUBMITTED', 'DRAFT', 'SUBMITTED'],
    ]);
    const lists = await listIssuesFor(actors.member as Extract<Actor, { kind: 'user' }>);
    expect(lists.own.map((r) => r.number)).toContain(number);
    const others = await listIssuesFor(actors.otherMember as Extract<Actor, { kind: 'user' }>);
    expect([...others.own, ...others.network].map((r) => r.number)).not.toContain(number);
  });

  it('keeps a draft to itself until it is sent, and lets the association change or delete it', async () => {
    const { number } = await fileIssue(actors.member, {
      organizationId: ids.shelter,
      fields: { ...FIELDS, concerns: 'REGION', confirmedNoPersonalData: false },
      submit: false,
    });
    expect((await stateOf(number)).state).toBe('DRAFT');
    await expectCode(getIssue(actors.coordinator, number), 'NOT_FOUND');
    await expectCode(getIssue(actors.anonymous, number), 'UNAUTHENTICATED');
    expect((await getIssue(actors.admin, number)).can.editDraft).toBe(true);

    await expectCode(updateDraft(actors.member, number, { version: 99, fields: { ...FIELDS, concerns: 'REGION' }, submit: false }), 'CONFLICT', 'form', 'versionConflict');
    await updateDraft(actors.member, number, { version: 1, fields: { ...FIELDS, concerns: 'REGION', title: 'Ny rubrik', confirmedNoPersonalData: true }, submit: true });
    expect(await stateOf(number)).toMatchObject({ state: 'SUBMITTED' });
    expect((await getIssue(actors.coordinator, number)).title).toBe('Ny rubrik');
    await expectCode(deleteDraft(actors.member, number), 'CONFLICT');

    const draft = await fileIssue(actors.member, { organizationId: ids.shelter, fields: { ...FIELDS, concerns: 'REGION' }, submit: false });
    await expectCode(deleteDraft(actors.otherMember, draft.number), 'NOT_FOUND');
    await deleteDraft(actors.member, draft.number);
    expect(await db.prisma.workshopIssue.findUnique({ where: { number: draft.number } })).toBeNull();
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await db.prisma.workshopIssue.count();
    const file = (fields: Record<string, unknown>, submit = true) => fileIssue(actors.admin, { organizationId: ids.shelter, fields: { ...FIELDS, municipalityId: ids.karlskogaMunicipality, ...fields }, submit });
    await expectCode(file({ title: '  ' }), 'INVALID_INPUT', 'title', 'titleRequired');
    await expectCode(file({ title: 'x'.repeat(161) }), 'INVALID_INPUT', 'title', 'titleTooLong');
    await expectCode(file({ description: '' }), 'INVALID_INPUT', 'description', 'descriptionRequired');
    await expectCode(file({ concerns: 'STATE' }), 'INVALID_INPUT', 'concerns', 'concernsRequired');
    await expectCode(file({ municipalityId: '' }), 'INVALID_INPUT', 'municipalityId', 'municipalityRequired');
    await expectCode(file({ municipalityId: 'finns-inte' }), 'INVALID_INPUT', 'municipalityId', 'municipalityUnknown');
    await expectCode(file({ categoryId: 'finns-inte' }), 'INVALID_INPUT', 'categoryId', 'categoryUnknown');
    await expectCode(file({ confirmedNoPersonalData: false }), 'INVALID_INPUT', 'confirmedNoPersonalData', 'confirmRequired');
    // A valid personal identity number is refused even in a draft; a phone number only warns in the form.
    await expectCode(file({ description: 'Gäller kvinnan med personnummer 19811218-9876 som ringde.' }, false), 'INVALID_INPUT', 'description', 'personalNumber');
    expect(await db.prisma.workshopIssue.count()).toBe(before);
    const withPhone = await file({ description: 'Växeln 019-123 45 67 är stängd på kvällar.' });
    expect(withPhone.number).toBeGreaterThan(0);
  });

  it('is for the association’s own people only', async () => {
    await expectCode(fileIssue(actors.otherMember, { organizationId: ids.shelter, fields: FIELDS, submit: true }), 'FORBIDDEN');
    await expectCode(fileIssue(actors.regionOfficial, { organizationId: ids.region, fields: FIELDS, submit: true }), 'FORBIDDEN');
    await expectCode(fileIssue(actors.anonymous, { organizationId: ids.shelter, fields: FIELDS, submit: true }), 'UNAUTHENTICATED');
  });
});

describe('triage', () => {
  it('asks for more information and gets it back from the association only', async () => {
    const number = await submitted();
    await expectCode(requestInfo(actors.coordinator, number, { note: ' ' }), 'INVALID_INPUT', 'note', 'noteRequired');
    await expectCode(requestInfo(actors.regionOfficial, number, { note: 'Hur ofta?' }), 'NOT_FOUND');
    await requestInfo(actors.coordinator, number, { note: 'Hur ofta händer det?' });
    expect((await getIssue(actors.member, number)).can.provideInfo).toBe(true);
    await expectCode(actAsFiler(actors.coordinator, number, 'provideInfo', { note: 'Varje vecka.' }), 'FORBIDDEN');
    await actAsFiler(actors.member, number, 'provideInfo', { note: 'Ungefär varje vecka.' });
    expect((await eventsOf(number)).slice(-2)).toEqual([
      ['INFO_REQUESTED', 'SUBMITTED', 'NEEDS_INFO'],
      ['INFO_PROVIDED', 'NEEDS_INFO', 'SUBMITTED'],
    ]);
  });

  it('assigns responders and officials, defaults the due date to the day before the next workshop meeting', async () => {
    const number = await submitted();
    const version = await versionOf(number);
    const base = { categoryId: ids.primaryCare, visibility: 'NETWORK', dueDate: '', version };
    await expectCode(triageIssue(actors.coordinator, number, { ...base, responderOrganizationIds: [] }), 'INVALID_INPUT', 'responderOrganizationIds', 'respondersRequired');
    await expectCode(triageIssue(actors.coordinator, number, { ...base, responderOrganizationIds: [ids.shelter] }), 'INVALID_INPUT', 'responderOrganizationIds', 'responderUnknown');
    await expectCode(
      triageIssue(actors.coordinator, number, { ...base, responderOrganizationIds: [ids.region], assigneeUserIds: [ids.karlskogaOfficial] }),
      'INVALID_INPUT',
      'assigneeUserIds',
      'assigneeNotOfficial',
    );
    await expectCode(triageIssue(actors.coordinator, number, { ...base, responderOrganizationIds: [ids.region], dueDate: '2020-01-01' }), 'INVALID_INPUT', 'dueDate', 'duePast');
    await expectCode(triageIssue(actors.coordinator, number, { ...base, responderOrganizationIds: [ids.region], dueDate: '2027-02-30' }), 'INVALID_INPUT', 'dueDate', 'dueInvalid');
    await expectCode(triageIssue(actors.member, number, { ...base, responderOrganizationIds: [ids.region] }), 'FORBIDDEN');
    expect(await versionOf(number)).toBe(version);

    await triageIssue(actors.coordinator, number, { ...base, responderOrganizationIds: [ids.region], assigneeUserIds: [ids.regionOfficial] });
    const state = await stateOf(number);
    const options = await getTriageOptions(actors.coordinator as Extract<Actor, { kind: 'user' }>);
    expect(state.state).toBe('ASSIGNED');
    expect(state.triagedAt).toBeInstanceOf(Date);
    expect(state.dueAt).toEqual(options.defaultDueDate);
    const meeting = await db.prisma.meeting.findFirstOrThrow({ where: { status: 'PLANNED', kind: 'WORKSHOP' }, orderBy: { startsAt: 'asc' } });
    expect(meeting.startsAt.getTime() - state.dueAt!.getTime()).toBe(86_400_000);
    expect((await eventsOf(number)).slice(-2)).toEqual([
      ['TRIAGED', null, null],
      ['ASSIGNED', 'SUBMITTED', 'ASSIGNED'],
    ]);
    // The same form again with the old version is a conflict, not a second assignment.
    await expectCode(triageIssue(actors.coordinator, number, { ...base, responderOrganizationIds: [ids.region] }), 'CONFLICT', 'form', 'versionConflict');
  });

  it('re-triages an assigned issue change by change, each its own event', async () => {
    const number = await assigned();
    await triageIssue(actors.coordinator, number, {
      categoryId: ids.primaryCare,
      visibility: 'PUBLIC',
      responderOrganizationIds: [ids.region, ids.karlskoga],
      assigneeUserIds: [ids.karlskogaOfficial],
      dueDate: '2099-06-30',
      version: await versionOf(number),
    });
    const events = await db.prisma.workshopEvent.findMany({ where: { issue: { number } }, orderBy: { createdAt: 'asc' }, select: { type: true, data: true } });
    expect(events.slice(-5).map((e) => e.type)).toEqual(['VISIBILITY_CHANGED', 'DUE_DATE_CHANGED', 'ASSIGNED', 'UNASSIGNED', 'ASSIGNED']);
    expect(events.at(-1)?.data).toEqual({ userId: ids.karlskogaOfficial });
    expect((await stateOf(number)).state).toBe('ASSIGNED');
  });

  it('marks duplicates and referrals, closing the issue', async () => {
    const original = await submitted();
    const copy = await submitted();
    await expectCode(markDuplicate(actors.coordinator, copy, { duplicateOfNumber: copy }), 'INVALID_INPUT', 'duplicateOfNumber', 'duplicateOfSelf');
    await expectCode(markDuplicate(actors.coordinator, copy, { duplicateOfNumber: 999_999 }), 'INVALID_INPUT', 'duplicateOfNumber', 'duplicateOfUnknown');
    await markDuplicate(actors.coordinator, copy, { duplicateOfNumber: original, note: 'Samma fråga.' });
    expect(await stateOf(copy)).toMatchObject({ state: 'DUPLICATE' });
    expect((await getIssue(actors.admin, copy)).duplicateOf?.number).toBe(original);

    const elsewhere = await submitted();
    await expectCode(referIssue(actors.coordinator, elsewhere, { referredTo: '' }), 'INVALID_INPUT', 'referredTo', 'referredToRequired');
    await referIssue(actors.coordinator, elsewhere, { referredTo: 'Patientnämnden' });
    const referred = await stateOf(elsewhere);
    expect(referred.state).toBe('REFERRED');
    expect(referred.closedAt).toBeInstanceOf(Date);
    // Only a new issue is marked or referred.
    await expectCode(referIssue(actors.coordinator, elsewhere, { referredTo: 'Någon annan' }), 'CONFLICT', 'form', 'wrongState');
  });
});

describe('who sees an issue', () => {
  it('shows a restricted issue to the filer, its responders and the coordinator only', async () => {
    const number = await assigned('RESTRICTED');
    for (const who of ['admin', 'member', 'regionOfficial', 'coordinator'] as const) expect((await getIssue(actors[who], number)).number).toBe(number);
    await expectCode(getIssue(actors.otherMember, number), 'NOT_FOUND');
    await expectCode(getIssue(actors.karlskogaOfficial, number), 'NOT_FOUND');
    await expectCode(getIssue(actors.anonymous, number), 'UNAUTHENTICATED');
    await expectCode(addComment(actors.otherMember, number, { body: 'Hej' }), 'NOT_FOUND');
  });

  it('shares a network issue with every member, who may comment but not answer', async () => {
    const number = await assigned('NETWORK');
    const seen = await getIssue(actors.otherMember, number);
    expect(seen.can).toMatchObject({ comment: true, answer: false, internalNotes: false, triage: false, withdraw: false });
    await addComment(actors.otherMember, number, { body: 'Vi ser samma sak hos oss.' });
    await expectCode(answerIssue(actors.otherMember, number, { body: 'Svar' }), 'FORBIDDEN');
    await expectCode(answerIssue(actors.karlskogaOfficial, number, { body: 'Svar' }), 'FORBIDDEN');
    await expectCode(getIssue(actors.anonymous, number), 'UNAUTHENTICATED');
  });

  it('shows a public issue to residents without anyone’s name', async () => {
    const number = await answered('PUBLIC');
    const seen = await getIssue(actors.anonymous, number);
    expect(seen.answers[0]).toMatchObject({ organization: 'Region Örebro län', author: null });
    expect(seen.timeline.every((entry) => entry.who === null)).toBe(true);
    expect(seen.assignees).toEqual([]);
    expect(Object.values(seen.can).some(Boolean)).toBe(false);
  });

  it('keeps internal notes from the filing association', async () => {
    const number = await assigned('NETWORK');
    await addInternalNote(actors.regionOfficial, number, { body: 'Kolla med verksamhetschefen.' });
    await expectCode(addInternalNote(actors.admin, number, { body: 'Vi vill också' }), 'FORBIDDEN');
    await expectCode(addInternalNote(actors.otherMember, number, { body: 'Vi vill också' }), 'FORBIDDEN');
    const notesFor = async (who: Who) => (await getIssue(actors[who], number)).timeline.filter((e) => e.kind === 'internalNote').map((e) => e.text);
    expect(await notesFor('regionOfficial')).toEqual(['Kolla med verksamhetschefen.']);
    expect(await notesFor('coordinator')).toEqual(['Kolla med verksamhetschefen.']);
    expect(await notesFor('admin')).toEqual([]);
    expect(await notesFor('otherMember')).toEqual([]);
  });
});

describe('answering', () => {
  it('moves the issue to answered once; the same text again tells nobody; an edit is an event', async () => {
    const number = await assigned();
    await expectCode(answerIssue(actors.regionOfficial, number, { body: '' }), 'INVALID_INPUT', 'body', 'bodyRequired');
    await expectCode(answerIssue(actors.member, number, { body: 'Svar' }), 'FORBIDDEN');
    await answerIssue(actors.regionOfficial, number, { body: 'Vi tar fram en rutin.' });
    const first = await stateOf(number);
    expect(first.state).toBe('ANSWERED');
    expect(first.firstAnsweredAt).toBeInstanceOf(Date);
    const count = (await eventsOf(number)).length;
    await answerIssue(actors.regionOfficial, number, { body: 'Vi tar fram en rutin.' });
    expect((await eventsOf(number)).length).toBe(count);
    await answerIssue(actors.regionOfficial, number, { body: 'Vi tar fram en rutin före sommaren.' });
    expect((await eventsOf(number)).at(-1)).toEqual(['ANSWERED', null, null]);
    expect((await stateOf(number)).firstAnsweredAt).toEqual(first.firstAnsweredAt);
    expect((await getIssue(actors.admin, number)).answers).toEqual([expect.objectContaining({ organization: 'Region Örebro län', body: 'Vi tar fram en rutin före sommaren.' })]);
  });

  it('lets an official move the issue between the officials of their own organisation only', async () => {
    const number = await assigned();
    await reassignIssue(actors.regionOfficial, number, { assigneeUserIds: [ids.secondRegionOfficial] });
    expect((await getIssue(actors.coordinator, number)).assignees.map((a) => a.id)).toEqual([ids.secondRegionOfficial]);
    // Still readable by the first official: the region is a responder.
    await expectCode(reassignIssue(actors.regionOfficial, number, { assigneeUserIds: [ids.karlskogaOfficial] }), 'INVALID_INPUT', 'assigneeUserIds', 'assigneeNotOfficial');
    await expectCode(reassignIssue(actors.admin, number, { assigneeUserIds: [] }), 'FORBIDDEN');
    expect((await eventsOf(number)).slice(-2)).toEqual([
      ['UNASSIGNED', null, null],
      ['ASSIGNED', null, null],
    ]);
  });

  it('flags an issue overdue, and puts it first in the official’s queue', async () => {
    const late = await assigned();
    const onTime = await assigned();
    await db.prisma.workshopIssue.update({ where: { number: late }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
    expect((await getIssue(actors.regionOfficial, late)).overdue).toBe(true);
    expect((await getIssue(actors.regionOfficial, onTime)).overdue).toBe(false);
    const { queue } = await listIssuesFor(actors.regionOfficial as Extract<Actor, { kind: 'user' }>);
    expect(queue[0]?.number).toBe(late);
    expect(queue.map((r) => r.number)).toContain(onTime);
    const overdue = await listForCoordinator(actors.coordinator, 'overdue');
    expect(overdue.rows.map((r) => r.number)).toContain(late);
    expect(overdue.rows.map((r) => r.number)).not.toContain(onTime);
    // Answered, it is no longer overdue.
    await answerIssue(actors.regionOfficial, late, { body: 'Svar.' });
    expect((await getIssue(actors.regionOfficial, late)).overdue).toBe(false);
  });
});

describe('outcomes', () => {
  it('goes answered -> action agreed -> resolved by the association, then reopened by the coordinator', async () => {
    const number = await answered();
    await expectCode(setOutcome(actors.regionOfficial, number, { outcome: 'ACTION_AGREED' }), 'FORBIDDEN');
    await setOutcome(actors.coordinator, number, { outcome: 'ACTION_AGREED', note: 'Rutinen tas fram till mars.' });
    expect((await getIssue(actors.admin, number)).can).toMatchObject({ confirm: true, dispute: false, withdraw: true });
    await expectCode(actAsFiler(actors.otherMember, number, 'confirm', {}), 'NOT_FOUND');
    await actAsFiler(actors.admin, number, 'confirm', { note: 'Tack, det löser det.' });
    const resolved = await stateOf(number);
    expect(resolved).toMatchObject({ state: 'RESOLVED', resolutionFeedback: 'CONFIRMED' });
    expect(resolved.closedAt).toBeInstanceOf(Date);
    expect((await getIssue(actors.admin, number)).can).toMatchObject({ confirm: false, dispute: true, withdraw: false });

    await expectCode(reopenIssue(actors.coordinator, number, { note: '' }), 'INVALID_INPUT', 'note', 'noteRequired');
    await expectCode(reopenIssue(actors.admin, number, { note: 'Igen' }), 'FORBIDDEN');
    await reopenIssue(actors.coordinator, number, { note: 'Rutinen följs inte.' });
    expect(await stateOf(number)).toMatchObject({ state: 'ASSIGNED', closedAt: null, resolutionFeedback: null });
    expect((await eventsOf(number)).slice(-3)).toEqual([
      ['ACTION_AGREED', 'ANSWERED', 'ACTION_AGREED'],
      ['RESOLUTION_CONFIRMED', 'ACTION_AGREED', 'RESOLVED'],
      ['REOPENED', 'RESOLVED', 'ASSIGNED'],
    ]);
  });

  it('takes the association’s dispute of a resolution the coordinator set, once', async () => {
    const number = await answered();
    await setOutcome(actors.coordinator, number, { outcome: 'RESOLVED' });
    await expectCode(actAsFiler(actors.member, number, 'dispute', { note: '' }), 'INVALID_INPUT', 'note', 'noteRequired');
    await actAsFiler(actors.member, number, 'dispute', { note: 'Det händer fortfarande.' });
    const count = (await eventsOf(number)).length;
    await actAsFiler(actors.member, number, 'dispute', { note: 'Det händer fortfarande.' });
    expect((await eventsOf(number)).length).toBe(count);
    expect(await stateOf(number)).toMatchObject({ state: 'RESOLVED', resolutionFeedback: 'DISPUTED' });
    expect((await eventsOf(number)).at(-1)).toEqual(['RESOLUTION_DISPUTED', null, null]);
  });

  it('closes unresolved separately from resolved, and refuses outcomes before an answer', async () => {
    const early = await assigned();
    await expectCode(setOutcome(actors.coordinator, early, { outcome: 'RESOLVED' }), 'CONFLICT', 'form', 'wrongState');
    await expectCode(setOutcome(actors.coordinator, early, { outcome: 'MERGED' }), 'INVALID_INPUT', 'outcome', 'outcomeInvalid');
    const number = await answered();
    await setOutcome(actors.coordinator, number, { outcome: 'CLOSED_UNRESOLVED', note: 'Regionen kan inte ändra detta.' });
    expect((await stateOf(number)).state).toBe('CLOSED_UNRESOLVED');
  });

  it('lets the association withdraw any open issue, and nothing after', async () => {
    const number = await assigned();
    await expectCode(actAsFiler(actors.regionOfficial, number, 'withdraw', {}), 'FORBIDDEN');
    await actAsFiler(actors.member, number, 'withdraw', { note: 'Löst på annat sätt.' });
    expect((await stateOf(number)).state).toBe('WITHDRAWN');
    await expectCode(actAsFiler(actors.member, number, 'withdraw', {}), 'CONFLICT', 'form', 'wrongState');
    await expectCode(answerIssue(actors.regionOfficial, number, { body: 'Sent svar' }), 'CONFLICT', 'form', 'wrongState');
  });
});

describe('the event log', () => {
  it('names who did each change; a comment is an event and a comment', async () => {
    const number = await answered('NETWORK');
    await addComment(actors.otherMember, number, { body: 'Samma hos oss.' });
    const events = await db.prisma.workshopEvent.findMany({ where: { issue: { number } }, select: { type: true, actorId: true } });
    expect(events.every((e) => e.actorId !== null)).toBe(true);
    expect(events.find((e) => e.type === 'ANSWERED')?.actorId).toBe(ids.regionOfficial);
    const timeline = (await getIssue(actors.member, number)).timeline;
    expect(timeline.filter((e) => e.kind === 'comment').map((e) => [e.text, e.who])).toEqual([['Samma hos oss.', 'Per-Olof Sandell']]);
  });

  it('lets only one of two simultaneous triages through', async () => {
    const number = await submitted();
    const version = await versionOf(number);
    const triage = () =>
      triageIssue(actors.coordinator, number, { categoryId: ids.primaryCare, visibility: 'RESTRICTED', responderOrganizationIds: [ids.region], dueDate: '', version });
    const results = await Promise.allSettled([triage(), triage()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await eventsOf(number)).filter(([type]) => type === 'ASSIGNED')).toHaveLength(1);
  });
});

describe('searches that found nothing', () => {
  it('become a draft issue of the coordinator’s association in one step, once per query', async () => {
    const week = (weeksAgo: number) => new Date(Date.UTC(2026, 10, 30) - weeksAgo * 7 * 86_400_000);
    const now = new Date('2026-12-03T12:00:00Z');
    await db.prisma.searchStat.createMany({
      data: [
        { weekStart: week(0), normalizedQuery: 'spelberoende ungdomar', searchCount: 7, zeroResultCount: 6 },
        { weekStart: week(2), normalizedQuery: 'spelberoende ungdomar', searchCount: 5, zeroResultCount: 5 },
        { weekStart: week(1), normalizedQuery: 'tandvård utan pengar', searchCount: 4, zeroResultCount: 3 },
        { weekStart: week(20), normalizedQuery: 'gammal sökning', searchCount: 40, zeroResultCount: 40 },
        { weekStart: week(0), normalizedQuery: 'stödsamtal', searchCount: 30, zeroResultCount: 0 },
      ],
    });
    await expectCode(listSearchGaps(actors.member), 'FORBIDDEN');
    expect(await listSearchGaps(actors.coordinator, { now })).toEqual([
      { query: 'spelberoende ungdomar', zeroResults: 11, searches: 12, issueNumber: null },
      { query: 'tandvård utan pengar', zeroResults: 3, searches: 4, issueNumber: null },
    ]);

    await expectCode(draftIssueFromSearchGap(actors.member, 'spelberoende ungdomar', now), 'FORBIDDEN');
    await expectCode(draftIssueFromSearchGap(actors.coordinator, 'finns inte alls', now), 'NOT_FOUND');
    await expectCode(draftIssueFromSearchGap(actors.coordinator, '', now), 'INVALID_INPUT');
    const { number } = await draftIssueFromSearchGap(actors.coordinator, 'spelberoende ungdomar', now);
    expect(await draftIssueFromSearchGap(actors.coordinator, 'spelberoende ungdomar', now)).toEqual({ number });

    const draft = await getIssue(actors.coordinator, number);
    expect(draft).toMatchObject({ state: 'DRAFT', filedBy: { slug: 'mockelnforeningarna' }, title: 'Hjälpkatalogen saknar svar på ”spelberoende ungdomar”' });
    expect(draft.description).toContain('11 av 12 sökningar');
    expect(draft.can.editDraft).toBe(true);
    expect((await listIssuesFor(actors.coordinator as Extract<Actor, { kind: 'user' }>)).own.map((r) => r.number)).toContain(number);
    await expectCode(getIssue(actors.admin, number), 'NOT_FOUND');
    expect((await listSearchGaps(actors.coordinator, { now }))[0]).toMatchObject({ query: 'spelberoende ungdomar', issueNumber: number });

    // The coordinator completes it and sends it like any draft.
    await updateDraft(actors.coordinator, number, {
      version: 1,
      fields: { title: draft.title, description: draft.description, desiredOutcome: draft.desiredOutcome, concerns: 'REGION', confirmedNoPersonalData: true },
      submit: true,
    });
    expect((await stateOf(number)).state).toBe('SUBMITTED');
  });
});
