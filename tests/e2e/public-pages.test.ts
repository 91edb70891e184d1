import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HELP_LINES } from '@/components/help/help-numbers';
import { expectNoAxeViolations, expectOnlyLocalRequests, useBrowser, openPage, type Visit } from '../helpers/browser';

const baseUrl = inject('baseUrl');

const browser = useBrowser();

function expectSecurityHeaders(headers: Record<string, string>): void {
  const csp = headers['content-security-policy'];
  expect(csp, 'Content-Security-Policy header').toBeDefined();
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=_-]{16,}'/);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
}

describe.each([
  { pathname: '/', lang: 'sv' },
  { pathname: '/om', lang: 'sv' },
  { pathname: '/tillganglighet', lang: 'sv' },
  { pathname: '/integritet', lang: 'sv' },
  { pathname: '/en/om', lang: 'en' },
  { pathname: '/ar/om', lang: 'ar', dir: 'rtl' },
])('the page $pathname', ({ pathname, lang, dir }) => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await openPage(browser(), baseUrl, pathname);
  });
  afterAll(async () => {
    await visit?.context.close();
  });

  it(`answers 200 in the right language (${lang})`, async () => {
    expect(visit.response.status()).toBe(200);
    expect(await visit.page.getAttribute('html', 'lang')).toBe(lang);
    const direction = await visit.page.getAttribute('html', 'dir');
    if (dir) expect(direction).toBe(dir);
    else expect(direction ?? 'ltr').toBe('ltr');
  });

  it('shows the national help numbers in the footer, as phone links', async () => {
    const footer = visit.page.locator('footer').last();
    const text = await footer.innerText();
    for (const line of HELP_LINES) {
      expect(text).toContain(line.display);
      expect(await footer.locator(`a[href="tel:${line.dial}"]`).count()).toBeGreaterThan(0);
    }
  });

  it('has no accessibility violations (WCAG 2.1 A/AA)', async () => {
    await expectNoAxeViolations(visit.page);
  });

  it('requests nothing from another host', () => {
    expectOnlyLocalRequests(visit.requests);
  });

  it('sets no cookie', async () => {
    expect(await visit.context.cookies()).toEqual([]);
  });

  it('sends a nonce-based Content-Security-Policy and nosniff', async () => {
    expectSecurityHeaders(await visit.response.allHeaders());
  });

  it('runs nothing that the Content-Security-Policy blocks', () => {
    expect(visit.cspViolations).toEqual([]);
  });
});

describe('security headers', () => {
  it('use a fresh nonce for each response', async () => {
    const nonce = async () => {
      const response = await fetch(`${baseUrl}/om`);
      await response.arrayBuffer();
      return /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    };
    const [first, second] = [await nonce(), await nonce()];
    expect(first).toBeDefined();
    expect(first).not.toBe(second);
  });

  it('are sent on a page that does not exist, too', async () => {
    const response = await fetch(`${baseUrl}/finns-inte-${Date.now()}`);
    await response.arrayBuffer();
    expect(response.status).toBe(404);
    expectSecurityHeaders(Object.fromEntries(response.headers));
  });
});
