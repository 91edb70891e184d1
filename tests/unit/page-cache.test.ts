import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createCachingHandler, type RequestHandler } from '@/lib/page-cache/handler';
import { pageCacheKey } from '@/lib/page-cache/policy';
import { MINUTE_MS, PageStore } from '@/lib/page-cache/store';
import { makeTemplate, renderTemplate } from '@/lib/page-cache/template';

const anonymous = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });

describe('pageCacheKey', () => {
  it('keeps the public pages of every language', () => {
    for (const url of ['/', '/en', '/ar/', '/tjanster/stodsamtal', '/en/tjanster/x', '/nyheter', '/nyheter/en-post', '/foreningar/kvinnojouren', '/om', '/ar/tillganglighet']) {
      expect(pageCacheKey(anonymous(url)), url).not.toBeNull();
    }
  });

  it('leaves search, account, admin and workshop pages to the app', () => {
    for (const url of ['/sok?q=stod', '/kategorier/mat', '/konto', '/admin/tjanster', '/verkstad', '/synergiverkstad', '/tjanster/x/rattelse', '/api/search?q=x', '/min-lista', '/_next/static/chunks/a.js']) {
      expect(pageCacheKey(anonymous(url)), url).toBeNull();
    }
  });

  it('never answers a request with a cookie, credentials or a client-side navigation', () => {
    for (const header of ['cookie', 'authorization', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-action']) {
      expect(pageCacheKey(anonymous('/', { [header]: '1' })), header).toBeNull();
    }
    expect(pageCacheKey({ method: 'POST', url: '/', headers: {} })).toBeNull();
  });

  it('keys the page parameters in one order and refuses unknown ones', () => {
    expect(pageCacheKey(anonymous('/nyheter?sida=2&amne=halsa'))).toBe(pageCacheKey(anonymous('/nyheter?amne=halsa&sida=2')));
    expect(pageCacheKey(anonymous('/nyheter?sida=2'))).not.toBe(pageCacheKey(anonymous('/nyheter?sida=3')));
    expect(pageCacheKey(anonymous('/nyheter?_rsc=abc'))).toBeNull();
    expect(pageCacheKey(anonymous('/?utm_source=x'))).toBeNull();
  });
});

const NONCE = 'cmVuZGVyLW5vbmNlLTEyMzQ1Ng==';
const page = (text: string) =>
  Buffer.from(`<html><head><script nonce="${NONCE}" src="/a.js"></script></head><body>${text}<script nonce="${NONCE}">self.x=1</script></body></html>`);
const pageHeaders = (extra: Record<string, string> = {}) => ({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`,
  'x-frame-options': 'DENY',
  ...extra,
});

describe('makeTemplate and renderTemplate', () => {
  it('puts the new nonce wherever the rendered one was, in the page and the policy', () => {
    const template = makeTemplate(200, pageHeaders(), page('Hej'));
    expect(template).not.toBeNull();
    const out = renderTemplate(template!, 'bmV3LW5vbmNlLTAwMDAwMDAwMA==');
    const html = out.body.toString();
    expect(html).not.toContain(NONCE);
    expect(html.match(/nonce="bmV3LW5vbmNlLTAwMDAwMDAwMA=="/g)).toHaveLength(2);
    expect(Object.fromEntries(out.headers)['content-security-policy']).toContain("'nonce-bmV3LW5vbmNlLTAwMDAwMDAwMA=='");
  });

  it('keeps nothing personal, failed or without a nonce', () => {
    expect(makeTemplate(404, pageHeaders(), page('x'))).toBeNull();
    expect(makeTemplate(200, pageHeaders({ 'set-cookie': 'a=b' }), page('x'))).toBeNull();
    expect(makeTemplate(200, { ...pageHeaders(), 'content-type': 'application/json' }, page('x'))).toBeNull();
    expect(makeTemplate(200, { ...pageHeaders(), 'content-security-policy': "default-src 'self'" }, page('x'))).toBeNull();
    expect(makeTemplate(200, pageHeaders(), Buffer.from('<html>no scripts</html>'))).toBeNull();
  });
});

describe('PageStore', () => {
  const template = (size: number) => makeTemplate(200, pageHeaders(), page('x'.repeat(size)))!;

  it('answers only for the version and the minute a page was rendered in', () => {
    const store = new PageStore(1_000_000);
    const renderedAt = 10 * MINUTE_MS + 5_000;
    store.set('/', '7', renderedAt, template(10));
    expect(store.get('/', '7', renderedAt + 50_000)).toBeDefined();
    expect(store.get('/', '8', renderedAt + 1_000)).toBeUndefined();
    store.set('/', '7', renderedAt, template(10));
    expect(store.get('/', '7', 11 * MINUTE_MS)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('drops the least recently used pages beyond its budget', () => {
    const one = template(1000);
    const store = new PageStore(one.bytes * 2 + 10);
    store.set('/a', '1', 0, one);
    store.set('/b', '1', 0, template(1000));
    expect(store.get('/a', '1', 1)).toBeDefined();
    store.set('/c', '1', 0, template(1000));
    expect(store.get('/b', '1', 1)).toBeUndefined();
    expect(store.get('/a', '1', 1)).toBeDefined();
    expect(store.get('/c', '1', 1)).toBeDefined();
    expect(store.usedBytes).toBeLessThanOrEqual(one.bytes * 2 + 10);
  });
});

describe('createCachingHandler', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for Next: renders a page with a fresh nonce per request, streamed in pieces. */
  function startServer(version: { value: string }, content: { text: string }) {
    const renders: string[] = [];
    const app: RequestHandler = async (req: IncomingMessage, res: ServerResponse) => {
      renders.push(req.url ?? '');
      const nonce = Buffer.from(`nonce-${renders.length}-${'x'.repeat(12)}`).toString('base64');
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (req.url === '/tjanster/saknas') {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<p>Hittades inte</p>');
        return;
      }
      res.setHeader('content-security-policy', `script-src 'nonce-${nonce}'`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(`<html><script nonce="${nonce}"></script>`);
      res.end(`<p>${content.text}</p></html>`);
    };
    const handle = createCachingHandler(app, { store: new PageStore(10_000_000), readVersion: async () => version.value });
    server = http.createServer((req, res) => void handle(req, res));
    return new Promise<{ url: string; renders: string[] }>((resolve) =>
      server!.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, renders })),
    );
  }

  async function get(url: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { headers });
    const html = await response.text();
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    return { status: response.status, state: response.headers.get('x-lisa-cache'), html, nonce, policy: response.headers.get('content-security-policy') };
  }

  it('renders once, then answers from the cache with a new nonce each time', async () => {
    const { url, renders } = await startServer({ value: '1' }, { text: 'Öppet idag' });
    const first = await get(`${url}/tjanster/a`);
    const second = await get(`${url}/tjanster/a`);
    expect([first.state, second.state]).toEqual(['miss', 'hit']);
    expect(second.html).toContain('Öppet idag');
    expect(renders).toHaveLength(1);
    expect(second.nonce).toBeDefined();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.policy).toContain(`'nonce-${second.nonce}'`);
  });

  it('renders again once the content version changes', async () => {
    const version = { value: '1' };
    const content = { text: 'Gammal text' };
    const { url, renders } = await startServer(version, content);
    await get(`${url}/nyheter`);
    content.text = 'Ny text';
    version.value = '2';
    const after = await get(`${url}/nyheter`);
    expect(after.state).toBe('miss');
    expect(after.html).toContain('Ny text');
    expect(renders).toHaveLength(2);
  });

  it('sends signed-in visitors and uncacheable pages straight to the app', async () => {
    const { url, renders } = await startServer({ value: '1' }, { text: 'x' });
    expect((await get(`${url}/`, { cookie: 'session=1' })).state).toBeNull();
    expect((await get(`${url}/`, { cookie: 'session=1' })).state).toBeNull();
    const missing = await get(`${url}/tjanster/saknas`);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Hittades inte');
    await get(`${url}/tjanster/saknas`);
    expect(renders).toHaveLength(4);
  });

  it('shares one render between concurrent requests for the same page', async () => {
    const { url, renders } = await startServer({ value: '1' }, { text: 'x' });
    const results = await Promise.all(Array.from({ length: 8 }, () => get(`${url}/om`)));
    expect(renders).toHaveLength(1);
    expect(new Set(results.map((r) => r.nonce)).size).toBe(8);
  });

  it('compresses for clients that accept gzip', async () => {
    const { url } = await startServer({ value: '1' }, { text: 'komprimerad' });
    await get(`${url}/om`);
    const body = await new Promise<Buffer>((resolve, reject) => {
      http.get(`${url}/om`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      }).on('error', reject);
    });
    expect(gunzipSync(body).toString()).toContain('komprimerad');
  });

  it('lets the app answer when the content version cannot be read', async () => {
    const app: RequestHandler = async (_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<p>från appen</p>');
    };
    const handle = createCachingHandler(app, { store: new PageStore(1000), readVersion: () => Promise.reject(new Error('database down')) });
    server = http.createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const response = await get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(response.html).toContain('från appen');
    expect(response.state).toBeNull();
  });
});
