import { cache } from 'react';
import { findSiteSettings, listActiveMunicipalityNames } from './queries';

export interface SiteInfo {
  name: string;
  shortName: string;
  region: string;
  municipalities: string[];
  contactEmail: string;
  dataController: string;
}

/**
 * What makes this installation a region's own portal. It is data (SiteSetting), so another
 * region runs the same code; an empty database (before the seed) gets neutral defaults.
 */
export const getSiteInfo = cache(async (): Promise<SiteInfo> => {
  const [settings, municipalities] = await Promise.all([findSiteSettings(), listActiveMunicipalityNames()]);
  return {
    name: settings?.siteName ?? 'Hitta hjälp',
    shortName: settings?.shortName ?? 'Hitta hjälp',
    region: settings?.regionName ?? '',
    municipalities,
    contactEmail: settings?.contactEmail ?? '',
    dataController: settings?.dataController ?? '',
  };
});
