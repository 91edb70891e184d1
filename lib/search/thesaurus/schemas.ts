/**
 * The inputs of the thesaurus editor (/admin/installningar), one schema per boundary. The
 * data layer parses with them, so a server action, a test and any future import are held to
 * the same rules; the forms take their limits from the constants here. Messages are keys of
 * `AdminThesaurus.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { MIN_PREFIX_LENGTH } from './match';

export const PHRASE_MAX_LENGTH = 80;
export const TOPIC_MAX_LENGTH = 80;
export const MAX_TERMS = 12;
export const MAX_CATEGORIES = 10;
export const ENTRIES_PER_PAGE = 50;
export const FILTER_MAX_LENGTH = 80;

export const thesaurusErrors = formErrorKeys([
  'required',
  'tooLong',
  'needsLetter',
  'wildcard',
  'control',
  'termsRequired',
  'tooManyTerms',
  'termTooLong',
  'termInvalid',
  'unknownCategory',
  'tooManyCategories',
  'duplicate',
] as const);
export type ThesaurusErrorKey = (typeof thesaurusErrors.keys)[number];

export type ThesaurusSuccessKey = 'created' | 'updated' | 'deleted' | 'defaultsLoaded';

const CONTROL = /\p{Cc}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/**
 * A `*` may only end the phrase, right after a word of at least MIN_PREFIX_LENGTH letters:
 * the matcher ignores shorter prefixes ("hem*" would fire on "hemma", "hemlös", "hemsida").
 */
const WILDCARD_OK = new RegExp(`^[^*]*[\\p{L}\\p{N}]{${MIN_PREFIX_LENGTH},}\\*$`, 'u');

/** Single spaces, no space before a trailing `*`, lower case (matching ignores case anyway). */
export function cleanPhrase(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/\s+\*$/, '*').toLowerCase();
}

/** Why a phrase (an entry's input or one of its terms) cannot be used, or null. */
function phraseProblem(phrase: string): 'tooLong' | 'control' | 'needsLetter' | 'wildcard' | null {
  if (phrase.length > PHRASE_MAX_LENGTH) return 'tooLong';
  if (CONTROL.test(phrase)) return 'control';
  if (!LETTER_OR_DIGIT.test(phrase)) return 'needsLetter';
  if (phrase.includes('*') && !WILDCARD_OK.test(phrase)) return 'wildcard';
  return null;
}

const input = z
  .string({ error: 'required' })
  .transform(cleanPhrase)
  .superRefine((value, ctx) => {
    if (value.length === 0) return void ctx.addIssue({ code: 'custom', message: 'required' });
    const problem = phraseProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Splits the form's text (one per line, or separated by commas) into cleaned terms, each once. */
export function splitTerms(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? value.split(/[\n,;]/) : value;
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of parts) {
    const term = cleanPhrase(part);
    if (!term || seen.has(term)) continue;
    seen.add(term);
    result.push(term);
  }
  return result;
}

const TERM_PROBLEM_KEYS = { tooLong: 'termTooLong', control: 'termInvalid', needsLetter: 'termInvalid', wildcard: 'wildcard' } as const;

const synonyms = z
  .union([z.string(), z.array(z.string())], { error: 'termsRequired' })
  .transform(splitTerms)
  .superRefine((terms, ctx) => {
    if (terms.length === 0) return void ctx.addIssue({ code: 'custom', message: 'termsRequired' });
    if (terms.length > MAX_TERMS) ctx.addIssue({ code: 'custom', message: 'tooManyTerms' });
    for (const term of terms) {
      const problem = phraseProblem(term);
      if (problem) return void ctx.addIssue({ code: 'custom', message: TERM_PROBLEM_KEYS[problem] });
    }
  });

/** Category slugs; whether each exists is the data layer's question (it asks the database). */
const categories = z
  .union([z.string(), z.array(z.string())], { error: 'unknownCategory' })
  .transform((value) => [...new Set((typeof value === 'string' ? [value] : value).filter(Boolean))])
  .pipe(
    z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'unknownCategory' }))
      .max(MAX_CATEGORIES, { error: 'tooManyCategories' }),
  )
  .default([]);

const topic = z
  .string({ error: 'invalid' })
  .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .max(TOPIC_MAX_LENGTH, { error: 'tooLong' })
      .regex(/^[^\p{Cc}]*$/u, { error: 'control' }),
  )
  .default('');

/** A checkbox: present ("on") or absent in a form; a boolean from code. */
const checkbox = z
  .union([z.boolean(), z.enum(['on', 'true', 'false'])], { error: 'invalid' })
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const thesaurusEntrySchema = z.object({
  input,
  synonyms,
  categories,
  topic,
  isMutual: checkbox,
  isActive: checkbox,
});
export type ThesaurusEntryInput = z.output<typeof thesaurusEntrySchema>;

/** Record ids are cuids; anything else is refused before it reaches a query. */
export const entryIdSchema = z.string({ error: 'notFound' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'notFound' });

export const ACTIVITY_FILTERS = ['all', 'active', 'inactive'] as const;
export type ActivityFilter = (typeof ACTIVITY_FILTERS)[number];

/** The list's query string: forgiving, since people edit URLs by hand. */
export const thesaurusListSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  q: z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim().slice(0, FILTER_MAX_LENGTH))
    .catch(''),
  topic: z
    .string()
    .transform((value) => value.trim().slice(0, TOPIC_MAX_LENGTH))
    .catch(''),
  activity: z.enum(ACTIVITY_FILTERS).catch('all'),
});
export type ThesaurusListInput = z.output<typeof thesaurusListSchema>;
