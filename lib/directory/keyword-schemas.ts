/**
 * The inputs of the keyword editor (/konto/tjanster): a service's "also known as" words, the
 * words residents might search with. One schema per boundary, used by the data layer; the
 * form takes its limits from the constants. Messages are keys of `ServiceKeywords.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';

export const MAX_KEYWORDS = 30;
export const KEYWORD_MIN_LENGTH = 2;
export const KEYWORD_MAX_LENGTH = 60;
export const KEYWORD_SERVICES_PER_PAGE = 50;
export const SERVICE_FILTER_MAX_LENGTH = 100;

export const keywordErrors = formErrorKeys(['tooManyKeywords', 'keywordTooShort', 'keywordTooLong', 'keywordInvalid'] as const);
export type KeywordErrorKey = (typeof keywordErrors.keys)[number];

/**
 * The form's text (one keyword per line; commas also separate) or a list from code, each
 * keyword trimmed with single spaces, empty lines dropped, and each kept once regardless of
 * case ("Kvinnojour" and "kvinnojour" are one word to search). The first spelling stays.
 */
export function splitKeywords(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? value.split(/[\n,;]/) : value;
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of parts) {
    const keyword = part.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = keyword.toLocaleLowerCase('sv');
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    result.push(keyword);
  }
  return result;
}

export const keywordsSchema = z
  .union([z.string(), z.array(z.string())], { error: 'keywordInvalid' })
  .transform(splitKeywords)
  .superRefine((keywords, ctx) => {
    if (keywords.length > MAX_KEYWORDS) ctx.addIssue({ code: 'custom', message: 'tooManyKeywords' });
    for (const keyword of keywords) {
      const problem =
        [...keyword].length < KEYWORD_MIN_LENGTH
          ? 'keywordTooShort'
          : keyword.length > KEYWORD_MAX_LENGTH
            ? 'keywordTooLong'
            : /\p{Cc}/u.test(keyword) || !/[\p{L}\p{N}]/u.test(keyword)
              ? 'keywordInvalid'
              : null;
      if (problem) return void ctx.addIssue({ code: 'custom', message: problem });
    }
  });

export const keywordUpdateSchema = z.object({ keywords: keywordsSchema });

/** Record ids are cuids; anything else is refused before it reaches a query. */
export const serviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The list's query string: forgiving, since people edit URLs by hand. */
export const keywordServiceListSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  q: z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim().slice(0, SERVICE_FILTER_MAX_LENGTH))
    .catch(''),
});
export type KeywordServiceListInput = z.output<typeof keywordServiceListSchema>;

export const serviceSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/);
