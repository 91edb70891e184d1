/**
 * The page cache on the running server (scripts/server.ts, lib/page-cache): repeat anonymous
 * visits are answered from it, every response with its own CSP nonce that the page's scripts
 * run under; signed-in visitors and searches never see it; a change shows on the next visit.
 */
import { describe, expect, inject, it } from 'vitest';
import { DESKTOP, useJourney } from '../helpers/journeys';

const baseUrl = inject('baseUrl');
const SERVICE = '/tjanster/motesplats-mockelngarden';

async function get(pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${pathname}`, { headers, redirect: 'manual' });
  const html = await response.text();
  return {
    status: response.status,
    state: response.headers.get('x-lisa-cache'),
    policy: response.headers.get('content-security-policy') ?? '',
    nonce: /<script[^>]* nonce="([^"]+)"/.exec(html)?.[1],
    html,
  };
}

describe('the page cache', () => {
  const journey = useJourney();

  it('answers repeat anonymous visits from the cache, each response with its own nonce', async () => {
    await get(SERVICE);
    const first = await get(SERVICE);
    const second = await get(SERVICE);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.state, second.state]).toEqual(['hit', 'hit']);
    expect(first.nonce).toBeDefined();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.policy).toContain(`'nonce-${second.nonce}'`);
    expect(second.html).not.toContain(first.nonce);
    expect(second.html).toContain('Öppen mötesplats på Möckelngården');
  });

  it('never answers signed-in visitors, searches or personal pages from it', async () => {
    await get('/');
    expect((await get('/')).state).toBe('hit');
    expect((await get('/', { cookie: 'next-auth.session-token=x' })).state).toBeNull();
    expect((await get('/sok?q=stod')).state).toBeNull();
    expect((await get('/sok?q=stod')).state).toBeNull();
    expect((await get('/min-lista')).state).toBeNull();
    expect((await get('/tjanster/finns-inte')).status).toBe(404);
    expect((await get('/tjanster/finns-inte')).state).toBeNull();
  });

  it('serves a page whose scripts run under the fresh nonce: saving to My list works', async () => {
    await get(SERVICE);
    const page = await journey.open('/', DESKTOP);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`${baseUrl}${SERVICE}`);
    expect(response?.headers()['x-lisa-cache']).toBe('hit');
    await page.getByRole('button', { name: /^Spara i Min lista/ }).first().click();
    await page.getByRole('button', { name: /^Sparad – ta bort från Min lista/ }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });

  it('shows a published news post on the next anonymous visit, and its removal too', async () => {
    const title = `Öppet hus i cachetestet ${Date.now()}`;
    await get('/nyheter');
    expect((await get('/nyheter')).state).toBe('hit');

    const page = await journey.signedIn('medlem2@lisa.example');
    await page.goto(`${baseUrl}/konto/nyheter`);
    await page.fill('#ny-nyhet-title', title);
    await Promise.all([page.waitForURL(/\/konto\/nyheter\/[a-z0-9]{20,32}$/), page.click('#ny-nyhet button[type=submit]')]);
    await page.waitForSelector('.post-editor__content[contenteditable=true]');
    await page.fill('#nyhet-summary', 'Välkommen in på kaffe och samtal.');
    await Promise.all([page.waitForURL(/[?&]klart=published\b/), page.click('#nyhet button[name=intent][value=publish]')]);

    const after = await get('/nyheter');
    expect(after.state).toBe('miss');
    expect(after.html).toContain(title);
    expect((await get('/nyheter')).state).toBe('hit');

    await page.waitForSelector('.post-editor__content[contenteditable=true]');
    await Promise.all([page.waitForURL(/[?&]klart=unpublished\b/), page.locator('#avpublicera-form').getByRole('button', { name: 'Avpublicera' }).click()]);
    expect((await get('/nyheter')).html).not.toContain(title);
  });
});
