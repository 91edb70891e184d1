/**
 * Which requests the page cache may answer. Only what every anonymous visitor sees alike:
 * no cookie (residents have none; anyone signed in has one), no client-side navigation
 * (RSC payloads vary with the router state), and only pages whose content comes from the
 * tables that bump the content version. Search pages are never cached: they count searches
 * for the statistics and read the search index, which changes after the database does.
 */
import { routing } from '@/i18n/routing';

const PREFIXED_LOCALES = routing.locales.filter((locale) => locale !== routing.defaultLocale);
const LOCALE_PREFIX = new RegExp(`^/(?:${PREFIXED_LOCALES.join('|')})(?=/|$)`);

const CACHEABLE_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/tjanster\/[^/]+$/,
  /^\/nyheter(?:\/[^/]+)?$/,
  /^\/foreningar\/[^/]+$/,
  /^\/(?:om|integritet|tillganglighet)$/,
];

/** Query parameters of those pages; any other makes the request bypass the cache. */
const CACHEABLE_PARAMETERS: ReadonlySet<string> = new Set(['sida', 'forening', 'amne']);

/** Headers that make a response personal or part of a client-side navigation. */
const PERSONAL_HEADERS = ['cookie', 'authorization', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-action', 'next-url'];

export interface RequestFacts {
  method: string;
  /** Path and query as received, e.g. `/en/tjanster/x?sida=2`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The cache key for a request the cache may answer, or null when it must go to the app. */
export function pageCacheKey(request: RequestFacts): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (PERSONAL_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  let url: URL;
  try {
    url = new URL(request.url, 'http://cache.invalid');
  } catch {
    return null;
  }
  const path = url.pathname.replace(LOCALE_PREFIX, '') || '/';
  if (!CACHEABLE_PATHS.some((pattern) => pattern.test(path))) return null;
  for (const name of url.searchParams.keys()) {
    if (!CACHEABLE_PARAMETERS.has(name)) return null;
  }
  url.searchParams.sort();
  return `${url.pathname}${url.search}`;
}
