/**
 * Writing news: an association's members draft, save, schedule and publish their own posts;
 * the association admin publishes where the association wants approval; the coordinator
 * moderates. Every function takes the actor first and asks the policy before it reads input.
 *
 * States: DRAFT -> (PENDING_APPROVAL) -> SCHEDULED -> PUBLISHED <-> UNPUBLISHED. Each content
 * change bumps `version` (optimistic locking: two tabs or two people cannot overwrite each
 * other silently) and writes a revision; autosaves of one person fold into one revision.
 * A published or scheduled post is never changed by an autosave: the autosave is kept as a
 * revision only, so half-typed text never goes public.
 */
import { z } from 'zod';
import { requireUser, type Actor } from '@/lib/authz/actor';
import { authorize, can, type PostFacts, type PostStatus } from '@/lib/authz/policy';
import { getDb, type Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { foldText } from '@/lib/search/document';
import { checkDocument, documentImageIds, documentText, EMPTY_DOCUMENT, type PostDocument } from './document';
import {
  idSchema,
  intentSchema,
  moderationReasonSchema,
  postErrors,
  postFieldsSchema,
  publishAtSchema,
  publishingModeSchema,
  versionSchema,
  type PostFields,
  type PostIntent,
} from './post-schemas';

type Tx = Prisma.TransactionClient;

/** Autosaves by the same person within this time fold into one revision. */
const AUTOSAVE_FOLD_MS = 30 * 60_000;

export interface PostEventFields {
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  signupUrl: string | null;
  serviceId: string | null;
}

export interface EditablePost {
  id: string;
  slug: string;
  title: string;
  summary: string;
  body: PostDocument;
  status: PostStatus;
  version: number;
  publishAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  moderationReason: string | null;
  topicIds: string[];
  event: PostEventFields | null;
  organization: { id: string; name: string; slug: string; publishingMode: PostFacts['publishingMode'] };
  /** What this actor may do with the post, from the policy. */
  can: { publish: boolean; unpublish: boolean; moderate: boolean };
  /** An autosave newer than the post's content (published and scheduled posts keep them apart). */
  pendingAutosave: { revisionId: string; createdAt: Date } | null;
}

export interface OwnPostRow {
  id: string;
  slug: string;
  title: string;
  status: PostStatus;
  publishAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  moderationReason: string | null;
  isEvent: boolean;
  organizationName: string;
}

export interface RevisionRow {
  id: string;
  version: number;
  title: string;
  reason: 'AUTOSAVE' | 'SAVE' | 'PUBLISH' | 'RESTORE';
  createdAt: Date;
  authorName: string | null;
}

const postFactsSelect = {
  id: true,
  status: true,
  publishAt: true,
  version: true,
  moderationReason: true,
  organizationId: true,
  organization: { select: { newsPublishingMode: true } },
} satisfies Prisma.NewsPostSelect;

type FactsRow = Prisma.NewsPostGetPayload<{ select: typeof postFactsSelect }>;

const factsOf = (row: FactsRow): PostFacts => ({
  organizationId: row.organizationId,
  status: row.status,
  publishingMode: row.organization.newsPublishingMode,
  isModerated: row.moderationReason !== null,
});

async function loadFacts(db: Db | Tx, postId: unknown): Promise<FactsRow> {
  const id = idSchema.safeParse(postId);
  if (!id.success) throw new AppError('NOT_FOUND', 'notFound');
  const row = await db.newsPost.findUnique({ where: { id: id.data }, select: postFactsSelect });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  return row;
}

// ── Reading for the editor ─────────────────────────────────────────────────────────

/** The associations the actor may write news for, by name. */
export async function listWritableOrganizations(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== 'user') return [];
  const ids = actor.memberships.map((m) => m.organizationId).filter((organizationId) => can(actor, 'post.write', { organizationId }));
  if (ids.length === 0) return [];
  const db = await getDb();
  return db.organization.findMany({ where: { id: { in: ids }, isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

/** Every post of the actor's associations, newest change first. */
export async function listOwnPosts(actor: Actor): Promise<OwnPostRow[]> {
  const organizations = await listWritableOrganizations(actor);
  if (organizations.length === 0) return [];
  const db = await getDb();
  const rows = await db.newsPost.findMany({
    where: { organizationId: { in: organizations.map((o) => o.id) } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: 200,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publishAt: true,
      publishedAt: true,
      updatedAt: true,
      moderationReason: true,
      event: { select: { postId: true } },
      organization: { select: { name: true } },
    },
  });
  return rows.map(({ event, organization, ...row }) => ({ ...row, isEvent: event !== null, organizationName: organization.name }));
}

const editableSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  status: true,
  version: true,
  publishAt: true,
  publishedAt: true,
  updatedAt: true,
  moderationReason: true,
  topics: { select: { topicId: true } },
  event: { select: { startsAt: true, endsAt: true, place: true, signupUrl: true, serviceId: true } },
  organization: { select: { id: true, name: true, slug: true, newsPublishingMode: true } },
} satisfies Prisma.NewsPostSelect;

/** The post with what this actor may do with it; the caller has asked the policy. */
async function readEditablePost(db: Db, actor: Actor, facts: FactsRow): Promise<EditablePost> {
  const policyFacts = factsOf(facts);
  const { topics, organization, body: storedBody, ...row } = await db.newsPost.findUniqueOrThrow({ where: { id: facts.id }, select: editableSelect });
  const checked = checkDocument(storedBody);
  // A stored body that no longer passes the allow-list opens empty rather than unsafe.
  const body = checked.ok ? checked.document : EMPTY_DOCUMENT;
  return {
    ...row,
    body,
    topicIds: topics.map((t) => t.topicId),
    organization: { id: organization.id, name: organization.name, slug: organization.slug, publishingMode: organization.newsPublishingMode },
    can: {
      publish: can(actor, 'post.publish', policyFacts),
      unpublish: can(actor, 'post.unpublish', policyFacts),
      moderate: can(actor, 'post.moderate', null),
    },
    pendingAutosave: await findPendingAutosave(db, row.id, { title: row.title, summary: row.summary, body }),
  };
}

/** The post as the editor shows it; FORBIDDEN for another association's post. */
export async function getEditablePost(actor: Actor, postId: unknown): Promise<EditablePost> {
  requireUser(actor);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  authorize(actor, 'post.edit', factsOf(facts));
  return readEditablePost(db, actor, facts);
}

/**
 * The newest autosave that nobody has saved, restored or published by hand since, when its
 * text differs from the post's (a draft's autosave is its text; a published or scheduled
 * post's waits). The worker's publishing of a scheduled post does not count as a decision.
 */
async function findPendingAutosave(
  db: Db,
  postId: string,
  current: { title: string; summary: string; body: PostDocument },
): Promise<EditablePost['pendingAutosave']> {
  const [autosave, decided] = await Promise.all([
    db.newsRevision.findFirst({
      where: { postId, reason: 'AUTOSAVE' },
      orderBy: { version: 'desc' },
      select: { id: true, version: true, createdAt: true, title: true, summary: true, body: true },
    }),
    db.newsRevision.findFirst({
      where: { postId, OR: [{ reason: { in: ['SAVE', 'RESTORE'] } }, { reason: 'PUBLISH', createdById: { not: null } }] },
      orderBy: { version: 'desc' },
      select: { version: true },
    }),
  ]);
  if (!autosave || (decided && decided.version > autosave.version)) return null;
  const checked = checkDocument(autosave.body);
  const isSame =
    autosave.title === current.title &&
    autosave.summary === current.summary &&
    checked.ok &&
    JSON.stringify(checked.document) === JSON.stringify(current.body);
  return isSame ? null : { revisionId: autosave.id, createdAt: autosave.createdAt };
}

export async function listRevisions(actor: Actor, postId: unknown): Promise<RevisionRow[]> {
  requireUser(actor);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  authorize(actor, 'post.edit', factsOf(facts));
  const rows = await db.newsRevision.findMany({
    where: { postId: facts.id },
    orderBy: { version: 'desc' },
    take: 100,
    select: { id: true, version: true, title: true, reason: true, createdAt: true, createdBy: { select: { name: true, email: true } } },
  });
  return rows.map(({ createdBy, ...r }) => ({ ...r, authorName: createdBy ? createdBy.name || createdBy.email : null }));
}

/** One revision's content, for the preview of what a restore would bring back. */
export async function getRevision(actor: Actor, postId: unknown, revisionId: unknown): Promise<{ title: string; summary: string; body: PostDocument; version: number; createdAt: Date }> {
  requireUser(actor);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  authorize(actor, 'post.edit', factsOf(facts));
  const id = idSchema.safeParse(revisionId);
  if (!id.success) throw new AppError('NOT_FOUND', 'notFound');
  const revision = await db.newsRevision.findFirst({
    where: { id: id.data, postId: facts.id },
    select: { title: true, summary: true, body: true, version: true, createdAt: true },
  });
  if (!revision) throw new AppError('NOT_FOUND', 'notFound');
  const checked = checkDocument(revision.body);
  return { ...revision, body: checked.ok ? checked.document : EMPTY_DOCUMENT };
}

// ── Writing ────────────────────────────────────────────────────────────────────────

/** A URL name from the title: folded, dashes between words, unique among posts. */
async function uniqueSlug(tx: Tx, title: string): Promise<string> {
  const base = foldText(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '') || 'nyhet';
  const taken = new Set(
    (await tx.newsPost.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Checks what the fields point at: topics exist, the event's service and the images are the association's own. */
async function checkReferences(tx: Tx, organizationId: string, fields: PostFields): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  if (fields.topicIds.length > 0) {
    const found = await tx.newsTopic.count({ where: { id: { in: fields.topicIds } } });
    if (found !== fields.topicIds.length) fieldErrors.topicIds = ['topicUnknown'];
  }
  if (fields.event?.serviceId) {
    const service = await tx.service.findFirst({ where: { id: fields.event.serviceId, organizationId }, select: { id: true } });
    if (!service) fieldErrors.eventServiceId = ['eventServiceUnknown'];
  }
  const imageIds = documentImageIds(fields.body);
  if (imageIds.length > 0) {
    const own = await tx.mediaAsset.count({ where: { id: { in: imageIds }, organizationId } });
    if (own !== imageIds.length) fieldErrors.body = ['imageSource'];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError('INVALID_INPUT', 'invalid', fieldErrors);
}

/** The folded text search matches posts on, and its full-text vector. */
export async function refreshPostSearch(tx: Pick<Tx, 'newsPost' | '$executeRaw'>, postId: string): Promise<void> {
  const post = await tx.newsPost.findUniqueOrThrow({
    where: { id: postId },
    select: { title: true, summary: true, body: true, organization: { select: { name: true } } },
  });
  const checked = checkDocument(post.body);
  const text = foldText([post.title, post.summary, checked.ok ? documentText(checked.document) : '', post.organization.name].join('\n'));
  await tx.$executeRaw`
    UPDATE "NewsPost" SET "searchText" = ${text}, "searchVector" = to_tsvector('simple', ${text}) WHERE "id" = ${postId}`;
}

async function writeContent(tx: Tx, postId: string, fields: PostFields): Promise<void> {
  await tx.newsPost.update({
    where: { id: postId },
    data: {
      title: fields.title,
      summary: fields.summary,
      body: fields.body as unknown as Prisma.InputJsonValue,
      topics: { deleteMany: {}, create: fields.topicIds.map((topicId) => ({ topicId })) },
    },
  });
  if (fields.event) {
    await tx.newsEvent.upsert({ where: { postId }, create: { postId, ...fields.event }, update: fields.event });
  } else {
    await tx.newsEvent.deleteMany({ where: { postId } });
  }
  await refreshPostSearch(tx, postId);
}

async function addRevision(
  tx: Tx,
  postId: string,
  version: number,
  content: { title: string; summary: string; body: PostDocument },
  reason: RevisionRow['reason'],
  userId: string,
): Promise<void> {
  const data = { title: content.title, summary: content.summary, body: content.body as unknown as Prisma.InputJsonValue };
  if (reason === 'AUTOSAVE') {
    const latest = await tx.newsRevision.findFirst({ where: { postId }, orderBy: { version: 'desc' }, select: { id: true, reason: true, createdById: true, createdAt: true } });
    if (latest?.reason === 'AUTOSAVE' && latest.createdById === userId && Date.now() - latest.createdAt.getTime() < AUTOSAVE_FOLD_MS) {
      await tx.newsRevision.update({ where: { id: latest.id }, data: { ...data, version, createdAt: new Date() } });
      return;
    }
  }
  await tx.newsRevision.create({ data: { postId, version, reason, createdById: userId, ...data } });
}

/** Claims the next version, or CONFLICT when someone saved since the editor loaded. */
async function bumpVersion(tx: Tx, postId: string, expected: number, status: PostStatus): Promise<number> {
  // The state the rights were checked against must still hold: every state change bumps the
  // version, and the state is part of the claim as well.
  const claimed = await tx.newsPost.updateMany({ where: { id: postId, version: expected, status }, data: { version: { increment: 1 } } });
  if (claimed.count === 0) throw new AppError('CONFLICT', 'versionConflict');
  return expected + 1;
}

function audit(tx: Tx, userId: string, action: string, postId: string, organizationId: string, data?: Prisma.InputJsonValue) {
  return tx.auditLog.create({ data: { actorId: userId, action, entityType: 'NewsPost', entityId: postId, organizationId, data } });
}

/** Starts a draft for one of the actor's associations. */
export async function createPost(actor: Actor, organizationId: unknown, input: unknown): Promise<{ id: string; version: number }> {
  const user = requireUser(actor);
  const orgId = idSchema.safeParse(organizationId);
  if (!orgId.success) throw new AppError('FORBIDDEN', 'forbidden');
  authorize(actor, 'post.write', { organizationId: orgId.data });
  const fields = postErrors.parse(postFieldsSchema, input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.findFirst({ where: { id: orgId.data, isActive: true, kind: 'ASSOCIATION' }, select: { id: true } });
    if (!organization) throw new AppError('NOT_FOUND', 'notFound');
    await checkReferences(tx, organization.id, fields);
    const post = await tx.newsPost.create({
      data: {
        organizationId: organization.id,
        authorId: user.userId,
        slug: await uniqueSlug(tx, fields.title),
        title: fields.title,
        summary: fields.summary,
        body: fields.body as unknown as Prisma.InputJsonValue,
        status: 'DRAFT',
      },
      select: { id: true, version: true },
    });
    await writeContent(tx, post.id, fields);
    await addRevision(tx, post.id, post.version, fields, 'SAVE', user.userId);
    await audit(tx, user.userId, 'post.create', post.id, organization.id);
    return post;
  });
}

export interface SaveInput {
  version: unknown;
  fields: unknown;
  intent: unknown;
  /** For 'schedule': the datetime-local value. */
  publishAt?: unknown;
}

/** Which state an intent leads to, and the right it needs beyond editing. */
function nextState(intent: PostIntent, current: PostStatus, facts: PostFacts, actor: Actor): PostStatus {
  switch (intent) {
    case 'save':
      // Changing what residents read needs the right to publish.
      if (current === 'PUBLISHED' || current === 'SCHEDULED') authorize(actor, 'post.publish', facts);
      return current;
    case 'publish':
    case 'schedule':
      // A published post is taken down before it is scheduled again, never by a schedule.
      if (intent === 'schedule' && current === 'PUBLISHED') throw new AppError('CONFLICT', 'notPublishable');
      if (!can(actor, 'post.publish', facts)) throw new AppError('FORBIDDEN', facts.isModerated ? 'moderated' : 'forbidden');
      return intent === 'publish' ? 'PUBLISHED' : 'SCHEDULED';
    case 'submit':
      if (current !== 'DRAFT' && current !== 'UNPUBLISHED') throw new AppError('CONFLICT', 'notPublishable');
      if (facts.isModerated) throw new AppError('FORBIDDEN', 'moderated');
      return 'PENDING_APPROVAL';
    case 'unschedule':
      if (current !== 'SCHEDULED') throw new AppError('CONFLICT', 'notPublishable');
      authorize(actor, 'post.publish', facts);
      return 'DRAFT';
  }
}

/**
 * The editor's buttons: save the fields, and publish, schedule, send for approval or take
 * back a schedule, all in one transaction. Returns the new version for the next save.
 */
export async function savePost(actor: Actor, postId: unknown, input: SaveInput, now = new Date()): Promise<{ version: number; status: PostStatus; slug: string }> {
  const user = requireUser(actor);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  const policyFacts = factsOf(facts);
  authorize(actor, 'post.edit', policyFacts);
  const intent = postErrors.parse(intentSchema, input.intent);
  const version = postErrors.parse(versionSchema, input.version);
  const fields = postErrors.parse(postFieldsSchema, input.fields);
  const publishAt = intent === 'schedule' ? parsePublishAt(input.publishAt, now) : null;
  const status = nextState(intent, facts.status, policyFacts, actor);
  return db.$transaction(async (tx) => {
    await checkReferences(tx, facts.organizationId, fields);
    const newVersion = await bumpVersion(tx, facts.id, version, facts.status);
    await writeContent(tx, facts.id, fields);
    const becomesPublic = status === 'PUBLISHED' && facts.status !== 'PUBLISHED';
    const updated = await tx.newsPost.update({
      where: { id: facts.id },
      data: {
        status,
        // A plain save keeps a scheduled post's time; only 'schedule' sets a new one.
        publishAt: status === 'SCHEDULED' ? (publishAt ?? facts.publishAt) : null,
        ...(becomesPublic ? { publishedAt: now, unpublishedAt: null } : {}),
      },
      select: { slug: true, status: true },
    });
    await addRevision(tx, facts.id, newVersion, fields, becomesPublic ? 'PUBLISH' : 'SAVE', user.userId);
    if (intent !== 'save') {
      await audit(tx, user.userId, `post.${intent}`, facts.id, facts.organizationId, publishAt ? { publishAt: publishAt.toISOString() } : undefined);
    }
    return { version: newVersion, status: updated.status, slug: updated.slug };
  });
}

function parsePublishAt(value: unknown, now: Date): Date {
  const { publishAt: at } = postErrors.parse(z.object({ publishAt: publishAtSchema }), { publishAt: value });
  if (at.getTime() <= now.getTime()) throw new AppError('INVALID_INPUT', 'invalid', { publishAt: ['publishAtPast'] });
  return at;
}

/**
 * The editor's autosave. Drafts take the text directly; a published or scheduled post keeps
 * its public text and the autosave waits as a revision until someone saves or restores it.
 */
export async function autosavePost(actor: Actor, postId: unknown, input: { version: unknown; fields: unknown }): Promise<{ version: number }> {
  const user = requireUser(actor);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  authorize(actor, 'post.edit', factsOf(facts));
  const version = postErrors.parse(versionSchema, input.version);
  const fields = postErrors.parse(postFieldsSchema, input.fields);
  return db.$transaction(async (tx) => {
    await checkReferences(tx, facts.organizationId, fields);
    const newVersion = await bumpVersion(tx, facts.id, version, facts.status);
    const isLive = facts.status === 'PUBLISHED' || facts.status === 'SCHEDULED';
    if (!isLive) await writeContent(tx, facts.id, fields);
    await addRevision(tx, facts.id, newVersion, fields, 'AUTOSAVE', user.userId);
    return { version: newVersion };
  });
}

/** Brings an earlier revision back as the post's content (itself a new revision). */
export async function restoreRevision(actor: Actor, postId: unknown, revisionId: unknown, expectedVersion: unknown): Promise<{ version: number }> {
  const user = requireUser(actor);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  const policyFacts = factsOf(facts);
  authorize(actor, 'post.edit', policyFacts);
  if (facts.status === 'PUBLISHED' || facts.status === 'SCHEDULED') authorize(actor, 'post.publish', policyFacts);
  const version = postErrors.parse(versionSchema, expectedVersion);
  const revision = await getRevision(actor, facts.id, revisionId);
  return db.$transaction(async (tx) => {
    const newVersion = await bumpVersion(tx, facts.id, version, facts.status);
    await tx.newsPost.update({
      where: { id: facts.id },
      data: { title: revision.title, summary: revision.summary, body: revision.body as unknown as Prisma.InputJsonValue },
    });
    await refreshPostSearch(tx, facts.id);
    await addRevision(tx, facts.id, newVersion, revision, 'RESTORE', user.userId);
    await audit(tx, user.userId, 'post.restore', facts.id, facts.organizationId, { fromVersion: revision.version });
    return { version: newVersion };
  });
}

/** The association takes its own published (or scheduled) post down. */
export async function unpublishPost(actor: Actor, postId: unknown, now = new Date()): Promise<void> {
  const user = requireUser(actor);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  authorize(actor, 'post.unpublish', factsOf(facts));
  const changed = await db.$transaction(async (tx) => {
    const result = await tx.newsPost.updateMany({
      where: { id: facts.id, status: { in: ['PUBLISHED', 'SCHEDULED', 'PENDING_APPROVAL'] } },
      data: { status: 'UNPUBLISHED', unpublishedAt: now, publishAt: null, version: { increment: 1 } },
    });
    if (result.count > 0) await audit(tx, user.userId, 'post.unpublish', facts.id, facts.organizationId);
    return result.count;
  });
  if (changed === 0) throw new AppError('CONFLICT', 'notPublishable');
}

/** The coordinator takes any post down with a reason the association sees. */
export async function moderatePost(actor: Actor, postId: unknown, reason: unknown, now = new Date()): Promise<void> {
  const user = requireUser(actor);
  authorize(actor, 'post.moderate', null);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  const text = postErrors.parse(moderationReasonSchema, reason);
  await db.$transaction(async (tx) => {
    await tx.newsPost.update({
      where: { id: facts.id },
      data: { status: 'UNPUBLISHED', unpublishedAt: now, publishAt: null, moderationReason: text, moderatedById: user.userId, version: { increment: 1 } },
    });
    await audit(tx, user.userId, 'post.moderate', facts.id, facts.organizationId, { reason: text, previousStatus: facts.status });
  });
}

/** The coordinator lifts a moderation: the association may publish the post again. */
export async function liftModeration(actor: Actor, postId: unknown): Promise<void> {
  const user = requireUser(actor);
  authorize(actor, 'post.moderate', null);
  const db = await getDb();
  const facts = await loadFacts(db, postId);
  if (facts.moderationReason === null) throw new AppError('CONFLICT', 'conflict');
  await db.$transaction(async (tx) => {
    await tx.newsPost.update({ where: { id: facts.id }, data: { moderationReason: null, moderatedById: null, version: { increment: 1 } } });
    await audit(tx, user.userId, 'post.liftModeration', facts.id, facts.organizationId, { reason: facts.moderationReason });
  });
}

/**
 * The worker's job: publishes every scheduled post whose time has come. The conditional
 * update is the claim, so two workers running at once publish each post exactly once.
 */
export async function publishDuePosts(db: Db, now = new Date()): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const published = await tx.$queryRaw<{ id: string; organizationId: string; version: number; title: string; summary: string; body: unknown }[]>`
      UPDATE "NewsPost"
      SET "status" = 'PUBLISHED', "publishedAt" = "publishAt", "publishAt" = NULL, "unpublishedAt" = NULL,
          "version" = "version" + 1, "updatedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "NewsPost" WHERE "status" = 'SCHEDULED' AND "publishAt" <= ${now}
        ORDER BY "publishAt" LIMIT 100 FOR UPDATE SKIP LOCKED)
      RETURNING "id", "organizationId", "version", "title", "summary", "body"`;
    for (const post of published) {
      await tx.newsRevision.create({
        data: { postId: post.id, version: post.version, title: post.title, summary: post.summary, body: post.body as Prisma.InputJsonValue, reason: 'PUBLISH' },
      });
      await tx.auditLog.create({ data: { action: 'post.publishScheduled', entityType: 'NewsPost', entityId: post.id, organizationId: post.organizationId } });
    }
    return published.map((p) => p.id);
  });
}

/** Whether the association's members publish directly or its admin approves (association admin or coordinator). */
export async function setPublishingMode(actor: Actor, organizationId: unknown, mode: unknown): Promise<void> {
  const user = requireUser(actor);
  const orgId = idSchema.safeParse(organizationId);
  if (!orgId.success) throw new AppError('NOT_FOUND', 'notFound');
  authorize(actor, 'organization.editProfile', { organizationId: orgId.data });
  const value = postErrors.parse(publishingModeSchema, mode);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const organization = await tx.organization.findFirst({ where: { id: orgId.data, kind: 'ASSOCIATION' }, select: { newsPublishingMode: true } });
    if (!organization) throw new AppError('NOT_FOUND', 'notFound');
    if (organization.newsPublishingMode === value) return;
    await tx.organization.update({ where: { id: orgId.data }, data: { newsPublishingMode: value } });
    await tx.auditLog.create({
      data: { actorId: user.userId, action: 'organization.newsPublishingMode', entityType: 'Organization', entityId: orgId.data, organizationId: orgId.data, data: { mode: value } },
    });
  });
}

/** The associations whose publishing setting the actor may change, with the current setting. */
export async function listPublishingSettings(actor: Actor): Promise<{ id: string; name: string; mode: PostFacts['publishingMode'] }[]> {
  if (actor.kind !== 'user') return [];
  const ids = actor.memberships
    .filter((m) => m.role === 'ASSOCIATION_ADMIN')
    .map((m) => m.organizationId)
    .filter((organizationId) => can(actor, 'organization.editProfile', { organizationId }));
  if (ids.length === 0) return [];
  const db = await getDb();
  const rows = await db.organization.findMany({
    where: { id: { in: ids }, kind: 'ASSOCIATION', isActive: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, newsPublishingMode: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, mode: r.newsPublishingMode }));
}

/** The editor's choices: every topic, and the association's own active services for an event. */
export async function listEditorOptions(actor: Actor, organizationId: string): Promise<{ topics: { id: string; name: string }[]; services: { id: string; name: string }[] }> {
  authorize(actor, 'post.write', { organizationId });
  const db = await getDb();
  const [topics, services] = await Promise.all([
    db.newsTopic.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.service.findMany({ where: { organizationId, status: 'ACTIVE' }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { topics, services };
}

// ── Moderation (the coordinator) ───────────────────────────────────────────────────

export interface ModerationRow extends OwnPostRow {
  organizationSlug: string;
}

/** Recent posts of every association that residents see or are about to see. */
export async function listPostsForModeration(actor: Actor): Promise<ModerationRow[]> {
  authorize(actor, 'post.moderate', null);
  const db = await getDb();
  const rows = await db.newsPost.findMany({
    where: { OR: [{ status: { in: ['PUBLISHED', 'SCHEDULED', 'PENDING_APPROVAL'] } }, { moderationReason: { not: null } }] },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: 100,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publishAt: true,
      publishedAt: true,
      updatedAt: true,
      moderationReason: true,
      event: { select: { postId: true } },
      organization: { select: { name: true, slug: true } },
    },
  });
  return rows.map(({ event, organization, ...row }) => ({ ...row, isEvent: event !== null, organizationName: organization.name, organizationSlug: organization.slug }));
}

export interface ModerationLogRow {
  id: string;
  action: 'post.moderate' | 'post.liftModeration';
  createdAt: Date;
  actorName: string | null;
  postId: string;
  postTitle: string | null;
  reason: string | null;
}

/** What the coordinators did to posts, newest first (from the audit log). */
export async function listModerationLog(actor: Actor): Promise<ModerationLogRow[]> {
  authorize(actor, 'moderationLog.read', null);
  const db = await getDb();
  const rows = await db.auditLog.findMany({
    where: { action: { in: ['post.moderate', 'post.liftModeration'] }, entityType: 'NewsPost' },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, action: true, createdAt: true, entityId: true, data: true, actor: { select: { name: true, email: true } } },
  });
  const titles = new Map(
    (await db.newsPost.findMany({ where: { id: { in: rows.map((r) => r.entityId) } }, select: { id: true, title: true } })).map((p) => [p.id, p.title]),
  );
  return rows.map((r) => {
    const data = r.data as { reason?: unknown } | null;
    return {
      id: String(r.id),
      action: r.action as ModerationLogRow['action'],
      createdAt: r.createdAt,
      actorName: r.actor ? r.actor.name || r.actor.email : null,
      postId: r.entityId,
      postTitle: titles.get(r.entityId) ?? null,
      reason: typeof data?.reason === 'string' ? data.reason : null,
    };
  });
}

/** Any post as the coordinator reviews it, rendered through the same allow-list. */
export async function getPostForReview(actor: Actor, postId: unknown): Promise<EditablePost> {
  authorize(actor, 'post.moderate', null);
  const db = await getDb();
  return readEditablePost(db, actor, await loadFacts(db, postId));
}
