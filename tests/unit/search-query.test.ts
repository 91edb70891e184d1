import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import {
  DEFAULT_PER_PAGE,
  MAX_PAGE,
  MAX_PER_PAGE,
  MAX_QUERY_LENGTH,
  parseSearchQuery,
  searchQueryToParams,
  toggleFacet,
  type SearchQuery,
} from '@/lib/search/query';
import { expandQuery, findSynonymMatches, searchWords } from '@/lib/search/synonyms';
import type { SynonymGroup } from '@/lib/search/types';

const parse = (params: string) => parseSearchQuery(new URLSearchParams(params));

/** The INVALID_INPUT error a parse throws, for its field errors. */
function invalid(params: string | Record<string, string | string[]>): AppError {
  try {
    parseSearchQuery(typeof params === 'string' ? new URLSearchParams(params) : params);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(params)} to be refused`);
}

describe('parseSearchQuery', () => {
  it('gives the defaults for an empty query', () => {
    expect(parse('')).toEqual({
      q: '',
      categories: [],
      municipalities: [],
      targetGroups: [],
      languages: [],
      attributes: [],
      openNow: false,
      page: 1,
      perPage: DEFAULT_PER_PAGE,
    });
  });

  it('trims the text and collapses its whitespace', () => {
    expect(parse('q=%20%20v%C3%A5ld%20%20i%0An%C3%A4ra%20%20').q).toBe('våld i nära');
  });

  it('reads a facet repeated, comma separated, or both, dropping empty values', () => {
    expect(parse('kommun=karlskoga&kommun=degerfors').municipalities).toEqual(['karlskoga', 'degerfors']);
    expect(parse('kommun=karlskoga,degerfors').municipalities).toEqual(['karlskoga', 'degerfors']);
    expect(parse('kategori=psykisk-halsa,&kategori=,aldre&kategori=').categories).toEqual(['psykisk-halsa', 'aldre']);
    expect(parse('malgrupp=unga&sprak=ar,en&egenskap=drop-in')).toMatchObject({ targetGroups: ['unga'], languages: ['ar', 'en'], attributes: ['drop-in'] });
  });

  it('reads the same query from a record of parameters (as Next.js passes searchParams)', () => {
    expect(parseSearchQuery({ q: 'mat', kommun: ['karlskoga', 'degerfors'], sida: '2', tom: undefined })).toMatchObject({
      q: 'mat',
      municipalities: ['karlskoga', 'degerfors'],
      page: 2,
    });
  });

  it('keeps a category chosen twice once', () => {
    expect(parse('kategori=aldre&kategori=aldre,aldre').categories).toEqual(['aldre']);
  });

  it('turns gratis=1 and anonym=1 into attributes, once each', () => {
    expect(parse('gratis=1').attributes).toEqual(['free']);
    expect(parse('anonym=ja').attributes).toEqual(['anonymous']);
    expect(parse('egenskap=free&gratis=true&anonym=1').attributes).toEqual(['free', 'anonymous']);
    expect(parse('gratis=0&anonym=').attributes).toEqual([]);
  });

  it('reads oppet=nu as open now', () => {
    expect(parse('oppet=nu').openNow).toBe(true);
    expect(parse('oppet=').openNow).toBe(false);
  });

  it('reads page and page size within their limits', () => {
    expect(parse(`sida=${MAX_PAGE}&per_sida=${MAX_PER_PAGE}`)).toMatchObject({ page: MAX_PAGE, perPage: MAX_PER_PAGE });
    expect(parse('sida=&per_sida=')).toMatchObject({ page: 1, perPage: DEFAULT_PER_PAGE });
    expect(parse(`q=${'a'.repeat(MAX_QUERY_LENGTH)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it.each([
    ['gratis=2', 'gratis'],
    ['anonym=nej', 'anonym'],
    ['oppet=idag', 'oppet'],
    ['kommun=Karlskoga', 'kommun'],
    ['kategori=psykisk%20h%C3%A4lsa', 'kategori'],
    ['malgrupp=-unga', 'malgrupp'],
    ['sprak=svenska', 'sprak'],
    ['sprak=s1', 'sprak'],
    ['egenskap=free!', 'egenskap'],
    ['sida=0', 'sida'],
    [`sida=${MAX_PAGE + 1}`, 'sida'],
    ['sida=2.5', 'sida'],
    ['sida=abc', 'sida'],
    ['per_sida=0', 'per_sida'],
    [`per_sida=${MAX_PER_PAGE + 1}`, 'per_sida'],
    [`q=${'a'.repeat(MAX_QUERY_LENGTH + 1)}`, 'q'],
    [`kommun=${Array.from({ length: 21 }, (_, i) => `k${i}`).join(',')}`, 'kommun'],
  ])('refuses %s with INVALID_INPUT on the parameter %s', (params, field) => {
    const error = invalid(params);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.httpStatus).toBeGreaterThanOrEqual(400);
    expect(error.httpStatus).toBeLessThan(500);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(error.fieldErrors?.[field]?.[0]).toBeTruthy();
  });

  it('names every bad parameter at once, as in the URL', () => {
    const error = invalid('kommun=X&sprak=svenska&sida=0&per_sida=100');
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['kommun', 'per_sida', 'sida', 'sprak']);
    expect(error.message).toContain('kommun');
  });
});

describe('searchQueryToParams', () => {
  const full: SearchQuery = {
    q: 'stöd & hjälp',
    categories: ['psykisk-halsa', 'aldre'],
    municipalities: ['degerfors'],
    targetGroups: ['unga'],
    languages: ['ar'],
    attributes: ['free', 'drop-in'],
    openNow: true,
    page: 3,
    perPage: 10,
  };

  it('writes the parameters in a stable order, leaving out defaults', () => {
    expect(searchQueryToParams(full).toString()).toBe(
      'q=st%C3%B6d+%26+hj%C3%A4lp&kategori=psykisk-halsa&kategori=aldre&kommun=degerfors&malgrupp=unga&sprak=ar&egenskap=free&egenskap=drop-in&oppet=nu&sida=3',
    );
    expect(searchQueryToParams(parse('')).toString()).toBe('');
    expect(searchQueryToParams({ ...full, page: 1, openNow: false, q: '' }).has('sida')).toBe(false);
  });

  it('writes the page size only when asked and when it is not the default', () => {
    expect(searchQueryToParams(full, { includePerPage: true }).get('per_sida')).toBe('10');
    expect(searchQueryToParams({ ...full, perPage: DEFAULT_PER_PAGE }, { includePerPage: true }).has('per_sida')).toBe(false);
  });

  it('round-trips through parseSearchQuery', () => {
    expect(parseSearchQuery(searchQueryToParams(full, { includePerPage: true }))).toEqual(full);
    const fromUrl = parse('q=mat&kommun=karlskoga,degerfors&gratis=1&anonym=1&oppet=nu&sida=2');
    expect(parseSearchQuery(searchQueryToParams(fromUrl))).toEqual(fromUrl);
  });
});

describe('toggleFacet', () => {
  const base = parse('kommun=karlskoga&kategori=aldre&sida=4');

  it('adds a value that is not chosen and goes back to page 1', () => {
    const next = toggleFacet(base, 'municipalities', 'degerfors');
    expect(next.municipalities).toEqual(['karlskoga', 'degerfors']);
    expect(next.categories).toEqual(['aldre']);
    expect(next.page).toBe(1);
  });

  it('removes a value that is chosen', () => {
    expect(toggleFacet(base, 'categories', 'aldre').categories).toEqual([]);
    expect(toggleFacet(base, 'municipalities', 'karlskoga').municipalities).toEqual([]);
  });

  it('leaves the query it was given unchanged', () => {
    toggleFacet(base, 'attributes', 'free');
    expect(base).toEqual(parse('kommun=karlskoga&kategori=aldre&sida=4'));
  });
});

describe('searchWords', () => {
  it('folds case and diacritics and splits at anything but letters and digits', () => {
    expect(searchWords('Våld i nära-relation, 112!')).toEqual(['vald', 'i', 'nara', 'relation', '112']);
    expect(searchWords('"%\\\'; --')).toEqual([]);
    expect(searchWords('مساعدة  عاجلة')).toEqual(['مساعدة', 'عاجلة']);
  });
});

describe('expandQuery', () => {
  const groups: SynonymGroup[] = [
    { input: 'misshandel', synonyms: ['våld i nära relation', 'våld', 'slår'], isMutual: false },
    { input: 'Kronofogden', synonyms: ['skuldrådgivning', 'skulder'], isMutual: false },
    { input: 'ensam', synonyms: ['ensamhet', 'gemenskap'], isMutual: false },
    { input: 'missbruk', synonyms: ['beroende', 'alkohol', 'droger'], isMutual: true },
    { input: 'våld i nära relation', synonyms: ['relationsvåld'], isMutual: false },
  ];

  it("adds a group's synonyms when its input is in the query", () => {
    expect(expandQuery('misshandel', groups)).toEqual(['våld i nära relation', 'våld', 'slår']);
    expect(expandQuery('stöd vid misshandel i Karlskoga', groups)).toEqual(['våld i nära relation', 'våld', 'slår']);
  });

  it('compares folded: case and diacritics do not matter, on either side', () => {
    expect(expandQuery('MISSHANDEL', groups)).toEqual(['våld i nära relation', 'våld', 'slår']);
    expect(expandQuery('kronofogden', groups)).toEqual(['skuldrådgivning', 'skulder']);
    expect(expandQuery('hjälp vid vald i nara relation', groups)).toEqual(['relationsvåld']);
  });

  it('matches whole words and whole phrases only', () => {
    expect(expandQuery('misshandeln', groups)).toEqual([]);
    expect(expandQuery('ensamhet', groups)).toEqual([]);
    expect(expandQuery('våld i nära', groups)).toEqual([]);
    expect(expandQuery('relation i nära våld', groups)).toEqual([]);
  });

  it('does not run a one-way group backwards', () => {
    expect(expandQuery('slår', groups)).toEqual([]);
    expect(expandQuery('skulder', groups)).toEqual([]);
  });

  it('lets any member of a mutual group bring in the others and the input', () => {
    expect(expandQuery('alkohol', groups)).toEqual(['missbruk', 'beroende', 'droger']);
    expect(expandQuery('missbruk', groups)).toEqual(['beroende', 'alkohol', 'droger']);
  });

  it('merges the expansions of several groups without repeating a phrase', () => {
    const overlapping: SynonymGroup[] = [...groups, { input: 'slag', synonyms: ['Våld', 'misshandel'], isMutual: false }];
    expect(expandQuery('slag och misshandel', overlapping)).toEqual(['våld i nära relation', 'våld', 'slår', 'misshandel']);
  });

  it('never returns the query itself, and nothing for a query without words', () => {
    expect(expandQuery('beroende', [{ input: 'beroende', synonyms: ['Beroende', 'spel'], isMutual: true }])).toEqual(['spel']);
    expect(expandQuery('', groups)).toEqual([]);
    expect(expandQuery('!!!', groups)).toEqual([]);
    expect(expandQuery('misshandel', [])).toEqual([]);
  });
});

describe('findSynonymMatches', () => {
  it('tells where in the query the member was found, so the engine can replace just those words', () => {
    const groups: SynonymGroup[] = [{ input: 'våld i nära relation', synonyms: ['relationsvåld'], isMutual: false }];
    expect(findSynonymMatches('Stöd vid våld i nära relation', groups)).toEqual([
      { words: ['vald', 'i', 'nara', 'relation'], start: 2, alternatives: ['relationsvåld'] },
    ]);
  });
});
