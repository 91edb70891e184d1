/**
 * Puts the page cache in front of Next's request handler (scripts/server.ts). A cacheable
 * request (policy.ts) reads the content version first; a page kept at that version and
 * minute is sent with a fresh nonce, otherwise Next renders it and the result is kept.
 * Concurrent misses for the same page and version share one render.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { errorText, log } from '@/lib/log';
import { pageCacheKey } from './policy';
import type { PageStore } from './store';
import { makeTemplate, newNonce, renderTemplate, type PageTemplate } from './template';

const gzipAsync = promisify(gzip);

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface CachingOptions {
  store: PageStore;
  readVersion: () => Promise<string>;
  now?: () => number;
}

interface Captured {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

const VERSION_WARNING_INTERVAL_MS = 10_000;

export function createCachingHandler(handle: RequestHandler, options: CachingOptions): RequestHandler {
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<PageTemplate | null>>();
  let lastVersionWarning = 0;

  return async (req, res) => {
    const key = pageCacheKey({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    if (key === null) return handle(req, res);

    let version: string;
    try {
      version = await options.readVersion();
    } catch (error) {
      // Without the version nothing kept can be trusted; the app answers (or fails) itself.
      if (now() - lastVersionWarning > VERSION_WARNING_INTERVAL_MS) {
        lastVersionWarning = now();
        log('warn', 'page cache bypassed: content version unreadable', { error: errorText(error) });
      }
      return handle(req, res);
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const renderedAt = now();
    const kept = options.store.get(key, version, renderedAt);
    if (kept) return sendPage(req, res, kept, 'hit', acceptsGzip);
    if (req.method === 'HEAD') return handle(req, res);

    const flightKey = `${version} ${key}`;
    const running = inFlight.get(flightKey);
    if (running) {
      const template = await running;
      return template ? sendPage(req, res, template, 'hit', acceptsGzip) : handle(req, res);
    }

    // The render is kept uncompressed; each response is compressed with its own nonce in it.
    delete req.headers['accept-encoding'];
    const captured = captureResponse(res, handle(req, res));
    const render = captured.then(
      (page) => makeTemplate(page.status, page.headers as Record<string, string | string[] | number | undefined>, page.body),
      () => null,
    );
    inFlight.set(flightKey, render);
    try {
      const page = await captured;
      const template = await render;
      if (!template) return sendCaptured(req, res, page);
      options.store.set(key, version, renderedAt, template);
      return sendPage(req, res, template, 'miss', acceptsGzip);
    } finally {
      inFlight.delete(flightKey);
    }
  };
}

/**
 * Holds back what Next writes to `res` until it ends the response, leaving `res` unsent.
 * Next sets its headers with setHeader or writeHead and streams the body with write/end.
 */
function captureResponse(res: ServerResponse, handled: Promise<void>): Promise<Captured> {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const restore = () => Object.assign(res, original);
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else chunks.push(Buffer.from(chunk as Uint8Array));
  };
  return new Promise<Captured>((resolve, reject) => {
    const patched = res as unknown as Record<string, unknown>;
    patched.writeHead = (status: number, ...rest: unknown[]) => {
      res.statusCode = status;
      for (const arg of rest) {
        if (typeof arg === 'string') res.statusMessage = arg;
        else if (Array.isArray(arg)) {
          for (let i = 0; i + 1 < arg.length; i += 2) res.setHeader(String(arg[i]), arg[i + 1] as string);
        } else if (arg && typeof arg === 'object') {
          for (const [name, value] of Object.entries(arg)) if (value !== undefined) res.setHeader(name, value as string);
        }
      }
      return res;
    };
    patched.flushHeaders = () => undefined;
    patched.write = (chunk: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      const done = [encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
      done?.();
      return true;
    };
    patched.end = (chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      restore();
      const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
      resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      done?.();
      return res;
    };
    handled.catch((error: unknown) => {
      restore();
      reject(error);
    });
  });
}

async function sendPage(req: IncomingMessage, res: ServerResponse, template: PageTemplate, state: 'hit' | 'miss', acceptsGzip: boolean): Promise<void> {
  const page = renderTemplate(template, newNonce());
  const body = acceptsGzip ? await gzipAsync(page.body) : page.body;
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.statusCode = page.status;
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader('x-lisa-cache', state);
  res.setHeader('vary', 'Accept-Encoding');
  if (acceptsGzip) res.setHeader('content-encoding', 'gzip');
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendCaptured(req: IncomingMessage, res: ServerResponse, page: Captured): void {
  res.statusCode = page.status;
  res.setHeader('content-length', page.body.length);
  res.end(req.method === 'HEAD' ? undefined : page.body);
}
