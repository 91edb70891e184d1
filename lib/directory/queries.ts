import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';

export interface CategoryCard {
  slug: string;
  name: string;
  description: string;
  icon: string;
  /** Active services in the category. */
  serviceCount: number;
}

/** Categories for browsing, in the resident's language where a translation exists. */
export async function listCategoryCards(_actor: Actor, locale: string): Promise<CategoryCard[]> {
  const db = await getDb();
  const rows = await db.category.findMany({
    where: { isActive: true, parentId: null },
    orderBy: { sortOrder: 'asc' },
    select: {
      slug: true,
      name: true,
      description: true,
      icon: true,
      translations: { where: { locale }, select: { name: true, description: true } },
      _count: { select: { services: { where: { service: { status: 'ACTIVE' } } } } },
    },
  });
  return rows.map((r) => ({
    slug: r.slug,
    name: r.translations[0]?.name ?? r.name,
    description: r.translations[0]?.description ?? r.description,
    icon: r.icon,
    serviceCount: r._count.services,
  }));
}
