import type { SiteInfo } from '@/lib/site/site-info';

/**
 * "Degerfors och Karlskoga" for text such as "hjälp från föreningar i …". A new installation
 * may have no municipalities yet; then the region, then a neutral word, is used.
 */
export function describeArea(site: SiteInfo, locale: string, fallback: string): string {
  if (site.municipalities.length > 0) {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(site.municipalities);
  }
  return site.region || fallback;
}

/** Who answers for the site: the data controller, or the site itself before it is configured. */
export function responsibleBody(site: SiteInfo): string {
  return site.dataController || site.name;
}
