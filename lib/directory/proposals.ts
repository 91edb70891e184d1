/**
 * Association change proposals (docs/decisions/0019-service-proposals.md): an association's
 * members propose changes to their own listings, or a new service, at /konto/tjanster; the
 * coordinator reviews them at /admin/forslag and approves (as proposed or edited) or rejects
 * with a message. Nothing proposed is public before approval: proposing writes only the
 * proposal, its notifications and an audit row, never the Service tables or the search
 * projection. Approval writes through the editor's one write path (`writeServiceInput`).
 *
 * A proposal's payload is `{ base, baseVersion, proposed, revision }`: the listing as it was
 * when the proposal was made (null for a new service), its version, the proposed input and how
 * many times the pending proposal was replaced. Approval applies the fields the proposal
 * changed (proposed vs base) on top of the listing as it is then, so a coordinator's edit made
 * in between is not silently undone; the review page shows exactly that result.
 */
import { z } from 'zod';
import { requireUser, type Actor } from '@/lib/authz/actor';
import { authorize, can } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { coordinatorIds, notifyUsers } from '@/lib/notifications/issue-events';
import { recordServiceChanges, type Tx } from '@/lib/search/projection';
import { readServiceFormOptions, readServiceInput, writeServiceInput, type ServiceFormOptions } from './service-editor';
import { DIFF_FIELDS, diffServiceInputs, inputKeyOf, linesOf, type DiffField, type DiffNames, type FieldDiff } from './service-diff';
import { parseServiceInput, serviceInputSchema, type ServiceInput } from './service-input';
import {
  PROPOSAL_FILTERS,
  PROPOSALS_PER_PAGE,
  proposalErrors,
  proposalIdSchema,
  proposalListSchema,
  recordIdSchema,
  rejectionSchema,
  type ProposalFilter,
  type ProposalStatus,
} from './proposal-schemas';

/** The coordinator's page of a proposal: where the notification leads. */
export const proposalReviewPath = (id: string) => `/admin/forslag/${id}`;

// ── The payload ────────────────────────────────────────────────────────────────────

interface ProposalPayload {
  base: ServiceInput | null;
  baseVersion: string | null;
  proposed: ServiceInput;
  revision: number;
}

const payloadSchema = z.object({
  base: z.unknown(),
  baseVersion: z.string().nullable(),
  proposed: z.unknown(),
  revision: z.number().int().min(1),
});

/** A stored payload; the proposed input is parsed again (parsing is idempotent), the base is our own read. */
function payloadOf(value: Prisma.JsonValue): ProposalPayload {
  const parsed = payloadSchema.parse(value);
  const proposed = serviceInputSchema.safeParse(parsed.proposed);
  return {
    base: parsed.base === null ? null : (parsed.base as ServiceInput),
    baseVersion: parsed.baseVersion,
    proposed: proposed.success ? proposed.data : (parsed.proposed as ServiceInput),
    revision: parsed.revision,
  };
}

const toJson = (payload: ProposalPayload) => payload as unknown as Prisma.InputJsonValue;

/** The input keys that change together: hours refer to places by their row. */
const KEY_GROUPS: (keyof ServiceInput)[][] = (() => {
  const keys = [...new Set(DIFF_FIELDS.map(inputKeyOf))].filter((k) => k !== 'organizationId' && k !== 'status' && k !== 'locations' && k !== 'schedules');
  return [...keys.map((k) => [k]), ['locations', 'schedules']];
})();

const keyDiffers = (a: ServiceInput, b: ServiceInput, key: keyof ServiceInput) =>
  DIFF_FIELDS.filter((f) => inputKeyOf(f) === key).some((f) => {
    const x = linesOf(a, f).sort();
    const y = linesOf(b, f).sort();
    return x.length !== y.length || x.some((line, i) => line !== y[i]);
  });

/**
 * The listing approval would write: the fields the proposal changed (proposed vs base), the
 * rest as the listing is now. Organisation and status stay the listing's.
 */
export function mergeProposal(base: ServiceInput, proposed: ServiceInput, current: ServiceInput): ServiceInput {
  const merged: Record<string, unknown> = { ...current };
  for (const group of KEY_GROUPS) {
    if (group.some((key) => keyDiffers(base, proposed, key))) for (const key of group) merged[key] = proposed[key];
  }
  return merged as unknown as ServiceInput;
}

// ── Reading facts ──────────────────────────────────────────────────────────────────

const idOf = (value: unknown): string => {
  const parsed = recordIdSchema.safeParse(value);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  return parsed.data;
};

const proposalIdOf = (value: unknown): string => {
  const parsed = proposalIdSchema.safeParse(value);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  return parsed.data;
};

const personName = (user: { name: string; email: string } | null) => (user ? user.name || user.email : null);

/** The organisation's places an input may name must be the organisation's own (the same check approval makes). */
async function checkPlaces(tx: Tx, input: ServiceInput): Promise<void> {
  const ids = input.locations.flatMap((l) => (l.id ? [l.id] : []));
  if (ids.length === 0) return;
  const own = new Set((await tx.location.findMany({ where: { id: { in: ids }, organizationId: input.organizationId }, select: { id: true } })).map((l) => l.id));
  const fieldErrors: Record<string, string[]> = {};
  input.locations.forEach((l, i) => {
    if (l.id && !own.has(l.id)) fieldErrors[`locations.${i}.id`] = ['notInOrganization'];
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError('INVALID_INPUT', 'invalid', fieldErrors);
}

/** Names of everything an input can point at, for the diff's lines. */
async function diffNames(tx: Tx): Promise<DiffNames> {
  const [organizations, categories, targetGroups, attributes, municipalities] = await Promise.all([
    tx.organization.findMany({ select: { id: true, name: true } }),
    tx.category.findMany({ select: { id: true, name: true } }),
    tx.targetGroup.findMany({ select: { id: true, name: true } }),
    tx.attribute.findMany({ select: { id: true, name: true } }),
    tx.municipality.findMany({ select: { id: true, name: true } }),
  ]);
  const map = (rows: { id: string; name: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.name]));
  return { organizations: map(organizations), categories: map(categories), targetGroups: map(targetGroups), attributes: map(attributes), municipalities: map(municipalities) };
}

// ── Proposing (the association) ────────────────────────────────────────────────────

export type ProposalTarget = { serviceId: unknown } | { organizationId: unknown };

/** The organisation part of an input: empty means "the service's own"; another one is a move an association cannot make. */
function checkOrganization(input: unknown, organizationId: string): Record<string, unknown> {
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const given = fields.organizationId;
  if (given !== undefined && given !== '' && given !== organizationId) throw new AppError('FORBIDDEN', 'forbidden');
  return fields;
}

/**
 * Proposes a change to one of the actor's association's services, or a new service for the
 * association. Validated by the service schema (INVALID_INPUT per field); one pending proposal
 * per service: a new one replaces its payload. Refused with INVALID_INPUT ('nothingChanged')
 * when it is the listing as it is. Notifies every coordinator; writes nothing else.
 */
export async function proposeServiceChange(actor: Actor, target: ProposalTarget, input: unknown): Promise<{ id: string }> {
  const user = requireUser(actor);
  const db = await getDb();
  const isNew = 'organizationId' in target;

  // Authorize before reading anything of the input.
  let organizationId: string;
  let serviceId: string | null = null;
  if (isNew) {
    organizationId = idOf(target.organizationId);
    authorize(actor, 'service.propose', { organizationId });
    const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!organization) throw new AppError('NOT_FOUND', 'notFound');
  } else {
    serviceId = idOf(target.serviceId);
    const service = await db.service.findUnique({ where: { id: serviceId }, select: { organizationId: true } });
    if (!service) throw new AppError('NOT_FOUND', 'notFound');
    organizationId = service.organizationId;
    authorize(actor, 'service.propose', { organizationId });
  }
  const fields = checkOrganization(input, organizationId);

  return db.$transaction(async (tx) => {
    let base: Awaited<ReturnType<typeof readServiceInput>> | null = null;
    if (serviceId) {
      // Proposals of one service are made one at a time: the second waits and then replaces.
      await tx.$queryRaw`SELECT "id" FROM "Service" WHERE "id" = ${serviceId} FOR UPDATE`;
      base = await readServiceInput(tx, serviceId);
      if (base.input.organizationId !== organizationId) throw new AppError('CONFLICT', 'conflict');
    }
    // Status and organisation are not the association's to change.
    const proposed = parseServiceInput({ ...fields, organizationId, status: base ? base.input.status : 'ACTIVE' });
    await checkPlaces(tx, proposed);
    if (base && diffServiceInputs(base.input, proposed).length === 0) throw new AppError('INVALID_INPUT', 'nothingChanged', { form: ['nothingChanged'] });

    const pending = serviceId
      ? await tx.serviceChangeProposal.findFirst({ where: { serviceId, organizationId, status: 'PENDING' }, orderBy: { createdAt: 'desc' }, select: { id: true, payload: true } })
      : null;
    const now = new Date();
    let id: string;
    let revision = 1;
    if (pending) {
      const previous = payloadOf(pending.payload);
      // The same proposal sent again (a reload, a second click) changes nothing and tells no one again.
      if (diffServiceInputs(previous.proposed, proposed).length === 0) return { id: pending.id };
      revision = previous.revision + 1;
      id = pending.id;
      await tx.serviceChangeProposal.update({
        where: { id },
        data: { payload: toJson({ base: base?.input ?? null, baseVersion: base?.version ?? null, proposed, revision }), proposedById: user.userId, createdAt: now },
      });
    } else {
      id = (
        await tx.serviceChangeProposal.create({
          data: { serviceId, organizationId, proposedById: user.userId, payload: toJson({ base: base?.input ?? null, baseVersion: base?.version ?? null, proposed, revision }), createdAt: now },
          select: { id: true },
        })
      ).id;
    }
    await notifyUsers(tx, await coordinatorIds(tx), {
      type: 'PROPOSAL_SUBMITTED',
      issueId: null,
      title: proposed.name,
      url: proposalReviewPath(id),
      dedupeKey: `proposal:${id}:${revision}`,
      exceptUserId: user.userId,
    });
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: 'proposal.submit',
        entityType: 'ServiceChangeProposal',
        entityId: id,
        organizationId,
        data: { serviceId, revision, fields: diffServiceInputs(base?.input ?? null, proposed).map((d) => d.field) },
      },
    });
    return { id };
  });
}

/** One of the association's proposals, as the association sees it. */
export interface OwnProposal {
  id: string;
  status: ProposalStatus;
  createdAt: Date;
  reviewedAt: Date | null;
  reviewMessage: string | null;
  proposedByName: string | null;
  /** The proposed name: for a new service, the only name it has. */
  name: string;
  /** The fields the proposal changes, as `Proposals` label keys. */
  changedLabelKeys: string[];
}

const ownSelect = {
  id: true,
  status: true,
  createdAt: true,
  reviewedAt: true,
  reviewMessage: true,
  payload: true,
  proposedBy: { select: { name: true, email: true } },
} satisfies Prisma.ServiceChangeProposalSelect;

function toOwnProposal(row: Prisma.ServiceChangeProposalGetPayload<{ select: typeof ownSelect }>): OwnProposal {
  const payload = payloadOf(row.payload);
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt,
    reviewedAt: row.reviewedAt,
    reviewMessage: row.reviewMessage,
    proposedByName: personName(row.proposedBy),
    name: payload.proposed.name,
    changedLabelKeys: diffServiceInputs(payload.base, payload.proposed).map((d) => d.labelKey),
  };
}

/** The proposals of one service, newest first (the pending one, then past ones with the coordinator's message). */
export async function listOwnProposals(actor: Actor, serviceId: unknown): Promise<OwnProposal[]> {
  const id = idOf(serviceId);
  const db = await getDb();
  const service = await db.service.findUnique({ where: { id }, select: { organizationId: true } });
  if (!service) throw new AppError('NOT_FOUND', 'notFound');
  authorize(actor, 'service.propose', { organizationId: service.organizationId });
  const rows = await db.serviceChangeProposal.findMany({
    where: { serviceId: id, organizationId: service.organizationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 20,
    select: ownSelect,
  });
  return rows.map(toOwnProposal);
}

/** Proposed new services of the actor's associations, newest first: pending ones and those reviewed in the last 90 days. */
export async function listOwnNewServiceProposals(actor: Actor, now = new Date()): Promise<(OwnProposal & { organizationName: string })[]> {
  const organizationIds = proposingOrganizationIds(actor);
  if (organizationIds.length === 0) return [];
  const db = await getDb();
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const rows = await db.serviceChangeProposal.findMany({
    where: { serviceId: null, organizationId: { in: organizationIds }, OR: [{ status: 'PENDING' }, { reviewedAt: { gte: since } }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
    select: { ...ownSelect, organization: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...toOwnProposal(r), organizationName: r.organization.name }));
}

/** The organisations the actor proposes for (asked of the policy per membership). */
function proposingOrganizationIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.memberships.map((m) => m.organizationId))].filter((organizationId) => can(actor, 'service.propose', { organizationId }));
}

/** The associations the actor may propose new services for, by name. */
export async function listProposingOrganizations(actor: Actor): Promise<{ id: string; name: string }[]> {
  const ids = proposingOrganizationIds(actor);
  if (ids.length === 0) return [];
  const db = await getDb();
  return db.organization.findMany({ where: { id: { in: ids }, isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

/** Per service of a list: whether the actor may propose changes to it, and whether a proposal is pending. */
export async function proposalMarkers(actor: Actor, serviceIds: string[]): Promise<Record<string, { canPropose: boolean; isPending: boolean }>> {
  const organizationIds = proposingOrganizationIds(actor);
  if (organizationIds.length === 0 || serviceIds.length === 0) return {};
  const db = await getDb();
  const services = await db.service.findMany({ where: { id: { in: serviceIds }, organizationId: { in: organizationIds } }, select: { id: true, organizationId: true } });
  const pending = new Set(
    (
      await db.serviceChangeProposal.findMany({
        where: { serviceId: { in: services.map((s) => s.id) }, organizationId: { in: organizationIds }, status: 'PENDING' },
        select: { serviceId: true },
      })
    ).map((p) => p.serviceId),
  );
  return Object.fromEntries(services.map((s) => [s.id, { canPropose: true, isPending: pending.has(s.id) }]));
}

/** What the proposal form starts from: the pending proposal, or the listing as it is. */
export interface ProposalFormData {
  serviceId: string;
  slug: string;
  name: string;
  organizationName: string;
  input: ServiceInput;
  /** The pending proposal the form starts from, if any. */
  pendingId: string | null;
  options: ServiceFormOptions;
}

/** A pending proposal on top of the listing as it is now, so sending it again undoes nobody's change made since. */
function startingInput(payload: ProposalPayload, current: ServiceInput): ServiceInput {
  return payload.base ? mergeProposal(payload.base, payload.proposed, current) : payload.proposed;
}

/** The association's form for a service, by slug; NOT_FOUND for an unknown one, FORBIDDEN for another association's. */
export async function getProposalForm(actor: Actor, slug: unknown): Promise<ProposalFormData> {
  const parsed = z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/).safeParse(slug);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const service = await db.service.findUnique({ where: { slug: parsed.data }, select: { id: true, organizationId: true } });
  if (!service) throw new AppError('NOT_FOUND', 'notFound');
  authorize(actor, 'service.propose', { organizationId: service.organizationId });
  const [loaded, pending, options] = await Promise.all([
    readServiceInput(db, service.id),
    db.serviceChangeProposal.findFirst({
      where: { serviceId: service.id, organizationId: service.organizationId, status: 'PENDING' },
      orderBy: { createdAt: 'desc' },
      select: { id: true, payload: true },
    }),
    readServiceFormOptions(db, service.organizationId),
  ]);
  return {
    serviceId: service.id,
    slug: loaded.slug,
    name: loaded.input.name,
    organizationName: loaded.organizationName,
    input: pending ? startingInput(payloadOf(pending.payload), loaded.input) : loaded.input,
    pendingId: pending?.id ?? null,
    options,
  };
}

/** The form's choices for a new service of one of the actor's associations. */
export async function getNewServiceProposalOptions(actor: Actor, organizationId: unknown): Promise<ServiceFormOptions> {
  const id = idOf(organizationId);
  authorize(actor, 'service.propose', { organizationId: id });
  return readServiceFormOptions(await getDb(), id);
}

// ── Reviewing (the coordinator) ────────────────────────────────────────────────────

export interface ProposalListItem {
  id: string;
  status: ProposalStatus;
  createdAt: Date;
  reviewedAt: Date | null;
  name: string;
  isNewService: boolean;
  organizationName: string;
  proposedByName: string | null;
}

export interface ProposalPage {
  items: ProposalListItem[];
  counts: Record<ProposalFilter, number>;
  total: number;
  page: number;
  pageCount: number;
  status: ProposalFilter;
}

/** The queue, 25 a page, filtered by status (pending by default, oldest first); with the count of every status. */
export async function listProposals(actor: Actor, input: unknown): Promise<ProposalPage> {
  authorize(actor, 'proposal.review', null);
  const filter = proposalListSchema.parse(input ?? {});
  const db = await getDb();
  const grouped = await db.serviceChangeProposal.groupBy({ by: ['status'], _count: { _all: true } });
  const counts = Object.fromEntries(PROPOSAL_FILTERS.map((f) => [f, 0])) as Record<ProposalFilter, number>;
  for (const g of grouped) {
    counts[g.status] = g._count._all;
    counts.ALL += g._count._all;
  }
  const total = counts[filter.status];
  const pageCount = Math.max(1, Math.ceil(total / PROPOSALS_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.serviceChangeProposal.findMany({
    where: filter.status === 'ALL' ? {} : { status: filter.status },
    // Pending first; pending ones oldest first (a queue), reviewed ones newest first (a history).
    orderBy: filter.status === 'PENDING' ? [{ createdAt: 'asc' }, { id: 'asc' }] : [{ status: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * PROPOSALS_PER_PAGE,
    take: PROPOSALS_PER_PAGE,
    select: {
      id: true,
      status: true,
      createdAt: true,
      reviewedAt: true,
      serviceId: true,
      payload: true,
      service: { select: { name: true } },
      organization: { select: { name: true } },
      proposedBy: { select: { name: true, email: true } },
    },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      createdAt: r.createdAt,
      reviewedAt: r.reviewedAt,
      name: r.service?.name ?? payloadOf(r.payload).proposed.name,
      isNewService: r.serviceId === null,
      organizationName: r.organization.name,
      proposedByName: personName(r.proposedBy),
    })),
    counts,
    total,
    page,
    pageCount,
    status: filter.status,
  };
}

export interface ProposalReview {
  id: string;
  status: ProposalStatus;
  createdAt: Date;
  reviewedAt: Date | null;
  reviewMessage: string | null;
  reviewedByName: string | null;
  proposedByName: string | null;
  organization: { id: string; name: string };
  /** The listing; null for a proposed new service (or one deleted since). */
  service: { id: string; slug: string; name: string; isActive: boolean } | null;
  isNewService: boolean;
  /** Pending: the listing now against what approval would write. Reviewed: the listing then against the proposal. */
  diff: FieldDiff[];
  /** Whether the listing changed since the proposal was made, and in which fields. */
  changedSince: { isChanged: boolean; fields: DiffField[]; labelKeys: string[] };
  /** What approval would write, for the edit-and-approve form. */
  effective: ServiceInput;
  /** The listing's version now, for the edit-and-approve form's lock. */
  currentVersion: string | null;
}

/** One proposal with its side-by-side diff; NOT_FOUND for an unknown id. */
export async function getProposalReview(actor: Actor, id: unknown): Promise<ProposalReview> {
  authorize(actor, 'proposal.review', null);
  const proposalId = proposalIdOf(id);
  const db = await getDb();
  const row = await db.serviceChangeProposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      status: true,
      createdAt: true,
      reviewedAt: true,
      reviewMessage: true,
      serviceId: true,
      payload: true,
      organization: { select: { id: true, name: true } },
      service: { select: { id: true, slug: true, name: true, status: true } },
      proposedBy: { select: { name: true, email: true } },
      reviewedBy: { select: { name: true, email: true } },
    },
  });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  const payload = payloadOf(row.payload);
  const current = row.service ? await readServiceInput(db, row.service.id) : null;
  const names = await diffNames(db);
  const isPending = row.status === 'PENDING';
  const effective = isPending && current && payload.base ? mergeProposal(payload.base, payload.proposed, current.input) : payload.proposed;
  const changed = isPending && current && payload.base ? diffServiceInputs(payload.base, current.input, names) : [];
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt,
    reviewedAt: row.reviewedAt,
    reviewMessage: row.reviewMessage,
    reviewedByName: personName(row.reviewedBy),
    proposedByName: personName(row.proposedBy),
    organization: row.organization,
    service: row.service ? { id: row.service.id, slug: row.service.slug, name: row.service.name, isActive: row.service.status === 'ACTIVE' } : null,
    isNewService: row.serviceId === null,
    diff: isPending ? diffServiceInputs(current?.input ?? null, effective, names) : diffServiceInputs(payload.base, payload.proposed, names),
    changedSince: {
      isChanged: Boolean(isPending && current && payload.baseVersion && current.version !== payload.baseVersion),
      fields: changed.map((d) => d.field),
      labelKeys: changed.map((d) => d.labelKey),
    },
    effective,
    currentVersion: current?.version ?? null,
  };
}

/** Claims a pending proposal for a decision: the condition makes a second decision, even a concurrent one, write nothing. */
async function claimPending(tx: Tx, id: string, data: Prisma.ServiceChangeProposalUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.serviceChangeProposal.updateMany({ where: { id, status: 'PENDING' }, data });
  if (count !== 1) {
    const exists = await tx.serviceChangeProposal.count({ where: { id } });
    throw exists ? new AppError('CONFLICT', 'alreadyReviewed') : new AppError('NOT_FOUND', 'notFound');
  }
}

/**
 * Approves a pending proposal: as proposed, or as the coordinator edited it (`editedInput`,
 * validated per field; `expectedVersion` is the listing's version the edit form was loaded
 * with). Writes the listing through the editor's write path, stamps it confirmed, and tells
 * the proposer, all in one transaction. CONFLICT ('alreadyReviewed') when someone decided
 * first; CONFLICT ('stale') when the listing changed under the edit form.
 */
export async function approveProposal(actor: Actor, id: unknown, editedInput?: unknown, expectedVersion?: unknown): Promise<{ serviceId: string; slug: string }> {
  authorize(actor, 'proposal.review', null);
  const user = requireUser(actor);
  const proposalId = proposalIdOf(id);
  const db = await getDb();
  const edited = editedInput === undefined ? null : parseServiceInput(editedInput);
  return db.$transaction(async (tx) => {
    const row = await tx.serviceChangeProposal.findUnique({ where: { id: proposalId }, select: { serviceId: true, organizationId: true, proposedById: true, payload: true, status: true } });
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    const now = new Date();
    await claimPending(tx, proposalId, { status: 'APPROVED', reviewedById: user.userId, reviewedAt: now });
    const payload = payloadOf(row.payload);

    let input: ServiceInput;
    let written: { id: string; slug: string; input: ServiceInput };
    if (row.serviceId) {
      await tx.$queryRaw`SELECT "id" FROM "Service" WHERE "id" = ${row.serviceId} FOR UPDATE`;
      const current = await readServiceInput(tx, row.serviceId);
      if (current.input.organizationId !== row.organizationId) throw new AppError('CONFLICT', 'conflict');
      if (edited && typeof expectedVersion === 'string' && expectedVersion !== current.version) throw new AppError('CONFLICT', 'stale', { form: ['stale'] });
      input = edited
        ? { ...edited, organizationId: row.organizationId }
        : payload.base
          ? { ...mergeProposal(payload.base, payload.proposed, current.input), organizationId: row.organizationId, status: current.input.status }
          : payload.proposed;
      // Approving is a confirmation: stamped before the write, so the search document has it.
      await tx.service.update({ where: { id: row.serviceId }, data: { lastConfirmedAt: now, lastConfirmedById: user.userId } });
      written = await writeServiceInput(tx, row.serviceId, input);
      await tx.serviceConfirmationToken.updateMany({ where: { serviceId: row.serviceId, usedAt: null }, data: { usedAt: now } });
    } else {
      input = { ...(edited ?? payload.proposed), organizationId: row.organizationId, status: 'ACTIVE' };
      written = await writeServiceInput(tx, null, input);
      await tx.serviceChangeProposal.update({ where: { id: proposalId }, data: { serviceId: written.id } });
      await tx.service.update({ where: { id: written.id }, data: { lastConfirmedAt: now, lastConfirmedById: user.userId } });
      await recordServiceChanges(tx, [written.id]);
    }

    if (row.proposedById) {
      await notifyUsers(tx, [row.proposedById], {
        type: 'PROPOSAL_REVIEWED',
        issueId: null,
        title: written.input.name,
        url: `/konto/tjanster/${written.slug}`,
        dedupeKey: `proposal:${proposalId}:reviewed`,
        exceptUserId: user.userId,
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: 'proposal.approve',
        entityType: 'ServiceChangeProposal',
        entityId: proposalId,
        organizationId: row.organizationId,
        data: { serviceId: written.id, isNewService: row.serviceId === null, isEdited: edited !== null },
      },
    });
    return { serviceId: written.id, slug: written.slug };
  });
}

/** Rejects a pending proposal with a message to the proposer (5-2000 characters); the listing stays as it is. */
export async function rejectProposal(actor: Actor, id: unknown, message: unknown): Promise<void> {
  authorize(actor, 'proposal.review', null);
  const user = requireUser(actor);
  const proposalId = proposalIdOf(id);
  const { message: reviewMessage } = proposalErrors.parse(rejectionSchema, { message });
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.serviceChangeProposal.findUnique({
      where: { id: proposalId },
      select: { organizationId: true, serviceId: true, proposedById: true, payload: true, service: { select: { slug: true, name: true } } },
    });
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    await claimPending(tx, proposalId, { status: 'REJECTED', reviewMessage, reviewedById: user.userId, reviewedAt: new Date() });
    if (row.proposedById) {
      await notifyUsers(tx, [row.proposedById], {
        type: 'PROPOSAL_REVIEWED',
        issueId: null,
        title: row.service?.name ?? payloadOf(row.payload).proposed.name,
        body: reviewMessage,
        url: row.service ? `/konto/tjanster/${row.service.slug}` : '/konto/tjanster',
        dedupeKey: `proposal:${proposalId}:reviewed`,
        exceptUserId: user.userId,
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: user.userId,
        action: 'proposal.reject',
        entityType: 'ServiceChangeProposal',
        entityId: proposalId,
        organizationId: row.organizationId,
        data: { serviceId: row.serviceId },
      },
    });
  });
}

/** The edit-and-approve form's choices: the proposal's organisation's places. */
export async function getReviewFormOptions(actor: Actor, organizationId: unknown): Promise<ServiceFormOptions> {
  authorize(actor, 'proposal.review', null);
  return readServiceFormOptions(await getDb(), idOf(organizationId));
}
