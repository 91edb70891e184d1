import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createIssue, createMeeting, createOrganization, createPost, createService, createUser, Lookup, type Tx } from './factories';
import { organizations } from './data/organizations';
import { posts } from './data/news';
import { services } from './data/services';
import { recordServiceChanges } from '../../lib/search/projection';
import { loadDefaultThesaurus } from '../../lib/search/thesaurus/default';
import { attributes, categories, municipalities, newsTopics, site, targetGroups, workshopCategories } from './data/taxonomy';
import { users } from './data/users';
import { issues, meetings } from './data/workshop';

/** Every demo account signs in with this password (demo data only; see README). */
export const DEMO_PASSWORD = 'demo-lisa-2026';

export type SeedSummary = Record<string, number>;

/**
 * Writes the demo data. Idempotent: each entity is looked up by its natural key and created
 * only when missing, whole, in its own transaction; nothing that exists is touched, so a
 * second run changes no row.
 */
export async function seedDatabase(prisma: PrismaClient, options: { now?: Date } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const created: SeedSummary = {};
  const count = (kind: string) => {
    created[kind] = (created[kind] ?? 0) + 1;
  };
  const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => prisma.$transaction((tx) => work(tx), { timeout: 30_000 });

  if (!(await prisma.siteSetting.findUnique({ where: { id: 1 }, select: { id: true } }))) {
    await prisma.siteSetting.create({ data: { id: 1, ...site } });
    count('siteSetting');
  }
  for (const m of municipalities) {
    if (await prisma.municipality.findUnique({ where: { code: m.code }, select: { id: true } })) continue;
    await prisma.municipality.create({ data: m });
    count('municipality');
  }
  for (const [sortOrder, c] of categories.entries()) {
    if (await prisma.category.findUnique({ where: { slug: c.slug }, select: { id: true } })) continue;
    await prisma.category.create({
      data: {
        slug: c.slug,
        name: c.name,
        description: c.description,
        icon: c.icon,
        sortOrder,
        translations: { create: { locale: 'en', name: c.en } },
      },
    });
    count('category');
  }
  for (const [sortOrder, g] of targetGroups.entries()) {
    if (await prisma.targetGroup.findUnique({ where: { slug: g.slug }, select: { id: true } })) continue;
    await prisma.targetGroup.create({
      data: { slug: g.slug, name: g.name, sortOrder, translations: { create: { locale: 'en', name: g.en } } },
    });
    count('targetGroup');
  }
  for (const [sortOrder, a] of attributes.entries()) {
    if (await prisma.attribute.findUnique({ where: { key: a.key }, select: { id: true } })) continue;
    await prisma.attribute.create({
      data: { key: a.key, name: a.name, icon: a.icon, sortOrder, translations: { create: { locale: 'en', name: a.en } } },
    });
    count('attribute');
  }
  for (const t of newsTopics) {
    if (await prisma.newsTopic.findUnique({ where: { slug: t.slug }, select: { id: true } })) continue;
    await prisma.newsTopic.create({ data: t });
    count('newsTopic');
  }
  for (const [sortOrder, c] of workshopCategories.entries()) {
    if (await prisma.workshopCategory.findUnique({ where: { slug: c.slug }, select: { id: true } })) continue;
    await prisma.workshopCategory.create({ data: { ...c, sortOrder } });
    count('workshopCategory');
  }
  // The default Swedish thesaurus, as a production site loads it from /admin/installningar.
  const thesaurus = await inTransaction((tx) => loadDefaultThesaurus(tx));
  if (thesaurus.added > 0) created.searchSynonym = thesaurus.added;

  const lookup = await new Lookup(prisma).preload();
  for (const o of organizations) {
    if (await lookup.has('organization', o.slug)) continue;
    await inTransaction((tx) => createOrganization(tx, o, lookup, now));
    count('organization');
  }
  for (const u of users) {
    if (await lookup.has('user', u.email.toLowerCase())) continue;
    await inTransaction((tx) => createUser(tx, u, lookup, DEMO_PASSWORD));
    count('user');
  }
  for (const s of services) {
    if (await lookup.has('service', s.slug)) continue;
    // Like every change to a service: the search projection and the outbox in the same transaction.
    await inTransaction(async (tx) => recordServiceChanges(tx, [await createService(tx, s, lookup, now)]));
    count('service');
  }
  const existingPosts = new Set((await prisma.newsPost.findMany({ select: { slug: true } })).map((p) => p.slug));
  for (const p of posts) {
    if (existingPosts.has(p.slug)) continue;
    await inTransaction((tx) => createPost(tx, p, lookup, now));
    count('newsPost');
  }
  for (const i of issues) {
    if (await lookup.has('issue', i.title)) continue;
    await inTransaction((tx) => createIssue(tx, i, lookup, now));
    count('workshopIssue');
  }
  const existingMeetings = new Set((await prisma.meeting.findMany({ select: { title: true } })).map((m) => m.title));
  for (const m of meetings) {
    if (existingMeetings.has(m.title)) continue;
    await inTransaction((tx) => createMeeting(tx, m, lookup, now));
    count('meeting');
  }
  return created;
}
