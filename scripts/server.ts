/**
 * `npm start`: the production web server. Next's request handler behind the page cache of
 * lib/page-cache (anonymous public pages, invalidated by the content version in PostgreSQL,
 * each response with a fresh CSP nonce). Serves the build in .next (`npm run build`).
 *
 *   npm start -- [--port 3000] [--hostname 0.0.0.0]
 *
 * docs/decisions/0025-page-cache.md.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { getEnv } from '../lib/env';
import { errorText, log } from '../lib/log';
import { createCachingHandler, type RequestHandler } from '../lib/page-cache/handler';
import { readContentVersion } from '../lib/page-cache/queries';
import { PageStore } from '../lib/page-cache/store';

const env = getEnv();
const { values } = parseArgs({
  options: { port: { type: 'string' }, hostname: { type: 'string', default: '0.0.0.0' } },
  allowPositionals: false,
});
const port = values.port === undefined ? env.PORT : Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a whole number from 1 to 65535 (got ${values.port})`);
  process.exit(2);
}
const hostname = values.hostname;

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const nextHandler = app.getRequestHandler();
await app.prepare();

const render: RequestHandler = (req, res) => nextHandler(req, res);
const handle =
  env.PAGE_CACHE === 'on'
    ? createCachingHandler(render, { store: new PageStore(env.PAGE_CACHE_MB * 1024 * 1024), readVersion: readContentVersion })
    : render;

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    log('error', 'request failed', { error: errorText(error) });
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
    }
    res.end('Internal Server Error');
  });
});
server.listen(port, hostname, () => {
  log('info', 'server ready', { url: `http://${hostname}:${port}`, pageCache: env.PAGE_CACHE });
});

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  log('info', 'server stopping', { signal });
  // Finish requests in flight, then leave; a stuck connection must not keep us forever.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
