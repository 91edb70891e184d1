/**
 * A service's keywords ("också känt som"): the words residents might search with that the
 * service's own text does not use. The coordinator edits them for every service; an
 * association's members and admins for their own association's services ('service.editKeywords').
 * Keywords are indexed for search, so every change goes through the search projection in the
 * same transaction (lib/search/projection.ts).
 */
import type { Actor } from '@/lib/authz/actor';
import { authorize, can } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordServiceChanges } from '@/lib/search/projection';
import {
  KEYWORD_SERVICES_PER_PAGE,
  keywordErrors,
  keywordServiceListSchema,
  keywordUpdateSchema,
  serviceIdSchema,
  serviceSlugSchema,
  type KeywordServiceListInput,
} from './keyword-schemas';

export type ServiceStatusName = 'ACTIVE' | 'INACTIVE' | 'DEFUNCT';

export interface KeywordService {
  id: string;
  slug: string;
  name: string;
  organizationName: string;
  status: ServiceStatusName;
  keywords: string[];
}

export interface KeywordServicePage {
  items: KeywordService[];
  total: number;
  page: number;
  pageCount: number;
  filter: KeywordServiceListInput;
}

const serviceSelect = {
  id: true,
  slug: true,
  name: true,
  status: true,
  keywords: true,
  organization: { select: { id: true, name: true } },
} satisfies Prisma.ServiceSelect;

type ServiceRow = Prisma.ServiceGetPayload<{ select: typeof serviceSelect }>;

const toKeywordService = (s: ServiceRow): KeywordService => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  organizationName: s.organization.name,
  status: s.status,
  keywords: s.keywords,
});

/**
 * Which services the actor may edit keywords for, as a filter: every service for the
 * coordinator, those of the actor's associations for association people, none for others.
 * Asked of the policy per organisation, so the list and the check cannot disagree.
 */
function editableServices(actor: Actor): Prisma.ServiceWhereInput | null {
  if (actor.kind !== 'user') return null;
  // An organisation id no service has: only a rule that holds for every organisation (the
  // coordinator's) lets it through.
  if (can(actor, 'service.editKeywords', { organizationId: '' })) return {};
  const organizationIds = actor.memberships
    .map((m) => m.organizationId)
    .filter((organizationId) => can(actor, 'service.editKeywords', { organizationId }));
  return organizationIds.length > 0 ? { organizationId: { in: organizationIds } } : null;
}

/** The services the actor may edit keywords for, 50 a page, narrowed by a name. */
export async function listKeywordServices(actor: Actor, input: unknown): Promise<KeywordServicePage> {
  const filter = keywordErrors.parse(keywordServiceListSchema, input ?? {});
  const scope = editableServices(actor);
  if (!scope) return { items: [], total: 0, page: 1, pageCount: 1, filter: { ...filter, page: 1 } };
  const db = await getDb();
  const where: Prisma.ServiceWhereInput = {
    ...scope,
    ...(filter.q ? { name: { contains: filter.q, mode: 'insensitive' } } : {}),
  };
  const total = await db.service.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / KEYWORD_SERVICES_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.service.findMany({
    where,
    orderBy: [{ organization: { name: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * KEYWORD_SERVICES_PER_PAGE,
    take: KEYWORD_SERVICES_PER_PAGE,
    select: serviceSelect,
  });
  return { items: rows.map(toKeywordService), total, page, pageCount, filter: { ...filter, page } };
}

/** Whether the actor has any service to edit keywords for (the link on /konto). */
export async function hasKeywordServices(actor: Actor): Promise<boolean> {
  const scope = editableServices(actor);
  if (!scope) return false;
  const db = await getDb();
  return (await db.service.count({ where: scope, take: 1 })) > 0;
}

/** One service for the keyword form; NOT_FOUND for an unknown slug, FORBIDDEN for another association's. */
export async function getKeywordService(actor: Actor, slug: unknown): Promise<KeywordService> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const parsed = serviceSlugSchema.safeParse(slug);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const service = await db.service.findUnique({ where: { slug: parsed.data }, select: serviceSelect });
  if (!service) throw new AppError('NOT_FOUND', 'notFound');
  authorize(actor, 'service.editKeywords', { organizationId: service.organization.id });
  return toKeywordService(service);
}

/**
 * Replaces a service's keywords (0-30, each 2-60 characters, each once regardless of case).
 * The search projection and the outbox row for Meilisearch are written in the same
 * transaction, so search cannot miss the change. Unchanged keywords write nothing.
 */
export async function updateServiceKeywords(actor: Actor, serviceId: unknown, keywords: unknown): Promise<KeywordService> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const id = serviceIdSchema.safeParse(serviceId);
  if (!id.success) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const facts = await db.service.findUnique({ where: { id: id.data }, select: { organizationId: true } });
  if (!facts) throw new AppError('NOT_FOUND', 'notFound');
  // Before the keywords are read: someone else's service is refused whatever they sent.
  authorize(actor, 'service.editKeywords', { organizationId: facts.organizationId });
  const input = keywordErrors.parse(keywordUpdateSchema, { keywords });
  return db.$transaction(async (tx) => {
    const current = await tx.service.findUnique({ where: { id: id.data }, select: serviceSelect });
    if (!current) throw new AppError('NOT_FOUND', 'notFound');
    // The organisation checked above must still be the service's; a move in between is a conflict.
    if (current.organization.id !== facts.organizationId) throw new AppError('CONFLICT', 'conflict');
    const isUnchanged = current.keywords.length === input.keywords.length && current.keywords.every((k, i) => k === input.keywords[i]);
    if (isUnchanged) return toKeywordService(current);
    const updated = await tx.service.update({ where: { id: current.id }, data: { keywords: input.keywords }, select: serviceSelect });
    await recordServiceChanges(tx, [current.id]);
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: 'service.editKeywords',
        entityType: 'Service',
        entityId: current.id,
        organizationId: current.organization.id,
        data: { before: current.keywords, after: input.keywords },
      },
    });
    return toKeywordService(updated);
  });
}
