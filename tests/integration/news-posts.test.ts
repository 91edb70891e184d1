/**
 * News through the data layer: writing (lib/news/posts.ts) and reading as residents do
 * (lib/news/queries.ts). Who may do what, the approval flow, versions and revisions,
 * validation, events, the scheduled-publishing worker, moderation and the public pages.
 *
 * Association A lets its members publish; association B wants its admin to approve. Every
 * post is written through createPost/savePost as the editor would, never by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import { AppError } from '@/lib/errors/app-error';
import { workOnce } from '@/lib/jobs/worker';
import { POSTS_PER_PAGE } from '@/lib/news/post-schemas';
import {
  autosavePost,
  createPost,
  getEditablePost,
  getRevision,
  liftModeration,
  listOwnPosts,
  listRevisions,
  moderatePost,
  publishDuePosts,
  restoreRevision,
  savePost,
  unpublishPost,
} from '@/lib/news/posts';
import { getPublishedPost, listPublishedPosts, listUpcomingEvents, searchPosts } from '@/lib/news/queries';
import { dateTimeLocalValue } from '@/lib/time/zoned';
import { createOrganization, createService, createUser, Lookup } from '@/prisma/seed/factories';
import type { SeedService } from '@/prisma/seed/types';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

// ── The cast ─────────────────────────────────────────────────────────────────────────

type Association = 'A' | 'B';
const WHO = ['anonymous', 'memberA', 'adminA', 'memberB', 'adminB', 'official', 'coordinator'] as const;
type Who = (typeof WHO)[number];

const SLUG = {
  A: 'ankarets-vanner',
  B: 'bryggans-stodforening',
  /** Becomes inactive in the public-read specs. */
  C: 'vilande-foreningen',
  /** Many posts, for paging. */
  P: 'sidornas-forening',
} as const;
type Org = keyof typeof SLUG;

const org = {} as Record<Org, string>;
const actors = {} as Record<Who | 'secondMemberA' | 'adminC' | 'adminP', Actor>;
const ADMIN_OF: Record<Org, keyof typeof actors> = { A: 'adminA', B: 'adminB', C: 'adminC', P: 'adminP' };
let serviceOfA: string;
let serviceOfB: string;
let imageOfA: string;
let imageOfB: string;
let topic: { id: string; slug: string };
let pagingTopic: { id: string; slug: string };

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

const service = (slug: string, organization: string, name: string): SeedService => ({
  slug,
  organization,
  name,
  summary: 'Samtal och stöd.',
  description: 'Samtal och stöd för den som behöver.',
  applicationProcess: 'Ring oss.',
  isFree: true,
  phones: [],
  categories: [],
  targetGroups: [],
  attributes: [],
  languages: ['sv'],
  areas: [],
  schedule: [],
  confirmedDaysAgo: 10,
});

/** An uploaded image as lib/media stores it, without the files (only the row is checked). */
async function imageAsset(organizationId: string, key: string): Promise<string> {
  const asset = await db.prisma.mediaAsset.create({
    data: { organizationId, storageKey: `test/${key}`, mimeType: 'image/webp', byteSize: 12_000, width: 960, height: 640, sha256: key.padEnd(64, '0'), altText: 'Bild' },
    select: { id: true },
  });
  return asset.id;
}

beforeAll(async () => {
  const lookup = new Lookup(db.prisma);
  const now = new Date();
  const association = (slug: string, name: string, mode: 'MEMBERS_PUBLISH' | 'ADMIN_APPROVES') =>
    createOrganization(db.prisma, { slug, kind: 'ASSOCIATION', name, description: 'En förening i nätverket.', newsPublishingMode: mode }, lookup, now);
  org.A = await association(SLUG.A, 'Ankarets vänner', 'MEMBERS_PUBLISH');
  org.B = await association(SLUG.B, 'Bryggans stödförening', 'ADMIN_APPROVES');
  org.C = await association(SLUG.C, 'Vilande föreningen', 'MEMBERS_PUBLISH');
  org.P = await association(SLUG.P, 'Sidornas förening', 'MEMBERS_PUBLISH');
  await createOrganization(db.prisma, { slug: 'exempelby-kommun', kind: 'MUNICIPALITY', name: 'Exempelby kommun', description: 'Kommunen.' }, lookup, now);
  await createOrganization(db.prisma, { slug: 'regionen', kind: 'REGION', name: 'Regionen', description: 'Regionen.' }, lookup, now);

  const people: [keyof typeof actors, string, string, 'MEMBER' | 'ASSOCIATION_ADMIN' | 'OFFICIAL' | 'COORDINATOR'][] = [
    ['memberA', 'medlem.a', SLUG.A, 'MEMBER'],
    ['secondMemberA', 'medlem2.a', SLUG.A, 'MEMBER'],
    ['adminA', 'admin.a', SLUG.A, 'ASSOCIATION_ADMIN'],
    ['memberB', 'medlem.b', SLUG.B, 'MEMBER'],
    ['adminB', 'admin.b', SLUG.B, 'ASSOCIATION_ADMIN'],
    ['adminC', 'admin.c', SLUG.C, 'ASSOCIATION_ADMIN'],
    ['adminP', 'admin.p', SLUG.P, 'ASSOCIATION_ADMIN'],
    ['official', 'tjansteperson', 'exempelby-kommun', 'OFFICIAL'],
    ['coordinator', 'samordnare', 'regionen', 'COORDINATOR'],
  ];
  for (const [key, local, organization, role] of people) {
    const email = `${local}@exempel.example`;
    await createUser(db.prisma, { email, name: key, memberships: [{ organization, role }] }, lookup, null);
    actors[key] = await actorFor(email);
  }
  actors.anonymous = ANONYMOUS;

  serviceOfA = await createService(db.prisma, service('ankarets-samtal', SLUG.A, 'Ankarets samtal'), lookup, now);
  serviceOfB = await createService(db.prisma, service('bryggans-samtal', SLUG.B, 'Bryggans samtal'), lookup, now);
  imageOfA = await imageAsset(org.A, 'ankaret');
  imageOfB = await imageAsset(org.B, 'bryggan');
  topic = await db.prisma.newsTopic.create({ data: { slug: 'aktiviteter', name: 'Aktiviteter' }, select: { id: true, slug: true } });
  pagingTopic = await db.prisma.newsTopic.create({ data: { slug: 'sidtema', name: 'Sidtema' }, select: { id: true, slug: true } });
});

// ── Documents, fields and posts as the editor makes them ─────────────────────────────

type Fields = Record<string, unknown>;

const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const plainDoc = (...paragraphs: string[]) => doc(...paragraphs.map((p) => paragraph(text(p))));
const image = (assetId: string) => ({ type: 'image', attrs: { src: `/media/${assetId}/w960.webp`, alt: 'Deltagare vid fikabordet' } });

let titleCounter = 0;
/** Titles (and so slugs) no other post of this file has. */
const uniqueTitle = (words: string) => `${words} ${++titleCounter}`;

/** The fields the editor shows for a post, as its form would send them back. */
async function editorFields(postId: string): Promise<Fields> {
  const row = await db.prisma.newsPost.findUniqueOrThrow({
    where: { id: postId },
    select: { title: true, summary: true, body: true, topics: { select: { topicId: true } }, event: true },
  });
  const event = row.event;
  return {
    title: row.title,
    summary: row.summary,
    body: row.body,
    topicIds: row.topics.map((t) => t.topicId),
    ...(event
      ? {
          isEvent: true,
          eventStart: dateTimeLocalValue(event.startsAt),
          eventEnd: dateTimeLocalValue(event.endsAt),
          eventPlace: event.place ?? '',
          eventSignupUrl: event.signupUrl ?? '',
          eventServiceId: event.serviceId ?? '',
        }
      : {}),
  };
}

const versionOf = async (postId: string) => (await db.prisma.newsPost.findUniqueOrThrow({ where: { id: postId }, select: { version: true } })).version;
const slugOf = async (postId: string) => (await db.prisma.newsPost.findUniqueOrThrow({ where: { id: postId }, select: { slug: true } })).slug;

/** Presses one of the editor's buttons, with the fields it shows plus `changes`. */
async function press(actor: Actor, postId: string, intent: unknown, changes: Fields = {}, options: { publishAt?: string; now?: Date; version?: unknown } = {}) {
  const version = options.version ?? (await versionOf(postId));
  return savePost(actor, postId, { version, fields: { ...(await editorFields(postId)), ...changes }, intent, publishAt: options.publishAt }, options.now);
}

/** A draft written by the association's admin. */
async function draftOf(association: Org, title = uniqueTitle('Utkast'), fields: Fields = {}): Promise<string> {
  const created = await createPost(actors[ADMIN_OF[association]], org[association], { title, body: plainDoc(`Brödtext till ${title}.`), ...fields });
  return created.id;
}

async function publishedOf(association: Org, title = uniqueTitle('Nyhet'), fields: Fields = {}, now?: Date): Promise<string> {
  const id = await draftOf(association, title, fields);
  await press(actors[ADMIN_OF[association]], id, 'publish', {}, { now });
  return id;
}

async function scheduledOf(association: Org, publishAt: string, now: Date, title = uniqueTitle('Planerad')): Promise<string> {
  const id = await draftOf(association, title);
  await press(actors[ADMIN_OF[association]], id, 'schedule', {}, { publishAt, now });
  return id;
}

const MODERATION_REASON = 'Strider mot nätverkets riktlinjer.';

async function moderatedOf(association: Org): Promise<string> {
  const id = await publishedOf(association);
  await moderatePost(actors.coordinator, id, MODERATION_REASON);
  return id;
}

const postRow = (postId: string) =>
  db.prisma.newsPost.findUniqueOrThrow({
    where: { id: postId },
    select: {
      version: true,
      status: true,
      title: true,
      summary: true,
      body: true,
      publishAt: true,
      publishedAt: true,
      unpublishedAt: true,
      moderationReason: true,
      moderatedById: true,
      authorId: true,
    },
  });

/** Everything a refused call must leave as it was: the association's posts, revisions and audit rows. */
async function footprint(organizationId: string) {
  return {
    posts: await db.prisma.newsPost.findMany({
      where: { organizationId },
      orderBy: { id: 'asc' },
      select: { id: true, version: true, status: true, title: true, body: true, publishAt: true, publishedAt: true, moderationReason: true, updatedAt: true },
    }),
    revisions: await db.prisma.newsRevision.count({ where: { post: { organizationId } } }),
    audit: await db.prisma.auditLog.count({ where: { organizationId } }),
  };
}

interface Failure {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

async function failureOf(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
  }
  throw new Error('expected the call to fail');
}

const auditRows = (postId: string, action: string) =>
  db.prisma.auditLog.findMany({ where: { entityType: 'NewsPost', entityId: postId, action }, orderBy: { id: 'asc' }, select: { actorId: true, data: true } });

// ── Who may do what ──────────────────────────────────────────────────────────────────

const FAR_PUBLISH_AT = '2030-06-01T10:00';

interface Operation {
  /** The association's post in the state the operation starts from (null: no post needed). */
  arrange(association: Association): Promise<string | null>;
  /** Does it as `actor`; returns the post it worked on. */
  act(actor: Actor, association: Association, postId: string | null): Promise<string>;
  /** What an allowed call leaves on that post. */
  leaves: Record<string, unknown>;
}

const draft = (association: Association) => draftOf(association, 'Första versionen');

const OPERATIONS = {
  createPost: {
    arrange: async () => null,
    act: async (actor, association) => (await createPost(actor, org[association], { title: 'Tabellens nya inlägg', body: plainDoc('Ny text.') })).id,
    leaves: { status: 'DRAFT', title: 'Tabellens nya inlägg', version: 1 },
  },
  save: {
    arrange: draft,
    act: async (actor, _association, id) => {
      await press(actor, id!, 'save', { title: 'Ändrad i tabellen' });
      return id!;
    },
    leaves: { status: 'DRAFT', title: 'Ändrad i tabellen' },
  },
  publish: {
    arrange: draft,
    act: async (actor, _association, id) => {
      await press(actor, id!, 'publish');
      return id!;
    },
    leaves: { status: 'PUBLISHED', publishAt: null },
  },
  schedule: {
    arrange: draft,
    act: async (actor, _association, id) => {
      await press(actor, id!, 'schedule', {}, { publishAt: FAR_PUBLISH_AT });
      return id!;
    },
    // 10:00 summer time in Stockholm.
    leaves: { status: 'SCHEDULED', publishAt: new Date('2030-06-01T08:00:00Z') },
  },
  restoreRevision: {
    arrange: async (association) => {
      const id = await draft(association);
      await press(actors[ADMIN_OF[association]], id, 'save', { title: 'Andra versionen' });
      return id;
    },
    act: async (actor, _association, id) => {
      const first = await db.prisma.newsRevision.findFirstOrThrow({ where: { postId: id!, version: 1 }, select: { id: true } });
      await restoreRevision(actor, id, first.id, 2);
      return id!;
    },
    leaves: { status: 'DRAFT', title: 'Första versionen' },
  },
  autosave: {
    arrange: draft,
    act: async (actor, _association, id) => {
      await autosavePost(actor, id, { version: await versionOf(id!), fields: { ...(await editorFields(id!)), title: 'Autosparad rubrik' } });
      return id!;
    },
    leaves: { status: 'DRAFT', title: 'Autosparad rubrik' },
  },
  unpublish: {
    arrange: (association) => publishedOf(association),
    act: async (actor, _association, id) => {
      await unpublishPost(actor, id);
      return id!;
    },
    leaves: { status: 'UNPUBLISHED', moderationReason: null },
  },
  moderate: {
    arrange: (association) => publishedOf(association),
    act: async (actor, _association, id) => {
      await moderatePost(actor, id, MODERATION_REASON);
      return id!;
    },
    leaves: { status: 'UNPUBLISHED', moderationReason: MODERATION_REASON },
  },
  liftModeration: {
    arrange: moderatedOf,
    act: async (actor, _association, id) => {
      await liftModeration(actor, id);
      return id!;
    },
    leaves: { status: 'UNPUBLISHED', moderationReason: null },
  },
} satisfies Record<string, Operation>;
type OperationName = keyof typeof OPERATIONS;

type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const OK: Outcome = 'allowed';
const F: Outcome = 'FORBIDDEN';
const U: Outcome = 'UNAUTHENTICATED';

// A lets members publish, B wants its admin to approve; the official belongs to a municipality.
//                                                anonymous memberA adminA memberB adminB official coordinator
const PERMISSIONS: [OperationName, Association, Outcome[]][] = [
  ['createPost', /*       */ 'A', [U, OK, OK, F, F, F, F]],
  ['createPost', /*       */ 'B', [U, F, F, OK, OK, F, F]],
  ['save', /*             */ 'A', [U, OK, OK, F, F, F, F]],
  ['save', /*             */ 'B', [U, F, F, OK, OK, F, F]],
  ['publish', /*          */ 'A', [U, OK, OK, F, F, F, F]],
  ['publish', /*          */ 'B', [U, F, F, F, OK, F, F]],
  ['schedule', /*         */ 'A', [U, OK, OK, F, F, F, F]],
  ['schedule', /*         */ 'B', [U, F, F, F, OK, F, F]],
  ['restoreRevision', /*  */ 'A', [U, OK, OK, F, F, F, F]],
  ['restoreRevision', /*  */ 'B', [U, F, F, OK, OK, F, F]],
  ['autosave', /*         */ 'A', [U, OK, OK, F, F, F, F]],
  ['autosave', /*         */ 'B', [U, F, F, OK, OK, F, F]],
  ['unpublish', /*        */ 'A', [U, OK, OK, F, F, F, OK]],
  ['unpublish', /*        */ 'B', [U, F, F, F, OK, F, OK]],
  ['moderate', /*         */ 'A', [U, F, F, F, F, F, OK]],
  ['moderate', /*         */ 'B', [U, F, F, F, F, F, OK]],
  ['liftModeration', /*   */ 'A', [U, F, F, F, F, F, OK]],
  ['liftModeration', /*   */ 'B', [U, F, F, F, F, F, OK]],
];

const PERMISSION_CASES = PERMISSIONS.flatMap(([operation, association, outcomes]) =>
  WHO.map((who, i) => ({ operation, association, who, outcome: outcomes[i]! })),
);

describe('news permissions', () => {
  it('has a cell for every operation, association and actor', () => {
    expect(PERMISSIONS.every(([, , outcomes]) => outcomes.length === WHO.length)).toBe(true);
    expect(new Set(PERMISSIONS.map(([operation, association]) => `${operation}/${association}`)).size).toBe(Object.keys(OPERATIONS).length * 2);
  });

  it.each(PERMISSION_CASES)('$operation on association $association by $who: $outcome', async ({ operation, association, who, outcome }) => {
    const op: Operation = OPERATIONS[operation];
    const postId = await op.arrange(association);
    const before = await footprint(org[association]);

    if (outcome !== 'allowed') {
      expect(await failureOf(op.act(actors[who], association, postId))).toMatchObject({ code: outcome });
      expect(await footprint(org[association])).toEqual(before);
      return;
    }

    const id = await op.act(actors[who], association, postId);
    const row = await postRow(id);
    expect(row).toMatchObject(op.leaves);
    const after = await footprint(org[association]);
    if (postId) expect(row.version).toBeGreaterThan(before.posts.find((p) => p.id === postId)!.version);
    // Every change leaves a trace: a revision or an audit row.
    expect(after.revisions + after.audit).toBeGreaterThan(before.revisions + before.audit);
  });
});

describe('association boundaries', () => {
  it('a member of association A cannot create, edit, schedule or restore a post of association B by any request', async () => {
    const member = actors.memberA;
    const draftOfB = await draftOf('B', uniqueTitle('B:s utkast'));
    await press(actors.adminB, draftOfB, 'save', { title: uniqueTitle('B:s andra version') });
    const publishedOfB = await publishedOf('B');
    const revisionOfB = (await db.prisma.newsRevision.findFirstOrThrow({ where: { postId: draftOfB, version: 1 }, select: { id: true } })).id;
    const before = await footprint(org.B);

    const fieldVariants: unknown[] = [
      await editorFields(draftOfB),
      { title: 'Kapad rubrik', body: plainDoc('Kapad text.') },
      { title: '', body: plainDoc('Tom rubrik.') },
      { title: 'Kapad', body: 'inte json' },
      { title: 'Kapad', body: plainDoc('Bild.'), topicIds: ['finnsinte000000000000000'] },
      {},
      null,
      undefined,
    ];
    const calls: [string, () => Promise<unknown>][] = [];
    for (const organizationId of [org.B, org.B.toUpperCase(), ` ${org.B}`, [org.B], { id: org.B }]) {
      for (const fields of fieldVariants) calls.push([`createPost ${JSON.stringify(organizationId)}`, () => createPost(member, organizationId, fields)]);
    }
    for (const postId of [draftOfB, publishedOfB]) {
      const version = await versionOf(postId);
      for (const intent of ['save', 'publish', 'schedule', 'submit', 'unschedule', 'radera', undefined]) {
        for (const fields of fieldVariants) {
          for (const v of [version, version - 1, String(version), 'x']) {
            calls.push([`savePost ${intent}`, () => savePost(member, postId, { version: v, fields, intent, publishAt: FAR_PUBLISH_AT })]);
          }
        }
      }
      for (const fields of fieldVariants) calls.push(['autosavePost', () => autosavePost(member, postId, { version, fields })]);
      for (const revisionId of [revisionOfB, 'finnsinte000000000000000', undefined]) {
        calls.push(['restoreRevision', () => restoreRevision(member, postId, revisionId, version)]);
        calls.push(['getRevision', () => getRevision(member, postId, revisionId)]);
      }
      calls.push(['getEditablePost', () => getEditablePost(member, postId)]);
      calls.push(['listRevisions', () => listRevisions(member, postId)]);
      calls.push(['unpublishPost', () => unpublishPost(member, postId)]);
    }

    for (const [name, call] of calls) {
      expect({ name, ...(await failureOf(call())) }).toMatchObject({ name, code: 'FORBIDDEN' });
    }
    expect(await footprint(org.B)).toEqual(before);
    expect((await listOwnPosts(member)).map((p) => p.id)).not.toContain(draftOfB);
  });

  it('does not let a member bring a revision of another association’s post into their own post', async () => {
    const ownPost = await draftOf('A');
    const postOfB = await draftOf('B', 'Bryggans hemliga utkast');
    const revisionOfB = (await db.prisma.newsRevision.findFirstOrThrow({ where: { postId: postOfB }, select: { id: true } })).id;
    const before = await footprint(org.A);
    expect(await failureOf(restoreRevision(actors.memberA, ownPost, revisionOfB, await versionOf(ownPost)))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(getRevision(actors.memberA, ownPost, revisionOfB))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await footprint(org.A)).toEqual(before);
  });
});

// ── Approval ─────────────────────────────────────────────────────────────────────────

describe('savePost where the association admin approves', () => {
  it('refuses a member’s publish and schedule, sends the member’s submit for approval, and the admin publishes it', async () => {
    const { id } = await createPost(actors.memberB, org.B, { title: uniqueTitle('Medlemmens nyhet'), body: plainDoc('Välkommen på höstmöte.') });
    const before = await footprint(org.B);
    expect(await failureOf(press(actors.memberB, id, 'publish'))).toEqual({ code: 'FORBIDDEN', message: 'forbidden' });
    expect(await failureOf(press(actors.memberB, id, 'schedule', {}, { publishAt: FAR_PUBLISH_AT }))).toEqual({ code: 'FORBIDDEN', message: 'forbidden' });
    expect(await footprint(org.B)).toEqual(before);

    const submitted = await press(actors.memberB, id, 'submit');
    expect(submitted).toMatchObject({ status: 'PENDING_APPROVAL', version: before.posts.find((p) => p.id === id)!.version + 1 });
    expect(await auditRows(id, 'post.submit')).toEqual([{ actorId: userIdOf(actors.memberB), data: null }]);
    expect((await getEditablePost(actors.memberB, id)).can.publish).toBe(false);
    expect((await getEditablePost(actors.adminB, id)).can.publish).toBe(true);
    // Still waiting: the member cannot publish it by pressing publish now either.
    expect(await failureOf(press(actors.memberB, id, 'publish'))).toMatchObject({ code: 'FORBIDDEN' });

    const approvedAt = new Date('2027-02-02T09:30:00Z');
    expect(await press(actors.adminB, id, 'publish', {}, { now: approvedAt })).toMatchObject({ status: 'PUBLISHED' });
    expect(await postRow(id)).toMatchObject({ status: 'PUBLISHED', publishedAt: approvedAt, publishAt: null });
    expect(await db.prisma.newsRevision.findFirst({ where: { postId: id }, orderBy: { version: 'desc' }, select: { reason: true, createdById: true } })).toEqual({
      reason: 'PUBLISH',
      createdById: userIdOf(actors.adminB),
    });
    expect(await auditRows(id, 'post.publish')).toEqual([{ actorId: userIdOf(actors.adminB), data: null }]);
    expect((await getPublishedPost(ANONYMOUS, await slugOf(id))).publishedAt).toEqual(approvedAt);
  });

  it('does not let a member change the text of a published post', async () => {
    const id = await publishedOf('B');
    const before = await footprint(org.B);
    expect(await failureOf(press(actors.memberB, id, 'save', { title: 'Ändrad av medlemmen' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failureOf(press(actors.memberB, id, 'submit'))).toMatchObject({ code: 'CONFLICT', message: 'notPublishable' });
    expect(await failureOf(unpublishPost(actors.memberB, id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await footprint(org.B)).toEqual(before);
  });
});

// ── Versions and revisions ───────────────────────────────────────────────────────────

describe('versions and revisions', () => {
  it('refuses the second of two saves made from the same version, and the second changes nothing', async () => {
    const id = await draftOf('A');
    const version = await versionOf(id);
    expect(await press(actors.memberA, id, 'save', { title: 'Den första sparningen' }, { version })).toMatchObject({ version: version + 1 });
    const before = await footprint(org.A);
    expect(await failureOf(press(actors.adminA, id, 'save', { title: 'Den andra sparningen' }, { version }))).toEqual({ code: 'CONFLICT', message: 'versionConflict' });
    expect(await failureOf(press(actors.adminA, id, 'publish', {}, { version }))).toEqual({ code: 'CONFLICT', message: 'versionConflict' });
    expect(await failureOf(autosavePost(actors.adminA, id, { version, fields: { title: 'Autosparad', body: plainDoc('Text.') } }))).toEqual({
      code: 'CONFLICT',
      message: 'versionConflict',
    });
    expect(await footprint(org.A)).toEqual(before);
    expect(await postRow(id)).toMatchObject({ title: 'Den första sparningen', status: 'DRAFT', version: version + 1 });
  });

  it('lets exactly one of two simultaneous saves from the same version through', async () => {
    const id = await draftOf('A');
    const version = await versionOf(id);
    const results = await Promise.allSettled([
      press(actors.memberA, id, 'save', { title: 'Medlemmens ändring' }, { version }),
      press(actors.adminA, id, 'save', { title: 'Adminens ändring' }, { version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => [(r.reason as AppError).code, (r.reason as AppError).message])).toEqual([['CONFLICT', 'versionConflict']]);
    expect(await versionOf(id)).toBe(version + 1);
    expect(await db.prisma.newsRevision.count({ where: { postId: id } })).toBe(2);
  });

  it('folds one person’s autosaves into one AUTOSAVE revision and starts a new one for someone else', async () => {
    const id = await draftOf('A');
    const autosave = async (actor: Actor, title: string) => autosavePost(actor, id, { version: await versionOf(id), fields: { ...(await editorFields(id)), title } });

    expect(await autosave(actors.memberA, 'Skriver')).toEqual({ version: 2 });
    expect(await autosave(actors.memberA, 'Skriver vidare')).toEqual({ version: 3 });
    const revisions = () => db.prisma.newsRevision.findMany({ where: { postId: id }, orderBy: { version: 'asc' }, select: { version: true, reason: true, title: true, createdById: true } });
    expect(await revisions()).toEqual([
      { version: 1, reason: 'SAVE', title: expect.any(String), createdById: userIdOf(actors.adminA) },
      { version: 3, reason: 'AUTOSAVE', title: 'Skriver vidare', createdById: userIdOf(actors.memberA) },
    ]);
    // A draft takes the autosaved text directly.
    expect(await postRow(id)).toMatchObject({ title: 'Skriver vidare', version: 3 });

    await autosave(actors.secondMemberA, 'Någon annan skriver');
    await autosave(actors.memberA, 'Tillbaka hos den första');
    expect((await revisions()).slice(1)).toEqual([
      { version: 3, reason: 'AUTOSAVE', title: 'Skriver vidare', createdById: userIdOf(actors.memberA) },
      { version: 4, reason: 'AUTOSAVE', title: 'Någon annan skriver', createdById: userIdOf(actors.secondMemberA) },
      { version: 5, reason: 'AUTOSAVE', title: 'Tillbaka hos den första', createdById: userIdOf(actors.memberA) },
    ]);
  });

  it('keeps an autosave of a published post as a revision only, and the editor offers it', async () => {
    const title = uniqueTitle('Publicerad text');
    const id = await publishedOf('A', title, { body: plainDoc('Den publicerade texten.') });
    const before = await postRow(id);
    const saved = await autosavePost(actors.memberA, id, {
      version: before.version,
      fields: { ...(await editorFields(id)), title: 'Halvskriven rubrik', body: plainDoc('Halvskriven text om glasspinnar.') },
    });
    expect(saved).toEqual({ version: before.version + 1 });

    expect(await postRow(id)).toMatchObject({ title, body: before.body, status: 'PUBLISHED', version: before.version + 1 });
    const latest = await db.prisma.newsRevision.findFirstOrThrow({ where: { postId: id }, orderBy: { version: 'desc' }, select: { id: true, reason: true, title: true, createdAt: true } });
    expect(latest).toMatchObject({ reason: 'AUTOSAVE', title: 'Halvskriven rubrik' });
    expect((await getEditablePost(actors.memberA, id)).pendingAutosave).toEqual({ revisionId: latest.id, createdAt: latest.createdAt });
    // Residents still read the published text, and search does not find the half-typed one.
    expect((await getPublishedPost(ANONYMOUS, await slugOf(id))).title).toBe(title);
    expect(await searchPosts(ANONYMOUS, 'glasspinnar', 10)).toEqual([]);

    // Restoring the autosave is how it goes public.
    await restoreRevision(actors.adminA, id, latest.id, await versionOf(id));
    expect(await postRow(id)).toMatchObject({ title: 'Halvskriven rubrik', status: 'PUBLISHED' });
    expect((await getEditablePost(actors.memberA, id)).pendingAutosave).toBeNull();
  });

  it('brings an older revision’s title and body back as a new RESTORE revision', async () => {
    const firstBody = plainDoc('Den första lydelsen av texten.');
    const id = await draftOf('A', 'Första lydelsen', { body: firstBody });
    await press(actors.memberA, id, 'save', { title: 'Andra lydelsen', body: plainDoc('Den andra lydelsen.') });

    const history = await listRevisions(actors.memberA, id);
    expect(history.map((r) => [r.version, r.reason, r.title])).toEqual([
      [2, 'SAVE', 'Andra lydelsen'],
      [1, 'SAVE', 'Första lydelsen'],
    ]);
    const first = history[1]!;
    expect(await getRevision(actors.memberA, id, first.id)).toMatchObject({ title: 'Första lydelsen', body: firstBody, version: 1 });

    expect(await failureOf(restoreRevision(actors.memberA, id, first.id, 1))).toEqual({ code: 'CONFLICT', message: 'versionConflict' });
    expect(await restoreRevision(actors.memberA, id, first.id, 2)).toEqual({ version: 3 });

    expect(await postRow(id)).toMatchObject({ title: 'Första lydelsen', body: firstBody, status: 'DRAFT', version: 3 });
    expect((await listRevisions(actors.memberA, id)).map((r) => [r.version, r.reason, r.title, r.authorName])).toEqual([
      [3, 'RESTORE', 'Första lydelsen', 'memberA'],
      [2, 'SAVE', 'Andra lydelsen', 'memberA'],
      [1, 'SAVE', 'Första lydelsen', 'adminA'],
    ]);
    expect(await auditRows(id, 'post.restore')).toEqual([{ actorId: userIdOf(actors.memberA), data: { fromVersion: 1 } }]);
  });
});

// ── Validation ───────────────────────────────────────────────────────────────────────

interface InvalidCase {
  name: string;
  changes?: () => Fields;
  intent?: string;
  publishAt?: string;
  fieldErrors: Record<string, string[]>;
}

const EVENT_START = '2027-05-01T18:00';

const INVALID_CASES: InvalidCase[] = [
  { name: 'an empty title', changes: () => ({ title: '   ' }), fieldErrors: { title: ['titleRequired'] } },
  {
    name: 'a javascript: link in the body',
    changes: () => ({ body: doc(paragraph(text('Klicka här', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))) }),
    fieldErrors: { body: ['unsafeLink'] },
  },
  {
    name: 'an image uploaded by another association',
    changes: () => ({ body: doc(paragraph(text('Bild:')), image(imageOfB)) }),
    fieldErrors: { body: ['imageSource'] },
  },
  { name: 'an event without a start', changes: () => ({ isEvent: true, eventPlace: 'Föreningslokalen' }), fieldErrors: { eventStart: ['eventStartRequired'] } },
  {
    name: 'an event that ends before it starts',
    changes: () => ({ isEvent: true, eventStart: EVENT_START, eventEnd: '2027-05-01T17:30' }),
    fieldErrors: { eventEnd: ['eventEndBeforeStart'] },
  },
  {
    name: 'an event at another association’s service',
    changes: () => ({ isEvent: true, eventStart: EVENT_START, eventServiceId: serviceOfB }),
    fieldErrors: { eventServiceId: ['eventServiceUnknown'] },
  },
  { name: 'a topic that does not exist', changes: () => ({ topicIds: ['finnsinte000000000000000'] }), fieldErrors: { topicIds: ['topicUnknown'] } },
  { name: 'a publication time in the past', intent: 'schedule', publishAt: '2020-01-01T10:00', fieldErrors: { publishAt: ['publishAtPast'] } },
  { name: 'an intent the editor does not have', intent: 'delete', fieldErrors: { form: ['invalid'] } },
];

describe('savePost validation', () => {
  let postId: string;
  beforeAll(async () => {
    postId = await draftOf('A');
  });

  it.each(INVALID_CASES)('refuses $name and changes nothing', async ({ changes, intent, publishAt, fieldErrors }) => {
    const before = await footprint(org.A);
    expect(await failureOf(press(actors.memberA, postId, intent ?? 'save', changes?.() ?? {}, { publishAt }))).toEqual({ code: 'INVALID_INPUT', message: 'invalid', fieldErrors });
    expect(await footprint(org.A)).toEqual(before);
  });

  it.each(INVALID_CASES.filter((c) => !c.intent))('refuses $name when a post is created, and creates nothing', async ({ changes, fieldErrors }) => {
    const before = await footprint(org.A);
    const input = { title: 'Ny nyhet', body: plainDoc('Text.'), ...changes!() };
    expect(await failureOf(createPost(actors.memberA, org.A, input))).toEqual({ code: 'INVALID_INPUT', message: 'invalid', fieldErrors });
    expect(await footprint(org.A)).toEqual(before);
  });

  it('accepts the association’s own image, service and topics, and a body sent as JSON text', async () => {
    const body = doc(paragraph(text('Bilder från '), text('sommarfesten', [{ type: 'bold' }])), image(imageOfA));
    const { id } = await createPost(actors.memberA, org.A, {
      title: '  Sommarfesten  ',
      summary: 'Bilder och tack.',
      body: JSON.stringify(body),
      topicIds: [topic.id, topic.id],
      isEvent: true,
      eventStart: EVENT_START,
      eventPlace: 'Parken',
      eventSignupUrl: 'https://exempel.example/anmalan',
      eventServiceId: serviceOfA,
    });
    expect(await postRow(id)).toMatchObject({ title: 'Sommarfesten', summary: 'Bilder och tack.', body, status: 'DRAFT', authorId: userIdOf(actors.memberA) });
    expect(await editorFields(id)).toMatchObject({ topicIds: [topic.id], eventServiceId: serviceOfA, eventSignupUrl: 'https://exempel.example/anmalan' });
  });
});

// ── Events ───────────────────────────────────────────────────────────────────────────

describe('events', () => {
  it('stores the Stockholm wall-clock time of an event as UTC, in summer and in winter', async () => {
    const summer = await draftOf('A', uniqueTitle('Midsommarfika'), { isEvent: true, eventStart: '2027-07-01T18:00', eventEnd: '2027-07-01T21:00', eventPlace: 'Parken' });
    const winter = await draftOf('A', uniqueTitle('Vinterfika'), { isEvent: true, eventStart: '2027-01-15T18:00', eventPlace: 'Lokalen' });
    const eventOf = (postId: string) => db.prisma.newsEvent.findUniqueOrThrow({ where: { postId }, select: { startsAt: true, endsAt: true, place: true } });
    expect(await eventOf(summer)).toEqual({ startsAt: new Date('2027-07-01T16:00:00Z'), endsAt: new Date('2027-07-01T19:00:00Z'), place: 'Parken' });
    expect(await eventOf(winter)).toEqual({ startsAt: new Date('2027-01-15T17:00:00Z'), endsAt: null, place: 'Lokalen' });
    // The editor shows the same wall-clock time again.
    expect(await editorFields(summer)).toMatchObject({ eventStart: '2027-07-01T18:00', eventEnd: '2027-07-01T21:00' });
  });

  it('lists published events that have not ended yet, soonest first, and nothing else', async () => {
    const now = new Date('2027-03-01T12:00:00Z');
    const event = (start: string, end = '') => ({ isEvent: true, eventStart: start, eventEnd: end, eventPlace: 'Lokalen' });
    const future = await publishedOf('A', uniqueTitle('Kommande träff'), event('2027-07-01T18:00'));
    const ongoing = await publishedOf('A', uniqueTitle('Pågående utställning'), event('2027-02-27T10:00', '2027-03-03T16:00'));
    const past = await publishedOf('A', uniqueTitle('Förra träffen'), event('2027-01-15T18:00'));
    const unpublished = await publishedOf('A', uniqueTitle('Inställd träff'), event('2027-07-02T18:00'));
    await unpublishPost(actors.adminA, unpublished);
    const unpublishedDraft = await draftOf('A', uniqueTitle('Planerad träff'), event('2027-07-03T18:00'));
    const otherAssociation = await publishedOf('B', uniqueTitle('Bryggans träff'), event('2027-07-04T18:00'));
    const mine = new Set(await Promise.all([future, ongoing, past, unpublished, unpublishedDraft, otherAssociation].map(slugOf)));

    const listed = (await listUpcomingEvents(ANONYMOUS, 100, now)).filter((e) => mine.has(e.slug));
    expect(listed.map((e) => e.slug)).toEqual(await Promise.all([ongoing, future, otherAssociation].map(slugOf)));
    expect(listed[1]).toMatchObject({ startsAt: new Date('2027-07-01T16:00:00Z'), endsAt: null, place: 'Lokalen', organization: { slug: SLUG.A, name: 'Ankarets vänner' } });

    const ofA = (await listUpcomingEvents(ANONYMOUS, 100, now, SLUG.A)).filter((e) => mine.has(e.slug));
    expect(ofA.map((e) => e.slug)).toEqual(await Promise.all([ongoing, future].map(slugOf)));
  });
});

// ── The scheduled-publishing worker ──────────────────────────────────────────────────

describe('publishDuePosts', () => {
  const MINUTE = 60_000;

  /** Exactly one PUBLISH revision (by nobody: the worker) and one audit row per post. */
  async function expectPublishedOnceByWorker(postId: string, at: Date) {
    const row = await db.prisma.newsPost.findUniqueOrThrow({ where: { id: postId }, select: { status: true, publishedAt: true, publishAt: true, version: true } });
    expect(row).toMatchObject({ status: 'PUBLISHED', publishedAt: at, publishAt: null });
    expect(await db.prisma.newsRevision.findMany({ where: { postId, reason: 'PUBLISH' }, select: { version: true, createdById: true } })).toEqual([
      { version: row.version, createdById: null },
    ]);
    expect(await auditRows(postId, 'post.publishScheduled')).toEqual([{ actorId: null, data: null }]);
  }

  it('publishes each due post exactly once, at its scheduled time, however many workers run at once', async () => {
    const now = new Date('2027-03-10T09:00:00Z');
    const dueAt = new Date(now.getTime() + MINUTE);
    const first = await scheduledOf('A', dateTimeLocalValue(dueAt), now);
    const second = await scheduledOf('B', dateTimeLocalValue(dueAt), now);
    const notYet = await scheduledOf('A', dateTimeLocalValue(new Date(now.getTime() + 60 * MINUTE)), now);
    expect(await postRow(first)).toMatchObject({ status: 'SCHEDULED', publishAt: dueAt, publishedAt: null });
    expect(await auditRows(first, 'post.schedule')).toEqual([{ actorId: userIdOf(actors.adminA), data: { publishAt: dueAt.toISOString() } }]);

    const later = new Date(now.getTime() + 2 * MINUTE);
    const runs = await Promise.all([publishDuePosts(db.prisma, later), publishDuePosts(db.prisma, later)]);
    runs.push(await publishDuePosts(db.prisma, later));
    const published = runs.flat().filter((id) => [first, second, notYet].includes(id));
    expect(published.sort()).toEqual([first, second].sort());

    await expectPublishedOnceByWorker(first, dueAt);
    await expectPublishedOnceByWorker(second, dueAt);
    expect(await postRow(notYet)).toMatchObject({ status: 'SCHEDULED', publishAt: new Date(now.getTime() + 60 * MINUTE), publishedAt: null });
    expect((await getPublishedPost(ANONYMOUS, await slugOf(first))).publishedAt).toEqual(dueAt);
  });

  it('publishes through the worker’s pass (workOnce), once', async () => {
    const now = new Date('2027-04-10T08:00:00Z');
    const dueAt = new Date(now.getTime() + MINUTE);
    const id = await scheduledOf('A', dateTimeLocalValue(dueAt), now);
    const later = new Date(now.getTime() + 2 * MINUTE);
    expect(await workOnce(db.prisma, null, later)).toBe(false);
    expect(await workOnce(db.prisma, null, later)).toBe(false);
    await expectPublishedOnceByWorker(id, dueAt);
  });

  it('leaves a post whose schedule was taken back', async () => {
    const now = new Date('2027-05-10T08:00:00Z');
    const id = await scheduledOf('A', dateTimeLocalValue(new Date(now.getTime() + MINUTE)), now);
    expect(await press(actors.memberA, id, 'unschedule', {}, { now })).toMatchObject({ status: 'DRAFT' });
    expect(await postRow(id)).toMatchObject({ status: 'DRAFT', publishAt: null });
    expect(await publishDuePosts(db.prisma, new Date(now.getTime() + 2 * MINUTE))).not.toContain(id);
    expect(await postRow(id)).toMatchObject({ status: 'DRAFT', publishedAt: null });
  });

  it('keeps the publication time when a scheduled post is saved, so the worker still publishes it', async () => {
    const now = new Date('2027-06-10T08:00:00Z');
    const dueAt = new Date(now.getTime() + MINUTE);
    const id = await scheduledOf('A', dateTimeLocalValue(dueAt), now);
    // The editor's "Save" button on a scheduled post (a typo fixed before it goes out).
    expect(await press(actors.adminA, id, 'save', { title: 'Rättad rubrik före publicering' }, { now })).toMatchObject({ status: 'SCHEDULED' });
    // BUG (lib/news/posts.ts, savePost): `publishAt: status === 'SCHEDULED' ? publishAt : null` uses the
    // request's publishAt, which is null for every intent but 'schedule', so saving a scheduled post
    // leaves it SCHEDULED with publishAt NULL and publishDuePosts never publishes it.
    expect(await postRow(id), 'savePost(intent "save") cleared publishAt of a SCHEDULED post').toMatchObject({ status: 'SCHEDULED', publishAt: dueAt });
    await publishDuePosts(db.prisma, new Date(now.getTime() + 2 * MINUTE));
    await expectPublishedOnceByWorker(id, dueAt);
  });

  it('keeps offering an autosave made while the post was scheduled after the worker publishes it', async () => {
    const now = new Date('2027-08-10T08:00:00Z');
    const id = await scheduledOf('A', dateTimeLocalValue(new Date(now.getTime() + MINUTE)), now);
    await autosavePost(actors.memberA, id, { version: await versionOf(id), fields: { ...(await editorFields(id)), title: 'Ändring som väntar' } });
    const autosave = await db.prisma.newsRevision.findFirstOrThrow({ where: { postId: id, reason: 'AUTOSAVE' }, select: { id: true, createdAt: true } });
    expect((await getEditablePost(actors.memberA, id)).pendingAutosave).toEqual({ revisionId: autosave.id, createdAt: autosave.createdAt });

    await publishDuePosts(db.prisma, new Date(now.getTime() + 2 * MINUTE));
    // The worker published the scheduled text, not the autosave: the autosave is still newer than the content.
    expect(await postRow(id)).toMatchObject({ status: 'PUBLISHED', title: expect.stringContaining('Planerad') });
    // BUG (lib/news/posts.ts, getEditablePost): pendingAutosave is only reported while the newest revision is
    // the AUTOSAVE; the worker's PUBLISH revision now comes after it, so the editor no longer offers it.
    expect((await getEditablePost(actors.memberA, id)).pendingAutosave, 'the autosave of a scheduled post is no longer offered after the worker published the post').toEqual({
      revisionId: autosave.id,
      createdAt: autosave.createdAt,
    });
  });
});

// ── Moderation ───────────────────────────────────────────────────────────────────────

describe('moderatePost and liftModeration', () => {
  it('takes a post down with a reason the association sees, and the association publishes again only after the coordinator lifts it', async () => {
    const id = await publishedOf('A', uniqueTitle('Omstritt inlägg'));
    const slug = await slugOf(id);
    const at = new Date('2027-05-05T12:00:00Z');
    const reason = 'Innehåller uppgifter om en enskild person.';
    await moderatePost(actors.coordinator, id, `  ${reason}  `, at);

    expect(await postRow(id)).toMatchObject({ status: 'UNPUBLISHED', moderationReason: reason, moderatedById: userIdOf(actors.coordinator), unpublishedAt: at, publishAt: null });
    expect(await failureOf(getPublishedPost(ANONYMOUS, slug))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditRows(id, 'post.moderate')).toEqual([{ actorId: userIdOf(actors.coordinator), data: { reason, previousStatus: 'PUBLISHED' } }]);

    // The association sees why.
    expect((await listOwnPosts(actors.memberA)).find((p) => p.id === id)).toMatchObject({ status: 'UNPUBLISHED', moderationReason: reason });
    expect(await getEditablePost(actors.memberA, id)).toMatchObject({ moderationReason: reason, can: { publish: false } });

    // ...but cannot put it back: not the admin, not a member, not by scheduling.
    const before = await footprint(org.A);
    for (const actor of [actors.adminA, actors.memberA]) {
      expect(await failureOf(press(actor, id, 'publish'))).toEqual({ code: 'FORBIDDEN', message: 'moderated' });
      expect(await failureOf(press(actor, id, 'schedule', {}, { publishAt: FAR_PUBLISH_AT }))).toEqual({ code: 'FORBIDDEN', message: 'moderated' });
      expect(await failureOf(press(actor, id, 'submit'))).toEqual({ code: 'FORBIDDEN', message: 'moderated' });
    }
    expect(await footprint(org.A)).toEqual(before);

    // It may correct the post meanwhile.
    await press(actors.memberA, id, 'save', { title: 'Rättat inlägg' });

    await liftModeration(actors.coordinator, id);
    expect(await postRow(id)).toMatchObject({ status: 'UNPUBLISHED', moderationReason: null, moderatedById: null });
    expect(await auditRows(id, 'post.liftModeration')).toEqual([{ actorId: userIdOf(actors.coordinator), data: { reason } }]);
    expect((await getEditablePost(actors.memberA, id)).can.publish).toBe(true);
    expect(await press(actors.memberA, id, 'publish')).toMatchObject({ status: 'PUBLISHED' });
    expect((await getPublishedPost(ANONYMOUS, slug)).title).toBe('Rättat inlägg');
  });

  it('refuses a reason shorter than five characters and changes nothing', async () => {
    const id = await publishedOf('A');
    const before = await footprint(org.A);
    for (const reason of ['', 'kort', '   abc   ', undefined, null]) {
      expect(await failureOf(moderatePost(actors.coordinator, id, reason))).toEqual({ code: 'INVALID_INPUT', message: 'invalid', fieldErrors: { form: ['reasonRequired'] } });
    }
    expect(await footprint(org.A)).toEqual(before);
  });

  it('refuses to lift a moderation that is not there', async () => {
    const id = await publishedOf('A');
    expect(await failureOf(liftModeration(actors.coordinator, id))).toMatchObject({ code: 'CONFLICT' });
  });
});

// ── What residents read ──────────────────────────────────────────────────────────────

describe('getPublishedPost', () => {
  it('returns the published post with its body rendered to HTML', async () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Program')] },
      paragraph(text('Fika och '), text('samtal', [{ type: 'bold' }]), text(', läs mer på '), text('vår sida', [{ type: 'link', attrs: { href: 'https://exempel.example/program' } }]), text('.')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Kl. 18 <öppnar> vi & fikar'))] }] },
    );
    const title = uniqueTitle('Höstens program');
    const id = await publishedOf('A', title, { summary: 'Vad vi gör i höst.', body, topicIds: [topic.id] }, new Date('2027-09-01T10:00:00Z'));
    expect(await getPublishedPost(ANONYMOUS, await slugOf(id))).toMatchObject({
      title,
      summary: 'Vad vi gör i höst.',
      publishedAt: new Date('2027-09-01T10:00:00Z'),
      organization: { slug: SLUG.A, name: 'Ankarets vänner' },
      topics: [{ slug: topic.slug, name: 'Aktiviteter' }],
      event: null,
      html:
        '<h2>Program</h2>' +
        '<p>Fika och <strong>samtal</strong>, läs mer på <a href="https://exempel.example/program" rel="noopener noreferrer nofollow">vår sida</a>.</p>' +
        '<ul><li><p>Kl. 18 &lt;öppnar&gt; vi &amp; fikar</p></li></ul>',
    });
  });

  it('answers NOT_FOUND for drafts, scheduled, unpublished and moderated posts and for an inactive association, whoever asks', async () => {
    const unpublished = await publishedOf('A');
    await unpublishPost(actors.adminA, unpublished);
    const ofInactive = await publishedOf('C', uniqueTitle('Sista nyheten om kanotpaddling'));
    const posts = {
      draft: await draftOf('A'),
      scheduled: await scheduledOf('A', FAR_PUBLISH_AT, new Date()),
      pending: await draftOf('B'),
      unpublished,
      moderated: await moderatedOf('A'),
      ofInactive,
    };
    expect(await press(actors.memberB, posts.pending, 'submit')).toMatchObject({ status: 'PENDING_APPROVAL' });
    expect((await getPublishedPost(ANONYMOUS, await slugOf(ofInactive))).title).toContain('kanotpaddling');
    await db.prisma.organization.update({ where: { id: org.C }, data: { isActive: false } });

    for (const [state, id] of Object.entries(posts)) {
      const slug = await slugOf(id);
      for (const who of ['anonymous', 'memberA', 'adminA', 'memberB', 'coordinator'] as const) {
        expect({ state, who, ...(await failureOf(getPublishedPost(actors[who], slug))) }).toMatchObject({ state, who, code: 'NOT_FOUND' });
      }
    }
    for (const slug of ['', 'Stora-Bokstäver', '../etc', 'a'.repeat(121), 42, null]) {
      expect(await failureOf(getPublishedPost(ANONYMOUS, slug))).toMatchObject({ code: 'NOT_FOUND' });
    }
    // Nor anywhere else residents look.
    expect((await listPublishedPosts(ANONYMOUS, { organization: SLUG.C })).total).toBe(0);
    expect(await searchPosts(ANONYMOUS, 'kanotpaddling', 10)).toEqual([]);
  });
});

describe('listPublishedPosts', () => {
  const COUNT = POSTS_PER_PAGE + 2;
  /** Slugs of association P's posts, newest first. */
  let newestFirst: string[];
  let withTopic: string[];
  let topicOfA: string;

  beforeAll(async () => {
    const slugs: string[] = [];
    const tagged: string[] = [];
    for (let i = 0; i < COUNT; i += 1) {
      const isTagged = i % 3 === 0;
      const id = await publishedOf('P', uniqueTitle('Sidnyhet'), isTagged ? { topicIds: [pagingTopic.id] } : {}, new Date(Date.UTC(2027, 1, 1, i)));
      slugs.push(await slugOf(id));
      if (isTagged) tagged.push(slugs.at(-1)!);
    }
    await draftOf('P', uniqueTitle('Sidutkast'), { topicIds: [pagingTopic.id] });
    topicOfA = await slugOf(await publishedOf('A', uniqueTitle('Ankarets sidnyhet'), { topicIds: [pagingTopic.id] }, new Date(Date.UTC(2027, 0, 1))));
    newestFirst = slugs.reverse();
    withTopic = tagged.reverse();
  });

  it('lists an association’s published posts, newest first, a page at a time', async () => {
    const page1 = await listPublishedPosts(ANONYMOUS, { organization: SLUG.P });
    expect(page1).toMatchObject({ total: COUNT, page: 1, pageCount: 2, filter: { organization: SLUG.P, page: 1 } });
    expect(page1.items.map((p) => p.slug)).toEqual(newestFirst.slice(0, POSTS_PER_PAGE));
    expect(page1.items.every((p) => p.organization.slug === SLUG.P)).toBe(true);

    // As the query string sends it.
    const page2 = await listPublishedPosts(ANONYMOUS, { organization: SLUG.P, page: '2' });
    expect(page2).toMatchObject({ total: COUNT, page: 2, pageCount: 2 });
    expect(page2.items.map((p) => p.slug)).toEqual(newestFirst.slice(POSTS_PER_PAGE));

    // A page past the end shows the last one.
    expect((await listPublishedPosts(ANONYMOUS, { organization: SLUG.P, page: '99' })).items.map((p) => p.slug)).toEqual(newestFirst.slice(POSTS_PER_PAGE));
  });

  it('narrows by topic, alone and with an association', async () => {
    const byTopic = await listPublishedPosts(ANONYMOUS, { topic: pagingTopic.slug });
    expect(byTopic.items.map((p) => p.slug)).toEqual([...withTopic, topicOfA]);
    expect(byTopic.total).toBe(withTopic.length + 1);

    const both = await listPublishedPosts(ANONYMOUS, { organization: SLUG.P, topic: pagingTopic.slug });
    expect(both.items.map((p) => p.slug)).toEqual(withTopic);
    expect((await listPublishedPosts(ANONYMOUS, { organization: SLUG.B, topic: pagingTopic.slug })).total).toBe(0);
    expect((await listPublishedPosts(ANONYMOUS, { organization: 'finns-inte' })).total).toBe(0);
  });
});

describe('searchPosts', () => {
  let publishedSlug: string;

  beforeAll(async () => {
    const body = plainDoc('Vi berättar om stöd vid våld i nära relationer och om hur man kontaktar kronofogden.');
    publishedSlug = await slugOf(await publishedOf('A', 'Öppet hus om skuldrådgivning', { body }));
    // The same words in posts residents must not see, plus one word found only there.
    const hidden = { body: plainDoc('Våld, kronofogden och skuldrådgivning. Hemlig plan om fjärilsnät.') };
    await draftOf('A', 'Utkast om skuldrådgivning', hidden);
    await scheduledOf('A', FAR_PUBLISH_AT, new Date(), 'Planerad skuldrådgivning');
    const unpublished = await publishedOf('A', 'Indragen skuldrådgivning', hidden);
    await unpublishPost(actors.adminA, unpublished);
    await moderatePost(actors.coordinator, await publishedOf('B', 'Modererad skuldrådgivning', hidden), MODERATION_REASON);
  });

  it.each([
    ['a word of its body', 'kronofogden'],
    ['a word written without its ring', 'vald'],
    ['a word of its title, with its diacritics', 'Skuldrådgivning'],
    ['the start of a word', 'skuld'],
    ['a misspelt word', 'skuldradgivnig'],
  ])('finds a published post by %s (%s), and only published posts', async (_how, q) => {
    const slugs = (await searchPosts(ANONYMOUS, q, 10)).map((p) => p.slug);
    expect(slugs).toContain(publishedSlug);
    const statuses = await db.prisma.newsPost.findMany({ where: { slug: { in: slugs } }, select: { status: true } });
    expect(statuses.every((p) => p.status === 'PUBLISHED')).toBe(true);
  });

  it('never finds drafts, scheduled, unpublished or moderated posts', async () => {
    for (const q of ['fjärilsnät', 'fjarilsnat', 'fjärils', 'fjarilsnet', 'hemlig']) {
      expect({ q, hits: await searchPosts(ANONYMOUS, q, 10) }).toEqual({ q, hits: [] });
    }
  });

  it('finds nothing for stop words alone', async () => {
    expect(await searchPosts(ANONYMOUS, 'och om i', 10)).toEqual([]);
  });

  it('answers, with nothing, for short words that match no post (no near spellings to try)', async () => {
    for (const q of ['عنف', 'xyz', 'qq zz']) {
      expect({ q, hits: await searchPosts(ANONYMOUS, q, 10) }).toEqual({ q, hits: [] });
    }
  });
});
