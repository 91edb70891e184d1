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
import { analyzeQuery, EMPTY_ANALYSIS, splitCompound } from '@/lib/search/analyze';
import type { ThesaurusEntry } from '@/lib/search/thesaurus/entries';
import { findThesaurusMatches } from '@/lib/search/thesaurus/match';
import { Vocabulary } from '@/lib/search/vocabulary';
import { searchWords } from '@/lib/search/words';

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

const entry = (input: string, synonyms: string[], options: Partial<ThesaurusEntry> = {}): ThesaurusEntry => ({
  input,
  synonyms,
  categories: [],
  isMutual: false,
  ...options,
});

describe('findThesaurusMatches', () => {
  const thesaurus: ThesaurusEntry[] = [
    entry('misshandel', ['våld i nära relation', 'våld'], { categories: ['vald-i-nara-relation'] }),
    entry('Kronofogden', ['skuldrådgivning', 'skulder']),
    entry('ensam', ['ensamhet', 'gemenskap']),
    entry('missbruk', ['beroende', 'alkohol'], { isMutual: true }),
    entry('slår mig', ['våld', 'kvinnojour']),
    entry('misshandla*', ['våld']),
    entry('hem*', ['bostad']),
  ];
  const inputs = (q: string) => findThesaurusMatches(searchWords(q), thesaurus).map((m) => m.input);

  it('finds an entry anywhere in the query, compared folded, with what it stands for and its categories', () => {
    expect(findThesaurusMatches(searchWords('stöd vid MISSHANDEL i Karlskoga'), thesaurus)).toEqual([
      { input: 'misshandel', start: 2, length: 1, alternatives: ['våld i nära relation', 'våld'], categories: ['vald-i-nara-relation'] },
    ]);
    expect(inputs('fått brev från kronofogden')).toEqual(['Kronofogden']);
  });

  it('matches a phrase only when its words follow each other, with or without diacritics', () => {
    expect(inputs('min pojkvän slår mig')).toEqual(['slår mig']);
    expect(inputs('min sambo slar mig')).toEqual(['slår mig']);
    expect(inputs('mig slår')).toEqual([]);
  });

  it('matches whole words, and any ending only where the entry ends with *', () => {
    expect(inputs('ensamhet')).toEqual([]);
    expect(inputs('misshandeln')).toEqual([]);
    expect(inputs('blev misshandlad igår')).toEqual(['misshandla*']);
    // A star after fewer than four letters is not a prefix: "hem*" would fire on "hemlig", "hemma"...
    expect(inputs('hemma')).toEqual([]);
    expect(inputs('hem')).toEqual(['hem*']);
  });

  it('does not run a one-way entry backwards, and lets any member of a mutual entry bring in the others', () => {
    expect(inputs('skulder')).toEqual([]);
    expect(findThesaurusMatches(['alkohol'], thesaurus)[0]?.alternatives).toEqual(['missbruk', 'beroende']);
  });

  it('finds nothing in an empty query or with an empty thesaurus', () => {
    expect(findThesaurusMatches([], thesaurus)).toEqual([]);
    expect(findThesaurusMatches(['misshandel'], [])).toEqual([]);
  });
});

describe('splitCompound', () => {
  const vocabulary = Vocabulary.fromTexts([
    'stöd vid alkohol och andra problem',
    'spelberoende och spel om pengar, missbruk',
    'panikångest och oro',
    'fritid och aktiviteter för unga',
    'språkkurs i svenska',
  ]);

  it('splits a word the directory lacks into two words it has', () => {
    expect(splitCompound('alkoholproblem', vocabulary)).toEqual(['alkohol', 'problem']);
    expect(splitCompound('spelmissbruk', vocabulary)).toEqual(['spel', 'missbruk']);
  });

  it('accepts the start of a word the directory has as a part, and the linking s', () => {
    expect(splitCompound('panikoro', vocabulary)).toEqual(['panik', 'oro']);
    expect(splitCompound('fritidsaktiviteter', vocabulary)).toEqual(['fritid', 'aktiviteter']);
  });

  it('leaves alone words the directory has, short words, and words without known parts', () => {
    expect(splitCompound('spelberoende', vocabulary)).toEqual([]);
    expect(splitCompound('spelet', vocabulary)).toEqual([]);
    expect(splitCompound('xqzvblorfwq', vocabulary)).toEqual([]);
  });
});

describe('analyzeQuery', () => {
  const vocabulary = Vocabulary.fromTexts([
    'stöd och hjälp vid våld, kvinnojour',
    'stöd med skulder och budget',
    'stöd för dig med alkohol och problem',
    'stöd och gemenskap, sorgegrupp',
  ]);
  const thesaurus = [entry('slår mig', ['våld', 'kvinnojour'], { categories: ['vald-i-nara-relation'] })];

  it('keeps the words that carry meaning and the thesaurus entries found in the whole query', () => {
    const categories = new Map([['vald-i-nara-relation', 'Våld i nära relation']]);
    const analysis = analyzeQuery('Min pojkvän slår mig', thesaurus, vocabulary, categories);
    expect(analysis.terms.map((t) => t.word)).toEqual(['pojkvan', 'slar']);
    expect(analysis.matches.map((m) => m.input)).toEqual(['slår mig']);
    expect(analysis.categories).toEqual([{ slug: 'vald-i-nara-relation', name: 'Våld i nära relation' }]);
    // A category the portal does not have (or has switched off) is left out.
    expect(analyzeQuery('Min pojkvän slår mig', thesaurus, vocabulary, new Map()).categories).toEqual([]);
  });

  it('drops stop words, folded as queries are ("på", "för"), unless nothing else is left', () => {
    expect(analyzeQuery('jag vill ha hjälp för mina skulder på en gång', [], vocabulary).terms.map((t) => t.word)).toEqual(['skulder', 'gang']);
    expect(analyzeQuery('hur gör man', [], vocabulary).terms.map((t) => t.word)).toEqual(['hur', 'gor', 'man']);
  });

  it('drops a word nearly every service has when the query says more ("stöd")', () => {
    expect(analyzeQuery('stöd skulder', [], vocabulary).terms.map((t) => t.word)).toEqual(['skulder']);
    expect(analyzeQuery('stöd', [], vocabulary).terms.map((t) => t.word)).toEqual(['stod']);
  });

  it('splits compounds against the vocabulary', () => {
    expect(analyzeQuery('alkoholproblem', [], vocabulary).terms).toEqual([{ word: 'alkoholproblem', parts: ['alkohol', 'problem'] }]);
  });

  it('gives nothing for a query without letters or digits', () => {
    expect(analyzeQuery('!!!', thesaurus, vocabulary)).toEqual(EMPTY_ANALYSIS);
  });
});
