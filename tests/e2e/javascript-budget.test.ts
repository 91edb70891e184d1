/**
 * The JavaScript bar of docs/QUALITY: every public route loads at most 185 KB of script
 * (gzip level 9, KB = 1024 bytes, every script the page loads in Chromium until the network
 * is idle) and no editor (Tiptap/ProseMirror) code. Measured by bench/lib/js-bytes.ts, the
 * same module `npm run bench` reports with. The news editor is the positive control: the
 * same detector must find the editor there, or a passing check would prove nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_MARKERS, measureJsBytes, type RouteJsBytes } from '@/bench/lib/js-bytes';
import { useJourney } from '../helpers/journeys';

const BUDGET_KB = 185;
const BUDGET_BYTES = BUDGET_KB * 1024;

const journey = useJourney();

/** The first link on `pathname` whose href matches `pattern`, so slugs follow the data. */
async function firstLinkOn(pathname: string, pattern: RegExp): Promise<string> {
  const response = await fetch(new URL(pathname, journey.baseUrl));
  const html = await response.text();
  for (const match of html.matchAll(/href="([^"]+)"/g)) {
    const href = match[1]!.replaceAll('&amp;', '&');
    if (pattern.test(href)) return href;
  }
  throw new Error(`${pathname} has no link matching ${pattern}`);
}

const PUBLIC_ROUTES: { name: string; resolve: () => Promise<string> }[] = [
  { name: 'home', resolve: async () => '/' },
  { name: 'search results', resolve: async () => '/sok?q=stod' },
  { name: 'a service', resolve: () => firstLinkOn('/sok?q=stod', /^\/tjanster\/[^/?#]+$/) },
  { name: 'news', resolve: async () => '/nyheter' },
  { name: 'a news post', resolve: () => firstLinkOn('/nyheter', /^\/nyheter\/(?!feed\.xml)[^/?#.]+$/) },
  { name: 'a category', resolve: () => firstLinkOn('/', /^\/kategorier\/[^/?#]+$/) },
  {
    name: 'an association',
    resolve: async () => firstLinkOn(await firstLinkOn('/sok?q=stod', /^\/tjanster\/[^/?#]+$/), /^\/foreningar\/[^/?#]+$/),
  },
  { name: 'about', resolve: async () => '/om' },
  { name: 'my list', resolve: async () => '/min-lista' },
  { name: 'accessibility statement', resolve: async () => '/tillganglighet' },
  { name: 'privacy', resolve: async () => '/integritet' },
  { name: 'home in English', resolve: async () => '/en/' },
  { name: 'home in Arabic', resolve: async () => '/ar/' },
];

function describeScripts(result: RouteJsBytes): string {
  const scripts = [...result.scripts]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((s) => `  ${(s.gzipBytes / 1024).toFixed(1)} KB ${s.url}${s.noModule ? ' (nomodule, not counted)' : ''}${s.editorMarkers.length ? ` [editor: ${s.editorMarkers.join(', ')}]` : ''}`);
  return `${result.route}: ${(result.totalGzipBytes / 1024).toFixed(1)} KB gzip in ${result.scripts.length} scripts\n${scripts.join('\n')}`;
}

describe('JavaScript on public routes', () => {
  const measured = new Map<string, RouteJsBytes>();

  beforeAll(async () => {
    const routes = await Promise.all(PUBLIC_ROUTES.map(async (route) => [route.name, await route.resolve()] as const));
    // A fresh visitor: no cookies, so nothing a signed-in session adds.
    const context = await journey.browser().newContext({ locale: 'sv-SE' });
    try {
      const results = await measureJsBytes(journey.baseUrl, routes.map(([, pathname]) => pathname), { context });
      routes.forEach(([name], index) => measured.set(name, results[index]!));
    } finally {
      await context.close();
    }
  });

  it.each(PUBLIC_ROUTES.map((route) => route.name))(`%s loads at most ${BUDGET_KB} KB of gzip JavaScript and no editor code`, (name) => {
    const result = measured.get(name)!;
    expect(result.status, result.route).toBe(200);
    // Next's own runtime is in every page: a count of zero would mean the measuring broke.
    expect(result.scripts.filter((s) => !s.noModule).length, describeScripts(result)).toBeGreaterThan(0);
    expect(result.totalGzipBytes, describeScripts(result)).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(result.editorMarkers, describeScripts(result)).toEqual([]);
  });
});

describe('the editor detector', () => {
  it('finds Tiptap and ProseMirror in the news editor of a signed-in association admin', async () => {
    const page = await journey.signedIn('foreningsadmin@lisa.example');
    await journey.visit(page, '/konto/nyheter');
    const editorLinks = await page
      .locator('main a[href^="/konto/nyheter/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const editorRoute = editorLinks.find((href) => /^\/konto\/nyheter\/[^/?#]+$/.test(href));
    expect(editorRoute, 'a link to one of the association’s posts').toBeDefined();

    const [result] = await measureJsBytes(journey.baseUrl, [editorRoute!], { context: page.context() });
    expect(result!.status).toBe(200);
    expect(result!.editorCode, describeScripts(result!)).toBe(true);
    // Every marker must be seen in real editor code, or a public route could carry the
    // editor past a marker that never matches minified output.
    expect(result!.editorMarkers.sort()).toEqual(EDITOR_MARKERS.map((marker) => marker.name).sort());
  });
});
