import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';

export interface PostCard {
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
  organization: { slug: string; name: string };
}

export interface EventCard {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  organization: { slug: string; name: string };
}

/** The newest published posts, for the front page feed. Public: no actor sees more here. */
export async function listLatestPosts(_actor: Actor, limit: number): Promise<PostCard[]> {
  const db = await getDb();
  const rows = await db.newsPost.findMany({
    where: { status: 'PUBLISHED', publishedAt: { lte: new Date() } },
    orderBy: { publishedAt: 'desc' },
    take: limit,
    select: { slug: true, title: true, summary: true, publishedAt: true, organization: { select: { slug: true, name: true } } },
  });
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? new Date(0) }));
}

/** Published events that have not ended yet, soonest first. */
export async function listUpcomingEvents(_actor: Actor, limit: number, now = new Date()): Promise<EventCard[]> {
  const db = await getDb();
  const rows = await db.newsEvent.findMany({
    where: {
      post: { status: 'PUBLISHED' },
      OR: [{ endsAt: { gte: now } }, { endsAt: null, startsAt: { gte: now } }],
    },
    orderBy: { startsAt: 'asc' },
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
