import { getDb } from '@/lib/db/client';

export interface SiteSettingsRow {
  siteName: string;
  shortName: string;
  regionName: string;
  contactEmail: string;
  dataController: string;
}

export async function findSiteSettings(): Promise<SiteSettingsRow | null> {
  const db = await getDb();
  return db.siteSetting.findUnique({
    where: { id: 1 },
    select: { siteName: true, shortName: true, regionName: true, contactEmail: true, dataController: true },
  });
}

export async function listActiveMunicipalityNames(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.municipality.findMany({ where: { isActive: true }, select: { name: true }, orderBy: { name: 'asc' } });
  return rows.map((r) => r.name);
}
