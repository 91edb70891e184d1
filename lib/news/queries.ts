/**
 * Reading news as residents do: only published posts, as DTOs. Each function takes the actor
 * first like the rest of the data layer; the rule for who reads what is the policy's
 * 'post.read', and for these public lists that is "published".
 */
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { Prisma } from '@/lib/generated/prisma/client';
import { isStopWord, searchWords } from '@/lib/search/words';
import { checkDocument } from './document';
import { POSTS_PER_PAGE, postListSchema, type PostListInput } from './post-schemas';
import { renderDocument } from './render';

export interface PostCard {
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
  organization: { slug: string; name: string };
  event: { startsAt: Date; endsAt: Date | null; place: string | null } | null;
}

export interface EventCard {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  organization: { slug: string; name: string };
}

export interface PostPage {
  items: PostCard[];
  total: number;
  page: number;
  pageCount: number;
  filter: PostListInput;
}

export interface PublishedPost extends PostCard {
  /** Rendered by lib/news/render.ts from the checked document: safe to insert. */
  html: string;
  updatedAt: Date;
  topics: { slug: string; name: string }[];
  event:
    | (PostCard['event'] & {
        signupUrl: string | null;
        service: { slug: string; name: string } | null;
      })
    | null;
}

const PUBLISHED: Prisma.NewsPostWhereInput = { status: 'PUBLISHED', organization: { isActive: true } };

const cardSelect = {
  slug: true,
  title: true,
  summary: true,
  publishedAt: true,
  organization: { select: { slug: true, name: true } },
  event: { select: { startsAt: true, endsAt: true, place: true } },
} satisfies Prisma.NewsPostSelect;

type CardRow = Prisma.NewsPostGetPayload<{ select: typeof cardSelect }>;

const toCard = (r: CardRow): PostCard => ({ ...r, publishedAt: r.publishedAt ?? new Date(0) });

/** The newest published posts, for the front page feed. */
export async function listLatestPosts(_actor: Actor, limit: number): Promise<PostCard[]> {
  const db = await getDb();
  const rows = await db.newsPost.findMany({
    where: PUBLISHED,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    select: cardSelect,
  });
  return rows.map(toCard);
}

/** Published events that have not ended yet, soonest first. */
export async function listUpcomingEvents(_actor: Actor, limit: number, now = new Date(), organizationSlug?: string): Promise<EventCard[]> {
  const db = await getDb();
  const rows = await db.newsEvent.findMany({
    where: {
      post: { ...PUBLISHED, ...(organizationSlug ? { organization: { slug: organizationSlug, isActive: true } } : {}) },
      OR: [{ endsAt: { gte: now } }, { endsAt: null, startsAt: { gte: now } }],
    },
    orderBy: [{ startsAt: 'asc' }, { postId: 'asc' }],
    take: limit,
    select: {
      startsAt: true,
      endsAt: true,
      place: true,
      post: { select: { slug: true, title: true, organization: { select: { slug: true, name: true } } } },
    },
  });
  return rows.map((r) => ({
    slug: r.post.slug,
    title: r.post.title,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    place: r.place,
    organization: r.post.organization,
  }));
}

/** /nyheter: published posts, newest first, narrowed by association and topic. */
export async function listPublishedPosts(_actor: Actor, input: unknown): Promise<PostPage> {
  const filter = postListSchema.parse(input ?? {});
  const where: Prisma.NewsPostWhereInput = {
    ...PUBLISHED,
    ...(filter.organization ? { organization: { slug: filter.organization, isActive: true } } : {}),
    ...(filter.topic ? { topics: { some: { topic: { slug: filter.topic } } } } : {}),
  };
  const db = await getDb();
  const total = await db.newsPost.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db.newsPost.findMany({
    where,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    skip: (page - 1) * POSTS_PER_PAGE,
    take: POSTS_PER_PAGE,
    select: cardSelect,
  });
  return { items: rows.map(toCard), total, page, pageCount, filter: { ...filter, page } };
}

/** The choices of the /nyheter filters: associations with published posts, and topics in use. */
export async function listNewsFilters(_actor: Actor): Promise<{ organizations: { slug: string; name: string }[]; topics: { slug: string; name: string }[] }> {
  const db = await getDb();
  const [organizations, topics] = await Promise.all([
    db.organization.findMany({
      where: { isActive: true, posts: { some: { status: 'PUBLISHED' } } },
      orderBy: { name: 'asc' },
      select: { slug: true, name: true },
    }),
    db.newsTopic.findMany({ where: { posts: { some: { post: PUBLISHED } } }, orderBy: { name: 'asc' }, select: { slug: true, name: true } }),
  ]);
  return { organizations, topics };
}

/** One published post for its page; NOT_FOUND for anything else, whoever asks. */
export async function getPublishedPost(actor: Actor, slug: unknown): Promise<PublishedPost> {
  if (typeof slug !== 'string' || !/^[a-z0-9-]{1,120}$/.test(slug)) throw new AppError('NOT_FOUND', 'notFound');
  const db = await getDb();
  const row = await db.newsPost.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      ...cardSelect,
      body: true,
      status: true,
      updatedAt: true,
      organizationId: true,
      topics: { select: { topic: { select: { slug: true, name: true } } } },
      event: {
        select: {
          startsAt: true,
          endsAt: true,
          place: true,
          signupUrl: true,
          service: { select: { slug: true, name: true, status: true } },
        },
      },
    },
  });
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  authorize(actor, 'post.read', {
    organizationId: row.organizationId,
    status: row.status,
    publishingMode: 'MEMBERS_PUBLISH',
    isModerated: false,
  });
  const checked = checkDocument(row.body);
  const service = row.event?.service;
  return {
    ...toCard(row),
    html: checked.ok ? renderDocument(checked.document) : '',
    updatedAt: row.updatedAt,
    topics: row.topics.map((t) => t.topic),
    event: row.event
      ? {
          startsAt: row.event.startsAt,
          endsAt: row.event.endsAt,
          place: row.event.place,
          signupUrl: row.event.signupUrl,
          service: service && service.status === 'ACTIVE' ? { slug: service.slug, name: service.name } : null,
        }
      : null,
  };
}

/**
 * Published posts matching a resident's search, for the news part of /sok. Words are folded
 * as the post text is, so "vald" finds "våld", and a word may be the start of a longer one.
 * Only when no word is found does a misspelt word match a similar one (trigram word
 * similarity, one indexed condition per word).
 */
export async function searchPosts(_actor: Actor, q: string, limit = 3): Promise<PostCard[]> {
  const words = [...new Set(searchWords(q))].filter((w) => w.length >= 2 && !isStopWord(w)).slice(0, 10);
  if (words.length === 0) return [];
  const tsquery = words.map((w) => `${w}:*`).join(' | ');
  const db = await getDb();
  const published = Prisma.sql`p."status" = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "Organization" o WHERE o."id" = p."organizationId" AND o."isActive")`;
  let ids = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "NewsPost" p
    WHERE ${published} AND p."searchVector" @@ to_tsquery('simple', ${tsquery})
    ORDER BY ts_rank(p."searchVector", to_tsquery('simple', ${tsquery})) DESC, p."publishedAt" DESC
    LIMIT ${limit}`;
  // Nothing by the words themselves: near spellings of the longer ones (trigram similarity).
  const longWords = words.filter((w) => w.length >= 4);
  if (ids.length === 0 && longWords.length > 0) {
    const similar = Prisma.join(
      longWords.map((w) => Prisma.sql`${w} <% p."searchText"`),
      ' OR ',
    );
    ids = await db.$queryRaw<{ id: string }[]>`
      SELECT p."id" FROM "NewsPost" p WHERE ${published} AND (${similar})
      ORDER BY p."publishedAt" DESC LIMIT ${limit}`;
  }
  if (ids.length === 0) return [];
  const rows = await db.newsPost.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: { id: true, ...cardSelect } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [toCard(row)] : [];
  });
}
