/**
 * The issue pages' server actions with the forms as the browser sends them (FormData), the
 * session mocked: what each one hands to the data layer, where it goes back to
 * (?klart=...), and what a refused form returns (message keys per field and what was typed).
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import {
  addCommentAction,
  addInternalNoteAction,
  answerIssueAction,
  confirmResolutionAction,
  deleteDraftAction,
  disputeResolutionAction,
  fileIssueAction,
  markDuplicateAction,
  provideInfoAction,
  reassignIssueAction,
  referIssueAction,
  reopenIssueAction,
  requestInfoAction,
  setOutcomeAction,
  triageIssueAction,
  updateDraftAction,
  withdrawIssueAction,
} from '@/lib/workshop/actions';
import { IDLE } from '@/lib/forms/field-errors';
import type { IssueFormState } from '@/lib/workshop/issue-forms';
import { getIssue } from '@/lib/workshop/queries';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

// Files sent with the filing form go to a temporary media folder (before the database helper reads the environment).
const dataDir = mkdtempSync(path.join(tmpdir(), 'lisa-issue-actions-test-'));
vi.stubEnv('DATA_DIR', dataDir);
vi.stubEnv('MEDIA_STORAGE', 'local');

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));

/** Next's redirect throws to end the action; here it throws something the test can read. */
const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirect ${url}`);
      }
    },
);
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
// next-intl's navigation needs Next's router: Swedish at the root, other languages prefixed, as routing.ts says.
vi.mock('@/i18n/navigation', () => ({
  getPathname: ({ href, locale }: { href: string; locale: string }) => (locale === 'sv' ? href : `/${locale}${href}`),
}));

const db = useTestDatabase();

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

const EMAILS = {
  admin: 'foreningsadmin@lisa.example',
  member: 'medlem@lisa.example',
  otherMember: 'medlem2@lisa.example',
  regionOfficial: 'tjansteperson.region@lisa.example',
  coordinator: 'samordnare@lisa.example',
} as const;
type Who = keyof typeof EMAILS | 'anonymous';
const actors = {} as Record<Who, Actor>;
const ids = {} as Record<'shelter' | 'region' | 'karlskoga' | 'karlskogaMunicipality' | 'primaryCare' | 'regionOfficial', string>;

type Action = (state: IssueFormState, formData: FormData) => Promise<IssueFormState>;
type Outcome = { redirect: string; state?: never } | { state: IssueFormState; redirect?: never };

/** Sends a form as `who`: either the address the action went back to, or the state it returned. */
async function send(who: Who, action: Action, fields: Record<string, string | string[] | File[]>): Promise<Outcome> {
  session.actor = actors[who];
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) formData.append(name, v);
  }
  try {
    return { state: await action(IDLE, formData) };
  } catch (error) {
    if (error instanceof Redirected) return { redirect: error.url };
    throw error;
  }
}

const FILING = {
  locale: 'sv',
  title: 'Tolk saknas vid utvecklingssamtal i skolan',
  description: 'Föräldrar som behöver tolk får ofta ingen vid utvecklingssamtal, och barnen får tolka åt dem.',
  desiredOutcome: 'Att skolan bokar tolk när behovet är känt.',
  concerns: 'MUNICIPALITY',
  confirmedNoPersonalData: 'on',
  intent: 'submit',
};

let counter = 0;
/** Files an issue of the shelter through the form and returns its number from the address it went to. */
async function filed(overrides: Record<string, string> = {}): Promise<number> {
  const outcome = await send('admin', fileIssueAction, {
    ...FILING,
    title: `${FILING.title} ${++counter}`,
    organizationId: ids.shelter,
    municipalityId: ids.karlskogaMunicipality,
    ...overrides,
  });
  const match = /^\/verkstad\/(\d+)\?klart=(submitted|saved)$/.exec(outcome.redirect ?? '');
  expect(match, JSON.stringify(outcome.state)).not.toBeNull();
  return Number(match![1]);
}

const versionOf = async (number: number) => String((await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { version: true } })).version);
const stateOf = async (number: number) => (await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { state: true } })).state;

/** Triaged through the form to the region, with its official named. */
async function assigned(number?: number): Promise<number> {
  const n = number ?? (await filed());
  const outcome = await send('coordinator', triageIssueAction, {
    locale: 'sv',
    number: String(n),
    version: await versionOf(n),
    categoryId: ids.primaryCare,
    visibility: 'RESTRICTED',
    responderOrganizationIds: [ids.region],
    assigneeUserIds: [ids.regionOfficial],
    dueDate: '',
    dueDateInitial: '',
  });
  expect(outcome.redirect).toBe(`/verkstad/${n}?klart=triaged`);
  return n;
}

async function answered(): Promise<number> {
  const number = await assigned();
  const outcome = await send('regionOfficial', answerIssueAction, { locale: 'sv', number: String(number), body: 'Vi tar fram en rutin för tolkbokning.' });
  expect(outcome.redirect).toBe(`/verkstad/${number}?klart=answered#svar`);
  return number;
}

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

beforeAll(async () => {
  await seedDatabase(db.prisma);
  for (const [who, email] of Object.entries(EMAILS)) actors[who as Who] = await actorFor(email);
  actors.anonymous = { kind: 'anonymous' };
  const org = async (slug: string) => (await db.prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  ids.shelter = await org('kvinnojouren-linnean');
  ids.region = await org('region-orebro-lan');
  ids.karlskoga = await org('karlskoga-kommun');
  ids.karlskogaMunicipality = (await db.prisma.municipality.findUniqueOrThrow({ where: { code: '1883' } })).id;
  ids.primaryCare = (await db.prisma.workshopCategory.findUniqueOrThrow({ where: { slug: 'primarvard' } })).id;
  ids.regionOfficial = (actors.regionOfficial as { userId: string }).userId;
}, 180_000);

describe('fileIssueAction', () => {
  it('sends the issue with "Skicka till samordnaren" and saves a draft with the other button', async () => {
    const sent = await filed();
    expect(await stateOf(sent)).toBe('SUBMITTED');
    const draft = await filed({ intent: 'save', confirmedNoPersonalData: '' });
    expect(await stateOf(draft)).toBe('DRAFT');
  });

  it('goes back in the language the form was sent in', async () => {
    const outcome = await send('admin', fileIssueAction, { ...FILING, locale: 'en', organizationId: ids.shelter, municipalityId: ids.karlskogaMunicipality });
    expect(outcome.redirect).toMatch(/^\/en\/verkstad\/\d+\?klart=submitted$/);
  });

  it('refuses missing fields one by one and gives back what was typed', async () => {
    const before = await db.prisma.workshopIssue.count();
    const outcome = await send('admin', fileIssueAction, {
      locale: 'sv',
      organizationId: ids.shelter,
      title: ' ',
      description: 'Beskrivningen finns kvar.',
      desiredOutcome: 'Önskan finns kvar.',
      municipalityId: '',
      intent: 'submit',
    });
    expect(outcome.state).toMatchObject({
      status: 'error',
      fieldErrors: { title: 'titleRequired', concerns: 'concernsRequired' },
      values: { description: 'Beskrivningen finns kvar.', desiredOutcome: 'Önskan finns kvar.', organizationId: ids.shelter },
    });
    expect(await db.prisma.workshopIssue.count()).toBe(before);
  });

  it('needs the municipality only when the issue concerns one, and ignores the select for the region', async () => {
    const missing = await send('admin', fileIssueAction, { ...FILING, organizationId: ids.shelter, concerns: 'BOTH', municipalityId: '' });
    expect(missing.state?.fieldErrors).toEqual({ municipalityId: 'municipalityRequired' });
    // Without JavaScript the select is still in the form: a municipality chosen for the region alone is dropped.
    const region = await filed({ concerns: 'REGION', municipalityId: ids.karlskogaMunicipality });
    expect(await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number: region }, select: { municipalityId: true } })).toEqual({ municipalityId: null });
  });

  it('sends nothing without the confirmation, but saves a draft without it', async () => {
    const outcome = await send('admin', fileIssueAction, { ...FILING, organizationId: ids.shelter, municipalityId: ids.karlskogaMunicipality, confirmedNoPersonalData: '' });
    expect(outcome.state?.fieldErrors).toEqual({ confirmedNoPersonalData: 'confirmRequired' });
    expect(outcome.state?.values?.confirmedNoPersonalData).toBe('');
  });

  it('refuses a personal identity number at the field it was written in', async () => {
    const outcome = await send('admin', fileIssueAction, {
      ...FILING,
      organizationId: ids.shelter,
      municipalityId: ids.karlskogaMunicipality,
      desiredOutcome: 'Ring kvinnan med personnummer 19811218-9876.',
    });
    expect(outcome.state?.fieldErrors).toEqual({ desiredOutcome: 'personalNumber' });
  });

  it('attaches the files sent with the form to the issue it files; an empty file field sends none', async () => {
    const base = { ...FILING, organizationId: ids.shelter, municipalityId: ids.karlskogaMunicipality };
    const withFile = await send('admin', fileIssueAction, { ...base, attachments: [new File(['Antal tillfällen per månad.\n'], 'underlag.txt', { type: 'text/plain' })] });
    const number = Number(/^\/verkstad\/(\d+)\?klart=submitted$/.exec(withFile.redirect ?? '')?.[1]);
    expect((await getIssue(actors.coordinator, number)).attachments.map((a) => [a.fileName, a.mimeType])).toEqual([['underlag.txt', 'text/plain']]);

    const emptyField = await send('admin', fileIssueAction, { ...base, attachments: [new File([], '')] });
    const empty = Number(/^\/verkstad\/(\d+)\?klart=submitted$/.exec(emptyField.redirect ?? '')?.[1]);
    expect((await getIssue(actors.coordinator, empty)).attachments).toEqual([]);
  });

  it('refuses a file it does not take at the file field, before the issue is written', async () => {
    const before = await db.prisma.workshopIssue.count();
    const outcome = await send('admin', fileIssueAction, {
      ...FILING,
      organizationId: ids.shelter,
      municipalityId: ids.karlskogaMunicipality,
      attachments: [new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'bild.svg', { type: 'image/svg+xml' })],
    });
    expect(outcome.state).toMatchObject({ status: 'error', fieldErrors: { attachments: 'attachmentType' }, values: { title: FILING.title } });
    expect(await db.prisma.workshopIssue.count()).toBe(before);
  });

  it('refuses residents and other associations’ members without writing anything', async () => {
    const before = await db.prisma.workshopIssue.count();
    const anonymous = await send('anonymous', fileIssueAction, { ...FILING, organizationId: ids.shelter, municipalityId: ids.karlskogaMunicipality });
    expect(anonymous.state).toMatchObject({ status: 'error', formError: 'unauthenticated' });
    const other = await send('otherMember', fileIssueAction, { ...FILING, organizationId: ids.shelter, municipalityId: ids.karlskogaMunicipality });
    expect(other.state).toMatchObject({ status: 'error', formError: 'forbidden' });
    expect(await db.prisma.workshopIssue.count()).toBe(before);
  });
});

describe('the draft forms', () => {
  it('change a draft with its version, then send it', async () => {
    const number = await filed({ intent: 'save', confirmedNoPersonalData: '' });
    const base = { ...FILING, number: String(number), municipalityId: ids.karlskogaMunicipality, title: 'Ändrad rubrik' };
    const stale = await send('member', updateDraftAction, { ...base, version: '99', intent: 'save' });
    expect(stale.state).toMatchObject({ status: 'error', formError: 'versionConflict', values: { title: 'Ändrad rubrik' } });
    const saved = await send('member', updateDraftAction, { ...base, version: await versionOf(number), intent: 'save' });
    expect(saved.redirect).toBe(`/verkstad/${number}?klart=saved`);
    const sent = await send('member', updateDraftAction, { ...base, version: await versionOf(number), intent: 'submit' });
    expect(sent.redirect).toBe(`/verkstad/${number}?klart=submitted`);
    expect(await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { state: true, title: true } })).toEqual({ state: 'SUBMITTED', title: 'Ändrad rubrik' });
  });

  it('delete a draft only when the box is ticked', async () => {
    const number = await filed({ intent: 'save' });
    const unticked = await send('admin', deleteDraftAction, { locale: 'sv', number: String(number) });
    expect(unticked.state).toEqual({ status: 'error', fieldErrors: { confirm: 'deleteUnconfirmed' } });
    expect(await db.prisma.workshopIssue.count({ where: { number } })).toBe(1);
    const other = await send('otherMember', deleteDraftAction, { locale: 'sv', number: String(number), confirm: 'on' });
    expect(other.state).toMatchObject({ formError: 'notFound' });
    const deleted = await send('admin', deleteDraftAction, { locale: 'sv', number: String(number), confirm: 'on' });
    expect(deleted.redirect).toBe('/verkstad?klart=deleted');
    expect(await db.prisma.workshopIssue.count({ where: { number } })).toBe(0);
  });
});

describe('triageIssueAction', () => {
  it('assigns with the checked responders and officials, and the timeline names the organisation', async () => {
    const number = await assigned();
    const issue = await getIssue(actors.admin, number);
    expect(issue.state).toBe('ASSIGNED');
    expect(issue.responders.map((r) => r.name)).toEqual(['Region Örebro län']);
    expect(issue.assignees.map((a) => a.id)).toEqual([ids.regionOfficial]);
    const assignment = issue.timeline.find((e) => e.type === 'ASSIGNED');
    expect(assignment).toMatchObject({ fromState: 'SUBMITTED', toState: 'ASSIGNED' });
    expect(assignment?.subject).toContain('Region Örebro län');
  });

  it('keeps the due date when the field is sent as it was shown, even after it has passed', async () => {
    const number = await assigned();
    const past = new Date(Date.now() - 3 * 86_400_000);
    await db.prisma.workshopIssue.update({ where: { number }, data: { dueAt: past } });
    const shown = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(past);
    const events = () => db.prisma.workshopEvent.count({ where: { issue: { number }, type: 'DUE_DATE_CHANGED' } });
    const form = { locale: 'sv', number: String(number), categoryId: ids.primaryCare, visibility: 'RESTRICTED', responderOrganizationIds: [ids.region], assigneeUserIds: [ids.regionOfficial] };

    const kept = await send('coordinator', triageIssueAction, { ...form, version: await versionOf(number), dueDate: shown, dueDateInitial: shown });
    expect(kept.redirect).toBe(`/verkstad/${number}?klart=triaged`);
    expect(await events()).toBe(0);
    expect((await db.prisma.workshopIssue.findUniqueOrThrow({ where: { number }, select: { dueAt: true } })).dueAt).toEqual(past);

    const yesterday = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() - 86_400_000));
    const moved = await send('coordinator', triageIssueAction, { ...form, version: await versionOf(number), dueDate: yesterday, dueDateInitial: shown });
    expect(moved.state).toMatchObject({ status: 'error', fieldErrors: { dueDate: 'duePast' }, values: { dueDate: yesterday } });
  });

  it('needs a responder, and keeps the ticked boxes of a refused form', async () => {
    const number = await filed();
    const outcome = await send('coordinator', triageIssueAction, {
      locale: 'sv',
      number: String(number),
      version: await versionOf(number),
      visibility: 'NETWORK',
      assigneeUserIds: [ids.regionOfficial],
      dueDate: '',
    });
    expect(outcome.state).toMatchObject({
      status: 'error',
      fieldErrors: { responderOrganizationIds: 'respondersRequired' },
      values: { visibility: 'NETWORK', responderOrganizationIds: [], assigneeUserIds: [ids.regionOfficial] },
    });
    expect(await stateOf(number)).toBe('SUBMITTED');
  });

  it('is the coordinator’s alone', async () => {
    const number = await filed();
    const outcome = await send('regionOfficial', triageIssueAction, {
      locale: 'sv',
      number: String(number),
      version: await versionOf(number),
      visibility: 'RESTRICTED',
      responderOrganizationIds: [ids.region],
    });
    expect(outcome.state).toMatchObject({ formError: 'notFound' });
    expect(await stateOf(number)).toBe('SUBMITTED');
  });
});

describe('the coordinator’s other forms', () => {
  it('ask for information, which the association gives back', async () => {
    const number = await filed();
    const empty = await send('coordinator', requestInfoAction, { locale: 'sv', number: String(number), note: '' });
    expect(empty.state?.fieldErrors).toEqual({ note: 'noteRequired' });
    expect((await send('coordinator', requestInfoAction, { locale: 'sv', number: String(number), note: 'Hur ofta händer det?' })).redirect).toBe(`/verkstad/${number}?klart=infoRequested`);
    expect((await send('member', provideInfoAction, { locale: 'sv', number: String(number), note: 'Varje vecka.' })).redirect).toBe(`/verkstad/${number}?klart=infoProvided`);
    expect(await stateOf(number)).toBe('SUBMITTED');
  });

  it('mark a duplicate by the original’s number, field by field when it is wrong', async () => {
    const original = await filed();
    const number = await filed();
    const letters = await send('coordinator', markDuplicateAction, { locale: 'sv', number: String(number), duplicateOfNumber: 'tolv', note: '' });
    expect(letters.state).toMatchObject({ fieldErrors: { duplicateOfNumber: 'invalid' }, values: { duplicateOfNumber: 'tolv' } });
    const self = await send('coordinator', markDuplicateAction, { locale: 'sv', number: String(number), duplicateOfNumber: String(number) });
    expect(self.state?.fieldErrors).toEqual({ duplicateOfNumber: 'duplicateOfSelf' });
    const done = await send('coordinator', markDuplicateAction, { locale: 'sv', number: String(number), duplicateOfNumber: String(original) });
    expect(done.redirect).toBe(`/verkstad/${number}?klart=markedDuplicate`);
    expect((await getIssue(actors.admin, number)).duplicateOf?.number).toBe(original);
  });

  it('refer an issue, set an outcome and reopen', async () => {
    const referred = await filed();
    expect((await send('coordinator', referIssueAction, { locale: 'sv', number: String(referred), referredTo: '' })).state?.fieldErrors).toEqual({ referredTo: 'referredToRequired' });
    expect((await send('coordinator', referIssueAction, { locale: 'sv', number: String(referred), referredTo: 'Patientnämnden' })).redirect).toBe(`/verkstad/${referred}?klart=referred`);

    const number = await answered();
    expect((await send('coordinator', setOutcomeAction, { locale: 'sv', number: String(number), outcome: 'DONE' })).state?.fieldErrors).toEqual({ outcome: 'outcomeInvalid' });
    expect((await send('coordinator', setOutcomeAction, { locale: 'sv', number: String(number), outcome: 'RESOLVED', note: 'Rutinen finns.' })).redirect).toBe(
      `/verkstad/${number}?klart=outcomeSet`,
    );
    expect(await stateOf(number)).toBe('RESOLVED');
    expect((await send('coordinator', reopenIssueAction, { locale: 'sv', number: String(number), note: 'Rutinen följs inte.' })).redirect).toBe(`/verkstad/${number}?klart=reopened`);
    expect(await stateOf(number)).toBe('ASSIGNED');
  });
});

describe('the association’s forms', () => {
  it('withdraw only with the box ticked, keeping the note of an unticked form', async () => {
    const number = await filed();
    const unticked = await send('member', withdrawIssueAction, { locale: 'sv', number: String(number), note: 'Löst på annat sätt.' });
    expect(unticked.state).toEqual({ status: 'error', fieldErrors: { confirm: 'withdrawUnconfirmed' }, values: { note: 'Löst på annat sätt.' } });
    expect(await stateOf(number)).toBe('SUBMITTED');
    expect((await send('member', withdrawIssueAction, { locale: 'sv', number: String(number), confirm: 'on' })).redirect).toBe(`/verkstad/${number}?klart=withdrawn`);
    expect(await stateOf(number)).toBe('WITHDRAWN');
  });

  it('confirm a resolution, or dispute one the coordinator set with a note', async () => {
    const confirmed = await answered();
    expect((await send('admin', confirmResolutionAction, { locale: 'sv', number: String(confirmed), note: '' })).redirect).toBe(`/verkstad/${confirmed}?klart=confirmed`);
    expect(await stateOf(confirmed)).toBe('RESOLVED');

    const disputed = await answered();
    await send('coordinator', setOutcomeAction, { locale: 'sv', number: String(disputed), outcome: 'RESOLVED' });
    expect((await send('admin', disputeResolutionAction, { locale: 'sv', number: String(disputed), note: ' ' })).state?.fieldErrors).toEqual({ note: 'noteRequired' });
    expect((await send('admin', disputeResolutionAction, { locale: 'sv', number: String(disputed), note: 'Inget har ändrats.' })).redirect).toBe(`/verkstad/${disputed}?klart=disputed`);
    expect((await getIssue(actors.admin, disputed)).resolutionFeedback).toBe('DISPUTED');
  });

  it('are refused to another association', async () => {
    const number = await answered();
    const outcome = await send('otherMember', confirmResolutionAction, { locale: 'sv', number: String(number) });
    expect(outcome.state).toMatchObject({ formError: 'notFound' });
    expect(await stateOf(number)).toBe('ANSWERED');
  });
});

describe('the officials’ forms and comments', () => {
  it('answer once, and an edit of the same answer changes the text', async () => {
    const number = await answered();
    const again = await send('regionOfficial', answerIssueAction, { locale: 'sv', number: String(number), body: 'Rutinen gäller från mars.' });
    expect(again.redirect).toBe(`/verkstad/${number}?klart=answered#svar`);
    expect((await getIssue(actors.admin, number)).answers.map((a) => a.body)).toEqual(['Rutinen gäller från mars.']);
    const empty = await send('regionOfficial', answerIssueAction, { locale: 'sv', number: String(number), body: '' });
    expect(empty.state).toMatchObject({ fieldErrors: { body: 'bodyRequired' } });
  });

  it('keep internal notes from the association, and move the issue between their own officials', async () => {
    const number = await assigned();
    expect((await send('regionOfficial', addInternalNoteAction, { locale: 'sv', number: String(number), body: 'Stäm av med enheten.' })).redirect).toBe(
      `/verkstad/${number}?klart=noted#handelser`,
    );
    expect((await getIssue(actors.admin, number)).timeline.some((e) => e.kind === 'internalNote')).toBe(false);
    expect((await getIssue(actors.coordinator, number)).timeline.some((e) => e.kind === 'internalNote')).toBe(true);
    const refused = await send('member', addInternalNoteAction, { locale: 'sv', number: String(number), body: 'Försök.' });
    expect(refused.state).toMatchObject({ formError: 'forbidden' });

    // Ticking nobody leaves the issue with the whole organisation.
    expect((await send('regionOfficial', reassignIssueAction, { locale: 'sv', number: String(number) })).redirect).toBe(`/verkstad/${number}?klart=reassigned`);
    expect((await getIssue(actors.coordinator, number)).assignees).toEqual([]);
    const stranger = await send('regionOfficial', reassignIssueAction, { locale: 'sv', number: String(number), assigneeUserIds: [(actors.member as { userId: string }).userId] });
    expect(stranger.state).toMatchObject({ fieldErrors: { assigneeUserIds: 'assigneeNotOfficial' } });
  });

  it('comment, and return to the history', async () => {
    const number = await assigned();
    expect((await send('member', addCommentAction, { locale: 'sv', number: String(number), body: 'Tack för svaret.' })).redirect).toBe(`/verkstad/${number}?klart=commented#handelser`);
    const comments = (await getIssue(actors.coordinator, number)).timeline.filter((e) => e.kind === 'comment');
    expect(comments.map((c) => c.text)).toEqual(['Tack för svaret.']);
    // A restricted issue of another association is not there at all for its non-members.
    expect((await send('otherMember', addCommentAction, { locale: 'sv', number: String(number), body: 'Hej.' })).state).toMatchObject({ formError: 'notFound' });
  });

  it('never put anything but an issue number into the address they return to', async () => {
    const outcome = await send('member', addCommentAction, { locale: 'sv', number: '//example.com', body: 'Hej.' });
    expect(outcome.state).toMatchObject({ formError: 'notFound' });
  });
});
