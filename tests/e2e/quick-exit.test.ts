import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { QUICK_EXIT_URL } from '@/components/layout/quick-exit-url';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts, useBrowser, openPage, type Visit } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const portal = new URL(baseUrl);
const neutral = new URL(QUICK_EXIT_URL);

const browser = useBrowser();

let visit: Visit | undefined;
afterEach(async () => {
  await visit?.context.close();
  visit = undefined;
});

/**
 * The neutral site is answered locally (no real network from tests), and anything else
 * that is not the portal is refused, so a leak shows up as a failure, not as traffic.
 */
async function stubTheOutsideWorld(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname === neutral.hostname,
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html lang="en"><title>Neutral</title><p>A neutral page</p></html>',
      }),
  );
  await context.route(
    (url) => url.protocol.startsWith('http') && url.host !== portal.host && url.hostname !== neutral.hostname,
    (route) => route.abort('blockedbyclient'),
  );
}

async function openPortal(pathname: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  visit = await openPage(browser(), baseUrl, pathname, { ...options, prepareContext: stubTheOutsideWorld });
  return visit.page;
}

const isNeutral = (url: URL) => url.hostname === neutral.hostname;

/** Leaves through `act` and checks that the portal's history entry was replaced, not added to. */
async function expectToLeaveWithoutTrace(page: Page, act: () => Promise<void>): Promise<void> {
  const entriesBefore = await page.evaluate(() => history.length);
  await Promise.all([page.waitForURL(isNeutral), act()]);
  expect(new URL(page.url()).hostname).toBe(neutral.hostname);
  expect(await page.evaluate(() => history.length)).toBe(entriesBefore);
  // Back must not lead a passer-by to the portal.
  await page.goBack().catch(() => null);
  expect(new URL(page.url()).host).not.toBe(portal.host);
}

describe('the quick exit', () => {
  it('is visible without scrolling', async () => {
    const page = await openPortal('/');
    const box = await page.getByTestId('quick-exit').boundingBox();
    expect(box).not.toBeNull();
    const viewport = page.viewportSize();
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport!.height);
    await expectNoAxeViolations(page);
  });

  it('leaves for the neutral site on one click and replaces the history entry', async () => {
    const page = await openPortal('/');
    await expectNoAxeViolations(page);
    await expectToLeaveWithoutTrace(page, () => page.getByTestId('quick-exit').click());
  });

  it('leaves when Escape is pressed twice', async () => {
    const page = await openPortal('/om');
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page);
    await expectToLeaveWithoutTrace(page, async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    });
  });

  it('still leads to the neutral site without JavaScript (a plain link)', async () => {
    const page = await openPortal('/', { javaScriptEnabled: false });
    await expectNoAxeViolationsWithoutScripts(browser(), page.url());
    expect(await page.getByTestId('quick-exit').getAttribute('href')).toBe(QUICK_EXIT_URL);
    await Promise.all([page.waitForURL(isNeutral), page.getByTestId('quick-exit').click()]);
    expect(new URL(page.url()).hostname).toBe(neutral.hostname);
  });
});
