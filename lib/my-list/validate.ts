import type { MyListEntry } from './entry';

/**
 * The browser's reading of a stored My list entry: the same rules as `myListEntrySchema`
 * (lib/my-list/entry.ts), written out by hand because zod would add about 25 KB (gzip) to
 * every page with a save button and break the 185 KB budget for public routes. A unit test
 * holds the two to the same verdicts and the same output (tests/unit/my-list-validate.test.ts).
 */

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isTextOrNull(value: unknown, max: number): value is string | null {
  return value === null || isText(value, 0, max);
}

function readPhone(value: unknown): MyListEntry['phones'][number] | null {
  if (!isPlainObject(value)) return null;
  const { display, dial, label } = value;
  if (!isText(display, 0, 40) || !isText(dial, 0, 40)) return null;
  if (label === undefined) return { display, dial };
  if (!isText(label, 0, 120)) return null;
  return { display, dial, label };
}

/** A valid entry, with only the known fields, or null when anything is off. */
export function readMyListEntry(value: unknown): MyListEntry | null {
  if (!isPlainObject(value)) return null;
  const { id, slug, locale, name, organizationName, summary, phones, email, website, address, openingHours, savedAt } = value;
  const howToGetHelp = value.howToGetHelp === undefined ? '' : value.howToGetHelp;
  if (
    !isText(id, 1, 64) ||
    !isText(slug, 1, 120) ||
    !isText(locale, 2, 5) ||
    !isText(name, 1, 300) ||
    !isText(organizationName, 0, 300) ||
    !isText(summary, 0, 1000) ||
    !isText(howToGetHelp, 0, 1000) ||
    !isTextOrNull(email, 200) ||
    !isTextOrNull(website, 500) ||
    !isTextOrNull(address, 300) ||
    !isText(savedAt, 0, 40)
  ) {
    return null;
  }
  if (!Array.isArray(phones) || phones.length > 5) return null;
  const readPhones = phones.map(readPhone);
  if (readPhones.some((phone) => phone === null)) return null;
  if (!Array.isArray(openingHours) || openingHours.length > 14) return null;
  if (!openingHours.every((line) => isText(line, 0, 200))) return null;
  return {
    id,
    slug,
    locale,
    name,
    organizationName,
    summary,
    howToGetHelp,
    phones: readPhones as MyListEntry['phones'],
    email,
    website,
    address,
    openingHours: [...(openingHours as string[])],
    savedAt,
  };
}
