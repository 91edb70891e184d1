import { describe, expect, it } from 'vitest';
import { entryTextProps } from '@/components/my-list/entry-text';
import { fillTemplate } from '@/components/my-list/template';
import { myListEntrySchema, type MyListEntry } from '@/lib/my-list/entry';
import {
  addToMyList,
  EMPTY_MY_LIST,
  isInMyList,
  MY_LIST_MAX_ENTRIES,
  parseMyList,
  removeFromMyList,
  serializeMyList,
} from '@/lib/my-list/list';
import { drawQrCode } from '@/lib/my-list/qr';
import { servicePath, serviceUrl } from '@/lib/my-list/service-url';

function entry(id: string, overrides: Partial<MyListEntry> = {}): MyListEntry {
  return {
    id,
    slug: `tjanst-${id}`,
    locale: 'sv',
    name: `Tjänst ${id}`,
    organizationName: 'Föreningen',
    summary: 'Stöd för den som behöver.',
    howToGetHelp: 'Ring oss.',
    phones: [{ display: '0586-310 40', dial: '058631040' }],
    email: null,
    website: null,
    address: 'Kungsgatan 12, 691 31 Karlskoga',
    openingHours: ['Mån–fre 09:00–12:00'],
    savedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

describe('parseMyList', () => {
  it('reads back what serializeMyList wrote', () => {
    const list = [entry('a'), entry('b', { address: null, phones: [] })];
    expect(parseMyList(serializeMyList(list))).toEqual(list);
  });

  it('gives an empty list when nothing is stored', () => {
    expect(parseMyList(null)).toBe(EMPTY_MY_LIST);
    expect(parseMyList('')).toBe(EMPTY_MY_LIST);
  });

  it('gives an empty list when storage holds invalid JSON or not an array', () => {
    expect(parseMyList('{not json')).toEqual([]);
    expect(parseMyList('{"id":"a"}')).toEqual([]);
    expect(parseMyList('"text"')).toEqual([]);
    expect(parseMyList('null')).toEqual([]);
  });

  it('drops entries the schema rejects and keeps the valid ones around them', () => {
    const raw = JSON.stringify([
      entry('a'),
      { ...entry('b'), name: '' },
      { ...entry('c'), phones: 'not a list' },
      { ...entry('d'), id: 'x'.repeat(65) },
      42,
      null,
      entry('e'),
    ]);
    expect(parseMyList(raw).map((e) => e.id)).toEqual(['a', 'e']);
  });

  it('keeps the first of two entries with the same id', () => {
    const raw = JSON.stringify([entry('a', { name: 'First' }), entry('b'), entry('a', { name: 'Second' })]);
    const list = parseMyList(raw);
    expect(list.map((e) => e.id)).toEqual(['a', 'b']);
    expect(list[0]?.name).toBe('First');
  });

  it(`keeps at most ${MY_LIST_MAX_ENTRIES} entries`, () => {
    const raw = JSON.stringify(Array.from({ length: MY_LIST_MAX_ENTRIES + 5 }, (_, i) => entry(`id-${i}`)));
    const list = parseMyList(raw);
    expect(list).toHaveLength(MY_LIST_MAX_ENTRIES);
    expect(list.at(-1)?.id).toBe(`id-${MY_LIST_MAX_ENTRIES - 1}`);
  });

  it('fills in the default for howToGetHelp when an older entry lacks it', () => {
    const { howToGetHelp: _dropped, ...withoutHowTo } = entry('a');
    expect(parseMyList(JSON.stringify([withoutHowTo]))[0]?.howToGetHelp).toBe('');
  });

  it('strips unknown fields, so nothing unexpected is carried along', () => {
    const list = parseMyList(JSON.stringify([{ ...entry('a'), tracking: 'x' }]));
    expect(list[0]).not.toHaveProperty('tracking');
  });
});

describe('myListEntrySchema', () => {
  it.each([
    ['an empty id', { id: '' }],
    ['an empty name', { name: '' }],
    ['six phone numbers', { phones: Array.from({ length: 6 }, () => ({ display: '1', dial: '1' })) }],
    ['fifteen opening-hours lines', { openingHours: Array.from({ length: 15 }, () => 'Mån 9–12') }],
    ['an address that is a number', { address: 12 }],
    ['a missing savedAt', { savedAt: undefined }],
  ])('rejects an entry with %s', (_case, overrides) => {
    expect(myListEntrySchema.safeParse({ ...entry('a'), ...overrides }).success).toBe(false);
  });
});

describe('addToMyList', () => {
  it('appends a new entry, keeping the order things were saved in', () => {
    const { list, outcome } = addToMyList([entry('a')], entry('b'));
    expect(outcome).toBe('added');
    expect(list.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('replaces an entry with the same id in place instead of adding a duplicate', () => {
    const { list, outcome } = addToMyList([entry('a'), entry('b')], entry('a', { name: 'Renamed' }));
    expect(outcome).toBe('updated');
    expect(list.map((e) => e.id)).toEqual(['a', 'b']);
    expect(list[0]?.name).toBe('Renamed');
  });

  it('refuses a new entry when the list is full, and leaves the list as it was', () => {
    const full = Array.from({ length: MY_LIST_MAX_ENTRIES }, (_, i) => entry(`id-${i}`));
    const { list, outcome } = addToMyList(full, entry('one-more'));
    expect(outcome).toBe('full');
    expect(list).toBe(full);
  });

  it('still updates an entry already in a full list', () => {
    const full = Array.from({ length: MY_LIST_MAX_ENTRIES }, (_, i) => entry(`id-${i}`));
    const { list, outcome } = addToMyList(full, entry('id-3', { name: 'Updated' }));
    expect(outcome).toBe('updated');
    expect(list[3]?.name).toBe('Updated');
  });

  it('refuses an entry the schema rejects', () => {
    const { list, outcome } = addToMyList([entry('a')], { ...entry('b'), slug: '' });
    expect(outcome).toBe('invalid');
    expect(list.map((e) => e.id)).toEqual(['a']);
  });

  it('does not change the list it was given', () => {
    const original = [entry('a')];
    addToMyList(original, entry('b'));
    expect(original.map((e) => e.id)).toEqual(['a']);
  });
});

describe('removeFromMyList', () => {
  it('removes the entry with that id', () => {
    expect(removeFromMyList([entry('a'), entry('b'), entry('c')], 'b').map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('returns the same list when the id is not there', () => {
    const list = [entry('a')];
    expect(removeFromMyList(list, 'zzz')).toBe(list);
  });

  it('gives the shared empty list when the last entry goes', () => {
    expect(removeFromMyList([entry('a')], 'a')).toBe(EMPTY_MY_LIST);
  });
});

describe('isInMyList', () => {
  it('tells whether an id is saved', () => {
    expect(isInMyList([entry('a')], 'a')).toBe(true);
    expect(isInMyList([entry('a')], 'b')).toBe(false);
  });
});

describe('servicePath', () => {
  it('puts Swedish at the root and other languages under their prefix', () => {
    expect(servicePath('sv', 'diakoni-samtal')).toBe('/tjanster/diakoni-samtal');
    expect(servicePath('en', 'diakoni-samtal')).toBe('/en/tjanster/diakoni-samtal');
    expect(servicePath('ar', 'diakoni-samtal')).toBe('/ar/tjanster/diakoni-samtal');
  });

  it('encodes a slug so it cannot leave the service path', () => {
    expect(servicePath('sv', '../konto?x=1')).toBe('/tjanster/..%2Fkonto%3Fx%3D1');
  });
});

describe('serviceUrl', () => {
  it('gives the absolute address on the portal for the QR code', () => {
    expect(serviceUrl('https://lisa.example.se', 'en', 'vaga-chatt')).toBe('https://lisa.example.se/en/tjanster/vaga-chatt');
    expect(serviceUrl('http://127.0.0.1:3000', 'sv', 'vaga-chatt')).toBe('http://127.0.0.1:3000/tjanster/vaga-chatt');
  });
});

describe('drawQrCode', () => {
  const url = 'https://lisa.example.se/en/tjanster/trygghetsjouren-anhoriga-efter-brott';

  /** The dark modules of the path, as "x,y" strings (each run is `M x y h n v1 h-n z`). */
  function darkModules(path: string): Set<string> {
    const dark = new Set<string>();
    for (const match of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      const [x, y, run] = [Number(match[1]), Number(match[2]), Number(match[3])];
      for (let i = 0; i < run; i += 1) dark.add(`${x + i},${y}`);
    }
    return dark;
  }

  it('draws a square code with a quiet zone of four modules', () => {
    const { size, path } = drawQrCode(url);
    // Version 5 (37 modules) holds 84 bytes at level M; this URL is 73.
    expect(size).toBe(37 + 8);
    const dark = darkModules(path);
    for (const key of dark) {
      const [x, y] = key.split(',').map(Number) as [number, number];
      expect(x).toBeGreaterThanOrEqual(4);
      expect(y).toBeGreaterThanOrEqual(4);
      expect(x).toBeLessThan(size - 4);
      expect(y).toBeLessThan(size - 4);
    }
  });

  it('has the three finder patterns a scanner looks for', () => {
    const { size, path } = drawQrCode(url);
    const dark = darkModules(path);
    const modules = size - 8;
    // A finder pattern: a dark 7x7 ring, a light ring, a dark 3x3 centre.
    const isFinderAt = (left: number, top: number) =>
      Array.from({ length: 7 }, (_, dy) => Array.from({ length: 7 }, (_, dx) => [dx, dy] as const))
        .flat()
        .every(([dx, dy]) => {
          const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
          return dark.has(`${left + dx},${top + dy}`) === (ring !== 2);
        });
    expect(isFinderAt(4, 4)).toBe(true);
    expect(isFinderAt(4 + modules - 7, 4)).toBe(true);
    expect(isFinderAt(4, 4 + modules - 7)).toBe(true);
    expect(isFinderAt(4 + modules - 7, 4 + modules - 7)).toBe(false);
  });

  it('draws different codes for different addresses', () => {
    expect(drawQrCode(`${url}-a`).path).not.toBe(drawQrCode(`${url}-b`).path);
  });
});

describe('fillTemplate', () => {
  it('fills the named placeholders and leaves unknown ones alone', () => {
    expect(fillTemplate('{name} är sparad i {list}.', { name: 'Vågas chatt' })).toBe('Vågas chatt är sparad i {list}.');
    expect(fillTemplate('Sparade tjänster ({count})', { count: 3 })).toBe('Sparade tjänster (3)');
  });

  it('inserts values literally, even when they look like placeholders', () => {
    expect(fillTemplate('{name}!', { name: '{count} $& $1' })).toBe('{count} $& $1!');
  });

  it('does not read inherited properties as values', () => {
    expect(fillTemplate('{toString}', {})).toBe('{toString}');
  });
});

describe('entryTextProps', () => {
  it('marks nothing when the entry was saved in the language of the page', () => {
    expect(entryTextProps(entry('a', { locale: 'sv' }), 'sv')).toEqual({});
  });

  it('marks the language and direction of an entry saved in another language', () => {
    expect(entryTextProps(entry('a', { locale: 'ar' }), 'sv')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(entryTextProps(entry('a', { locale: 'sv' }), 'ar')).toEqual({ lang: 'sv', dir: 'ltr' });
  });

  it('marks nothing for a language the portal does not know (an invalid lang would mislead)', () => {
    expect(entryTextProps(entry('a', { locale: 'xx' }), 'sv')).toEqual({});
  });
});
