import type { MyListEntry } from './entry';
import { readMyListEntry } from './validate';

/**
 * My list as it is stored on the device: pure functions over the stored JSON, so the rules
 * (validation, de-duplication, the cap) are the same in every tab and testable without a
 * browser. Nothing here ever reaches the server.
 */

/** Versioned: a later shape gets a new key instead of misreading this one. */
export const MY_LIST_STORAGE_KEY = 'lisa.myList.v1';

/** Enough for any real handout, small enough that localStorage and the page stay light. */
export const MY_LIST_MAX_ENTRIES = 50;

/** How many services fit on one printed A4 handout. */
export const MY_LIST_PRINT_CAPACITY = 6;

export type MyList = readonly MyListEntry[];

export const EMPTY_MY_LIST: MyList = Object.freeze([]);

/**
 * Reads what localStorage holds. Anything unreadable (not JSON, not an array, an entry
 * another version or a person edited into a bad shape) is dropped silently: a broken entry
 * must not cost the visitor the rest of the list.
 */
export function parseMyList(raw: string | null | undefined): MyList {
  if (!raw) return EMPTY_MY_LIST;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_MY_LIST;
  }
  if (!Array.isArray(data)) return EMPTY_MY_LIST;
  const seen = new Set<string>();
  const entries: MyListEntry[] = [];
  for (const item of data) {
    const parsed = readMyListEntry(item);
    if (!parsed || seen.has(parsed.id)) continue;
    seen.add(parsed.id);
    entries.push(parsed);
    if (entries.length === MY_LIST_MAX_ENTRIES) break;
  }
  return entries.length === 0 ? EMPTY_MY_LIST : entries;
}

export function serializeMyList(list: MyList): string {
  return JSON.stringify(list);
}

export type AddOutcome = 'added' | 'updated' | 'full' | 'invalid';

/**
 * Adds `entry` at the end (the handout keeps the order things were saved in). Saving a
 * service that is already there replaces its snapshot in place rather than duplicating it.
 */
export function addToMyList(list: MyList, entry: unknown): { list: MyList; outcome: AddOutcome } {
  const parsed = readMyListEntry(entry);
  if (!parsed) return { list, outcome: 'invalid' };
  const index = list.findIndex((existing) => existing.id === parsed.id);
  if (index >= 0) {
    const next = [...list];
    next[index] = parsed;
    return { list: next, outcome: 'updated' };
  }
  if (list.length >= MY_LIST_MAX_ENTRIES) return { list, outcome: 'full' };
  return { list: [...list, parsed], outcome: 'added' };
}

export function removeFromMyList(list: MyList, id: string): MyList {
  const next = list.filter((entry) => entry.id !== id);
  if (next.length === list.length) return list;
  return next.length === 0 ? EMPTY_MY_LIST : next;
}

export function isInMyList(list: MyList, id: string): boolean {
  return list.some((entry) => entry.id === id);
}
