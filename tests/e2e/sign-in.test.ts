import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitForCaughtMail } from '@/lib/mail/caught-mail';
import { DEMO_PASSWORD } from '@/prisma/seed/index';
import { expectNoAxeViolations, expectOnlyLocalRequests, openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const mailApi = inject('mailCatcherApiUrl');
const browser = useBrowser();

const DEMO_ACCOUNTS = [
  'samordnare@lisa.example',
  'psykolog@regionorebrolan.example',
  'foreningsadmin@lisa.example',
  'medlem@lisa.example',
  'admin2@lisa.example',
  'tjansteperson.region@lisa.example',
  'tjansteperson.karlskoga@lisa.example',
  'tjansteperson.degerfors@lisa.example',
];

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.fill('#password-email', email);
  await page.fill('#password-password', password);
  await page.click('form:has(#password-email) button[type=submit]');
}

const signOutButton = (page: Page) => page.locator('header .sign-out-form button');

describe('the sign-in page', () => {
  it('has no accessibility violations, and none with an error shown', async () => {
    const visit = await openPage(browser(), baseUrl, '/logga-in');
    try {
      await expectNoAxeViolations(visit.page);
      await signInWithPassword(visit.page, 'medlem@lisa.example', 'inte rätt lösenord');
      await visit.page.waitForSelector('.form-error');
      expect(await visit.page.locator('.form-error').innerText()).toContain('stämmer inte');
      expect(await visit.page.getAttribute('#password-email', 'aria-invalid')).toBe('true');
      await expectNoAxeViolations(visit.page);
      expectOnlyLocalRequests(visit.requests);
    } finally {
      await visit.context.close();
    }
  });

  it('gives the same answer for an address without an account', async () => {
    const visit = await openPage(browser(), baseUrl, '/logga-in');
    try {
      await signInWithPassword(visit.page, 'ingen.sadan@lisa.example', 'inte rätt lösenord');
      await visit.page.waitForSelector('.form-error');
      expect(await visit.page.locator('.form-error').innerText()).toContain('stämmer inte');
      expect(await visit.context.cookies()).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });
});

describe.each(DEMO_ACCOUNTS)('the demo account %s', (email) => {
  it('signs in with its password, gets an HttpOnly session cookie, and signs out on the server', async () => {
    const visit = await openPage(browser(), baseUrl, '/logga-in');
    try {
      await Promise.all([visit.page.waitForURL('**/konto'), signInWithPassword(visit.page, email, DEMO_PASSWORD)]);
      const [cookie] = await visit.context.cookies();
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      await visit.page.goto(`${baseUrl}/om`);
      expect(await signOutButton(visit.page).count()).toBe(1);

      // Keep a copy of the cookie: after sign-out it must not work anywhere any more.
      const stolen = await visit.context.cookies();
      await Promise.all([visit.page.waitForURL(`${baseUrl}/`), signOutButton(visit.page).click()]);
      expect(await visit.context.cookies()).toEqual([]);
      await visit.context.addCookies(stolen);
      await visit.page.goto(`${baseUrl}/om`);
      expect(await signOutButton(visit.page).count()).toBe(0);
    } finally {
      await visit.context.close();
    }
  });
});

describe.each(DEMO_ACCOUNTS)('signing in with an e-mail link as %s', (email) => {
  it('mails a link that signs in once, keyboard only', async () => {
    const visit = await openPage(browser(), baseUrl, '/logga-in');
    const { page } = visit;
    try {
      const since = Date.now();
      await page.focus('#link-email');
      await page.keyboard.type(email);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.notice[role=status]');
      const mail = await waitForCaughtMail(
        mailApi,
        (m) => m.to.includes(email) && Date.parse(m.receivedAt) >= since - 1000,
      );
      const link = /https?:\/\/\S+/.exec(mail.text)![0];
      const path = new URL(link);
      await page.goto(`${baseUrl}${path.pathname}${path.search}`);
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForURL('**/konto'), page.click('main form button[type=submit]')]);
      expect(await signOutButton(page).count()).toBe(1);

      // The same link again, in a fresh browser: it is used up.
      const again = await openPage(browser(), baseUrl, `${path.pathname}${path.search}`);
      try {
        await again.page.click('main form button[type=submit]');
        await again.page.waitForSelector('.form-error');
        expect(await again.context.cookies()).toEqual([]);
      } finally {
        await again.context.close();
      }
    } finally {
      await visit.context.close();
    }
  });
});
