import createIntlMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { getEnv } from '@/lib/env';
import { routing } from '@/i18n/routing';

const handleLocaleRouting = createIntlMiddleware(routing);

function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/**
 * The portal loads nothing from other origins, so everything is 'self'. Scripts run only
 * with this request's nonce; 'strict-dynamic' lets Next's nonced bootstrap load its chunks.
 * React in `next dev` rebuilds server error stacks with eval; production never needs it.
 */
function contentSecurityPolicy(nonce: string, isDevelopment: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
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

export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, getEnv().NODE_ENV === 'development');

  // Next reads the nonce from the request's CSP header while rendering and puts it on
  // its own scripts; the next-intl middleware forwards these request headers.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set('x-nonce', nonce);

  const response = isLocaleRouted(request.nextUrl.pathname)
    ? handleLocaleRouting(new NextRequest(request, { headers: requestHeaders }))
    : NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // API responses are JSON, not pages; static build output and the favicon need neither a
  // nonce nor a language. Everything else gets the CSP, even 404s for unknown files.
  matcher: ['/((?!api/|api$|_next/static|_next/image|favicon\\.ico).*)'],
};
