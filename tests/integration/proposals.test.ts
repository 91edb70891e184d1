/**
 * Association change proposals through the data layer on the demo data: an association's
 * member proposes and nothing public changes until the coordinator approves; others are
 * refused with nothing written; the review shows exactly the changed fields; rejecting,
 * approving, editing-and-approving, racing approvals and proposed new services.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServiceForm } from '@/components/directory/service-form/service-form';
import type { MessageTree } from '@/components/directory/service-form/translate';
import type { ServiceFormState } from '@/lib/directory/service-form-state';
import sv from '@/messages/sv.json';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import { AppError } from '@/lib/errors/app-error';
import {
  approveProposal,
  getProposalForm,
  getProposalReview,
  listOwnNewServiceProposals,
  listOwnProposals,
  listProposals,
  proposalMarkers,
  proposeServiceChange,
  rejectProposal,
} from '@/lib/directory/proposals';
import { readServiceInput, updateService } from '@/lib/directory/service-editor';
import { emptyServiceInput, formValuesOf, serviceInputFromForm, type ServiceInput } from '@/lib/directory/service-input';
import { getServicePage } from '@/lib/directory/service-page';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

const actors = {} as Record<'coordinator' | 'admin' | 'member' | 'otherMember' | 'official', Actor>;
let association = '';
let otherAssociation = '';
let coordinatorIds: string[] = [];
const NOW = new Date('2026-12-01T10:00:00Z');

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

const userId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : '');

beforeAll(async () => {
  await seedDatabase(db.prisma);
  actors.coordinator = await actorFor('samordnare@lisa.example');
  actors.admin = await actorFor('foreningsadmin@lisa.example');
  actors.member = await actorFor('medlem@lisa.example');
  actors.otherMember = await actorFor('medlem2@lisa.example');
  actors.official = await actorFor('tjansteperson.region@lisa.example');
  association = (await db.prisma.organization.findUniqueOrThrow({ where: { slug: 'kvinnojouren-linnean' } })).id;
  otherAssociation = (await db.prisma.organization.findUniqueOrThrow({ where: { slug: 'reda-ekonomiradgivning' } })).id;
  coordinatorIds = (await db.prisma.membership.findMany({ where: { role: 'COORDINATOR' }, select: { userId: true } })).map((m) => m.userId);
}, 180_000);

const serviceBySlug = (slug: string) => db.prisma.service.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } });
const current = async (serviceId: string) => (await readServiceInput(db.prisma, serviceId)).input;

/** Everything a resident could see of a service: the row, its search document and its public page. */
async function publicState(slug: string) {
  const service = await db.prisma.service.findUniqueOrThrow({ where: { slug }, include: { schedules: { orderBy: { id: 'asc' } }, translations: { orderBy: { locale: 'asc' } } } });
  return {
    service,
    document: await db.prisma.serviceSearchDocument.findUnique({ where: { serviceId: service.id }, select: { searchText: true, document: true, updatedAt: true } }),
    outbox: await db.prisma.outboxMessage.count({ where: { aggregateId: service.id } }),
    page: await getServicePage(ANONYMOUS, slug, 'sv', NOW),
  };
}

/** What a refused call must leave as it was. */
const written = async () => [await db.prisma.serviceChangeProposal.count(), await db.prisma.notification.count(), await db.prisma.auditLog.count(), await db.prisma.service.count()];

async function expectAppError(call: Promise<unknown>, code: AppError['code'], message?: string): Promise<AppError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toBe(message);
  return error as AppError;
}

const withSummary = (input: ServiceInput, summary: string): ServiceInput => ({ ...input, summary });

describe('proposeServiceChange', () => {
  it('stores a member’s proposal without changing anything public, and tells every coordinator', async () => {
    const { id: serviceId, slug } = await serviceBySlug('linnean-stodsamtal');
    const before = await publicState(slug);
    const base = await current(serviceId);

    const { id } = await proposeServiceChange(actors.member, { serviceId }, withSummary(base, 'Samtal för dig som lever med våld, nu även kvällstid.'));

    expect(await publicState(slug)).toEqual(before);
    const proposal = await db.prisma.serviceChangeProposal.findUniqueOrThrow({ where: { id } });
    expect(proposal).toMatchObject({ status: 'PENDING', serviceId, organizationId: association, proposedById: userId(actors.member) });
    const payload = proposal.payload as { base: ServiceInput; proposed: ServiceInput; revision: number; baseVersion: string };
    expect(payload.base).toEqual(base);
    expect(payload.proposed.summary).toBe('Samtal för dig som lever med våld, nu även kvällstid.');
    expect(payload.revision).toBe(1);
    expect(payload.baseVersion).toBe((await readServiceInput(db.prisma, serviceId)).version);

    const notifications = await db.prisma.notification.findMany({ where: { dedupeKey: `proposal:${id}:1` } });
    expect(notifications.map((n) => n.userId).sort()).toEqual([...coordinatorIds].sort());
    expect(notifications.every((n) => n.type === 'PROPOSAL_SUBMITTED' && n.url === `/admin/forslag/${id}`)).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: 'proposal.submit', entityId: id } })).toBe(1);

    const markers = await proposalMarkers(actors.member, [serviceId]);
    expect(markers[serviceId]).toEqual({ canPropose: true, isPending: true });
  });

  it('replaces the pending proposal of a service instead of adding a second one, and notifies again', async () => {
    const { id: serviceId } = await serviceBySlug('linnean-stodsamtal');
    const base = await current(serviceId);
    const { id } = await proposeServiceChange(actors.admin, { serviceId }, withSummary(base, 'Samtal för dig som lever med våld, även på helger.'));
    const pending = await db.prisma.serviceChangeProposal.findMany({ where: { serviceId, status: 'PENDING' } });
    expect(pending.map((p) => p.id)).toEqual([id]);
    expect((pending[0]!.payload as { proposed: ServiceInput; revision: number }).proposed.summary).toBe('Samtal för dig som lever med våld, även på helger.');
    expect((pending[0]!.payload as { revision: number }).revision).toBe(2);
    expect(pending[0]!.proposedById).toBe(userId(actors.admin));
    expect(await db.prisma.notification.count({ where: { dedupeKey: `proposal:${id}:2` } })).toBe(coordinatorIds.length);

    // The same proposal again changes nothing and tells no one again.
    const before = await written();
    expect((await proposeServiceChange(actors.admin, { serviceId }, withSummary(base, 'Samtal för dig som lever med våld, även på helger.'))).id).toBe(id);
    expect(await written()).toEqual(before);

    // The form starts from the pending proposal.
    const form = await getProposalForm(actors.member, 'linnean-stodsamtal');
    expect(form.pendingId).toBe(id);
    expect(form.input.summary).toBe('Samtal för dig som lever med våld, även på helger.');
  });

  it('refuses another association’s member, an official, the coordinator and a resident, writing nothing', async () => {
    const { id: serviceId, slug } = await serviceBySlug('linnean-jourtelefon');
    const input = withSummary(await current(serviceId), 'Ett förslag från fel håll.');
    const before = [await written(), await publicState(slug)];
    await expectAppError(proposeServiceChange(actors.otherMember, { serviceId }, input), 'FORBIDDEN');
    await expectAppError(proposeServiceChange(actors.official, { serviceId }, input), 'FORBIDDEN');
    await expectAppError(proposeServiceChange(actors.coordinator, { serviceId }, input), 'FORBIDDEN');
    await expectAppError(proposeServiceChange(ANONYMOUS, { serviceId }, input), 'UNAUTHENTICATED');
    await expectAppError(proposeServiceChange(actors.otherMember, { organizationId: association }, { ...input, name: 'Ny tjänst från fel håll' }), 'FORBIDDEN');
    expect([await written(), await publicState(slug)]).toEqual(before);
  });

  it('refuses moving a service to another organisation, and keeps the status the listing has', async () => {
    const { id: serviceId } = await serviceBySlug('linnean-jourtelefon');
    const base = await current(serviceId);
    const before = await written();
    await expectAppError(proposeServiceChange(actors.member, { serviceId }, { ...base, organizationId: otherAssociation, summary: 'Flyttad.' }), 'FORBIDDEN');
    expect(await written()).toEqual(before);

    const { id } = await proposeServiceChange(actors.member, { serviceId }, { ...withSummary(base, 'Jourtelefonen svarar dygnet runt.'), status: 'INACTIVE', organizationId: '' });
    const payload = (await db.prisma.serviceChangeProposal.findUniqueOrThrow({ where: { id } })).payload as { proposed: ServiceInput };
    expect(payload.proposed.status).toBe(base.status);
    expect(payload.proposed.organizationId).toBe(association);
  });

  it('refuses a proposal identical to the listing, and bad input per field, writing nothing', async () => {
    const { id: serviceId } = await serviceBySlug('linnean-barnsamtal');
    const base = await current(serviceId);
    const before = await written();
    const same = await expectAppError(proposeServiceChange(actors.member, { serviceId }, base), 'INVALID_INPUT', 'nothingChanged');
    expect(same.fieldErrors).toEqual({ form: ['nothingChanged'] });
    const bad = await expectAppError(
      proposeServiceChange(actors.member, { serviceId }, { ...base, name: '', schedules: [{ weekday: 1, opens: '25:00', closes: '12:00', description: '', validFrom: '', validTo: '', locationIndex: null }] }),
      'INVALID_INPUT',
    );
    expect(bad.fieldErrors).toMatchObject({ name: ['required'], 'schedules.0.opens': ['invalidTime'] });
    // A place of another organisation cannot be named.
    const foreign = await db.prisma.location.findFirstOrThrow({ where: { organizationId: otherAssociation }, select: { id: true, name: true } });
    const place = await expectAppError(
      proposeServiceChange(actors.member, { serviceId }, { ...base, locations: [...base.locations, placeOf(foreign)] }),
      'INVALID_INPUT',
    );
    expect(place.fieldErrors).toEqual({ [`locations.${base.locations.length}.id`]: ['notInOrganization'] });
    expect(await written()).toEqual(before);
  });
});

function placeOf(location: { id: string; name: string }) {
  return {
    id: location.id,
    name: location.name,
    description: '',
    addressLine1: '',
    addressLine2: '',
    postalCode: '',
    city: '',
    municipalityId: '',
    latitude: null,
    longitude: null,
    isProtected: false,
    accessibilityDescription: '',
    transportation: '',
    serviceDescription: '',
  };
}

describe('getProposalReview', () => {
  it('lists exactly the changed fields side by side, with readable hours', async () => {
    const { id: serviceId } = await serviceBySlug('linnean-barnsamtal');
    const base = await current(serviceId);
    const { id } = await proposeServiceChange(actors.member, { serviceId }, {
      ...base,
      summary: 'Samtal för barn som har sett våld hemma.',
      schedules: [...base.schedules, { weekday: 1, opens: '09:00', closes: '12:00', description: 'Provtid', validFrom: '', validTo: '', locationIndex: null }],
    });
    const review = await getProposalReview(actors.coordinator, id);
    expect(review.diff.map((d) => d.field)).toEqual(['summary', 'schedules']);
    const summary = review.diff.find((d) => d.field === 'summary')!;
    expect(summary).toMatchObject({ labelKey: 'fields.summary', before: [base.summary], after: ['Samtal för barn som har sett våld hemma.'] });
    const hours = review.diff.find((d) => d.field === 'schedules')!;
    expect(hours.after).toContain('Måndag 09:00–12:00 · Provtid');
    expect(hours.after.filter((line) => !hours.before.includes(line))).toEqual(['Måndag 09:00–12:00 · Provtid']);
    expect(review.changedSince).toEqual({ isChanged: false, fields: [], labelKeys: [] });
    expect(review.isNewService).toBe(false);

    const queue = await listProposals(actors.coordinator, { status: 'PENDING' });
    expect(queue.items.map((i) => i.id)).toContain(id);
    expect(queue.counts.PENDING).toBe(queue.total);

    await expectAppError(getProposalReview(actors.member, id), 'FORBIDDEN');
    await expectAppError(listProposals(actors.admin, {}), 'FORBIDDEN');
    await expectAppError(getProposalReview(actors.coordinator, 'inteettid'), 'NOT_FOUND');
  });
});

describe('rejectProposal', () => {
  it('needs a message, then rejects with it and tells the proposer, leaving the listing as it was', async () => {
    const { id: serviceId, slug } = await serviceBySlug('linnean-barnsamtal');
    const [pending] = await listOwnProposals(actors.member, serviceId);
    expect(pending!.status).toBe('PENDING');
    const before = await publicState(slug);
    const counts = await written();

    const short = await expectAppError(rejectProposal(actors.coordinator, pending!.id, 'Nej'), 'INVALID_INPUT');
    expect(short.fieldErrors).toEqual({ message: ['messageTooShort'] });
    await expectAppError(rejectProposal(actors.member, pending!.id, 'Jag avvisar mitt eget.'), 'FORBIDDEN');
    expect(await written()).toEqual(counts);

    await rejectProposal(actors.coordinator, pending!.id, 'Tiderna krockar med jourtelefonen; hör av er.');
    expect(await publicState(slug)).toEqual(before);
    const row = await db.prisma.serviceChangeProposal.findUniqueOrThrow({ where: { id: pending!.id } });
    expect(row).toMatchObject({ status: 'REJECTED', reviewMessage: 'Tiderna krockar med jourtelefonen; hör av er.', reviewedById: userId(actors.coordinator) });
    const notice = await db.prisma.notification.findFirstOrThrow({ where: { dedupeKey: `proposal:${pending!.id}:reviewed` } });
    expect(notice).toMatchObject({ userId: userId(actors.member), type: 'PROPOSAL_REVIEWED', url: `/konto/tjanster/${slug}` });
    expect(await db.prisma.auditLog.count({ where: { action: 'proposal.reject', entityId: pending!.id } })).toBe(1);

    const [seen] = await listOwnProposals(actors.admin, serviceId);
    expect(seen).toMatchObject({ id: pending!.id, status: 'REJECTED', reviewMessage: 'Tiderna krockar med jourtelefonen; hör av er.' });
    await expectAppError(listOwnProposals(actors.otherMember, serviceId), 'FORBIDDEN');

    await expectAppError(rejectProposal(actors.coordinator, pending!.id, 'En gång till, tack.'), 'CONFLICT', 'alreadyReviewed');
    await expectAppError(approveProposal(actors.coordinator, pending!.id), 'CONFLICT', 'alreadyReviewed');
    expect(await publicState(slug)).toEqual(before);
  });
});

describe('approveProposal', () => {
  it('applies the proposal to the listing and its search document, confirms it and tells the proposer', async () => {
    const { id: serviceId, slug } = await serviceBySlug('linnean-stodsamtal');
    const [pending] = await listOwnProposals(actors.member, serviceId);
    const before = await publicState(slug);
    await expectAppError(approveProposal(actors.admin, pending!.id), 'FORBIDDEN');
    expect(await publicState(slug)).toEqual(before);

    await approveProposal(actors.coordinator, pending!.id);
    const after = await publicState(slug);
    expect(after.service.summary).toBe('Samtal för dig som lever med våld, även på helger.');
    expect(after.page.summary.text).toContain('även på helger');
    expect(after.document!.searchText).toContain('helger');
    expect(after.outbox).toBeGreaterThan(before.outbox);
    expect(after.service.lastConfirmedAt).not.toBeNull();
    expect(after.service.lastConfirmedById).toBe(userId(actors.coordinator));

    const row = await db.prisma.serviceChangeProposal.findUniqueOrThrow({ where: { id: pending!.id } });
    expect(row).toMatchObject({ status: 'APPROVED', reviewedById: userId(actors.coordinator) });
    const notice = await db.prisma.notification.findFirstOrThrow({ where: { dedupeKey: `proposal:${pending!.id}:reviewed` } });
    expect(notice).toMatchObject({ userId: userId(actors.admin), type: 'PROPOSAL_REVIEWED', url: `/konto/tjanster/${slug}` });
    expect(await db.prisma.auditLog.count({ where: { action: 'proposal.approve', entityId: pending!.id } })).toBe(1);
    expect((await proposalMarkers(actors.member, [serviceId]))[serviceId]).toEqual({ canPropose: true, isPending: false });
  });

  it('applies the coordinator’s edited version when editing and approving, refusing bad edits with nothing written', async () => {
    const { id: serviceId, slug } = await serviceBySlug('linnean-jourtelefon');
    const [pending] = await listOwnProposals(actors.member, serviceId);
    const review = await getProposalReview(actors.coordinator, pending!.id);
    const before = [await publicState(slug), await written()];
    const bad = await expectAppError(approveProposal(actors.coordinator, pending!.id, { ...review.effective, summary: '' }, review.currentVersion), 'INVALID_INPUT');
    expect(bad.fieldErrors).toMatchObject({ summary: ['required'] });
    expect([await publicState(slug), await written()]).toEqual(before);
    expect((await db.prisma.serviceChangeProposal.findUniqueOrThrow({ where: { id: pending!.id } })).status).toBe('PENDING');

    await approveProposal(actors.coordinator, pending!.id, { ...review.effective, summary: 'Jourtelefonen svarar dygnet runt, alla dagar.' }, review.currentVersion);
    expect((await current(serviceId)).summary).toBe('Jourtelefonen svarar dygnet runt, alla dagar.');
    expect((await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'proposal.approve', entityId: pending!.id } })).data).toMatchObject({ isEdited: true });
  });

  it('keeps a change the coordinator made after the proposal, and says which fields changed meanwhile', async () => {
    const { id: serviceId } = await serviceBySlug('linnean-foljer-med');
    const base = await current(serviceId);
    const { id } = await proposeServiceChange(actors.member, { serviceId }, withSummary(base, 'Vi följer med till polis, vård och socialtjänst.'));
    const loaded = await readServiceInput(db.prisma, serviceId);
    await updateService(actors.coordinator, serviceId, { ...loaded.input, description: `${loaded.input.description} Ring först.` }, loaded.version);

    const review = await getProposalReview(actors.coordinator, id);
    expect(review.changedSince).toMatchObject({ isChanged: true, fields: ['description'] });
    expect(review.diff.map((d) => d.field)).toEqual(['summary']);
    // The association's form starts from its proposal on top of the listing as it is now.
    const form = await getProposalForm(actors.member, 'linnean-foljer-med');
    expect(form.input.summary).toBe('Vi följer med till polis, vård och socialtjänst.');
    expect(form.input.description).toBe(`${base.description} Ring först.`);

    // An edit form loaded before another change is refused as stale.
    const loadedAgain = await readServiceInput(db.prisma, serviceId);
    await updateService(actors.coordinator, serviceId, { ...loadedAgain.input, alternateName: 'Följeslagarna' }, loadedAgain.version);
    await expectAppError(approveProposal(actors.coordinator, id, review.effective, review.currentVersion), 'CONFLICT', 'stale');

    await approveProposal(actors.coordinator, id);
    const after = await current(serviceId);
    expect(after.summary).toBe('Vi följer med till polis, vård och socialtjänst.');
    expect(after.description).toBe(`${base.description} Ring först.`);
    expect(after.alternateName).toBe('Följeslagarna');
  });

  it('lets only one of two simultaneous approvals apply; the other gets a conflict', async () => {
    const { id: serviceId } = await serviceBySlug('linnean-skyddat-boende');
    const base = await current(serviceId);
    const { id } = await proposeServiceChange(actors.member, { serviceId }, withSummary(base, 'Skyddat boende för kvinnor och barn, även med husdjur.'));
    const outcomes = await Promise.allSettled([approveProposal(actors.coordinator, id), approveProposal(actors.coordinator, id)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).code).toBe('CONFLICT');
    expect(await db.prisma.auditLog.count({ where: { action: 'proposal.approve', entityId: id } })).toBe(1);
    expect(await db.prisma.notification.count({ where: { dedupeKey: `proposal:${id}:reviewed` } })).toBe(1);
  });
});

describe('a proposed new service', () => {
  it('is not public while pending, and approving creates it active and confirmed', async () => {
    const category = await db.prisma.category.findFirstOrThrow({ where: { slug: 'vald-i-nara-relation' }, select: { id: true } });
    const servicesBefore = await db.prisma.service.count();
    const input = { ...emptyServiceInput(''), name: 'Linnéans samtalsgrupp', summary: 'En grupp för att prata om det som hänt.', description: 'Vi träffas varannan torsdag.', primaryCategoryId: category.id, status: 'INACTIVE' };
    const { id } = await proposeServiceChange(actors.member, { organizationId: association }, input);
    expect(await db.prisma.service.count()).toBe(servicesBefore);
    expect(await db.prisma.serviceSearchDocument.count({ where: { name: 'Linnéans samtalsgrupp' } })).toBe(0);
    const own = await listOwnNewServiceProposals(actors.admin);
    expect(own.map((p) => p.id)).toContain(id);
    expect(await listOwnNewServiceProposals(actors.otherMember)).toEqual([]);

    const review = await getProposalReview(actors.coordinator, id);
    expect(review.isNewService).toBe(true);
    expect(review.diff.map((d) => d.field)).toEqual(expect.arrayContaining(['name', 'summary', 'description', 'primaryCategoryId']));
    expect(review.diff.find((d) => d.field === 'name')).toMatchObject({ before: [], after: ['Linnéans samtalsgrupp'] });

    const { serviceId, slug } = await approveProposal(actors.coordinator, id);
    const created = await db.prisma.service.findUniqueOrThrow({ where: { id: serviceId } });
    expect(created).toMatchObject({ name: 'Linnéans samtalsgrupp', organizationId: association, status: 'ACTIVE', lastConfirmedById: userId(actors.coordinator) });
    expect(created.lastConfirmedAt).not.toBeNull();
    expect(await db.prisma.serviceSearchDocument.count({ where: { serviceId } })).toBe(1);
    expect((await getServicePage(ANONYMOUS, slug, 'sv', NOW)).name.text).toBe('Linnéans samtalsgrupp');
    expect((await db.prisma.serviceChangeProposal.findUniqueOrThrow({ where: { id } })).serviceId).toBe(serviceId);
    expect((await db.prisma.notification.findFirstOrThrow({ where: { dedupeKey: `proposal:${id}:reviewed` } })).url).toBe(`/konto/tjanster/${slug}`);
  });
});

const decode = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1] ?? '') : null;
};

/** What a browser would submit for the rendered form (no DOM here: the markup is regular enough). */
function submitted(html: string): FormData {
  const data = new FormData();
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = attr(tag, 'type') ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked=""/.test(tag)) continue;
    data.append(name, attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : ''));
  }
  for (const [, open, body] of html.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
    const name = attr(open ?? '', 'name');
    if (name) data.append(name, decode((body ?? '').replace(/^\n/, '')));
  }
  for (const [, open, body] of html.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attr(open ?? '', 'name');
    if (!name) continue;
    const options = [...(body ?? '').matchAll(/<option\b[^>]*>/g)].map(([o]) => o);
    const chosen = options.find((o) => /\sselected=""/.test(o)) ?? options[0];
    data.append(name, chosen ? (attr(chosen, 'value') ?? '') : '');
  }
  return data;
}

describe('the proposal form', () => {
  it('sent back with only the summary changed proposes only the summary; sent back as it is, nothing', async () => {
    const form = await getProposalForm(actors.admin, 'linnean-stodsamtal');
    expect(form.pendingId).toBeNull();
    const html = renderToStaticMarkup(
      createElement(ServiceForm, {
        mode: 'proposal',
        initial: formValuesOf(form.input),
        options: form.options,
        action: async (state: ServiceFormState) => state,
        hidden: { locale: 'sv', serviceId: form.serviceId, slug: form.slug },
        submitLabel: 'Skicka förslaget',
        messages: sv.ServiceForm as unknown as MessageTree,
        locale: 'sv',
        weekdayNames: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
      }),
    );
    const data = submitted(html);
    expect(data.get('serviceId')).toBe(form.serviceId);
    await expectAppError(proposeServiceChange(actors.admin, { serviceId: form.serviceId }, serviceInputFromForm(data)), 'INVALID_INPUT', 'nothingChanged');

    data.set('summary', 'Stödsamtal för kvinnor, nu även på lördagar.');
    const { id } = await proposeServiceChange(actors.admin, { serviceId: form.serviceId }, serviceInputFromForm(data));
    const review = await getProposalReview(actors.coordinator, id);
    expect(review.diff.map((d) => d.field)).toEqual(['summary']);
  });
});
