import type { ServiceCard } from '@/lib/directory/cards';
import { weekPosition } from '@/lib/directory/opening-hours';
import { weekLines, type LineLabels } from '@/lib/directory/opening-hours-display';
import type { MyListEntry } from '@/lib/my-list/entry';
import { shorten } from '@/lib/search/types';

/** Shortened to fit a limit of My list's schema, the ellipsis included. */
const fit = (text: string, max: number) => (text.length <= max ? text : shorten(text, max - 1));

/** What My list keeps about a service saved from a result card (lib/my-list/entry.ts). */
export function toMyListEntry(card: ServiceCard, locale: string, now: Date, hourLabels: LineLabels): MyListEntry {
  return {
    id: card.id,
    slug: card.slug,
    locale,
    name: fit(card.name, 300),
    organizationName: fit(card.organizationName, 300),
    summary: fit(card.summary, 1000),
    howToGetHelp: fit(card.howToGetHelp, 1000),
    phones: card.phones.slice(0, 5).map((p) => ({
      display: p.display.slice(0, 40),
      dial: p.dial.slice(0, 40),
      ...(p.label ? { label: fit(p.label, 120) } : {}),
    })),
    // An address, e-mail or website too long to keep is left out rather than cut into a wrong one.
    email: card.email && card.email.length <= 200 ? card.email : null,
    website: card.website && card.website.length <= 500 ? card.website : null,
    address: card.address && card.address.length <= 300 ? card.address : null,
    openingHours: weekLines(card.weeklyHours, weekPosition(now).date, locale, hourLabels)
      .slice(0, 14)
      .map((line) => fit(line, 200)),
    savedAt: now.toISOString(),
  };
}
