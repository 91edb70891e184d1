import createIntlMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { getEnv } from '@/lib/env';
import { routing } from '@/i18n/routing';
import { parseSearchQuery } from '@/lib/search/query';

const handleLocaleRouting = createIntlMiddleware(routing);

function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/**
 * The portal loads nothing from other origins, so everything is 'self'. Scripts run only
 * with this request's nonce; 'strict-dynamic' lets Next's nonced bootstrap load its chunks.
 * A production build needs no inline styles (checked in Chromium: no violations).
 * `next dev` is looser, for development only: React rebuilds server error stacks with eval,
 * and the dev overlay injects <style> elements without a nonce. Browsers ignore
 * 'unsafe-inline' when a nonce is present, so dev styles get no nonce at all.
 */
function contentSecurityPolicy(nonce: string, isDevelopment: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    isDevelopment ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** Files (`/robots.txt`, `/feed.xml`) and Next internals are not pages in a language. */
function isLocaleRouted(pathname: string): boolean {
  if (pathname.startsWith('/_next') || pathname.startsWith('/_vercel')) return false;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}

/**
 * Carries next-intl's internal rewrite (`/om` is the Swedish page `/sv/om`) to the rewrite in
 * next.config.js. A rewrite returned from the proxy itself is an absolute URL, and Next 16
 * turns 127.0.0.1 into "localhost" in it; under `next start --hostname 127.0.0.1` (a loopback
 * bind, as behind a reverse proxy or in the e2e tests) the two no longer match, Next takes the
 * rewrite for an external one and every Swedish page redirects to itself forever.
 * Rewrites in next.config.js are resolved by path only, whatever the host.
 */
const LOCALE_REWRITE_HEADER = 'x-lisa-locale-rewrite';

/**
 * Search pages (`/sok`, `/kategorier/<slug>`, in any language) render a clear message for
 * parameters they cannot read; the proxy gives that page the 400 status it deserves, which
 * a page cannot set itself.
 */
function hasInvalidSearchParameters(request: NextRequest): boolean {
  const path = request.nextUrl.pathname.replace(new RegExp(`^/(${routing.locales.join('|')})(?=/|$)`), '');
  if (path !== '/sok' && !/^\/kategorier\/[^/]+$/.test(path)) return false;
  try {
    parseSearchQuery(request.nextUrl.searchParams);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, getEnv().NODE_ENV === 'development');

  // Next reads the nonce from the request's CSP header while rendering and puts it on
  // its own scripts; the next-intl middleware forwards these request headers.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  // For server components that render their own <script> (next/script takes a nonce prop).
  requestHeaders.set('x-nonce', nonce);
  // Only this proxy decides about rewrites, never a header sent by the client.
  requestHeaders.delete(LOCALE_REWRITE_HEADER);

  let response: NextResponse;
  if (!isLocaleRouted(request.nextUrl.pathname)) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const routed = handleLocaleRouting(new NextRequest(request, { headers: requestHeaders }));
    const rewrite = routed.headers.get('x-middleware-rewrite');
    if (rewrite === null) {
      // A redirect (e.g. /sv/om -> /om) or a prefixed page (/en/om) that needs no rewrite.
      response = routed;
    } else {
      requestHeaders.set(LOCALE_REWRITE_HEADER, new URL(rewrite).pathname);
      response = NextResponse.next({ request: { headers: requestHeaders } });
      // The alternate-language links that next-intl adds for search engines.
      const alternates = routed.headers.get('link');
      if (alternates) response.headers.set('link', alternates);
    }
  }

  if (response.headers.has('x-middleware-next') && hasInvalidSearchParameters(request)) {
    const invalid = NextResponse.next({ request: { headers: requestHeaders }, status: 400 });
    const link = response.headers.get('link');
    if (link) invalid.headers.set('link', link);
    response = invalid;
  }

  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // API responses are JSON, not pages; static build output and the favicon need neither a
  // nonce nor a language; uploaded images carry their own stricter policy (sandboxed, no
  // sources at all). Everything else gets the CSP, even 404 pages for unknown files.
  matcher: ['/((?!api/|media/|_next/static|_next/image|favicon\\.ico).*)'],
};
