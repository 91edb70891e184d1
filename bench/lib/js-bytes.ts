/**
 * How much JavaScript a page costs a resident's phone, and whether editor code rides along.
 *
 *   const routes = await measureJsBytes('http://127.0.0.1:3000', ['/', '/sok?q=stod']);
 *   routes[0].totalGzipBytes  // bytes, gzip level 9, every script the page loads
 *   routes[0].editorCode      // true when a Tiptap/ProseMirror marker is in any of them
 *
 * Each route is loaded in Chromium (playwright-core) and every response of resource type
 * "script" is kept until the network is idle: the `<script src>` of the HTML and the chunks
 * the page loads afterwards (dynamic imports, chunks of prefetched links). Script sources in
 * the HTML that the browser did not load are fetched as well, so nothing in the HTML escapes
 * the count; `nomodule` scripts are listed but not counted, as no browser that runs modules
 * downloads them. Inline scripts (Next's serialized page data) are HTML, not counted here.
 *
 * Sizes are the decoded bodies gzipped here with zlib level 9, not the transfer size: the
 * figure then does not depend on whether the server (or a proxy in front of it) compresses,
 * nor on its compression level. Brotli would be smaller; gzip is what the bar names.
 */
import { gzipSync, constants as zlib } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Response } from 'playwright-core';

/**
 * Strings that only Tiptap and ProseMirror put in minified code: class names that
 * prosemirror-view sets on the editable element and its helpers (kept as string literals, so
 * no minifier renames them), and Tiptap's own class and data attribute names. Checked against
 * the chunks of the news editor (tests/e2e/javascript-budget.test.ts), so the check can fail.
 */
export const EDITOR_MARKERS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'ProseMirror-', pattern: /ProseMirror-(?:hideselection|separator|gapcursor|selectednode|focused|trailingBreak)/ },
  { name: '"ProseMirror"', pattern: /["'`]ProseMirror["'`]/ },
  { name: 'tiptap', pattern: /["'`\s]tiptap["'`\s]|data-tiptap|tiptap-/ },
];

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ScriptBytes {
  url: string;
  /** Decoded size of the body. */
  bytes: number;
  /** The body gzipped with zlib level 9. */
  gzipBytes: number;
  /** Where it came from: a `<script src>` of the HTML, or loaded by the page after that. */
  source: 'html' | 'loaded';
  /** A `nomodule` script of the HTML: listed, not counted. */
  noModule: boolean;
  /** Editor markers found in this script. */
  editorMarkers: string[];
}

export interface RouteJsBytes {
  route: string;
  /** HTTP status of the document. */
  status: number;
  scripts: ScriptBytes[];
  /** Sum of `gzipBytes` over the counted scripts (all but `nomodule`). */
  totalGzipBytes: number;
  /** Sum of decoded sizes over the counted scripts. */
  totalBytes: number;
  editorCode: boolean;
  /** Names of the editor markers found, over all counted scripts. */
  editorMarkers: string[];
}

export interface MeasureJsOptions {
  /**
   * A context to load the pages in (e.g. one signed in); its pages stay open only while
   * measured. Without it a fresh Chromium and cookie-less context are used.
   */
  context?: BrowserContext;
  /** How long to wait for the network to go idle after `load`, per route. */
  idleTimeoutMs?: number;
}

export function gzipSize(body: Buffer): number {
  return gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }).length;
}

export function editorMarkersIn(source: string): string[] {
  return EDITOR_MARKERS.filter((marker) => marker.pattern.test(source)).map((marker) => marker.name);
}

interface HtmlScript {
  url: string;
  noModule: boolean;
}

/** `<script src>` elements of an HTML document, resolved against its URL. */
export function scriptSourcesOf(html: string, documentUrl: string): HtmlScript[] {
  const scripts: HtmlScript[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attributes = match[1] ?? '';
    const src = /\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (!value) continue;
    const url = new URL(value.replaceAll('&amp;', '&'), documentUrl).toString();
    scripts.push({ url, noModule: /\snomodule\b/i.test(attributes) });
  }
  return scripts;
}

function measureScript(url: string, body: Buffer, source: ScriptBytes['source'], noModule: boolean): ScriptBytes {
  return { url, bytes: body.length, gzipBytes: gzipSize(body), source, noModule, editorMarkers: editorMarkersIn(body.toString('utf8')) };
}

async function measureRoute(context: BrowserContext, baseUrl: string, route: string, idleTimeoutMs: number): Promise<RouteJsBytes> {
  const page = await context.newPage();
  const loaded = new Map<string, Promise<Buffer | null>>();
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== 'script' || loaded.has(response.url())) return;
    // Redirects and failed loads have no body worth counting.
    loaded.set(response.url(), response.ok() ? response.body().catch(() => null) : Promise.resolve(null));
  };
  page.on('response', onResponse);
  try {
    const documentResponse = await page.goto(new URL(route, baseUrl).toString(), { waitUntil: 'load' });
    if (!documentResponse) throw new Error(`No response for ${route}`);
    // Chunks loaded after `load` (hydration, dynamic imports, prefetched routes) count too.
    await page.waitForLoadState('networkidle', { timeout: idleTimeoutMs }).catch(() => undefined);
    const html = await documentResponse.text();

    const scripts: ScriptBytes[] = [];
    const inHtml = scriptSourcesOf(html, documentResponse.url());
    const htmlUrls = new Set(inHtml.map((script) => script.url));
    for (const script of inHtml) {
      if (scripts.some((s) => s.url === script.url)) continue;
      let body = loaded.has(script.url) ? await loaded.get(script.url)! : null;
      if (!body) {
        const fetched = await context.request.get(script.url);
        if (!fetched.ok()) throw new Error(`${route}: script ${script.url} answered ${fetched.status()}`);
        body = await fetched.body();
      }
      scripts.push(measureScript(script.url, body, 'html', script.noModule));
    }
    for (const [url, pending] of loaded) {
      if (htmlUrls.has(url)) continue;
      const body = await pending;
      if (body) scripts.push(measureScript(url, body, 'loaded', false));
    }

    const counted = scripts.filter((script) => !script.noModule);
    const editorMarkers = [...new Set(counted.flatMap((script) => script.editorMarkers))];
    return {
      route,
      status: documentResponse.status(),
      scripts,
      totalGzipBytes: counted.reduce((sum, script) => sum + script.gzipBytes, 0),
      totalBytes: counted.reduce((sum, script) => sum + script.bytes, 0),
      editorCode: editorMarkers.length > 0,
      editorMarkers,
    };
  } finally {
    page.off('response', onResponse);
    await page.close();
  }
}

/** Measures each route in turn (one page at a time, so chunks are attributed to their route). */
export async function measureJsBytes(baseUrl: string, routes: string[], options: MeasureJsOptions = {}): Promise<RouteJsBytes[]> {
  const idleTimeoutMs = options.idleTimeoutMs ?? 10_000;
  let browser: Browser | undefined;
  let context = options.context;
  try {
    if (!context) {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      context = await browser.newContext({ locale: 'sv-SE' });
    }
    const results: RouteJsBytes[] = [];
    for (const route of routes) results.push(await measureRoute(context, baseUrl, route, idleTimeoutMs));
    return results;
  } finally {
    await browser?.close();
  }
}
