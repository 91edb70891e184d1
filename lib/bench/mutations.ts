/**
 * Writes a generated benchmark dataset (./dataset.ts) into a database that holds the demo
 * data: multi-row INSERTs of 1,000 entities per transaction through `jsonb_to_recordset` (one
 * JSON parameter per statement, so the same SQL runs on PostgreSQL and PGlite and no
 * statement nears the parameter limit), then the search projection of the new services in
 * batches. Running it again first deletes every row whose id starts with `bench-`, so the
 * data of the latest run replaces the previous one whatever its seed or scale.
 */
import type { Db } from '@/lib/db/client';
import { documentText } from '@/lib/news/document';
import { foldText, loadSearchDocuments, trigramTextOf } from '@/lib/search/document';
import { BENCH_ID_PREFIX, type BenchDataset, type GenIssue, type GenPost, type GenService } from './dataset';

type Column = [name: string, type: string, cast?: string];

export interface LoadProgress {
  (entity: string, done: number, total: number): void;
}

export interface LoadReport {
  /** Rows written per table. */
  rows: Record<string, number>;
  /** Bench rows deleted before writing, per entity. */
  cleared: Record<string, number>;
  /** Generated municipalities that already existed (matched by SCB code or slug) and were reused. */
  reusedMunicipalities: string[];
}

export const BATCH_SIZE = 1_000;

const LIKE_BENCH = `${BENCH_ID_PREFIX}%`;

/** One INSERT of many rows from a JSON array; returns the number of rows. */
async function insertRows(db: Pick<Db, '$executeRawUnsafe'>, table: string, columns: Column[], rows: Record<string, unknown>[], extra: { column: string; expression: string }[] = []): Promise<number> {
  if (rows.length === 0) return 0;
  const names = [...columns.map(([name]) => `"${name}"`), ...extra.map((e) => `"${e.column}"`)].join(', ');
  const record = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  const values = [...columns.map(([name, , cast]) => (cast ? `x."${name}"::${cast}` : `x."${name}"`)), ...extra.map((e) => e.expression)].join(', ');
  return db.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${values} FROM jsonb_to_recordset($1::jsonb) AS x(${record})`, JSON.stringify(rows));
}

const SERVICE_COLUMNS: Column[] = [
  ['id', 'text'], ['organizationId', 'text'], ['slug', 'text'], ['name', 'text'], ['alternateName', 'text'], ['summary', 'text'],
  ['description', 'text'], ['easyReadSummary', 'text'], ['applicationProcess', 'text'], ['eligibilityDescription', 'text'],
  ['minimumAge', 'int'], ['maximumAge', 'int'], ['isFree', 'boolean'], ['feesDescription', 'text'], ['email', 'text'], ['url', 'text'],
  ['status', 'text', '"ServiceStatus"'], ['keywords', 'text[]'], ['lastConfirmedAt', 'timestamp(3)'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)'],
];

/** Deletes every bench row, children first where a foreign key would refuse. */
export async function clearBenchData(db: Db): Promise<Record<string, number>> {
  const cleared: Record<string, number> = {};
  const del = async (label: string, table: string) => {
    cleared[label] = await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "id" LIKE $1`, LIKE_BENCH);
  };
  await del('workshopIssue', 'WorkshopIssue');
  await del('newsPost', 'NewsPost');
  await db.$executeRawUnsafe(`DELETE FROM "OutboxMessage" WHERE "aggregateType" = 'Service' AND "aggregateId" LIKE $1`, LIKE_BENCH);
  await del('service', 'Service');
  await del('location', 'Location');
  await del('organization', 'Organization');
  await del('user', 'User');
  await del('municipality', 'Municipality');
  return cleared;
}

interface Keys {
  category: Map<string, string>;
  targetGroup: Map<string, string>;
  attribute: Map<string, string>;
  topic: Map<string, string>;
  workshopCategory: Map<string, string>;
  coordinatorId: string | null;
}

async function taxonomyKeys(db: Db): Promise<Keys> {
  const map = (rows: { key: string; id: string }[]) => new Map(rows.map((r) => [r.key, r.id]));
  const keys: Keys = {
    category: map((await db.category.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }))),
    targetGroup: map((await db.targetGroup.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }))),
    attribute: map((await db.attribute.findMany({ select: { key: true, id: true } })).map((r) => ({ key: r.key, id: r.id }))),
    topic: map((await db.newsTopic.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }))),
    workshopCategory: map((await db.workshopCategory.findMany({ select: { slug: true, id: true } })).map((r) => ({ key: r.slug, id: r.id }))),
    coordinatorId: (await db.user.findUnique({ where: { email: 'samordnare@lisa.example' }, select: { id: true } }))?.id ?? null,
  };
  if (keys.category.size === 0 || keys.attribute.size === 0 || keys.workshopCategory.size === 0) {
    throw new Error('The database has no categories, attributes or workshop categories: load the demo data first (the bench data is written on top of it).');
  }
  return keys;
}

function resolve(map: Map<string, string>, key: string, kind: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`The demo data has no ${kind} "${key}" that the bench data refers to.`);
  return id;
}

/**
 * Loads the dataset. `now` must be the instant the dataset was generated with (its dates are
 * relative to it); the projection's freshness is computed against it too.
 */
export async function loadBenchDataset(db: Db, dataset: BenchDataset, onProgress: LoadProgress = () => {}): Promise<LoadReport> {
  const now = dataset.options.now;
  const stamp = now.toISOString();
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => {
    rows[table] = (rows[table] ?? 0) + n;
  };
  const cleared = await clearBenchData(db);
  const keys = await taxonomyKeys(db);

  // Municipalities the demo data already has (same SCB code or slug) are reused, not doubled.
  const existing = await db.municipality.findMany({ select: { id: true, code: true, slug: true } });
  const byCode = new Map(existing.map((m) => [m.code, m.id]));
  const bySlug = new Map(existing.map((m) => [m.slug, m.id]));
  const municipalityId = new Map<string, string>();
  const reusedMunicipalities: string[] = [];
  const newMunicipalities = dataset.municipalities.filter((m) => {
    const found = byCode.get(m.code) ?? bySlug.get(m.slug);
    municipalityId.set(m.id, found ?? m.id);
    if (found) reusedMunicipalities.push(`${m.code} ${m.name}`);
    return !found;
  });
  const mun = (id: string | null) => (id === null ? null : municipalityId.get(id)!);
  count('Municipality', await insertRows(db, 'Municipality', [['id', 'text'], ['code', 'text'], ['name', 'text'], ['slug', 'text'], ['regionName', 'text']], newMunicipalities as unknown as Record<string, unknown>[]));
  onProgress('municipalities', dataset.municipalities.length, dataset.municipalities.length);

  // Organisation slugs the demo data holds get a suffix ("karlskoga-kommun-2").
  const takenSlugs = new Set((await db.organization.findMany({ select: { slug: true } })).map((o) => o.slug));
  const organizations = dataset.organizations.map((o) => {
    let slug = o.slug;
    for (let n = 2; takenSlugs.has(slug); n++) slug = `${o.slug}-${n}`;
    takenSlugs.add(slug);
    return { ...o, slug, municipalityId: mun(o.municipalityId), createdAt: stamp, updatedAt: stamp };
  });
  onProgress('organisations', 0, organizations.length);
  for (let i = 0; i < organizations.length; i += BATCH_SIZE) {
    const orgBatch = organizations.slice(i, i + BATCH_SIZE);
    const userBatch = dataset.users.slice(i, i + BATCH_SIZE);
    const orgIds = new Set(orgBatch.map((o) => o.id));
    const locationBatch = dataset.locations.filter((l) => orgIds.has(l.organizationId));
    await db.$transaction(async (tx) => {
      count('Organization', await insertRows(tx, 'Organization', [
        ['id', 'text'], ['kind', 'text', '"OrganizationKind"'], ['name', 'text'], ['slug', 'text'], ['description', 'text'], ['email', 'text'],
        ['phone', 'text'], ['website', 'text'], ['orgNumber', 'text'], ['municipalityId', 'text'], ['lastConfirmedAt', 'timestamp(3)'],
        ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)'],
      ], orgBatch));
      count('User', await insertRows(tx, 'User', [['id', 'text'], ['email', 'text'], ['name', 'text'], ['emailVerified', 'timestamp(3)'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
        userBatch.map((u) => ({ ...u, emailVerified: stamp, createdAt: stamp, updatedAt: stamp }))));
      count('Membership', await insertRows(tx, 'Membership', [['id', 'text'], ['userId', 'text'], ['organizationId', 'text'], ['role', 'text', '"MembershipRole"']],
        userBatch.map((u) => ({ id: `${u.id}-m`, userId: u.id, organizationId: u.organizationId, role: u.role }))));
      count('Location', await insertRows(tx, 'Location', [
        ['id', 'text'], ['organizationId', 'text'], ['name', 'text'], ['addressLine1', 'text'], ['postalCode', 'text'], ['city', 'text'], ['municipalityId', 'text'],
        ['latitude', 'float8'], ['longitude', 'float8'], ['isProtected', 'boolean'], ['accessibilityDescription', 'text'], ['transportation', 'text'], ['updatedAt', 'timestamp(3)'],
      ], locationBatch.map((l) => ({ ...l, municipalityId: mun(l.municipalityId), updatedAt: stamp }))));
    });
    onProgress('organisations', Math.min(i + BATCH_SIZE, organizations.length), organizations.length);
  }

  const serviceIds: string[] = [];
  onProgress('services', 0, dataset.counts.services);
  for (let i = 0; i < dataset.counts.services; i += BATCH_SIZE) {
    const batch: GenService[] = [];
    for (let j = i; j < Math.min(i + BATCH_SIZE, dataset.counts.services); j++) batch.push(dataset.service(j));
    await db.$transaction(async (tx) => writeServices(tx, batch, keys, mun, stamp, count), { timeout: 120_000 });
    serviceIds.push(...batch.filter((s) => s.status === 'ACTIVE').map((s) => s.id));
    onProgress('services', i + batch.length, dataset.counts.services);
  }

  const orgName = new Map(dataset.organizations.map((o) => [o.id, o.name]));
  onProgress('news posts', 0, dataset.counts.posts);
  for (let i = 0; i < dataset.counts.posts; i += BATCH_SIZE) {
    const batch: GenPost[] = [];
    for (let j = i; j < Math.min(i + BATCH_SIZE, dataset.counts.posts); j++) batch.push(dataset.post(j));
    await db.$transaction(async (tx) => writePosts(tx, batch, keys, orgName, count), { timeout: 120_000 });
    onProgress('news posts', i + batch.length, dataset.counts.posts);
  }

  onProgress('workshop issues', 0, dataset.counts.issues);
  for (let i = 0; i < dataset.counts.issues; i += BATCH_SIZE) {
    const batch: GenIssue[] = [];
    for (let j = i; j < Math.min(i + BATCH_SIZE, dataset.counts.issues); j++) batch.push(dataset.issue(j));
    await db.$transaction(async (tx) => writeIssues(tx, batch, keys, mun, stamp, count), { timeout: 120_000 });
    onProgress('workshop issues', i + batch.length, dataset.counts.issues);
  }

  onProgress('search projection', 0, serviceIds.length);
  for (let i = 0; i < serviceIds.length; i += BATCH_SIZE) {
    count('ServiceSearchDocument', await writeProjectionBatch(db, serviceIds.slice(i, i + BATCH_SIZE), now));
    onProgress('search projection', Math.min(i + BATCH_SIZE, serviceIds.length), serviceIds.length);
  }
  return { rows, cleared, reusedMunicipalities };
}

type Tx = Pick<Db, '$executeRawUnsafe'>;
type Count = (table: string, n: number) => void;

async function writeServices(tx: Tx, batch: GenService[], keys: Keys, mun: (id: string | null) => string | null, stamp: string, count: Count) {
  count('Service', await insertRows(tx, 'Service', SERVICE_COLUMNS, batch.map((s) => ({ ...s, updatedAt: stamp }))));
  const children = <T>(pick: (s: GenService) => T[]) => batch.flatMap(pick);
  count('ServiceCategory', await insertRows(tx, 'ServiceCategory', [['serviceId', 'text'], ['categoryId', 'text'], ['isPrimary', 'boolean']],
    children((s) => s.categories.map((c, i) => ({ serviceId: s.id, categoryId: resolve(keys.category, c, 'category'), isPrimary: i === 0 })))));
  count('ServiceTargetGroup', await insertRows(tx, 'ServiceTargetGroup', [['serviceId', 'text'], ['targetGroupId', 'text']],
    children((s) => s.targetGroups.map((t) => ({ serviceId: s.id, targetGroupId: resolve(keys.targetGroup, t, 'target group') })))));
  count('ServiceAttribute', await insertRows(tx, 'ServiceAttribute', [['serviceId', 'text'], ['attributeId', 'text']],
    children((s) => s.attributes.map((a) => ({ serviceId: s.id, attributeId: resolve(keys.attribute, a, 'attribute') })))));
  count('ServiceLanguage', await insertRows(tx, 'ServiceLanguage', [['serviceId', 'text'], ['languageCode', 'text']],
    children((s) => s.languages.map((languageCode) => ({ serviceId: s.id, languageCode })))));
  // Two generated municipalities may map onto one demo row: keep each area once.
  count('ServiceArea', await insertRows(tx, 'ServiceArea', [['serviceId', 'text'], ['municipalityId', 'text']],
    children((s) => [...new Set(s.areas.map((a) => mun(a)!))].map((municipalityId) => ({ serviceId: s.id, municipalityId })))));
  count('ServiceAtLocation', await insertRows(tx, 'ServiceAtLocation', [['id', 'text'], ['serviceId', 'text'], ['locationId', 'text']],
    children((s) => (s.locationId ? [{ id: `${s.id}-l`, serviceId: s.id, locationId: s.locationId }] : []))));
  count('Schedule', await insertRows(tx, 'Schedule', [
    ['id', 'text'], ['serviceId', 'text'], ['weekday', 'int'], ['opensMinute', 'int'], ['closesMinute', 'int'], ['validFrom', 'date'], ['validTo', 'date'], ['description', 'text'],
  ], children((s) => s.schedules.map((p) => ({ ...p, serviceId: s.id })))));
  count('ScheduleException', await insertRows(tx, 'ScheduleException', [
    ['id', 'text'], ['serviceId', 'text'], ['date', 'date'], ['isClosed', 'boolean'], ['opensMinute', 'int'], ['closesMinute', 'int'], ['reason', 'text'],
  ], children((s) => s.exceptions.map((e) => ({ ...e, serviceId: s.id })))));
  count('Phone', await insertRows(tx, 'Phone', [['id', 'text'], ['serviceId', 'text'], ['number', 'text'], ['kind', 'text', '"PhoneKind"'], ['description', 'text']],
    children((s) => s.phones.map((p) => ({ ...p, serviceId: s.id })))));
  count('CostOption', await insertRows(tx, 'CostOption', [['id', 'text'], ['serviceId', 'text'], ['option', 'text'], ['amount', 'numeric'], ['amountDescription', 'text']],
    children((s) => s.costOptions.map((c) => ({ ...c, serviceId: s.id })))));
  count('ServiceTranslation', await insertRows(tx, 'ServiceTranslation', [['id', 'text'], ['serviceId', 'text'], ['locale', 'text'], ['name', 'text'], ['summary', 'text'], ['description', 'text']],
    children((s) => s.translations.map((t) => ({ ...t, serviceId: s.id })))));
}

async function writePosts(tx: Tx, batch: GenPost[], keys: Keys, orgName: Map<string, string>, count: Count) {
  // The same search text refreshPostSearch (lib/news/posts.ts) writes, computed here for a whole batch.
  const posts = batch.map((p) => ({
    ...p,
    updatedAt: p.publishedAt ?? p.createdAt,
    searchText: foldText([p.title, p.summary, documentText(p.body), orgName.get(p.organizationId) ?? ''].join('\n')),
  }));
  count('NewsPost', await insertRows(tx, 'NewsPost', [
    ['id', 'text'], ['organizationId', 'text'], ['authorId', 'text'], ['slug', 'text'], ['title', 'text'], ['summary', 'text'], ['body', 'jsonb'],
    ['status', 'text', '"PostStatus"'], ['publishAt', 'timestamp(3)'], ['publishedAt', 'timestamp(3)'], ['unpublishedAt', 'timestamp(3)'],
    ['moderationReason', 'text'], ['searchText', 'text'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)'],
  ], posts, [{ column: 'searchVector', expression: `to_tsvector('simple', x."searchText")` }]));
  count('PostTopic', await insertRows(tx, 'PostTopic', [['postId', 'text'], ['topicId', 'text']],
    batch.flatMap((p) => p.topics.map((t) => ({ postId: p.id, topicId: resolve(keys.topic, t, 'news topic') })))));
  count('NewsEvent', await insertRows(tx, 'NewsEvent', [['postId', 'text'], ['startsAt', 'timestamp(3)'], ['endsAt', 'timestamp(3)'], ['place', 'text']],
    batch.flatMap((p) => (p.event ? [{ postId: p.id, ...p.event }] : []))));
  count('NewsRevision', await insertRows(tx, 'NewsRevision', [
    ['id', 'text'], ['postId', 'text'], ['version', 'int'], ['title', 'text'], ['summary', 'text'], ['body', 'jsonb'], ['reason', 'text', '"RevisionReason"'], ['createdById', 'text'], ['createdAt', 'timestamp(3)'],
  ], batch.map((p) => ({ id: `${p.id}-r1`, postId: p.id, version: 1, title: p.title, summary: p.summary, body: p.body, reason: p.status === 'PUBLISHED' ? 'PUBLISH' : 'SAVE', createdById: p.authorId, createdAt: p.createdAt }))));
}

async function writeIssues(tx: Tx, batch: GenIssue[], keys: Keys, mun: (id: string | null) => string | null, stamp: string, count: Count) {
  const actorId = (actor: GenIssue['events'][number]['actor']) => (actor === 'coordinator' ? keys.coordinatorId : actor.userId);
  // A duplicate points at an earlier issue; one in a later batch would not exist yet, so the
  // generator only points backwards.
  count('WorkshopIssue', await insertRows(tx, 'WorkshopIssue', [
    ['id', 'text'], ['title', 'text'], ['description', 'text'], ['desiredOutcome', 'text'], ['categoryId', 'text'], ['concerns', 'text', '"PublicBody"'],
    ['municipalityId', 'text'], ['state', 'text', '"IssueState"'], ['visibility', 'text', '"IssueVisibility"'], ['filedByOrganizationId', 'text'], ['createdById', 'text'],
    ['confirmedNoPersonalData', 'boolean'], ['dueAt', 'timestamp(3)'], ['duplicateOfId', 'text'], ['referredTo', 'text'], ['resolutionFeedback', 'text', '"ResolutionFeedback"'],
    ['submittedAt', 'timestamp(3)'], ['triagedAt', 'timestamp(3)'], ['firstAnsweredAt', 'timestamp(3)'], ['closedAt', 'timestamp(3)'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)'],
  ], batch.map((i) => ({ ...i, categoryId: resolve(keys.workshopCategory, i.category, 'workshop category'), municipalityId: mun(i.municipalityId), updatedAt: i.closedAt ?? stamp }))));
  count('WorkshopEvent', await insertRows(tx, 'WorkshopEvent', [
    ['id', 'text'], ['issueId', 'text'], ['actorId', 'text'], ['type', 'text', '"WorkshopEventType"'], ['fromState', 'text', '"IssueState"'], ['toState', 'text', '"IssueState"'], ['createdAt', 'timestamp(3)'],
  ], batch.flatMap((i) => i.events.map((e) => ({ id: e.id, issueId: i.id, actorId: actorId(e.actor), type: e.type, fromState: e.fromState, toState: e.toState, createdAt: e.createdAt })))));
  count('IssueResponder', await insertRows(tx, 'IssueResponder', [['issueId', 'text'], ['organizationId', 'text'], ['assignedAt', 'timestamp(3)']],
    batch.flatMap((i) => i.responders.map((organizationId) => ({ issueId: i.id, organizationId, assignedAt: i.triagedAt ?? i.createdAt })))));
  count('IssueAssignee', await insertRows(tx, 'IssueAssignee', [['issueId', 'text'], ['userId', 'text'], ['assignedById', 'text'], ['assignedAt', 'timestamp(3)']],
    batch.flatMap((i) => i.assignees.map((a) => ({ issueId: i.id, userId: a.userId, assignedById: keys.coordinatorId, assignedAt: i.triagedAt ?? i.createdAt })))));
  count('WorkshopAnswer', await insertRows(tx, 'WorkshopAnswer', [['id', 'text'], ['issueId', 'text'], ['organizationId', 'text'], ['authorId', 'text'], ['body', 'text'], ['createdAt', 'timestamp(3)'], ['updatedAt', 'timestamp(3)']],
    batch.flatMap((i) => i.answers.map((a) => ({ ...a, issueId: i.id, updatedAt: a.createdAt })))));
  count('WorkshopComment', await insertRows(tx, 'WorkshopComment', [['id', 'text'], ['issueId', 'text'], ['authorId', 'text'], ['body', 'text'], ['createdAt', 'timestamp(3)']],
    batch.flatMap((i) => i.comments.map((c) => ({ ...c, issueId: i.id })))));
}

const joined = (values: (string | null | undefined)[]) => foldText(values.filter(Boolean).join(' '));

/**
 * The search projection of these services in one statement: the same rows and weights as
 * writeSearchProjection (lib/search/projection.ts) writes one service at a time; a test holds
 * the two equal.
 */
export async function writeProjectionBatch(db: Db, serviceIds: string[], now: Date): Promise<number> {
  const documents = await loadSearchDocuments(db, serviceIds, now);
  const rows = documents.map((doc) => ({
    serviceId: doc.id,
    slug: doc.slug,
    name: doc.name,
    searchText: trigramTextOf(doc),
    a: joined([doc.name, doc.alternateName, ...doc.keywords, ...doc.categoryNames]),
    b: joined([doc.summary, doc.easyReadSummary, ...doc.targetGroupNames]),
    c: joined([doc.description, doc.organizationName, ...doc.municipalityNames]),
    d: joined([doc.name_en, doc.summary_en, doc.description_en, doc.name_ar, doc.summary_ar, doc.description_ar]),
    categories: doc.categories,
    municipalities: doc.municipalities,
    targetGroups: doc.targetGroups,
    languages: doc.languages,
    attributes: doc.attributes,
    openSlots: doc.openSlots,
    freshness: doc.freshness,
    document: doc,
    updatedAt: now.toISOString(),
  }));
  if (rows.length === 0) return 0;
  return db.$executeRawUnsafe(
    `INSERT INTO "ServiceSearchDocument" ("serviceId", "slug", "name", "searchText", "searchVector", "categories", "municipalities",
       "targetGroups", "languages", "attributes", "openSlots", "freshness", "document", "updatedAt")
     SELECT x."serviceId", x."slug", x."name", x."searchText",
       setweight(to_tsvector('swedish', x.a), 'A') || setweight(to_tsvector('swedish', x.b), 'B') ||
       setweight(to_tsvector('swedish', x.c), 'C') || setweight(to_tsvector('simple', x.d), 'D'),
       x."categories", x."municipalities", x."targetGroups", x."languages", x."attributes", x."openSlots", x."freshness", x."document", x."updatedAt"
     FROM jsonb_to_recordset($1::jsonb) AS x("serviceId" text, "slug" text, "name" text, "searchText" text, a text, b text, c text, d text,
       "categories" text[], "municipalities" text[], "targetGroups" text[], "languages" text[], "attributes" text[], "openSlots" int[],
       "freshness" int, "document" jsonb, "updatedAt" timestamp(3))
     ON CONFLICT ("serviceId") DO UPDATE SET
       "slug" = EXCLUDED."slug", "name" = EXCLUDED."name", "searchText" = EXCLUDED."searchText", "searchVector" = EXCLUDED."searchVector",
       "categories" = EXCLUDED."categories", "municipalities" = EXCLUDED."municipalities", "targetGroups" = EXCLUDED."targetGroups",
       "languages" = EXCLUDED."languages", "attributes" = EXCLUDED."attributes", "openSlots" = EXCLUDED."openSlots",
       "freshness" = EXCLUDED."freshness", "document" = EXCLUDED."document", "updatedAt" = EXCLUDED."updatedAt"`,
    JSON.stringify(rows),
  );
}
