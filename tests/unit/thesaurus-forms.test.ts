import { describe, expect, it } from 'vitest';
import { keywordErrors, keywordUpdateSchema, splitKeywords } from '@/lib/directory/keyword-schemas';
import { AppError } from '@/lib/errors/app-error';
import { defaultThesaurusRows } from '@/lib/search/thesaurus/default';
import type { ThesaurusEntry } from '@/lib/search/thesaurus/entries';
import { findThesaurusMatches } from '@/lib/search/thesaurus/match';
import { thesaurusEntrySchema, thesaurusErrors, thesaurusListSchema } from '@/lib/search/thesaurus/schemas';
import { tallyThesaurusUsage, UNMATCHED_LIMIT, type QueryTally } from '@/lib/search/thesaurus/usage';
import { searchWords } from '@/lib/search/words';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

type Tree = { [key: string]: string | Tree };

function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));
}

/** The field keys an entry input is refused with, or null when it is accepted. */
function refusal(input: Record<string, unknown>): Record<string, string> | null {
  try {
    thesaurusErrors.parse(thesaurusEntrySchema, { input: 'vardagsord', synonyms: 'term', ...input });
    return null;
  } catch (error) {
    return thesaurusErrors.describe(error as AppError).fieldErrors ?? null;
  }
}

describe('the thesaurus and keyword messages', () => {
  it.each(['AdminThesaurus', 'ServiceKeywords'] as const)('has the same keys in Swedish, English and Arabic (%s)', (namespace) => {
    const swedish = keyPaths(sv[namespace] as Tree).sort();
    expect(keyPaths(en[namespace] as Tree).sort()).toEqual(swedish);
    expect(keyPaths(ar[namespace] as Tree).sort()).toEqual(swedish);
  });

  it('has a text for every error the data layer can report', () => {
    for (const messages of [sv, en, ar]) {
      expect(Object.keys(messages.AdminThesaurus.errors).sort()).toEqual([...thesaurusErrors.keys].sort());
      expect(Object.keys(messages.ServiceKeywords.errors).sort()).toEqual([...keywordErrors.keys].sort());
    }
  });
});

describe('thesaurusEntrySchema', () => {
  it('cleans what the form sends: lower case, single spaces, terms one per line or by comma, each once', () => {
    const parsed = thesaurusEntrySchema.parse({
      input: '  Min  Kille Slår   Mig ',
      synonyms: 'Våld i nära relation\n kvinnojour , KVINNOJOUR\n\n,jourtelefon',
      categories: ['vald-i-nara-relation', 'vald-i-nara-relation'],
      topic: '  Våld i nära   relation ',
      isActive: 'on',
    });
    expect(parsed).toEqual({
      input: 'min kille slår mig',
      synonyms: ['våld i nära relation', 'kvinnojour', 'jourtelefon'],
      categories: ['vald-i-nara-relation'],
      topic: 'Våld i nära relation',
      isMutual: false,
      isActive: true,
    });
  });

  it('takes one category from a form with a single box ticked, and lists from code', () => {
    expect(thesaurusEntrySchema.parse({ input: 'a', synonyms: ['b', 'c'], categories: 'beroende', isMutual: true }).categories).toEqual(['beroende']);
  });

  it.each([
    [{ input: '' }, { input: 'required' }],
    [{ input: '   ' }, { input: 'required' }],
    [{ input: undefined }, { input: 'required' }],
    [{ input: '!?!' }, { input: 'needsLetter' }],
    [{ input: 'x'.repeat(81) }, { input: 'tooLong' }],
    [{ input: 'rad\u0007ett' }, { input: 'control' }],
    // A * ends the input, after a word of four letters or more.
    [{ input: 'hem*' }, { input: 'wildcard' }],
    [{ input: 'slå mig*' }, { input: 'wildcard' }],
    [{ input: 'miss*handel' }, { input: 'wildcard' }],
    [{ input: 'misshandla**' }, { input: 'wildcard' }],
    [{ input: '*' }, { input: 'needsLetter' }],
    [{ synonyms: '' }, { synonyms: 'termsRequired' }],
    [{ synonyms: ' , \n ' }, { synonyms: 'termsRequired' }],
    [{ synonyms: Array.from({ length: 13 }, (_, i) => `term ${i}`).join('\n') }, { synonyms: 'tooManyTerms' }],
    [{ synonyms: `kort\n${'y'.repeat(81)}` }, { synonyms: 'termTooLong' }],
    [{ synonyms: 'bra\n---' }, { synonyms: 'termInvalid' }],
    [{ categories: ['Inte En Slug'] }, { categories: 'unknownCategory' }],
    [{ categories: Array.from({ length: 11 }, (_, i) => `kategori-${i}`) }, { categories: 'tooManyCategories' }],
    [{ topic: 't'.repeat(81) }, { topic: 'tooLong' }],
    [{ isActive: 'ja' }, { isActive: 'invalid' }],
  ])('refuses %j with %j', (input, expected) => {
    expect(refusal(input)).toEqual(expected);
  });

  it.each(['misshandla*', 'misshandla *', 'slår mig', '1177', 'يضرب*', 'x'.repeat(80)])('accepts the input %j', (input) => {
    expect(refusal({ input })).toBeNull();
  });

  it('accepts every entry of the shipped default list, so an edited default can be saved', () => {
    const problems = defaultThesaurusRows()
      .map((row) => ({ input: row.input, problem: refusal({ ...row, isActive: true }) }))
      .filter((r) => r.problem !== null);
    expect(problems).toEqual([]);
  });
});

describe('thesaurusListSchema', () => {
  it('forgives hand-edited query strings', () => {
    expect(thesaurusListSchema.parse({ page: '3', q: '  våld  i  hemmet ', topic: ' Sorg ', activity: 'inactive' })).toEqual({
      page: 3,
      q: 'våld i hemmet',
      topic: 'Sorg',
      activity: 'inactive',
    });
    expect(thesaurusListSchema.parse({ page: 'x', activity: 'deleted' })).toEqual({ page: 1, q: '', topic: '', activity: 'all' });
  });
});

describe('formErrorKeys.describe', () => {
  it('shows a duplicate at its field, other refusals as one form-level reason', () => {
    expect(thesaurusErrors.describe(new AppError('CONFLICT', 'duplicate', { input: ['duplicate'] }))).toEqual({ fieldErrors: { input: 'duplicate' } });
    expect(thesaurusErrors.describe(new AppError('FORBIDDEN', 'Not allowed: directory.settings'))).toEqual({ formError: 'forbidden' });
    expect(thesaurusErrors.describe(new AppError('NOT_FOUND', 'notFound'))).toEqual({ formError: 'notFound' });
    expect(thesaurusErrors.describe(new AppError('INVALID_INPUT', 'x', { input: ['made up'] }))).toEqual({ fieldErrors: { input: 'invalid' } });
  });
});

describe('keyword input', () => {
  it('keeps each keyword once regardless of case, trimmed, in the order written', () => {
    expect(splitKeywords('  Kvinnojour\nskyddat   boende\n\nkvinnojour, kvinnofrid ;Skyddat boende')).toEqual(['Kvinnojour', 'skyddat boende', 'kvinnofrid']);
    expect(splitKeywords(['  ÅNGEST', 'ångest', 'oro '])).toEqual(['ÅNGEST', 'oro']);
  });

  it.each([
    [Array.from({ length: 31 }, (_, i) => `ord ${i}`), 'tooManyKeywords'],
    ['bra\nx', 'keywordTooShort'],
    [`bra\n${'z'.repeat(61)}`, 'keywordTooLong'],
    ['bra\n!!', 'keywordInvalid'],
    [undefined, 'keywordInvalid'],
    [42, 'keywordInvalid'],
  ])('refuses %j with %s', (keywords, key) => {
    let fieldErrors: Record<string, string> | undefined;
    try {
      keywordErrors.parse(keywordUpdateSchema, { keywords });
    } catch (error) {
      fieldErrors = keywordErrors.describe(error as AppError).fieldErrors;
    }
    expect(fieldErrors).toEqual({ keywords: key });
  });

  it('accepts no keywords at all, and thirty', () => {
    expect(keywordUpdateSchema.parse({ keywords: '' }).keywords).toEqual([]);
    expect(keywordUpdateSchema.parse({ keywords: Array.from({ length: 30 }, (_, i) => `ord ${i}`) }).keywords).toHaveLength(30);
  });
});

describe('tallyThesaurusUsage', () => {
  const entries: ThesaurusEntry[] = [
    { input: 'blorfen', synonyms: ['hjälpterm'], categories: [], isMutual: false },
    { input: 'gnurk*', synonyms: ['annan term'], categories: [], isMutual: false },
    { input: 'plimsa', synonyms: ['trovel'], categories: [], isMutual: true },
    { input: 'kvarg mosse', synonyms: ['frasterm'], categories: [], isMutual: false },
  ];
  const q = (query: string, searches: number, zeroResults = 0, lowResults = 0): QueryTally => ({ query, searches, zeroResults, lowResults });

  it('adds each query’s searches to every entry that fires on it, with the most searched queries as examples', () => {
    const tally = tallyThesaurusUsage(
      [q('blorfen', 7), q('gnurkade blorfen', 3), q('gnurken', 1), q('jag har trovel', 4), q('kvarg mosse nu', 2), q('mosse kvarg', 6), q('gnurk', 9)],
      entries,
    );
    expect(tally.byInput).toEqual({
      blorfen: { searches: 10, queries: 2, examples: ['blorfen', 'gnurkade blorfen'] },
      // "gnurk" itself is a prefix of nothing longer: it matches, as the matcher says.
      'gnurk*': { searches: 13, queries: 3, examples: ['gnurk', 'gnurkade blorfen', 'gnurken'] },
      // A mutual entry fires on its other members too.
      plimsa: { searches: 4, queries: 1, examples: ['jag har trovel'] },
      // A phrase fires only with its words in order.
      'kvarg mosse': { searches: 2, queries: 1, examples: ['kvarg mosse nu'] },
    });
  });

  it('lists queries nothing fired on that mostly found nothing or little, most searched first, at most 20', () => {
    const queries = [
      q('snoddel', 7, 7),
      q('halvbra', 4, 1, 1),
      q('mest bra', 5, 1, 1),
      q('alltid svar', 30),
      q('blorfen', 50, 50),
      ...Array.from({ length: 30 }, (_, i) => q(`ovanlig ${i}`, 1, 1)),
    ];
    const { unmatched } = tallyThesaurusUsage(queries, entries);
    expect(unmatched.slice(0, 2)).toEqual([q('snoddel', 7, 7), q('halvbra', 4, 1, 1)]);
    expect(unmatched).toHaveLength(UNMATCHED_LIMIT);
    expect(unmatched.map((u) => u.query)).not.toContain('mest bra');
    expect(unmatched.map((u) => u.query)).not.toContain('blorfen');
  });

  it('gives the same answer as matching every query against every entry (the first-word index is only a shortcut)', () => {
    const shipped: ThesaurusEntry[] = defaultThesaurusRows().map((row, i) => ({ ...row, isMutual: i % 7 === 0 }));
    const queries = [
      'min pojkvän slår mig',
      'misshandlad av sambo',
      'kronofogden skulder',
      'jag känner mig ensam',
      'ångestattacker på natten',
      'självskadebeteende',
      'hemlös i karlskoga',
      'behöver mat idag',
      'spelberoende',
      'sorg efter pappa',
      'يضربني زوجي',
      'hjälp med bankid',
      'vald i nara relation',
      'ingenting alls här',
    ].map((text, i) => q(text, 100 - i));
    const naive: Record<string, number> = {};
    for (const tally of queries) {
      for (const match of findThesaurusMatches(searchWords(tally.query), shipped)) naive[match.input] = (naive[match.input] ?? 0) + tally.searches;
    }
    const fast = Object.fromEntries(Object.entries(tallyThesaurusUsage(queries, shipped).byInput).map(([input, usage]) => [input, usage.searches]));
    expect(Object.keys(naive).length).toBeGreaterThan(5);
    expect(fast).toEqual(naive);
  });
});
