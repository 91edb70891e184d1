/**
 * Finding thesaurus entries in a query. Matching is on folded words (lower case, no
 * diacritics) and on whole words, so "Misshandel" and "misshandel" match alike, "slar mig"
 * matches "slår mig", and "ensam" does not fire inside "ensamhet". A trailing `*` on an
 * entry's last word matches any ending: "misshandla*" fires on "misshandlad" and
 * "misshandlade". A phrase's words must follow each other in the query.
 */
import { searchWords } from '../words';
import type { ThesaurusEntry } from './entries';

export interface ThesaurusMatch {
  /** The entry's input as stored (its identity in the table). */
  input: string;
  /** Where in the query's words the match starts, and how many words it covers. */
  start: number;
  length: number;
  /** What to search for besides the query's own words (as written in the table). */
  alternatives: string[];
  /** Category slugs the entry points to. */
  categories: string[];
}

/** A trigger as compared: its folded words, the last one possibly a prefix. */
interface Trigger {
  words: string[];
  isPrefix: boolean;
}

/** Prefixes shorter than this would fire on too many words ("hem*", "mat*"). */
export const MIN_PREFIX_LENGTH = 4;

export function parseTrigger(text: string): Trigger | null {
  const isPrefix = /\*\s*$/.test(text);
  const words = searchWords(text);
  if (words.length === 0) return null;
  if (isPrefix && (words[words.length - 1] as string).length < MIN_PREFIX_LENGTH) return { words, isPrefix: false };
  return { words, isPrefix };
}

function findTrigger(haystack: string[], trigger: Trigger): number {
  const { words, isPrefix } = trigger;
  const last = words.length - 1;
  for (let i = 0; i + words.length <= haystack.length; i++) {
    const found = words.every((word, j) => {
      const candidate = haystack[i + j] as string;
      return j === last && isPrefix ? candidate.startsWith(word) : candidate === word;
    });
    if (found) return i;
  }
  return -1;
}

/** A phrase as compared: its folded words, single-spaced. */
const phraseKey = (text: string) => searchWords(text).join(' ');

const uniqueByFolded = (values: string[]) => {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = phraseKey(value);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

interface CompiledEntry {
  entry: ThesaurusEntry;
  triggers: { trigger: Trigger; alternatives: string[] }[];
}

/** Folding and parsing every entry is the costly part; a thesaurus list is compiled once. */
const compiledLists = new WeakMap<readonly ThesaurusEntry[], CompiledEntry[]>();

function compile(entries: readonly ThesaurusEntry[]): CompiledEntry[] {
  const cached = compiledLists.get(entries);
  if (cached) return cached;
  const result = entries.map((entry) => {
    const members = uniqueByFolded([entry.input, ...entry.synonyms]);
    const inputKey = phraseKey(entry.input);
    const texts = entry.isMutual ? members : members.filter((m) => phraseKey(m) === inputKey);
    const triggers = texts.flatMap((text) => {
      const trigger = parseTrigger(text);
      return trigger ? [{ trigger, alternatives: members.filter((m) => phraseKey(m) !== phraseKey(text)) }] : [];
    });
    return { entry, triggers };
  });
  compiledLists.set(entries, result);
  return result;
}

/**
 * Each entry that occurs in the query's folded words, with what it stands for: a one-way
 * entry (`isMutual` false) fires on its input only and brings in its synonyms; a mutual entry
 * fires on any member and brings in every other member, the input included.
 */
export function findThesaurusMatches(queryWords: readonly string[], entries: readonly ThesaurusEntry[]): ThesaurusMatch[] {
  if (queryWords.length === 0) return [];
  const words = [...queryWords];
  const matches: ThesaurusMatch[] = [];
  for (const { entry, triggers } of compile(entries)) {
    for (const { trigger, alternatives } of triggers) {
      const start = findTrigger(words, trigger);
      if (start < 0) continue;
      if (alternatives.length > 0 || entry.categories.length > 0) {
        matches.push({ input: entry.input, start, length: trigger.words.length, alternatives, categories: entry.categories });
      }
      break;
    }
  }
  return matches;
}
