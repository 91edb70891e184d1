/**
 * Helpers for journey files: e2e tests that share state and run in order, as people take turns
 * (an association, the coordinator, a resident). Call `useJourney()` once at the top level of
 * the file; it launches one Chromium for the file and closes each test's browser contexts
 * after the test.
 *
 *   const journey = useJourney();
 *   const page = await journey.signedIn('samordnare@lisa.example');
 *   await journey.visit(page, '/admin/rattelser');
 *   await journey.expectAccessible(page);
 *   await journey.capture(page, 'directory-correction-1280');
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';
import { readCaughtMail, type CaughtMail } from '@/lib/mail/caught-mail';
import { DEMO_PASSWORD } from '@/prisma/seed/index';
import { expectNoAxeViolations, openPage, useBrowser, type OpenPageOptions, type Visit } from './browser';

export const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');
export const SCREENSHOTS = path.join(process.cwd(), 'docs', 'screenshots');
/** The width the documentation's screenshots are taken at. */
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

export interface Journey {
  browser: () => Browser;
  baseUrl: string;
  mailApi: string;
  /** A fresh context at 1280 px (or `options`), closed after the test. */
  open(pathname: string, options?: OpenPageOptions): Promise<Page>;
  /** A fresh context signed in with the demo password, on /konto. */
  signedIn(email: string, options?: OpenPageOptions): Promise<Page>;
  visit(page: Page, pathname: string): Promise<void>;
  capture(page: Page, name: string, from?: string): Promise<void>;
  expectAccessible(page: Page): Promise<void>;
  pressAndWait(page: Page, button: Locator, done: string): Promise<void>;
  mailsTo(address: string, subject: string): Promise<CaughtMail[]>;
  waitForMail(address: string, subject: string, timeoutMs?: number): Promise<CaughtMail>;
  expectExactlyOneMail(address: string, subject: string): Promise<CaughtMail>;
}

export function useJourney(): Journey {
  const baseUrl = inject('baseUrl');
  const mailApi = inject('mailCatcherApiUrl');
  const browser = useBrowser();

  let visits: Visit[] = [];
  afterEach(async () => {
    for (const visit of visits) await visit.context.close();
    visits = [];
  });

  async function open(pathname: string, options: OpenPageOptions = DESKTOP): Promise<Page> {
    const visit = await openPage(browser(), baseUrl, pathname, options);
    visits.push(visit);
    return visit.page;
  }

  async function signedIn(email: string, options: OpenPageOptions = DESKTOP): Promise<Page> {
    const page = await open('/logga-in', options);
    await page.fill('#password-email', email);
    await page.fill('#password-password', DEMO_PASSWORD);
    await Promise.all([page.waitForURL('**/konto'), page.click('form:has(#password-email) button[type=submit]')]);
    return page;
  }

  async function visit(page: Page, pathname: string): Promise<void> {
    await page.goto(new URL(pathname, baseUrl).toString());
  }

  /** One screen's worth from `from` (the page heading) down, as a JPEG in tests/.artifacts and docs/screenshots; the whole page as a PNG in tests/.artifacts. */
  async function capture(page: Page, name: string, from = 'h1'): Promise<void> {
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    const { width, height } = page.viewportSize()!;
    const top = await page.locator(from).first().evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    const clip = { x: 0, y: Math.max(0, top - 24), width, height };
    const jpeg = path.join(ARTIFACTS, `${name}.jpg`);
    await page.screenshot({ path: jpeg, fullPage: true, clip, type: 'jpeg', quality: 80 });
    await copyFile(jpeg, path.join(SCREENSHOTS, `${name}.jpg`));
  }

  /** axe once the page has settled: after a form post, Next swaps the document's title in a moment later. */
  async function expectAccessible(page: Page): Promise<void> {
    await page.waitForFunction(() => document.title.trim() !== '');
    await expectNoAxeViolations(page);
  }

  /** Clicks a form's button and waits for the redirect saying it was done (?klart=…). */
  async function pressAndWait(page: Page, button: Locator, done: string): Promise<void> {
    const before = page.url();
    await button.click();
    await page.waitForFunction(
      ({ done, before }) => new RegExp(`[?&]klart=${done}\\b`).test(location.href) || (location.href === before && document.querySelector('.error-summary') !== null),
      { done, before },
    );
    if (!new RegExp(`[?&]klart=${done}\\b`).test(page.url())) throw new Error(`“${done}” was refused: ${(await page.locator('.error-summary li, .field-error').allInnerTexts()).join(' / ')}`);
    await page.waitForLoadState('load');
  }

  const mailsTo = async (address: string, subject: string): Promise<CaughtMail[]> =>
    (await readCaughtMail(mailApi)).filter((m) => m.to.includes(address) && m.subject.includes(subject));

  /** The first mail to `address` whose subject names `subject`, waiting up to `timeoutMs` for it. */
  async function waitForMail(address: string, subject: string, timeoutMs = 20_000): Promise<CaughtMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [mail] = await mailsTo(address, subject);
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`No mail to ${address} with “${subject}” within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Waits for a mail to `address` whose subject names `subject`, then a little more, and says how many came. */
  async function expectExactlyOneMail(address: string, subject: string): Promise<CaughtMail> {
    await waitForMail(address, subject);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const mails = await mailsTo(address, subject);
    expect(mails).toHaveLength(1);
    return mails[0]!;
  }

  return { browser, baseUrl, mailApi, open, signedIn, visit, capture, expectAccessible, pressAndWait, mailsTo, waitForMail, expectExactlyOneMail };
}
