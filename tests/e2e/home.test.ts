import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { posts } from '@/prisma/seed/data/news';
import { services } from '@/prisma/seed/data/services';
import { categories, site } from '@/prisma/seed/data/taxonomy';
import { expectNoAxeViolations, useBrowser, openPage, type Visit } from '../helpers/browser';

const baseUrl = inject('baseUrl');

const browser = useBrowser();

describe('the home page with the demo data', () => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await openPage(browser(), baseUrl, '/');
  });
  afterAll(async () => {
    await visit?.context.close();
  });

  it('is headed by the site name from the database', async () => {
    expect(await visit.page.locator('h1').innerText()).toBe(site.siteName);
  });

  it('offers every category with its number of services, linking to its category page', async () => {
    const tiles = visit.page.locator('.category-tile');
    expect(await tiles.count()).toBe(categories.length);
    for (const category of categories) {
      const expected = services.filter((s) => s.categories.includes(category.slug)).length;
      const tile = tiles.filter({ hasText: category.name });
      expect(await tile.innerText()).toContain(`${expected} ${expected === 1 ? 'tjänst' : 'tjänster'}`);
      expect(await tile.getAttribute('href')).toBe(`/kategorier/${category.slug}`);
    }
  });

  it('lists the newest published posts first, and no drafts or scheduled posts', async () => {
    const published = posts.filter((p) => (p.status ?? 'PUBLISHED') === 'PUBLISHED').sort((a, b) => a.publishedDaysAgo - b.publishedDaysAgo);
    const shown = await visit.page.locator('[aria-labelledby="news-heading"] .card-list').first().locator('.card__title').allInnerTexts();
    expect(shown).toEqual(published.slice(0, 4).map((p) => p.title));
    const hidden = posts.filter((p) => p.status && p.status !== 'PUBLISHED').map((p) => p.title);
    const text = await visit.page.locator('main').innerText();
    for (const title of hidden) expect(text).not.toContain(title);
  });

  it('lists upcoming events soonest first', async () => {
    const upcoming = posts
      .filter((p) => p.event && (p.status ?? 'PUBLISHED') === 'PUBLISHED' && p.event.inDays > 0)
      .sort((a, b) => a.event!.inDays - b.event!.inDays || a.event!.starts.localeCompare(b.event!.starts));
    const shown = await visit.page.locator('.card--event .card__title').allInnerTexts();
    expect(shown).toEqual(upcoming.slice(0, 4).map((p) => p.title));
  });

  it('has no accessibility violations', async () => {
    await expectNoAxeViolations(visit.page);
  });
});

describe('the home page in English', () => {
  it('shows the category names in English', async () => {
    const visit = await openPage(browser(), baseUrl, '/en');
    try {
      const names = await visit.page.locator('.category-tile__name').allInnerTexts();
      expect(names).toEqual(categories.map((c) => c.en));
      expect(await visit.page.locator('.category-tile').first().getAttribute('href')).toBe(`/en/kategorier/${categories[0]!.slug}`);
      await expectNoAxeViolations(visit.page);
    } finally {
      await visit.context.close();
    }
  });
});
