import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

// Browser features the portal never needs; denying them limits what injected code could reach.
const deniedFeatures = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
];

/**
 * Headers for every response, static files included. The Content-Security-Policy is not
 * here: it needs a fresh nonce per request, so proxy.ts sets it.
 *
 * @param {boolean} isProduction
 */
function securityHeaders(isProduction) {
  const headers = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: deniedFeatures.map((feature) => `${feature}=()`).join(', ') },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  // HSTS on a developer's http://localhost would only be ignored, but keeping it out of
  // `next dev` avoids pinning HTTPS on shared development hostnames.
  if (isProduction) {
    headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  }
  return headers;
}

/**
 * The build phase tells production from development without reading process.env
 * (only lib/env.ts does that).
 *
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
export default function nextConfig(phase) {
  const isProduction = phase !== PHASE_DEVELOPMENT_SERVER;
  return withNextIntl({
    poweredByHeader: false,
    reactStrictMode: true,
    // Bundling these breaks them at run time (PGlite loads its WASM and data files from
    // its own package folder), and then every database query fails.
    serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', '@prisma/adapter-pg'],
    // A workshop issue's attachments arrive through server actions: up to 30 MB of files at a
    // time (lib/workshop/attachment-rules.ts) plus the form's other fields. Both limits bound
    // what is held in memory: the action parser refuses a larger body (default 1 MB), and the
    // proxy keeps a copy of each body and silently cuts it beyond its limit (default 10 MB).
    experimental: {
      serverActions: { bodySizeLimit: '31mb' },
      proxyClientMaxBodySize: '31mb',
    },
    async headers() {
      return [{ source: '/:path*', headers: securityHeaders(isProduction) }];
    },
    // Performs the locale rewrite that proxy.ts decided on (`/om` -> `/sv/om`); see the
    // comment on LOCALE_REWRITE_HEADER there for why it is not done in the proxy itself.
    // The pattern only admits an internal path, and the proxy drops any client-sent value.
    async rewrites() {
      return {
        beforeFiles: [
          {
            source: '/:path*',
            has: [{ type: 'header', key: 'x-lisa-locale-rewrite', value: '/(?<localizedPath>[a-z]{2}(?:/.*)?)' }],
            destination: '/:localizedPath',
          },
        ],
      };
    },
  });
}
