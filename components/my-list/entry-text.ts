import { routing, textDirection } from '@/i18n/routing';
import type { MyListEntry } from '@/lib/my-list/entry';

/**
 * A saved entry keeps the language of the page it was saved from. Shown on a page in
 * another language, its texts are marked as such, so screen readers pronounce them right
 * and Arabic text runs right to left inside an English page (and the other way round).
 */
export function entryTextProps(entry: MyListEntry, pageLocale: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (entry.locale === pageLocale || !(routing.locales as readonly string[]).includes(entry.locale)) return {};
  return { lang: entry.locale, dir: textDirection(entry.locale) };
}
