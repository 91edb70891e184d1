import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '@/prisma/seed/index';
import { expectNoAxeViolations, openPage, useBrowser, type Visit } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');
/** A service of Kvinnojouren Linnéan, the association of the demo member. */
const OWN_SERVICE = 'linnean-stodsamtal';

let visits: Visit[] = [];
afterEach(async () => {
  for (const visit of visits) await visit.context.close();
  visits = [];
});

async function signedIn(email: string, options: Parameters<typeof openPage>[3] = {}): Promise<Page> {
  const visit = await openPage(browser(), baseUrl, '/logga-in', options);
  visits.push(visit);
  const { page } = visit;
  await page.fill('#password-email', email);
  await page.fill('#password-password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL('**/konto'), page.click('form:has(#password-email) button[type=submit]')]);
  return page;
}

/** Searches as a resident would, so the weekly statistics have something to show. */
async function searchAsResident(queries: string[]): Promise<void> {
  const visit = await openPage(browser(), baseUrl, '/');
  visits.push(visit);
  for (const q of queries) await visit.page.goto(`${baseUrl}/sok?q=${encodeURIComponent(q)}`);
}

/**
 * The whole page as a PNG to review, and one screen's worth from the page heading (or
 * `from`) down as a JPEG, the size of the pictures in docs/screenshots (both in tests/.artifacts).
 */
async function capture(page: Page, name: string, from = 'h1'): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const { width, height } = page.viewportSize()!;
  const top = await page.locator(from).evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  const clip = { x: 0, y: Math.max(0, top - 24), width, height };
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.jpg`), fullPage: true, clip, type: 'jpeg', quality: 80 });
}

/**
 * axe on the page as a signed-in visitor without JavaScript gets it: the same session in a
 * context whose script downloads are refused (axe itself needs JavaScript to run; see
 * expectNoAxeViolationsWithoutScripts, which has no session).
 */
async function expectNoAxeViolationsInSession(page: Page): Promise<void> {
  const context = await browser().newContext({ locale: 'sv-SE' });
  try {
    await context.addCookies(await page.context().cookies());
    await context.route(
      () => true,
      (route) => (route.request().resourceType() === 'script' ? route.abort('blockedbyclient') : route.fallback()),
    );
    const copy = await context.newPage();
    await copy.goto(page.url(), { waitUntil: 'load' });
    expect(copy.url()).toBe(page.url());
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}

/** axe once the page has settled: after a form post, Next swaps the document's title in a moment later. */
async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(() => document.title.trim() !== '');
  await expectNoAxeViolations(page);
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the coordinator’s search word list (/admin/installningar)', () => {
  it('creates an entry after correcting a field error, edits it, and deletes it after confirming', async () => {
    const page = await signedIn('samordnare@lisa.example');
    await page.click('a[href="/admin/installningar"]');
    await page.waitForURL('**/admin/installningar');
    expect(await page.locator('h1').innerText()).toBe('Sökordslistan');
    await expectAccessible(page);

    await Promise.all([page.waitForURL('**/admin/installningar/ny'), page.getByRole('link', { name: 'Nytt uppslag' }).click()]);
    await expectAccessible(page);
    // A * after too short a word is refused, with the reason at the field and in the summary.
    await page.fill('#uppslag-input', 'sov*');
    await page.fill('#uppslag-synonyms', 'härbärge\nakut boende');
    await page.getByLabel('Boende och hemlöshet').check();
    await page.click('#uppslag button[type=submit]');
    await page.waitForSelector('#uppslag-input[aria-invalid=true]');
    expect(await page.locator('#uppslag-input-error').innerText()).toContain('minst fyra bokstäver');
    await capture(page, 'thesaurus-entry-error-1280');
    // Focus moved to the summary, whose link leads to the field.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    // What was typed is kept.
    expect(await page.inputValue('#uppslag-synonyms')).toBe('härbärge\nakut boende');
    expect(await page.getByLabel('Boende och hemlöshet').isChecked()).toBe(true);
    await expectAccessible(page);

    await page.fill('#uppslag-input', 'sovplats i natt');
    // Keyboard only: Enter in a text field submits the form.
    await page.focus('#uppslag-input');
    await Promise.all([page.waitForURL(/\/admin\/installningar\?q=sovplats/), page.keyboard.press('Enter')]);
    expect(await page.locator('[role=status].form-success').innerText()).toBe('Uppslaget är sparat.');
    const row = page.locator('tr', { hasText: 'sovplats i natt' });
    expect(await row.innerText()).toContain('härbärge, akut boende');
    expect(await row.innerText()).toContain('Boende och hemlöshet');

    await Promise.all([page.waitForURL(/\/admin\/installningar\/[\w-]+$/), row.getByRole('link', { name: /sovplats i natt/ }).click()]);
    await expectAccessible(page);
    await page.fill('#uppslag-synonyms', 'härbärge\nakut boende\nnattlogi');
    await page.getByLabel('Används i sökningen').uncheck();
    await Promise.all([page.waitForURL(/status=updated/), page.click('#uppslag button[type=submit]')]);
    const edited = page.locator('tr', { hasText: 'sovplats i natt' });
    expect(await edited.innerText()).toContain('nattlogi');
    expect(await edited.innerText()).toContain('Nej, avstängt');

    await Promise.all([page.waitForURL(/\/admin\/installningar\/[\w-]+$/), edited.getByRole('link', { name: /sovplats i natt/ }).click()]);
    await Promise.all([page.waitForURL(/\/radera$/), page.getByRole('link', { name: 'Ta bort uppslaget …' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Ta bort uppslaget ”sovplats i natt”?');
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/status=deleted/), page.getByRole('button', { name: 'Ja, ta bort uppslaget' }).click()]);
    expect(await page.locator('[role=status].form-success').innerText()).toBe('Uppslaget ”sovplats i natt” är borttaget.');
    await page.goto(`${baseUrl}/admin/installningar?q=sovplats`);
    expect(await page.getByRole('link', { name: 'Ändra uppslaget sovplats i natt' }).count()).toBe(0);
  });

  it('shows how often entries fired and what residents searched without an answer, and reloads the defaults', async () => {
    await searchAsResident(['min kille slår mig', 'slår mig', 'kronofogden', 'qwxzyv plopp', 'qwxzyv plopp']);
    const page = await signedIn('samordnare@lisa.example', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/admin/installningar?q=sl%C3%A5r`);
    const row = page.locator('tr').filter({ has: page.getByRole('link', { name: 'Ändra uppslaget slår mig', exact: true }) });
    expect(await row.locator('.thesaurus-table__count').innerText()).toMatch(/^[1-9]\d* sökning/);
    expect(await row.innerText()).toContain('”slår mig”');
    const todo = page.locator('section[aria-labelledby=att-gora]');
    expect(await todo.innerText()).toContain('qwxzyv plopp');
    await expectAccessible(page);
    await page.goto(`${baseUrl}/admin/installningar?q=sl%C3%A5r+mig`);
    await capture(page, 'thesaurus-admin-1280', '#uppslag');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await capture(page, 'thesaurus-admin-390');

    await page.setViewportSize({ width: 1280, height: 900 });
    await Promise.all([page.waitForURL(/status=defaultsLoaded/), page.getByRole('button', { name: 'Läs in standardlistan' }).click()]);
    expect(await page.locator('#standard ~ [role=status]').innerText()).toMatch(/^Standardlistan är inläst: inga nya uppslag/);
    await expectAccessible(page);

    // In Arabic, right to left.
    await page.goto(`${baseUrl}/ar/admin/installningar?q=sl%C3%A5r`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page);
    await page.goto(`${baseUrl}/ar/admin/installningar/ny`);
    await page.click('#uppslag button[type=submit]');
    await page.waitForSelector('#uppslag-input[aria-invalid=true]');
    await expectAccessible(page);
  });

  it('works without JavaScript', async () => {
    const page = await signedIn('samordnare@lisa.example', { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/admin/installningar/ny`);
    await page.fill('#uppslag-input', '!!!');
    await page.fill('#uppslag-synonyms', 'något');
    await page.click('#uppslag button[type=submit]');
    await page.waitForLoadState('load');
    expect(await page.locator('#uppslag-input-error').innerText()).toBe('Skriv minst en bokstav eller siffra.');
    expect(await page.inputValue('#uppslag-synonyms')).toBe('något');
    await page.fill('#uppslag-input', 'utan skript');
    await Promise.all([page.waitForURL(/status=created/), page.click('#uppslag button[type=submit]')]);
    expect(await page.locator('tr', { hasText: 'utan skript' }).count()).toBe(1);
    await expectNoAxeViolationsInSession(page);
  });

  it('is closed to a member, like /admin/anvandare', async () => {
    const page = await signedIn('medlem@lisa.example');
    expect(await page.locator('a[href="/admin/installningar"]').count()).toBe(0);
    for (const pathname of ['/admin/installningar', '/admin/installningar/ny']) {
      await page.goto(`${baseUrl}${pathname}`);
      expect(await page.locator('h1').innerText()).toBe('Ingen behörighet');
    }
  });
});

describe('keywords of a service (/konto/tjanster)', () => {
  it('lets a member add a keyword to their association’s service, and search finds the service by it', async () => {
    const page = await signedIn('medlem@lisa.example', { viewport: { width: 1280, height: 900 } });
    await Promise.all([page.waitForURL('**/konto/tjanster'), page.getByRole('link', { name: /^Era tjänster i katalogen/ }).click()]);
    await expectAccessible(page);
    await capture(page, 'keyword-services-1280');
    const services = await page.locator('.keyword-list .card__meta').allInnerTexts();
    expect(new Set(services)).toEqual(new Set(['Kvinnojouren Linnéan']));

    await Promise.all([page.waitForURL(`**/konto/tjanster/${OWN_SERVICE}`), page.locator(`a[href="/konto/tjanster/${OWN_SERVICE}"]`).click()]);
    await expectAccessible(page);
    const before = await page.inputValue('#sokord-keywords');
    await page.fill('#sokord-keywords', `${before}\n${'x'.repeat(61)}`);
    await page.click('#sokord button[type=submit]');
    await page.waitForSelector('#sokord-keywords[aria-invalid=true]');
    expect(await page.locator('#sokord-keywords-error').innerText()).toBe('Varje sökord får ha högst 60 tecken.');
    await expectAccessible(page);

    await page.fill('#sokord-keywords', `${before}\n fjärilsnät \nFJÄRILSNÄT`);
    await page.click('#sokord button[type=submit]');
    await page.waitForSelector('#sokord [role=status]');
    expect(await page.locator('#sokord [role=status]').innerText()).toBe('Sökorden är sparade.');
    // Shown as stored: trimmed, each word once.
    expect(await page.inputValue('#sokord-keywords')).toBe(`${before}\nfjärilsnät`);
    await expectAccessible(page);
    await capture(page, 'service-keywords-1280');
    await page.reload();
    expect(await page.inputValue('#sokord-keywords')).toBe(`${before}\nfjärilsnät`);

    // The search index follows through the outbox within seconds.
    const resident = await openPage(browser(), baseUrl, '/');
    visits.push(resident);
    await expect
      .poll(
        async () => {
          await resident.page.goto(`${baseUrl}/sok?q=fj%C3%A4rilsn%C3%A4t`);
          return resident.page.locator(`a[href="/tjanster/${OWN_SERVICE}"]`).count();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
  });

  it('saves keywords without JavaScript', async () => {
    const page = await signedIn('foreningsadmin@lisa.example', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}/konto/tjanster/${OWN_SERVICE}`);
    const before = await page.inputValue('#sokord-keywords');
    await page.fill('#sokord-keywords', `${before}\nutan skript`);
    await page.click('#sokord button[type=submit]');
    await page.waitForLoadState('load');
    expect(await page.locator('#sokord [role=status]').innerText()).toBe('Sökorden är sparade.');
    expect(await page.inputValue('#sokord-keywords')).toContain('utan skript');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await capture(page, 'service-keywords-390');
    await expectNoAxeViolationsInSession(page);
  });

  it('refuses another association’s service', async () => {
    const page = await signedIn('medlem@lisa.example');
    await page.goto(`${baseUrl}/konto/tjanster/reda-budget-drop-in`);
    expect(await page.locator('h1').innerText()).toBe('Ingen behörighet');
    expect(await page.locator('#sokord').count()).toBe(0);
  });
});
