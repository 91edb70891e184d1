/**
 * Browser helpers for the e2e tests: Debian's Chromium through playwright-core (browsers
 * cannot be downloaded here), a network log per context, and axe.
 *
 *   const browser = await launchBrowser();
 *   const visit = await openPage(browser, baseUrl, '/om');
 *   await expectNoAxeViolations(visit.page);
 *   expectOnlyLocalRequests(visit.requests);
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** No sandbox (CI runs as root), and nothing that phones home on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * One Chromium for the whole test file, launched before its tests and closed after them.
 * Call at the top level of the file; the returned function gives the running browser.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not running (call useBrowser() at the top level of the file).');
    return browser;
  };
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** The main document's response. */
  response: Response;
  /** Every request URL made in this context, in order (documents, scripts, images, fetches). */
  requests: string[];
  /** Console messages about Content-Security-Policy violations (a broken nonce shows here). */
  cspViolations: string[];
}

export interface OpenPageOptions extends BrowserContextOptions {
  /** Reuse a context (and its log) instead of opening a fresh one. */
  visit?: Visit;
  /** Runs on a new context before the first navigation (routes, init scripts). */
  prepareContext?: (context: BrowserContext) => Promise<void>;
}

/** Opens `pathname` in a fresh context (no cookies, no storage) and records its traffic. */
let contextCounter = 0;

/**
 * Each browser context acts as its own client address (from a documentation range), as
 * visitors do behind the reverse proxy; otherwise every test would share one per-client
 * rate limit on sign-in.
 */
function nextClientAddress(): string {
  contextCounter += 1;
  return `198.51.${100 + Math.floor(contextCounter / 250)}.${(contextCounter % 250) + 1}`;
}

export async function openPage(browser: Browser, baseUrl: string, pathname: string, options: OpenPageOptions = {}): Promise<Visit> {
  const { visit: previous, prepareContext, ...contextOptions } = options;
  let context: BrowserContext;
  let requests: string[];
  let cspViolations: string[];
  if (previous) {
    ({ context, requests, cspViolations } = previous);
  } else {
    context = await browser.newContext({
      locale: 'sv-SE',
      ...contextOptions,
      extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress(), ...contextOptions.extraHTTPHeaders },
    });
    requests = [];
    cspViolations = [];
    context.on('request', (request) => requests.push(request.url()));
    context.on('console', (message) => {
      if (/content security policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await prepareContext?.(context);
  }
  const page = previous?.page ?? (await context.newPage());
  const response = await page.goto(new URL(pathname, baseUrl).toString(), { waitUntil: 'load' });
  if (!response) throw new Error(`No response for ${pathname}`);
  return { context, page, response, requests, cspViolations };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The requests that left this machine (anything but loopback and in-page data/blob URLs). */
export function externalRequests(requests: string[]): string[] {
  return requests.filter((url) => {
    const parsed = new URL(url);
    if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return false;
    return !LOCAL_HOSTS.has(parsed.hostname);
  });
}

export function expectOnlyLocalRequests(requests: string[]): void {
  const external = externalRequests(requests);
  if (external.length > 0) {
    throw new Error(`The page requested ${external.length} URL(s) on other hosts:\n${external.map((u) => `  - ${u}`).join('\n')}`);
  }
}

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails with a readable list of what is wrong, and where. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `      at ${node.target.join(' ')}\n         ${node.failureSummary?.split('\n').join('\n         ') ?? ''}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n      ...and ${violation.nodes.length - 5} more` : '';
      return `  - ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n      ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
  throw new Error(`${results.violations.length} accessibility violation(s) on ${page.url()}:\n${report}`);
}

/**
 * axe for the page a visitor without JavaScript gets. axe itself needs JavaScript (it cannot
 * run in a context with `javaScriptEnabled: false`), so this loads the page in a normal
 * context whose script downloads are refused: the server-rendered HTML stays un-hydrated,
 * exactly as without JavaScript, while axe can still be injected.
 */
export async function expectNoAxeViolationsWithoutScripts(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  try {
    await context.route(
      () => true,
      (route) => (route.request().resourceType() === 'script' ? route.abort('blockedbyclient') : route.fallback()),
    );
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await expectNoAxeViolations(page);
  } finally {
    await context.close();
  }
}
