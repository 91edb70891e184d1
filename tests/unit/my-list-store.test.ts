import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MyListEntry } from '@/lib/my-list/entry';
import { MY_LIST_MAX_ENTRIES, MY_LIST_STORAGE_KEY } from '@/lib/my-list/list';
import {
  clearMyList,
  getMyListSnapshot,
  isMyListStorageAvailable,
  removeFromStoredMyList,
  saveToMyList,
  subscribeToMyList,
} from '@/lib/my-list/store';

/**
 * The store runs in the browser; vitest runs in Node. A real (in-memory) Storage and an
 * event target stand in for the two things the store uses from `window`.
 */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  isFull = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
}

let storage: MemoryStorage;
let events: EventTarget;

beforeEach(() => {
  storage = new MemoryStorage();
  events = new EventTarget();
  vi.stubGlobal('window', {
    localStorage: storage,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function entry(id: string, overrides: Partial<MyListEntry> = {}): MyListEntry {
  return {
    id,
    slug: `tjanst-${id}`,
    locale: 'sv',
    name: `Tjänst ${id}`,
    organizationName: 'Föreningen',
    summary: '',
    howToGetHelp: '',
    phones: [],
    email: null,
    website: null,
    address: null,
    openingHours: [],
    savedAt: '',
    ...overrides,
  };
}

/** What another tab does: writes storage and the browser fires `storage` here. */
function writeFromAnotherTab(value: string | null, key: string | null = MY_LIST_STORAGE_KEY) {
  if (key && value !== null) storage.setItem(key, value);
  else if (key) storage.removeItem(key);
  else storage.clear();
  const event = new Event('storage') as Event & { key: string | null };
  Object.defineProperty(event, 'key', { value: key });
  events.dispatchEvent(event);
}

describe('saveToMyList', () => {
  it('stores the entry under lisa.myList.v1, stamped with the moment it was saved', () => {
    const now = new Date('2026-11-23T09:30:00.000Z');
    expect(saveToMyList(entry('a', { savedAt: 'whatever the page said' }), now)).toBe('added');
    const stored = JSON.parse(storage.getItem('lisa.myList.v1') ?? 'null') as MyListEntry[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: 'a', savedAt: '2026-11-23T09:30:00.000Z' });
    expect(getMyListSnapshot().map((e) => e.id)).toEqual(['a']);
  });

  it('saves a service only once however often it is saved', () => {
    saveToMyList(entry('a'));
    expect(saveToMyList(entry('a', { name: 'New name' }))).toBe('updated');
    expect(getMyListSnapshot().map((e) => [e.id, e.name])).toEqual([['a', 'New name']]);
  });

  it('keeps what another tab saved meanwhile', () => {
    saveToMyList(entry('a'));
    writeFromAnotherTab(JSON.stringify([entry('a'), entry('from-other-tab')]));
    saveToMyList(entry('b'));
    expect(getMyListSnapshot().map((e) => e.id)).toEqual(['a', 'from-other-tab', 'b']);
  });

  it(`refuses a new service once ${MY_LIST_MAX_ENTRIES} are saved`, () => {
    storage.setItem(MY_LIST_STORAGE_KEY, JSON.stringify(Array.from({ length: MY_LIST_MAX_ENTRIES }, (_, i) => entry(`id-${i}`))));
    expect(saveToMyList(entry('one-more'))).toBe('full');
    expect(getMyListSnapshot()).toHaveLength(MY_LIST_MAX_ENTRIES);
  });

  it('reports a refused write (quota, blocked storage) and keeps the list as it was', () => {
    saveToMyList(entry('a'));
    storage.isFull = true;
    expect(saveToMyList(entry('b'))).toBe('unavailable');
    expect(getMyListSnapshot().map((e) => e.id)).toEqual(['a']);
  });

  it('reports that nothing can be stored when the browser blocks localStorage', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('Access is denied', 'SecurityError');
      },
      addEventListener: () => {},
      removeEventListener: () => {},
    });
    expect(saveToMyList(entry('a'))).toBe('unavailable');
    expect(getMyListSnapshot()).toEqual([]);
    expect(isMyListStorageAvailable()).toBe(false);
  });

  it('refuses an invalid entry without touching storage', () => {
    expect(saveToMyList({ ...entry('a'), name: '' })).toBe('invalid');
    expect(storage.getItem(MY_LIST_STORAGE_KEY)).toBeNull();
  });
});

describe('removeFromStoredMyList and clearMyList', () => {
  it('removes one service and leaves the others', () => {
    saveToMyList(entry('a'));
    saveToMyList(entry('b'));
    expect(removeFromStoredMyList('a')).toBe(true);
    expect(getMyListSnapshot().map((e) => e.id)).toEqual(['b']);
  });

  it('leaves no trace in storage once the list is empty', () => {
    saveToMyList(entry('a'));
    saveToMyList(entry('b'));
    removeFromStoredMyList('a');
    removeFromStoredMyList('b');
    expect(storage.getItem(MY_LIST_STORAGE_KEY)).toBeNull();
    saveToMyList(entry('c'));
    expect(clearMyList()).toBe(true);
    expect(storage.getItem(MY_LIST_STORAGE_KEY)).toBeNull();
    expect(getMyListSnapshot()).toEqual([]);
  });
});

describe('getMyListSnapshot', () => {
  it('returns the same array until storage changes (useSyncExternalStore needs that)', () => {
    saveToMyList(entry('a'));
    const first = getMyListSnapshot();
    expect(getMyListSnapshot()).toBe(first);
    saveToMyList(entry('b'));
    expect(getMyListSnapshot()).not.toBe(first);
  });

  it('shows an empty list when storage holds something unreadable', () => {
    storage.setItem(MY_LIST_STORAGE_KEY, '[{"id":');
    expect(getMyListSnapshot()).toEqual([]);
  });
});

describe('subscribeToMyList', () => {
  it('tells every subscriber on the page about a change made here', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = subscribeToMyList(first);
    const stopSecond = subscribeToMyList(second);
    saveToMyList(entry('a'));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    stopFirst();
    removeFromStoredMyList('a');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    stopSecond();
  });

  it('tells subscribers about a change made in another tab, and the snapshot follows it', () => {
    const listener = vi.fn();
    const stop = subscribeToMyList(listener);
    writeFromAnotherTab(JSON.stringify([entry('x')]));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(getMyListSnapshot().map((e) => e.id)).toEqual(['x']);
    writeFromAnotherTab(null, null);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(getMyListSnapshot()).toEqual([]);
    stop();
  });

  it('ignores changes to other keys in storage', () => {
    const listener = vi.fn();
    const stop = subscribeToMyList(listener);
    writeFromAnotherTab('1', 'some.other.key');
    expect(listener).not.toHaveBeenCalled();
    stop();
  });

  it('stops listening to the window when the last subscriber leaves', () => {
    const listener = vi.fn();
    subscribeToMyList(listener)();
    writeFromAnotherTab(JSON.stringify([entry('x')]));
    expect(listener).not.toHaveBeenCalled();
  });
});
