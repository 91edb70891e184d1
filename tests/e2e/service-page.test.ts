import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { organizations } from '@/prisma/seed/data/organizations';
import { services } from '@/prisma/seed/data/services';
import { expectNoAxeViolations, expectOnlyLocalRequests, openPage, useBrowser, type Visit } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');
const MEETING_PLACE = services.find((s) => s.slug === 'motesplats-mockelngarden')!;
const SHELTER = services.find((s) => s.slug === 'linnean-skyddat-boende')!;
const HELPLINE = services.find((s) => s.slug === 'linnean-jourtelefon')!;
const LINNEAN = organizations.find((o) => o.slug === 'kvinnojouren-linnean')!;

const headings = (visit: Visit, level: 'h1' | 'h2') => visit.page.locator(`main ${level}`).allInnerTexts();

describe('a service page in Swedish', () => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await openPage(browser(), baseUrl, `/tjanster/${MEETING_PLACE.slug}`);
  });
  afterAll(async () => {
    await visit?.context.close();
  });

  it('answers 200 with the service name as the only h1 and the title', async () => {
    expect(visit.response.status()).toBe(200);
    expect(await headings(visit, 'h1')).toEqual([MEETING_PLACE.name]);
    expect(await visit.page.title()).toContain(MEETING_PLACE.name);
    const canonical = await visit.page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toMatch(new RegExp(`/tjanster/${MEETING_PLACE.slug}$`));
  });

  it('has the sections a resident looks for', async () => {
    const h2 = await headings(visit, 'h2');
    for (const heading of ['Kontakt', 'Besöksadress', 'Om verksamheten', 'Lättläst', 'Så får du hjälp', 'Vem kan få hjälp?', 'Öppettider', 'Språk', 'Kostnad', 'Om informationen']) {
      expect(h2).toContain(heading);
    }
  });

  it('links the phone number for calling, written left to right', async () => {
    const link = visit.page.locator('main a[href="tel:058631040"]');
    expect(await link.count()).toBe(1);
    expect(await link.innerText()).toBe('0586-310 40');
    expect(await link.locator('[dir="ltr"]').count()).toBe(1);
    expect(await visit.page.locator(`main a[href="mailto:${MEETING_PLACE.email}"]`).count()).toBe(1);
  });

  it('shows whether it is open now, with the next change', async () => {
    const status = visit.page.getByTestId('open-status');
    expect(await status.count()).toBe(1);
    expect(await status.innerText()).toMatch(/^(Öppet nu – stänger \d\d:\d\d|Stängt – öppnar .*\d\d:\d\d)$/);
  });

  it('shows the weekly hours with today marked, and the closed day coming up', async () => {
    const table = visit.page.getByTestId('hours-table');
    expect(await table.count()).toBe(1);
    expect(await table.locator('tbody tr').count()).toBe(7);
    expect(await table.locator('tr[aria-current="date"]').count()).toBe(1);
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/Måndag[^\n]*\s+10:00–15:00/);
    expect(await visit.page.getByTestId('hours-exceptions').innerText()).toContain('Stängt för volontärernas planeringsdag');
  });

  it('gives the address with a directions link to the coordinates', async () => {
    expect(await visit.page.getByTestId('service-address').innerText()).toContain('Kungsgatan 12');
    const directions = visit.page.getByTestId('directions-link');
    expect(await directions.getAttribute('href')).toBe(`https://www.openstreetmap.org/directions?to=${MEETING_PLACE.location!.latitude},${MEETING_PLACE.location!.longitude}`);
  });

  it('has the easy-read summary in its own labelled section', async () => {
    const section = visit.page.getByTestId('easy-read');
    expect(await section.locator('h2').innerText()).toBe('Lättläst');
    expect(await section.innerText()).toContain(MEETING_PLACE.easyReadSummary);
    expect(await section.getAttribute('aria-labelledby')).toBe('easy-read-heading');
  });

  it('names the languages, the cost, the low-threshold attributes and when it was confirmed', async () => {
    const main = await visit.page.locator('main').innerText();
    for (const language of ['Svenska', 'Engelska', 'Arabiska', 'Finska']) expect(main).toContain(language);
    expect(main).toContain('Kostnadsfritt');
    expect(main).toContain('Du kan vara anonym');
    expect(await visit.page.getByTestId('confirmed-note').innerText()).toMatch(/^Uppgifterna bekräftades för \d+ (vecka|veckor) sedan\.$/);
  });

  it('links to the association, whose page lists this service', async () => {
    const link = visit.page.getByTestId('organization-link');
    expect(await link.getAttribute('href')).toBe('/foreningar/mockelnforeningarna');
  });

  it('has no accessibility violations and requests nothing from another host', async () => {
    await expectNoAxeViolations(visit.page);
    expectOnlyLocalRequests(visit.requests);
    expect(await visit.context.cookies()).toEqual([]);
  });

  it('prints without the header search, navigation, quick exit, footer or buttons', async () => {
    await visit.page.emulateMedia({ media: 'print' });
    try {
      for (const selector of ['.quick-exit-bar', '.site-header__search', '.main-nav', '.site-footer', '.service-actions', '[data-testid="open-status"]', '[data-testid="directions-link"]']) {
        expect(await visit.page.locator(selector).first().isVisible(), selector).toBe(false);
      }
      expect(await visit.page.locator('main h1').isVisible()).toBe(true);
      expect(await visit.page.locator('main a[href="tel:058631040"]').isVisible()).toBe(true);
      expect(await visit.page.getByTestId('hours-table').isVisible()).toBe(true);
      // The website link already reads as its address: it is not printed twice.
      const after = await visit.page.locator('main a[href^="https://mockeln"]').evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toBe('none');
      await visit.page.pdf({ path: path.join(ARTIFACTS, 'service-page.pdf'), format: 'A4' });
    } finally {
      await visit.page.emulateMedia({ media: 'screen' });
    }
  });
});

describe('a service page in English', () => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await openPage(browser(), baseUrl, `/en/tjanster/${MEETING_PLACE.slug}`);
  });
  afterAll(async () => {
    await visit?.context.close();
  });

  it('shows the English translation and English headings', async () => {
    expect(await visit.page.getAttribute('html', 'lang')).toBe('en');
    expect(await headings(visit, 'h1')).toEqual([MEETING_PLACE.translations!.en!.name]);
    const h2 = await headings(visit, 'h2');
    for (const heading of ['Contact', 'Opening hours', 'Easy to read', 'How to get help']) expect(h2).toContain(heading);
    expect(await visit.page.getByTestId('fallback-notice').count()).toBe(0);
    expect(await visit.page.getByTestId('open-status').innerText()).toMatch(/^(Open now – closes at \d\d:\d\d|Closed – opens .*\d\d:\d\d)$/);
    expect(await visit.page.locator('main a[href="tel:058631040"]').count()).toBe(1);
  });

  it('marks the Swedish-only easy-read text as Swedish', async () => {
    const section = visit.page.getByTestId('easy-read');
    expect(await section.innerText()).toContain('only available in Swedish');
    expect(await section.locator('p[lang="sv"]').innerText()).toBe(MEETING_PLACE.easyReadSummary);
  });

  it('has no accessibility violations', async () => {
    await expectNoAxeViolations(visit.page);
  });
});

describe('a service page in Arabic without an Arabic translation', () => {
  it('says the text is only in Swedish, marks it so and passes axe right to left', async () => {
    const visit = await openPage(browser(), baseUrl, `/ar/tjanster/${MEETING_PLACE.slug}`);
    try {
      expect(await visit.page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await visit.page.getByTestId('fallback-notice').isVisible()).toBe(true);
      expect(await visit.page.locator('main h1').getAttribute('lang')).toBe('sv');
      expect(await visit.page.locator('main p[lang="sv"]', { hasText: 'Möckelngården är en varm' }).count()).toBe(1);
      await expectNoAxeViolations(visit.page);
    } finally {
      await visit.context.close();
    }
  });
});

describe('a service at a protected address', () => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await openPage(browser(), baseUrl, `/tjanster/${SHELTER.slug}`);
  });
  afterAll(async () => {
    await visit?.context.close();
  });

  it('says the address is protected and gives the phone route, with no address, map or directions', async () => {
    expect(visit.response.status()).toBe(200);
    expect(await visit.page.getByTestId('protected-address').isVisible()).toBe(true);
    expect(await visit.page.getByTestId('directions-link').count()).toBe(0);
    expect(await visit.page.getByTestId('service-address').count()).toBe(0);
    expect(await visit.page.locator('main a[href="tel:058615520"]').count()).toBe(1);
    const html = await visit.page.content();
    expect(html).not.toContain('openstreetmap');
    expect(await visit.page.getByTestId('hours-always').innerText()).toContain('Öppet dygnet runt, alla dagar.');
  });

  it('has no accessibility violations', async () => {
    await expectNoAxeViolations(visit.page);
  });
});

describe('a listing not confirmed for more than a year', () => {
  it('says the information may be out of date', async () => {
    const stale = services.find((s) => s.confirmedDaysAgo > 365)!;
    const visit = await openPage(browser(), baseUrl, `/tjanster/${stale.slug}`);
    try {
      expect(await visit.page.getByTestId('confirmed-note').innerText()).toMatch(/^Uppgifterna bekräftades för \d+ år sedan\.$/);
      expect(await visit.page.locator('.service-info .notice').innerText()).toContain('kan vara inaktuella');
    } finally {
      await visit.context.close();
    }
  });
});

describe('sharing a service page', () => {
  it('is a plain link to the page without JavaScript', async () => {
    const visit = await openPage(browser(), baseUrl, `/tjanster/${HELPLINE.slug}`, { javaScriptEnabled: false });
    try {
      const link = visit.page.getByTestId('share-link');
      expect(await link.getAttribute('href')).toMatch(new RegExp(`/tjanster/${HELPLINE.slug}$`));
    } finally {
      await visit.context.close();
    }
  });

  it('copies the address with a visible confirmation where the browser has no share sheet', async () => {
    const visit = await openPage(browser(), baseUrl, `/tjanster/${HELPLINE.slug}`, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      const button = visit.page.getByTestId('share-button');
      await button.waitFor();
      const hasShareSheet = await visit.page.evaluate(() => typeof navigator.share === 'function');
      expect(await button.innerText()).toBe(hasShareSheet ? 'Dela' : 'Kopiera länk');
      if (!hasShareSheet) {
        await button.click();
        await visit.page.getByText('Länken är kopierad.').waitFor();
        const copied = await visit.page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toMatch(new RegExp(`/tjanster/${HELPLINE.slug}$`));
      }
    } finally {
      await visit.context.close();
    }
  });
});

describe('pages that do not exist', () => {
  it('answers 404 for an unknown service', async () => {
    const response = await fetch(`${baseUrl}/tjanster/finns-inte-alls`);
    await response.arrayBuffer();
    expect(response.status).toBe(404);
  });

  it('answers 404 for a region or municipality as an association', async () => {
    for (const slug of ['region-orebro-lan', 'karlskoga-kommun', 'finns-inte']) {
      const response = await fetch(`${baseUrl}/foreningar/${slug}`);
      await response.arrayBuffer();
      expect(response.status, slug).toBe(404);
    }
  });
});

describe('an association page', () => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await openPage(browser(), baseUrl, `/foreningar/${LINNEAN.slug}`);
  });
  afterAll(async () => {
    await visit?.context.close();
  });

  it('names the association and lists its services, each linking to its page', async () => {
    expect(visit.response.status()).toBe(200);
    expect(await headings(visit, 'h1')).toEqual([LINNEAN.name]);
    const links = visit.page.getByTestId('organization-services').locator('a');
    const own = services.filter((s) => s.organization === LINNEAN.slug);
    expect(await links.count()).toBe(own.length);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect([...hrefs].sort()).toEqual(own.map((s) => `/tjanster/${s.slug}`).sort());
    expect(await visit.page.locator('main a[href="tel:058615520"]').count()).toBe(1);
  });

  it('leads to a service whose page links back', async () => {
    await visit.page.getByTestId('organization-services').getByRole('link', { name: HELPLINE.name }).click();
    await visit.page.waitForURL(`**/tjanster/${HELPLINE.slug}`);
    expect(await visit.page.getByTestId('organization-link').getAttribute('href')).toBe(`/foreningar/${LINNEAN.slug}`);
  });

  it('has no accessibility violations, in Swedish and in English', async () => {
    await visit.page.goto(`${baseUrl}/foreningar/${LINNEAN.slug}`);
    await expectNoAxeViolations(visit.page);
    const english = await openPage(browser(), baseUrl, `/en/foreningar/${LINNEAN.slug}`);
    try {
      expect(await headings(english, 'h1')).toEqual([LINNEAN.translations!.en!.name]);
      await expectNoAxeViolations(english.page);
    } finally {
      await english.context.close();
    }
  });
});

describe('screenshots for review', () => {
  it.each([
    { name: 'service-sv', pathname: `/tjanster/${MEETING_PLACE.slug}` },
    { name: 'service-protected', pathname: `/tjanster/${SHELTER.slug}` },
    { name: 'service-ar', pathname: `/ar/tjanster/${HELPLINE.slug}` },
    { name: 'association', pathname: `/foreningar/${LINNEAN.slug}` },
  ])('captures $name at 1280 and 390 px', async ({ name, pathname }) => {
    await mkdir(ARTIFACTS, { recursive: true });
    for (const width of [1280, 390]) {
      const visit = await openPage(browser(), baseUrl, pathname, { viewport: { width, height: 900 } });
      try {
        await visit.page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
        // Nothing may force sideways scrolling.
        const overflow = await visit.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
      } finally {
        await visit.context.close();
      }
    }
  });

  it('captures the printed service page', async () => {
    const visit = await openPage(browser(), baseUrl, `/tjanster/${MEETING_PLACE.slug}`, { viewport: { width: 794, height: 1123 } });
    try {
      await visit.page.emulateMedia({ media: 'print' });
      await visit.page.screenshot({ path: path.join(ARTIFACTS, 'service-sv-print.png'), fullPage: true });
    } finally {
      await visit.context.close();
    }
  });
});
