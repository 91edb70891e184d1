import { weekLines, type LineLabels } from '@/lib/directory/opening-hours-display';
import type { ServicePageDto } from '@/lib/directory/service-page';
import type { MyListEntry } from '@/lib/my-list/entry';
import { addressLine } from './links';

const MAX_PHONES = 5;
const MAX_HOUR_LINES = 14;

/** Shortened to `max` characters with an ellipsis, so a long text never makes an entry invalid. */
function clip(text: string, max: number): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

/** An address cut short would be a wrong address: too long means none. */
const fitting = (value: string | null, max: number) => (value !== null && value.length <= max ? value : null);

/**
 * The snapshot My list keeps of this service, in the page's language: what the printed
 * handout needs, and no address when the place is protected (the DTO has none to give).
 */
export function buildMyListEntry(service: ServicePageDto, labels: LineLabels, savedAt: Date): MyListEntry {
  const phones = [...service.phones, ...service.locations.flatMap((l) => l.phones), ...service.contacts.flatMap((c) => c.phones)]
    .filter((p, i, all) => p.kind !== 'FAX' && all.findIndex((q) => q.dial === p.dial) === i)
    .slice(0, MAX_PHONES)
    .map((p) => ({ display: clip(p.display, 40), dial: p.dial.slice(0, 40), ...(p.description ? { label: clip(p.description.text, 120) } : {}) }));
  const hours = service.hours.groups.flatMap((group) => {
    const title = [group.location?.text, group.description?.text].filter(Boolean).join(' – ');
    return weekLines(group.periods, service.hours.today, service.locale, labels).map((line) => clip(title ? `${title}: ${line}` : line, 200));
  });
  const firstAddress = service.locations.map(addressLine).find((a): a is string => a !== null) ?? null;
  return {
    id: service.id,
    slug: service.slug,
    locale: service.locale,
    name: clip(service.name.text, 300),
    organizationName: clip(service.organization.name.text, 300),
    summary: clip(service.summary.text, 1000),
    howToGetHelp: service.applicationProcess ? clip(service.applicationProcess.text, 1000) : '',
    phones,
    email: fitting(service.email ?? service.contacts.find((c) => c.email)?.email ?? null, 200),
    website: fitting(service.website, 500),
    address: firstAddress ? clip(firstAddress, 300) : null,
    openingHours: hours.slice(0, MAX_HOUR_LINES),
    savedAt: savedAt.toISOString(),
  };
}
