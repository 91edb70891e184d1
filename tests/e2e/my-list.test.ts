/**
 * My list end to end: the list lives in localStorage only, renders on /min-lista in every
 * language, can be pruned and cleared, prints as a one-page handout with a QR code per
 * service, and never leaves the browser. Screenshots and the printed PDF go to
 * tests/.artifacts/ for a human look.
 */
import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { BrowserContext, Page, Request, Response } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { HELP_LINES } from '@/components/help/help-numbers';
import type { MyListEntry } from '@/lib/my-list/entry';
import { MY_LIST_STORAGE_KEY } from '@/lib/my-list/list';
import { organizations } from '@/prisma/seed/data/organizations';
import { services } from '@/prisma/seed/data/services';
import type { SeedService } from '@/prisma/seed/types';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  expectOnlyLocalRequests,
  openPage,
  useBrowser,
  type Visit,
} from '../helpers/browser';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');

const browser = useBrowser();

let visit: Visit | undefined;
afterEach(async () => {
  await visit?.context.close();
  visit = undefined;
});

// ---------- Entries built from the demo data, as a service page would save them ----------

const DAY_NAMES = ['Mån', 'Tis', 'Ons', 'Tor', 'Fre', 'Lör', 'Sön'];

function dayRange(days: number[]): string {
  const first = DAY_NAMES[days[0]! - 1]!;
  const last = DAY_NAMES[days.at(-1)! - 1]!;
  const isRun = days.every((day, index) => index === 0 || day === days[index - 1]! + 1);
  if (days.length === 1) return first;
  if (isRun) return `${first}–${last.toLowerCase()}`;
  return days.map((day) => DAY_NAMES[day - 1]!).join(', ');
}

function entryFromSeed(slug: string, locale = 'sv'): MyListEntry {
  const service = services.find((s) => s.slug === slug) as SeedService | undefined;
  if (!service) throw new Error(`No demo service ${slug}`);
  const organization = organizations.find((o) => o.slug === service.organization);
  const location = service.location;
  return {
    // Opaque, like a database id, and easy to spot in a network log.
    id: `e2e-${slug}`,
    slug,
    locale,
    name: service.name,
    organizationName: organization?.name ?? '',
    summary: service.summary,
    howToGetHelp: service.applicationProcess,
    phones: service.phones.map((phone) => ({
      display: phone.number,
      dial: phone.number.replace(/[^\d+]/g, ''),
      ...(phone.description ? { label: phone.description } : {}),
    })),
    email: service.email ?? null,
    website: service.url ?? null,
    address:
      location && !location.isProtected && location.addressLine1
        ? `${location.addressLine1}, ${location.postalCode ?? ''} ${location.city ?? ''}`.trim()
        : null,
    openingHours: service.schedule.map((period) => `${dayRange(period.days)} ${period.opens}–${period.closes}`),
    savedAt: '2026-11-20T09:15:00.000Z',
  };
}

const THREE = ['motesplats-mockelngarden', 'linnean-jourtelefon', 'trygghetsjouren-stod-brottsutsatta'].map((slug) => entryFromSeed(slug));
const SIX = [
  'motesplats-mockelngarden',
  'linnean-jourtelefon',
  'trygghetsjouren-stod-brottsutsatta',
  'diakoni-samtal',
  'vaga-chatt',
  'lotsen-myndighetskontakter',
].map((slug) => entryFromSeed(slug));
const SEVEN = [...SIX, entryFromSeed('it-hjalpen-mockelngarden')];

// ---------- Helpers ----------

interface LoggedRequest {
  url: string;
  body: string;
  headers: string;
}

/** Everything the browser sends, bodies and headers included, to prove the list is not among it. */
function logTraffic(context: BrowserContext): LoggedRequest[] {
  const log: LoggedRequest[] = [];
  context.on('request', (request: Request) => {
    log.push({ url: request.url(), body: request.postData() ?? '', headers: JSON.stringify(request.headers()) });
  });
  return log;
}

async function openMyList(pathname: string, options: { viewport?: { width: number; height: number } } = {}) {
  let traffic: LoggedRequest[] = [];
  visit = await openPage(browser(), baseUrl, pathname, {
    ...options,
    prepareContext: async (context) => {
      traffic = logTraffic(context);
    },
  });
  return { page: visit.page, traffic: () => traffic };
}

/** Puts entries into localStorage as earlier visits would have, and reloads the page. */
async function seedList(page: Page, entries: unknown[]): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [MY_LIST_STORAGE_KEY, JSON.stringify(entries)]);
  await page.reload({ waitUntil: 'load' });
  await page.getByTestId('my-list-entry').first().waitFor();
}

async function storedIds(page: Page): Promise<string[] | null> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), MY_LIST_STORAGE_KEY);
  return raw === null ? null : (JSON.parse(raw) as MyListEntry[]).map((e) => e.id);
}

async function entryNames(page: Page): Promise<string[]> {
  return page.getByTestId('my-list-entry').locator('h3').allInnerTexts();
}

/** The remove button of one entry: its visible text plus the service name for screen readers. */
function removeButton(page: Page, label: string, serviceName: string) {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('button', { name: new RegExp(`^${escape(label)}\\s*:\\s*${escape(serviceName)}$`) });
}

function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Pages in a PDF Chromium wrote (its page objects are plain dictionaries). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

// ---------- Tests ----------

describe('/min-lista', () => {
  it('shows, prunes, prints and clears a list kept only in this browser', async () => {
    const { page, traffic } = await openMyList('/min-lista');
    expect(visit!.response.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Din lista är tom' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Sök hjälp' }).getAttribute('href')).toBe('/sok');
    await expectNoAxeViolations(page);

    const requestsBeforeSeeding = traffic().length;
    await seedList(page, [...THREE, { id: 'broken', name: '' }]);

    // The list: every valid entry, in the order saved; the broken one is dropped silently.
    expect(await entryNames(page)).toEqual(THREE.map((e) => e.name));
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Sparade tjänster (3)' }).isVisible()).toBe(true);
    const first = page.getByTestId('my-list-entry').nth(0);
    expect(await first.getByRole('link', { name: THREE[0]!.name }).getAttribute('href')).toBe('/tjanster/motesplats-mockelngarden');
    expect(await first.innerText()).toContain('Möckelnföreningarna');
    expect(await first.innerText()).toContain('Kungsgatan 12, 691 31 Karlskoga');
    expect(await first.innerText()).toContain('Mån–tor 10:00–15:00');
    expect(await first.innerText()).toContain('Kom förbi när vi har öppet');
    expect(await first.innerText()).toContain('Sparad 20 november 2026');
    const phone = first.locator('a[href="tel:058631040"]');
    expect(await phone.innerText()).toBe('0586-310 40');
    expect(await phone.getAttribute('dir')).toBe('ltr');
    // A protected location has no address: nothing is shown, not even the label.
    const shelterLine = page.getByTestId('my-list-entry').nth(1);
    expect(await shelterLine.innerText()).not.toContain('Adress');
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: artifact('my-list-screen-1280.png'), fullPage: true });

    // Remove one, by keyboard; the removal is announced and focus lands on the list heading.
    await removeButton(page, 'Ta bort', THREE[1]!.name).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => entryNames(page)).toEqual([THREE[0]!.name, THREE[2]!.name]);
    expect(await page.getByRole('status').filter({ hasText: 'borttagen' }).innerText()).toBe(`${THREE[1]!.name} är borttagen från Min lista.`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sparade tjänster (2)');
    expect(await storedIds(page)).toEqual([THREE[0]!.id, THREE[2]!.id]);

    // "Skriv ut" prints the page.
    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => {
        (window as unknown as { printCalls: number }).printCalls += 1;
      };
    });
    await page.getByRole('button', { name: 'Skriv ut' }).click();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

    // The handout: one QR code per service, pointing at the service page; no site chrome.
    const handout = page.getByTestId('my-list-handout');
    expect(await handout.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await handout.isVisible()).toBe(true);
    expect(await handout.getByRole('heading', { name: 'Hjälp som kan passa dig' }).isVisible()).toBe(true);
    await expect.poll(() => handout.locator('figure.handout-qr svg').count()).toBe(2);
    expect(await handout.locator('figure.handout-qr').evaluateAll((figures) => figures.map((f) => f.getAttribute('data-url')))).toEqual([
      `${origin}/tjanster/motesplats-mockelngarden`,
      `${origin}/tjanster/trygghetsjouren-stod-brottsutsatta`,
    ]);
    const handoutText = await handout.innerText();
    for (const line of HELP_LINES) expect(handoutText).toContain(line.display);
    expect(handoutText).toContain('0586-310 40');
    expect(handoutText).toMatch(/Utskrivet \d{1,2} \w+ \d{4}/);
    for (const hidden of [page.getByTestId('quick-exit'), page.locator('nav').first(), page.getByRole('button', { name: 'Skriv ut' })]) {
      expect(await hidden.isVisible()).toBe(false);
    }
    await page.emulateMedia({ media: 'screen' });

    // Clear all: asks first; cancelling keeps everything.
    await page.getByRole('button', { name: 'Töm listan' }).click();
    const question = page.getByRole('group', { name: /Vill du ta bort alla tjänster/ });
    expect(await question.isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await question.getByRole('button', { name: 'Avbryt' }).click();
    expect(await question.count()).toBe(0);
    expect(await storedIds(page)).toHaveLength(2);
    await page.getByRole('button', { name: 'Töm listan' }).click();
    await page.getByRole('button', { name: 'Ja, töm listan' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Din lista är tom' }).isVisible()).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: 'tömd' }).innerText()).toBe('Min lista är tömd.');
    expect(await storedIds(page)).toBeNull();

    // Nothing about the list went anywhere: only the portal was asked for anything, and no
    // request after the list was stored carries a saved id, slug or name.
    const all = traffic();
    expectOnlyLocalRequests(all.map((r) => r.url));
    expect(all.filter((r) => r.url.startsWith('http') && new URL(r.url).origin !== origin)).toEqual([]);
    const afterSeeding = all.slice(requestsBeforeSeeding);
    expect(afterSeeding.length).toBeGreaterThan(0);
    for (const saved of THREE) {
      for (const needle of [saved.id, saved.slug, encodeURIComponent(saved.name)]) {
        const leaks = afterSeeding.filter((r) => r.url.includes(needle) || r.body.includes(needle) || r.headers.includes(needle));
        expect(leaks, `requests carrying ${needle}`).toEqual([]);
      }
    }
    expect(await visit!.context.cookies()).toEqual([]);
  });

  it('fits six services on one printed A4 page', async () => {
    const { page } = await openMyList('/min-lista');
    await seedList(page, SIX);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('figure.handout-qr svg').count()).toBe(6);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: artifact('my-list-print-6.png'), fullPage: true });
    const pdf = await page.pdf({ path: artifact('my-list-handout-6.pdf'), preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(1);
    // Nothing cut off: the last service and the help numbers are inside the sheet.
    expect(await page.locator('.handout__footer').isVisible()).toBe(true);
  });

  it('prints one service on one page with a larger code', async () => {
    const { page } = await openMyList('/min-lista');
    await seedList(page, SIX.slice(0, 1));
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('figure.handout-qr svg').count()).toBe(1);
    const pdf = await page.pdf({ path: artifact('my-list-handout-1.pdf'), preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(1);
  });

  it('says on screen when the list is too long for one printed page', async () => {
    const { page } = await openMyList('/min-lista');
    await seedList(page, SIX);
    expect(await page.getByText('Ett utskrivet blad rymmer 6 tjänster').count()).toBe(0);
    await seedList(page, SEVEN);
    expect(await page.getByText('Ett utskrivet blad rymmer 6 tjänster').isVisible()).toBe(true);
  });

  it('works at 320 px without sideways scrolling', async () => {
    const { page } = await openMyList('/min-lista', { viewport: { width: 320, height: 800 } });
    await seedList(page, THREE);
    const tooWide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((element) => element.getBoundingClientRect().right > 320.5 || element.getBoundingClientRect().left < -0.5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    );
    expect(tooWide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: artifact('my-list-screen-390.png'), fullPage: true });
    await expectNoAxeViolations(page);
  });

  it('follows changes made in another tab', async () => {
    const { page } = await openMyList('/min-lista');
    await seedList(page, THREE);
    const otherTab = await visit!.context.newPage();
    await otherTab.goto(new URL('/min-lista', baseUrl).toString());
    await otherTab.getByTestId('my-list-entry').first().waitFor();
    await removeButton(otherTab, 'Ta bort', THREE[0]!.name).click();
    await expect.poll(() => entryNames(page)).toEqual([THREE[1]!.name, THREE[2]!.name]);
  });

  it('explains without JavaScript that the list needs it, and offers no controls', async () => {
    visit = await openPage(browser(), baseUrl, '/min-lista', { javaScriptEnabled: false });
    const text = await visit.page.locator('main').innerText();
    expect(text).toContain('Min lista behöver JavaScript');
    expect(text).toContain('skickas inte till oss');
    expect(await visit.page.locator('main button').count()).toBe(0);
    await expectNoAxeViolationsWithoutScripts(browser(), visit.page.url());
  });

  it('links and encodes English service pages on /en/min-lista', async () => {
    const { page } = await openMyList('/en/min-lista');
    await seedList(page, THREE.slice(0, 2));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('My list');
    // Saved from a Swedish page, the texts stay Swedish and say so.
    const link = page.getByRole('link', { name: THREE[0]!.name });
    expect(await link.getAttribute('href')).toBe('/en/tjanster/motesplats-mockelngarden');
    expect(await link.getAttribute('lang')).toBe('sv');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: 'Help that may suit you' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('figure.handout-qr svg').count()).toBe(2);
    expect(await page.locator('figure.handout-qr').first().getAttribute('data-url')).toBe(`${origin}/en/tjanster/motesplats-mockelngarden`);
    await page.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(page);
  });

  it('runs right to left in Arabic', async () => {
    const { page } = await openMyList('/ar/min-lista');
    await seedList(page, THREE);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('قائمتي');
    expect(await page.locator('a[href="tel:058631040"]').first().getAttribute('dir')).toBe('ltr');
    expect(await page.locator('figure.handout-qr').first().getAttribute('data-url')).toBe(`${origin}/ar/tjanster/motesplats-mockelngarden`);
    // The remove button sits at the inline end of the card, which in Arabic is the left.
    const card = await page.getByTestId('my-list-entry').first().boundingBox();
    const remove = await removeButton(page, 'احذف', THREE[0]!.name).boundingBox();
    expect(remove!.x - card!.x).toBeLessThan(card!.width / 2);
    await page.screenshot({ path: artifact('my-list-screen-ar.png'), fullPage: true });
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: 'مساعدة قد تناسبك' }).isVisible()).toBe(true);
    const pdf = await page.pdf({ path: artifact('my-list-handout-ar.pdf'), preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(1);
  });
});

describe('the QR code generator', () => {
  /** Every script a page loaded, with its body, dynamic imports included. */
  async function scriptsOf(pathname: string, entries?: unknown[]): Promise<{ url: string; body: Buffer }[]> {
    const responses: Response[] = [];
    visit = await openPage(browser(), baseUrl, pathname, {
      prepareContext: async (context) => {
        context.on('response', (response) => {
          if (response.request().resourceType() === 'script') responses.push(response);
        });
        // Stored before the page's own scripts run, so the first load is the one measured.
        if (entries) {
          await context.addInitScript(
            ([key, value]) => {
              if (location.protocol.startsWith('http')) localStorage.setItem(key!, value!);
            },
            [MY_LIST_STORAGE_KEY, JSON.stringify(entries)],
          );
        }
      },
    });
    if (entries) await expect.poll(() => visit!.page.locator('figure.handout-qr svg').count()).toBe(entries.length);
    await visit.page.waitForLoadState('networkidle');
    return Promise.all(responses.map(async (response) => ({ url: response.url(), body: await response.body() })));
  }

  // A string only the QR library contains (its Kanji/UTF-8 table builder).
  const isQrLibrary = (script: { body: Buffer }) => script.body.includes('createStringToBytes');

  it('is loaded on /min-lista only once something is saved, and the page stays within the 185 KB budget', async () => {
    const scripts = await scriptsOf('/min-lista', THREE);
    expect(scripts.filter(isQrLibrary)).toHaveLength(1);
    const sizes = scripts.map((script) => ({ url: new URL(script.url).pathname, gzip: gzipSync(script.body).length }));
    const gzipped = sizes.reduce((sum, script) => sum + script.gzip, 0);
    const breakdown = sizes.map((script) => `${script.url} ${(script.gzip / 1024).toFixed(1)} KB`).join('\n');
    expect(gzipped, `scripts of /min-lista (gzip):\n${breakdown}`).toBeLessThanOrEqual(185 * 1024);
  });

  it('is not loaded on other pages or on an empty list', async () => {
    expect((await scriptsOf('/')).filter(isQrLibrary)).toEqual([]);
    await visit!.context.close();
    expect((await scriptsOf('/min-lista')).filter(isQrLibrary)).toEqual([]);
  });
});

/**
 * From the service page (/tjanster/[slug]) and its SaveToListButton to /min-lista.
 */
describe('saving from a service page', () => {
  it('saves a service on its page and finds it on /min-lista', async () => {
    const service = entryFromSeed('motesplats-mockelngarden');
    const { page, traffic } = await openMyList(`/tjanster/${service.slug}`);
    expect(visit!.response.status()).toBe(200);
    const save = page.getByRole('button', { name: /^Spara i Min lista/ }).first();
    await save.waitFor();
    expect(await save.getAttribute('aria-pressed')).toBeNull();
    await save.click();
    const saved = page.getByRole('button', { name: /^Sparad – ta bort från Min lista/ }).first();
    await saved.waitFor();
    expect(await saved.getAttribute('aria-pressed')).toBeNull();
    expect(await page.getByRole('status').filter({ hasText: 'är sparad i Min lista' }).count()).toBe(1);

    const ids = await storedIds(page);
    expect(ids).toHaveLength(1);
    await page.goto(new URL('/min-lista', baseUrl).toString());
    await page.getByTestId('my-list-entry').first().waitFor();
    expect(await entryNames(page)).toEqual([service.name]);
    expect(await page.getByRole('link', { name: service.name }).getAttribute('href')).toBe(`/tjanster/${service.slug}`);
    expect(traffic().filter((r) => r.url.includes(ids![0]!) || r.body.includes(ids![0]!))).toEqual([]);
  });
});
