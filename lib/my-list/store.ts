import {
  addToMyList,
  EMPTY_MY_LIST,
  MY_LIST_STORAGE_KEY,
  parseMyList,
  removeFromMyList,
  serializeMyList,
  type AddOutcome,
  type MyList,
} from './list';

/**
 * The browser side of My list: localStorage plus change notification, shaped for
 * useSyncExternalStore. Every save button and list view on a page reads the same snapshot,
 * and a change in another tab arrives through the `storage` event. It never talks to the
 * network: the list exists only in this browser.
 */

const listeners = new Set<() => void>();

// useSyncExternalStore compares snapshots by identity: re-parse only when the stored text changed.
let cachedRaw: string | null | undefined;
let cachedList: MyList = EMPTY_MY_LIST;

function storage(): Storage | null {
  try {
    // Reading the property itself throws when the visitor has blocked site data.
    return window.localStorage;
  } catch {
    return null;
  }
}

function readRaw(): string | null {
  try {
    return storage()?.getItem(MY_LIST_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

function onStorage(event: StorageEvent): void {
  // key is null when another tab cleared all of this site's storage.
  if (event.key === MY_LIST_STORAGE_KEY || event.key === null) notify();
}

export function subscribeToMyList(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

export function getMyListSnapshot(): MyList {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedList = parseMyList(raw);
  }
  return cachedList;
}

/** The server has no list: pages render the empty state there and fill in after hydration. */
export function getMyListServerSnapshot(): MyList {
  return EMPTY_MY_LIST;
}

/** False when the browser refuses to store anything (blocked site data, some private modes). */
export function isMyListStorageAvailable(): boolean {
  const store = storage();
  if (!store) return false;
  const probe = `${MY_LIST_STORAGE_KEY}.probe`;
  try {
    store.setItem(probe, '1');
    store.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

function write(list: MyList): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (list.length === 0) store.removeItem(MY_LIST_STORAGE_KEY);
    else store.setItem(MY_LIST_STORAGE_KEY, serializeMyList(list));
  } catch {
    // Quota exceeded or storage disabled: the list stays as it was.
    return false;
  }
  notify();
  return true;
}

export type SaveOutcome = AddOutcome | 'unavailable';

/**
 * Saves a snapshot of a service, stamped with the moment it was saved. Always starts from
 * what storage holds now, so a change made meanwhile in another tab is kept.
 */
export function saveToMyList(entry: unknown, now: Date = new Date()): SaveOutcome {
  const stamped = typeof entry === 'object' && entry !== null ? { ...entry, savedAt: now.toISOString() } : entry;
  const { list, outcome } = addToMyList(getMyListSnapshot(), stamped);
  if (outcome !== 'added' && outcome !== 'updated') return outcome;
  return write(list) ? outcome : 'unavailable';
}

export function removeFromStoredMyList(id: string): boolean {
  const current = getMyListSnapshot();
  const next = removeFromMyList(current, id);
  return next === current || write(next);
}

export function clearMyList(): boolean {
  return write(EMPTY_MY_LIST);
}
