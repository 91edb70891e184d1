import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { QUICK_EXIT_URL } from '@/components/layout/quick-exit-url';
import { services } from '@/prisma/seed/data/services';
import { categories } from '@/prisma/seed/data/taxonomy';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts, expectOnlyLocalRequests, openPage, useBrowser, type Visit } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');
const PER_PAGE = 20;
const DEGERFORS = '1862';
const KARLSKOGA = '1883';
const VIOLENCE = categories.find((c) => c.slug === 'vald-i-nara-relation')!;
const MENTAL_HEALTH = categories.find((c) => c.slug === 'psykisk-halsa')!;
const neutral = new URL(QUICK_EXIT_URL);

let visit: Visit | undefined;
afterEach(async () => {
  await visit?.context.close();
  visit = undefined;
});

async function open(pathname: string, options: Parameters<typeof openPage>[3] = {}): Promise<Page> {
  visit = await openPage(browser(), baseUrl, pathname, options);
  return visit.page;
}

const count = (page: Page) => page.getByTestId('result-count').innerText();
const cardTitles = (page: Page) => page.locator('.result-card__title').allInnerTexts();
/** The number a count heading or facet option states ("23 tjänster" -> 23, "Inga tjänster" -> 0). */
const numberIn = (text: string) => Number(/\d+/.exec(text)?.[0] ?? 0);

/** Answers the quick exit's neutral site locally, so leaving can be tested without a network. */
async function stubNeutralSite(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname === neutral.hostname,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><title>Neutral</title></html>' }),
  );
}

describe('searching from the home page', () => {
  it('finds services about våld for "vald" and lands on /sok', async () => {
    const page = await open('/');
    await page.locator('#hero-search-q').fill('vald');
    await Promise.all([page.waitForURL((url) => url.pathname === '/sok'), page.locator('#hero-search-q').press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('vald');
    const heading = await count(page);
    expect(heading).toMatch(/^\d+ tjänster? för ”vald”$/);
    expect(numberIn(heading)).toBeGreaterThan(2);
    const first = await page.locator('.result-card').first().innerText();
    expect(first.toLowerCase()).toContain('våld');
    // The search box keeps what was searched for.
    expect(await page.locator('#search-page-q').inputValue()).toBe('vald');
    await expectNoAxeViolations(page);
    expectOnlyLocalRequests(visit!.requests);
  });
});

describe('a search about violence', () => {
  it('puts a crisis box with Kvinnofridslinjen above the results', async () => {
    const page = await open(`/sok?q=${encodeURIComponent('min pojkvän slår mig')}`);
    const box = page.getByTestId('crisis-box');
    await expect(box.isVisible()).resolves.toBe(true);
    expect(await box.locator('h2').innerText()).toContain('112');
    const lines = box.locator('.crisis-box__link');
    expect(await lines.first().getAttribute('href')).toBe('tel:020505050');
    expect(await lines.first().innerText()).toContain('Kvinnofridslinjen');
    const boxTop = (await box.boundingBox())!.y;
    const list = page.locator('.result-list, [data-testid="no-dead-end"]').first();
    expect((await list.boundingBox())!.y).toBeGreaterThan(boxTop);
    await expectNoAxeViolations(page);
  });

  it('lists Kvinnofridslinjen first among the help numbers when few results are found', async () => {
    const page = await open('/sok?q=misshandel&sprak=xx');
    const help = page.getByTestId('no-dead-end').locator('.help-numbers__link');
    expect(await help.first().getAttribute('href')).toBe('tel:020505050');
  });

  it('shows no crisis box for everyday words', async () => {
    const page = await open('/sok?q=skulder');
    expect(await page.getByTestId('crisis-box').count()).toBe(0);
  });
});

describe('the filter form', () => {
  it('narrows to Degerfors and a category with the counts it showed, every card in Degerfors', async () => {
    const page = await open('/sok?q=samtal');
    const before = numberIn(await count(page));
    const degerfors = page.locator('label[for="filter-kommun-degerfors"]');
    const shownForDegerfors = numberIn(await degerfors.innerText());
    expect(shownForDegerfors).toBeGreaterThan(0);
    expect(shownForDegerfors).toBeLessThanOrEqual(before);

    await page.locator('#filter-kommun-degerfors').check();
    await Promise.all([page.waitForURL((url) => url.searchParams.get('kommun') === 'degerfors'), page.getByRole('button', { name: 'Använd filter' }).click()]);
    expect(numberIn(await count(page))).toBe(shownForDegerfors);

    const category = page.locator(`label[for="filter-kategori-${MENTAL_HEALTH.slug}"]`);
    const shownForCategory = numberIn(await category.innerText());
    expect(shownForCategory).toBeGreaterThan(0);
    await page.locator(`#filter-kategori-${MENTAL_HEALTH.slug}`).check();
    await Promise.all([page.waitForURL((url) => url.searchParams.get('kategori') === MENTAL_HEALTH.slug), page.getByRole('button', { name: 'Använd filter' }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('samtal');
    expect(url.searchParams.get('kommun')).toBe('degerfors');
    expect(numberIn(await count(page))).toBe(shownForCategory);

    const cards = page.locator('.result-card');
    expect(await cards.count()).toBe(shownForCategory);
    for (const places of await page.locator('.result-card__places').allInnerTexts()) expect(places).toContain('Degerfors');
    for (const chips of await cards.locator('.result-card__categories').allInnerTexts()) expect(chips).toContain(MENTAL_HEALTH.name);

    // Chosen filters are chips; removing one keeps the rest.
    const chip = page.locator('.filter-chip', { hasText: 'Degerfors' });
    await Promise.all([page.waitForURL((u) => !u.searchParams.has('kommun')), chip.click()]);
    expect(new URL(page.url()).searchParams.get('kategori')).toBe(MENTAL_HEALTH.slug);
    await expectNoAxeViolations(page);
  });

  it('counts the browse by municipality as the data says', async () => {
    const page = await open(`/sok?kommun=degerfors`);
    expect(numberIn(await count(page))).toBe(services.filter((s) => s.areas.includes(DEGERFORS)).length);
  });
});

describe('pagination', () => {
  it('pages through the results, keeping the filters, with the current page marked', async () => {
    const expected = services.filter((s) => s.areas.includes(KARLSKOGA)).length;
    const page = await open('/sok?kommun=karlskoga');
    expect(numberIn(await count(page))).toBe(expected);
    const firstPage = await cardTitles(page);
    expect(firstPage).toHaveLength(PER_PAGE);
    const nav = page.getByRole('navigation', { name: 'Sidor med resultat' });
    expect(await nav.locator('[aria-current="page"]').innerText()).toBe('1');
    expect(await nav.locator('.search-pagination__page').count()).toBe(Math.ceil(expected / PER_PAGE));

    await Promise.all([page.waitForURL((url) => url.searchParams.get('sida') === '2'), nav.getByRole('link', { name: 'Nästa' }).click()]);
    expect(new URL(page.url()).searchParams.get('kommun')).toBe('karlskoga');
    const secondPage = await cardTitles(page);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);
    expect(await page.getByRole('navigation', { name: 'Sidor med resultat' }).locator('[aria-current="page"]').innerText()).toBe('2');
    expect(await page.locator('.search-results__showing').innerText()).toBe(`Visar 21–${Math.min(40, expected)} av ${expected}`);
    await expectNoAxeViolations(page);
  });
});

describe('a search with no results', () => {
  it('offers related categories, a way out of the filters and the help numbers', async () => {
    const page = await open('/sok?q=xqzvw&kommun=degerfors');
    expect(await count(page)).toBe('Inga tjänster för ”xqzvw”');
    const section = page.getByTestId('no-dead-end');
    const tiles = section.locator('.category-tile');
    expect(await tiles.count()).toBeGreaterThan(0);
    expect(await tiles.first().getAttribute('href')).toMatch(/^\/kategorier\/[a-z0-9-]+$/);
    expect(await section.locator('a', { hasText: 'utan filter' }).getAttribute('href')).toBe('/sok?q=xqzvw');
    expect(await section.locator('.help-numbers__link').count()).toBe(5);
    expect(await section.locator('.help-numbers__link').first().getAttribute('href')).toBe('tel:112');
    await expectNoAxeViolations(page);
  });

  it('leaves out the filter panel when nothing was found and no filter is on', async () => {
    const page = await open('/sok?q=xqzvw');
    expect(await page.locator('.search-filters').count()).toBe(0);
    expect(await page.getByTestId('no-dead-end').locator('.category-tile').count()).toBeGreaterThan(0);
  });
});

describe('the category page', () => {
  it('heads the page with the category and lists its services', async () => {
    const page = await open(`/kategorier/${VIOLENCE.slug}`);
    expect(visit!.response.status()).toBe(200);
    expect(await page.locator('main h1').allInnerTexts()).toEqual([VIOLENCE.name]);
    expect(await page.locator('.category-page__description').innerText()).toBe(VIOLENCE.description);
    const expected = services.filter((s) => s.categories.includes(VIOLENCE.slug)).length;
    expect(numberIn(await count(page))).toBe(expected);
    const chips = await page.locator('.result-card .result-card__categories').allInnerTexts();
    expect(chips).toHaveLength(expected);
    for (const text of chips) expect(text).toContain(VIOLENCE.name);
    expect(await page.title()).toContain(VIOLENCE.name);
    // Browsing the violence category calls up the violence line as a search for it would.
    expect(await page.getByTestId('crisis-box').locator('.crisis-box__link').first().getAttribute('href')).toBe('tel:020505050');
    // Category pages are for search engines; each query's result page defers to /sok.
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('shows no crisis box for other categories', async () => {
    const page = await open('/kategorier/ekonomi-och-skulder');
    expect(await page.getByTestId('crisis-box').count()).toBe(0);
  });

  it('is a 404 for an unknown category', async () => {
    await open('/kategorier/finns-inte');
    expect(visit!.response.status()).toBe(404);
  });

  it('names the category in English', async () => {
    const page = await open(`/en/kategorier/${VIOLENCE.slug}`);
    expect(await page.locator('main h1').innerText()).toBe(VIOLENCE.en);
    await expectNoAxeViolations(page);
  });
});

describe('the search page without a query', () => {
  it('offers the search box and the categories, and is the canonical page of every query', async () => {
    const page = await open('/sok');
    expect(await page.locator('main h1').innerText()).toBe('Sök hjälp');
    expect(await page.locator('#search-page-q').count()).toBe(1);
    expect(await page.locator('.category-tile').count()).toBe(categories.length);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/sok$/);
    await expectNoAxeViolations(page);
    await page.goto(new URL('/sok?q=stod&sida=2', baseUrl).toString());
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/sok$/);
  });

  it('explains a broken address instead of failing, with status 400', async () => {
    const page = await open('/sok?q=stod&sida=abc');
    expect(visit!.response.status()).toBe(400);
    const error = page.getByTestId('search-error');
    expect(await error.innerText()).toContain('Sidnumret måste vara ett tal mellan 1 och 50.');
    expect(await page.locator('#search-page-q').count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});

describe('bad search parameters', () => {
  it.each(['/sok?oppet=igar', '/en/sok?kommun=Karl%20skoga', '/kategorier/psykisk-halsa?sida=0'])('answers %s with 400 and the message', async (path) => {
    const page = await open(path);
    expect(visit!.response.status()).toBe(400);
    expect(await page.getByTestId('search-error').count()).toBe(1);
  });

  it('answers a good address with 200', async () => {
    await open('/kategorier/psykisk-halsa?kommun=karlskoga');
    expect(visit!.response.status()).toBe(200);
  });
});

describe('a page past the last one', () => {
  it('says so and links back to the first page', async () => {
    const page = await open('/sok?q=vald&sida=9');
    expect(visit!.response.status()).toBe(200);
    const notice = page.locator('.notice', { hasText: 'Den här sidan finns inte' });
    expect(await notice.locator('a').getAttribute('href')).toBe('/sok?q=vald');
    await expectNoAxeViolations(page);
  });
});

describe('without JavaScript', () => {
  it('searches, filters and pages with plain forms and links', async () => {
    const page = await open('/sok', { javaScriptEnabled: false });
    await page.locator('#search-page-q').fill('Karlskoga');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === 'Karlskoga'), page.locator('.search-page-form button[type="submit"]').click()]);
    expect(numberIn(await count(page))).toBeGreaterThan(PER_PAGE);

    // Wide screens show the filters; the free-of-charge box narrows to free services.
    await page.locator('#filter-egenskap-free').check();
    await Promise.all([page.waitForURL((url) => url.searchParams.get('egenskap') === 'free'), page.getByRole('button', { name: 'Använd filter' }).click()]);
    const filtered = numberIn(await count(page));
    expect(filtered).toBeGreaterThan(PER_PAGE);
    for (const badges of await page.locator('.result-card__badges').allInnerTexts()) expect(badges).toContain('Kostnadsfritt');

    await Promise.all([page.waitForURL((url) => url.searchParams.get('sida') === '2'), page.getByRole('link', { name: 'Nästa' }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('Karlskoga');
    expect(url.searchParams.get('egenskap')).toBe('free');
    expect(numberIn(await count(page))).toBe(filtered);
    expect(await cardTitles(page)).toHaveLength(Math.min(PER_PAGE, filtered - PER_PAGE));
    // No JavaScript, no save buttons pretending to work.
    expect(await page.locator('.result-card button').count()).toBe(0);
  });

  it('opens the filter panel on a phone without JavaScript', async () => {
    const page = await open('/sok?q=samtal', { javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const checkbox = page.locator('#filter-kommun-karlskoga');
    expect(await checkbox.isVisible()).toBe(false);
    await page.locator('.search-filters__summary').click();
    expect(await checkbox.isVisible()).toBe(true);
  });

  it('has no accessibility violations in the page a visitor without JavaScript gets', async () => {
    await expectNoAxeViolationsWithoutScripts(browser(), new URL('/sok?q=vald&kommun=karlskoga', baseUrl).toString());
  });
});

describe('results as you type', () => {
  it('suggests services under the box; arrow down and Enter open one', async () => {
    const page = await open('/sok');
    await page.waitForLoadState('networkidle');
    const input = page.locator('#search-page-q');
    await input.pressSequentially('jourtelefon', { delay: 30 });
    const listbox = page.getByRole('listbox');
    await listbox.waitFor({ state: 'visible' });
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const options = listbox.getByRole('option');
    expect(await options.count()).toBeGreaterThan(0);
    expect(await options.count()).toBeLessThanOrEqual(6);
    const firstName = await options.first().locator('.live-search__name').innerText();

    await input.press('ArrowDown');
    const firstId = await options.first().getAttribute('id');
    expect(await input.getAttribute('aria-activedescendant')).toBe(firstId);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    // The live requests are marked so the statistics leave them out.
    expect(visit!.requests.some((r) => r.includes('/api/search?') && r.includes('live=1') && r.includes('per_sida=5'))).toBe(true);
    await expectNoAxeViolations(page);

    await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/tjanster/')), input.press('Enter')]);
    expect(await page.locator('main h1').innerText()).toBe(firstName);
  });

  it('closes the list on Escape, and a second Escape still leaves the site', async () => {
    const page = await open('/sok', { prepareContext: stubNeutralSite });
    await page.waitForLoadState('networkidle');
    const input = page.locator('#search-page-q');
    await input.pressSequentially('skulder', { delay: 30 });
    await page.getByRole('listbox').waitFor({ state: 'visible' });
    await input.press('Escape');
    expect(await page.getByRole('listbox').isVisible()).toBe(false);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.inputValue()).toBe('skulder');
    await Promise.all([page.waitForURL((url) => url.hostname === neutral.hostname), input.press('Escape')]);
  });
});

describe('a keyboard-only visitor', () => {
  it('searches from the header and opens a service without a mouse', async () => {
    const page = await open('/');
    const active = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', cls: document.activeElement?.className ?? '', text: (document.activeElement as HTMLElement | null)?.innerText ?? '' }));
    let focused = await active();
    for (let i = 0; i < 30 && focused.id !== 'site-search-q'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await active();
    }
    expect(focused.id).toBe('site-search-q');
    await page.keyboard.type('skulder');
    await Promise.all([page.waitForURL((url) => url.pathname === '/sok'), page.keyboard.press('Enter')]);

    for (let i = 0; i < 30 && !String(focused.cls).includes('search-skip'); i += 1) {
      await page.keyboard.press('Tab');
      focused = await active();
    }
    expect(String(focused.cls)).toContain('search-skip');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const target = await page.evaluate(() => document.activeElement?.closest('.result-card__title')?.textContent ?? '');
    expect(target).not.toBe('');
    await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/tjanster/')), page.keyboard.press('Enter')]);
    expect(await page.locator('main h1').innerText()).toBe(target);
  });
});

describe('in Arabic', () => {
  it('is right to left and has no accessibility violations', async () => {
    const page = await open(`/ar/sok?q=${encodeURIComponent('عنف')}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('crisis-box').count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('shows the results of a Swedish word with Arabic texts around them', async () => {
    const page = await open('/ar/sok?q=vald');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(numberIn(await count(page))).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});

describe('screenshots for review', () => {
  it.each([
    { name: 'search-results', pathname: '/sok?q=vald' },
    { name: 'search-filtered', pathname: '/sok?q=samtal&kommun=degerfors&egenskap=free' },
    { name: 'search-zero', pathname: '/sok?q=xqzvw' },
    { name: 'search-browse', pathname: '/sok' },
    { name: 'search-category', pathname: `/kategorier/${VIOLENCE.slug}` },
    { name: 'search-ar', pathname: '/ar/sok?q=vald' },
  ])('captures $name at 1280 and 390 px', async ({ name, pathname }) => {
    await mkdir(ARTIFACTS, { recursive: true });
    for (const width of [1280, 390]) {
      const page = await open(pathname, { viewport: { width, height: 900 } });
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
      if (width === 390 && (await page.locator('.search-filters__summary').count()) > 0) {
        await page.locator('.search-filters__summary').click();
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}-filters-open.png`), fullPage: true });
        await expectNoAxeViolations(page);
      }
      await visit?.context.close();
      visit = undefined;
    }
  });

  it('captures the suggestions under the box', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const page = await open('/sok', { viewport: { width: 390, height: 800 } });
    await page.waitForLoadState('networkidle');
    await page.locator('#search-page-q').pressSequentially('samtal', { delay: 30 });
    await page.getByRole('listbox').waitFor({ state: 'visible' });
    await page.locator('#search-page-q').press('ArrowDown');
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-live-390.png') });
  });
});
