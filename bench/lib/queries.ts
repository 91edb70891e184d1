/**
 * The benchmark's search mix: what residents type, drawn deterministically from a seed, so
 * every run and every engine gets the same queries in the same order. Words come from the
 * generated directory's phrase tables (lib/bench/phrases.ts), so the queries find services:
 * single needs ("skuldrådgivning"), two-word queries, the same words without å/ä/ö (as typed
 * on a foreign keyboard) or with one typo, filters by municipality, category, language and
 * open-now, and empty queries that browse a category.
 */
import { Rng } from '@/lib/bench/dataset';
import { CATEGORY_TEXT, SERVICE_KINDS } from '@/lib/bench/phrases';
import { searchQueryToParams, type SearchQuery } from '@/lib/search/query';

/** Large municipalities (the generator gives them the most associations) by slug. */
export const MIX_MUNICIPALITIES = ['stockholm', 'goteborg', 'malmo', 'uppsala', 'linkoping', 'orebro', 'vasteras', 'umea', 'karlskoga'];
export const MIX_LANGUAGES = ['ar', 'en', 'fa', 'so'];

export type QueryKind = 'word' | 'folded' | 'typo' | 'twoWords' | 'municipality' | 'categoryOpenNow' | 'browse' | 'language';

/** How often each kind occurs, out of 100. */
const KIND_WEIGHTS: Record<QueryKind, number> = {
  word: 28,
  folded: 14,
  typo: 14,
  twoWords: 10,
  municipality: 12,
  categoryOpenNow: 6,
  browse: 10,
  language: 6,
};

export interface MixQuery {
  kind: QueryKind;
  query: Partial<SearchQuery>;
  /** URL parameters as /sok and /api/search take them (stable order). */
  params: string;
}

/** Words residents search for: the services' keywords and the long words of their names. */
export function searchWords(): string[] {
  const words = new Set<string>();
  for (const kind of SERVICE_KINDS) {
    for (const keyword of kind.keywords) if (!keyword.includes(' ')) words.add(keyword.toLowerCase());
    for (const word of kind.sv.toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= 6) words.add(word);
  }
  return [...words].sort();
}

/** "våld" -> "vald": what a keyboard without Swedish letters gives. */
export function foldDiacritics(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** One typo the engines are meant to forgive: two neighbouring letters swapped, or one dropped. */
export function withTypo(word: string, rng: Rng): string {
  const at = 1 + rng.int(word.length - 2);
  if (rng.chance(0.5)) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return word.slice(0, at) + word.slice(at + 1);
}

/** `count` queries from `seed`; the same arguments always give the same list. */
export function queryMix(seed: number, count: number): MixQuery[] {
  const rng = new Rng(seed, 'bench-query-mix');
  const words = searchWords();
  const longWords = words.filter((w) => w.length >= 7);
  const categories = Object.keys(CATEGORY_TEXT).sort();
  const kinds = Object.keys(KIND_WEIGHTS) as QueryKind[];
  const mix: MixQuery[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted(kinds, (k) => KIND_WEIGHTS[k]);
    const query: Partial<SearchQuery> = {};
    switch (kind) {
      case 'word':
        query.q = rng.pick(words);
        break;
      case 'folded':
        query.q = foldDiacritics(rng.pick(words.filter((w) => foldDiacritics(w) !== w)));
        break;
      case 'typo':
        query.q = withTypo(rng.pick(longWords), rng);
        break;
      case 'twoWords':
        query.q = rng.some(words, 2).join(' ');
        break;
      case 'municipality':
        query.q = rng.pick(words);
        query.municipalities = [rng.pick(MIX_MUNICIPALITIES)];
        break;
      case 'categoryOpenNow':
        query.q = rng.pick(words);
        query.categories = [rng.pick(categories)];
        query.openNow = true;
        break;
      case 'browse':
        query.categories = [rng.pick(categories)];
        if (rng.chance(0.5)) query.municipalities = [rng.pick(MIX_MUNICIPALITIES)];
        break;
      case 'language':
        query.q = rng.pick(words);
        if (rng.chance(0.5)) query.languages = [rng.pick(MIX_LANGUAGES)];
        else query.attributes = ['free'];
        break;
    }
    mix.push({ kind, query, params: searchQueryToParams(query).toString() });
  }
  return mix;
}

