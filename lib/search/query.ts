/**
 * The search request as it arrives in a URL (`/sok?q=...` and `/api/search?q=...` take the
 * same parameters), parsed once with zod into a `SearchQuery`, and written back to a URL for
 * links (facets, pages). Within a facet the values are alternatives (Karlskoga or
 * Degerfors); across facets, and for attributes, every condition must hold.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 50;
/** Deeper pages are never useful to a person and cost the engines the most. */
export const MAX_PAGE = 50;
export const MAX_QUERY_LENGTH = 200;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a slug (a-z, 0-9, -)');
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code');
const flag = z.enum(['1', 'true', 'ja']);

export const searchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `may be at most ${MAX_QUERY_LENGTH} characters`).default(''),
  categories: z.array(slug).max(20).default([]),
  municipalities: z.array(slug).max(20).default([]),
  targetGroups: z.array(slug).max(20).default([]),
  languages: z.array(languageCode).max(20).default([]),
  attributes: z.array(slug).max(20).default([]),
  openNow: z.boolean().default(false),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** URL parameter of each facet (Swedish, as residents see them in the address bar). */
export const FACET_PARAMS = {
  categories: 'kategori',
  municipalities: 'kommun',
  targetGroups: 'malgrupp',
  languages: 'sprak',
  attributes: 'egenskap',
} as const;
export type FacetName = keyof typeof FACET_PARAMS;
export const FACET_NAMES = Object.keys(FACET_PARAMS) as FacetName[];

/** Shorthands for the two most asked-for attributes: `gratis=1` is `egenskap=free`. */
const ATTRIBUTE_SHORTHANDS = { gratis: 'free', anonym: 'anonymous' } as const;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function toSearchParams(params: Params): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const result = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) result.append(key, v);
  }
  return result;
}

/** Values of a repeatable parameter; `a,b` and `a&a` both work. Empty values are dropped. */
const all = (p: URLSearchParams, key: string) =>
  p.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/**
 * Parses search parameters. Throws INVALID_INPUT with one message per bad parameter, named
 * as in the URL, so the API can answer 400 and the page can say what was wrong.
 */
export function parseSearchQuery(params: Params): SearchQuery {
  const p = toSearchParams(params);
  const attributes = all(p, FACET_PARAMS.attributes);
  for (const [param, key] of Object.entries(ATTRIBUTE_SHORTHANDS)) {
    const value = p.get(param);
    if (value !== null && value !== '' && flag.safeParse(value).success) attributes.push(key);
    else if (value !== null && value !== '' && value !== '0') throw invalid({ [param]: ['must be 1 or left out'] });
  }
  const open = p.get('oppet');
  if (open !== null && open !== '' && open !== 'nu') throw invalid({ oppet: ['must be "nu" or left out'] });
  const raw = {
    q: (p.get('q') ?? '').replace(/\s+/g, ' ').trim(),
    categories: all(p, FACET_PARAMS.categories),
    municipalities: all(p, FACET_PARAMS.municipalities),
    targetGroups: all(p, FACET_PARAMS.targetGroups),
    languages: all(p, FACET_PARAMS.languages),
    attributes: [...new Set(attributes)],
    openNow: open === 'nu',
    page: p.get('sida') || undefined,
    perPage: p.get('per_sida') || undefined,
  };
  const parsed = searchQuerySchema.safeParse(raw);
  if (parsed.success) {
    const data = parsed.data;
    return { ...data, ...Object.fromEntries(FACET_NAMES.map((f) => [f, [...new Set(data[f])]])) };
  }
  const names: Record<string, string> = { ...FACET_PARAMS, page: 'sida', perPage: 'per_sida' };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'q');
    (fieldErrors[names[field] ?? field] ??= []).push(issue.message);
  }
  throw invalid(fieldErrors);
}

function invalid(fieldErrors: Record<string, string[]>): AppError {
  const summary = Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v.join(', ')}`).join('; ');
  return new AppError('INVALID_INPUT', `Invalid search parameters: ${summary}`, fieldErrors);
}

/**
 * The URL parameters of a query, in a stable order, leaving out defaults. `perPage` is only
 * written when asked (the API); pages always use the default.
 */
export function searchQueryToParams(query: Partial<SearchQuery>, options: { includePerPage?: boolean } = {}): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q) p.set('q', query.q);
  for (const facet of FACET_NAMES) for (const value of query[facet] ?? []) p.append(FACET_PARAMS[facet], value);
  if (query.openNow) p.set('oppet', 'nu');
  if (query.page && query.page > 1) p.set('sida', String(query.page));
  if (options.includePerPage && query.perPage && query.perPage !== DEFAULT_PER_PAGE) p.set('per_sida', String(query.perPage));
  return p;
}

/** The query with one facet value added or removed (for filter links), back on page 1. */
export function toggleFacet(query: SearchQuery, facet: FacetName, value: string): SearchQuery {
  const values = query[facet];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...query, [facet]: next, page: 1 };
}

export const hasFilters = (query: SearchQuery) => query.openNow || FACET_NAMES.some((f) => query[f].length > 0);
