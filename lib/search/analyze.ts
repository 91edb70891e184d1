/**
 * Query analysis: what a resident's words mean to search, worked out once in our own query
 * layer so both engines (Meilisearch and the PostgreSQL fallback) get the same thing.
 *
 *   "min pojkvän slår mig" -> terms [pojkvan, slar]; thesaurus "slår mig" -> våld, kvinnojour, ...
 *   "alkoholproblem"       -> term alkoholproblem, split into [alkohol, problem]
 *
 * - Stop words and everyday fillers are dropped ("min", "mig", "vill", "på"), unless nothing
 *   else is left. So are words nearly every service contains ("hjälp"), when others remain.
 * - A word the directory does not have is split into words it does have (compound
 *   splitting against the index's own vocabulary, lib/search/vocabulary.ts).
 * - Thesaurus entries are found in the whole query, fillers included ("kasta ut"), and bring
 *   in the words services use and the categories of the need.
 *
 * The engines then find services that match any of it, and rank services that match more of
 * the resident's own words, then thesaurus terms, then only the need's category.
 */
import type { Db } from '@/lib/db/client';
import { MAX_QUERY_LENGTH } from './query';
import { categoryNamesBySlug, listActiveThesaurus, type ThesaurusEntry } from './thesaurus/entries';
import { findThesaurusMatches, type ThesaurusMatch } from './thesaurus/match';
import { getVocabulary, type Vocabulary } from './vocabulary';
import { isStopWord, searchWords } from './words';

/** Like Meilisearch, only the first ten words of a query count; it also bounds the engines' work. */
export const MAX_QUERY_WORDS = 10;
/** Words used by more than this share of services tell nothing apart ("hjälp", "stöd"). */
const COMMON_WORD_SHARE = 0.4;
/** Compounds shorter than this are rarely compounds, and their parts too short to mean much. */
const MIN_COMPOUND_LENGTH = 7;
const MIN_PART_LENGTH = 3;
/** A part that is only the start of an index word must be this long ("panik" in "panikångest"). */
const MIN_PREFIX_PART_LENGTH = 4;

export interface QueryTerm {
  /** The word as typed, folded. */
  word: string;
  /** When the directory lacks the word: the parts it splits into, each a word (or the start of one) the directory has. */
  parts: string[];
}

export interface AnalyzedQuery {
  /** The query's words, folded, in order. */
  words: string[];
  /** The words that carry meaning, in order, each once. */
  terms: QueryTerm[];
  /** Thesaurus entries found in the query. */
  matches: ThesaurusMatch[];
  /** Active categories the entries point to, each once, with their names. */
  categories: { slug: string; name: string }[];
}

export const EMPTY_ANALYSIS: AnalyzedQuery = { words: [], terms: [], matches: [], categories: [] };

type PartKind = 'word' | 'prefix';

function partKind(part: string, vocabulary: Vocabulary): PartKind | null {
  if (part.length < MIN_PART_LENGTH || isStopWord(part)) return null;
  if (vocabulary.has(part)) return 'word';
  return part.length >= MIN_PREFIX_PART_LENGTH && vocabulary.hasPrefix(part) ? 'prefix' : null;
}

/**
 * Splits a word the directory lacks into two parts it has (Swedish compounds, with the linking
 * "s" of "fritidsaktiviteter"), or three when the second part is itself a compound. Among the
 * possible splits, whole words beat word starts, then the split with the longer shorter part wins.
 */
export function splitCompound(word: string, vocabulary: Vocabulary, depth = 0): string[] {
  const letters = [...word];
  if (letters.length < MIN_COMPOUND_LENGTH || vocabulary.has(word)) return [];
  let best: { parts: string[]; score: number } | null = null;
  for (let i = MIN_PART_LENGTH; i <= letters.length - MIN_PART_LENGTH; i++) {
    const right = letters.slice(i).join('');
    let rightParts: string[] | null = null;
    const rightKind = partKind(right, vocabulary);
    if (rightKind) rightParts = [right];
    else if (depth === 0) {
      const further = splitCompound(right, vocabulary, depth + 1);
      if (further.length > 0) rightParts = further;
    }
    if (!rightParts) continue;
    const leftWhole = letters.slice(0, i).join('');
    const leftLinked = letters[i - 1] === 's' ? letters.slice(0, i - 1).join('') : null;
    for (const left of leftLinked ? [leftWhole, leftLinked] : [leftWhole]) {
      const leftKind = partKind(left, vocabulary);
      if (!leftKind) continue;
      const whole = (leftKind === 'word' ? 1 : 0) + (rightKind === 'word' ? 1 : 0);
      const score = whole * 100 + Math.min(left.length, right.length);
      if (!best || score > best.score) best = { parts: [left, ...rightParts], score };
    }
  }
  return best?.parts ?? [];
}

/**
 * The query analysed against the thesaurus, the index's vocabulary and the active categories
 * (slug -> name; a slug not in it is left out); pure, for tests and the engines.
 */
export function analyzeQuery(
  q: string,
  thesaurus: readonly ThesaurusEntry[],
  vocabulary: Vocabulary,
  categoryNames: ReadonlyMap<string, string> = new Map(),
): AnalyzedQuery {
  const words = searchWords(q.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_WORDS * 2);
  if (words.length === 0) return EMPTY_ANALYSIS;
  const matches = findThesaurusMatches(words, thesaurus);
  const distinct = [...new Set(words)];
  let meaningful = distinct.filter((word) => !isStopWord(word));
  // A query of stop words only ("hur gör man") still searches for what it says.
  if (meaningful.length === 0) meaningful = distinct;
  const common = (word: string) =>
    vocabulary.documentCount > 0 && vocabulary.frequency(word) / vocabulary.documentCount > COMMON_WORD_SHARE;
  const telling = meaningful.filter((word) => !common(word));
  if (telling.length > 0 || matches.length > 0) meaningful = telling;
  const terms = meaningful.slice(0, MAX_QUERY_WORDS).map((word) => ({ word, parts: splitCompound(word, vocabulary) }));
  const categories = [...new Set(matches.flatMap((m) => m.categories))].flatMap((slug) => {
    const name = categoryNames.get(slug);
    return name ? [{ slug, name }] : [];
  });
  return { words, terms, matches, categories };
}

/** The query analysed with this database's active thesaurus and vocabulary. */
export async function analyzeSearchQuery(db: Db, q: string): Promise<AnalyzedQuery> {
  if (searchWords(q).length === 0) return EMPTY_ANALYSIS;
  const [thesaurus, vocabulary, categoryNames] = await Promise.all([listActiveThesaurus(db), getVocabulary(db), categoryNamesBySlug(db)]);
  return analyzeQuery(q, thesaurus, vocabulary, categoryNames);
}
