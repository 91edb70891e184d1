import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitForCaughtMail } from '@/lib/mail/caught-mail';
import { DEMO_PASSWORD } from '@/prisma/seed/index';
import { expectNoAxeViolations, expectOnlyLocalRequests, openPage, useBrowser } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const mailApi = inject('mailCatcherApiUrl');
const browser = useBrowser();

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/logga-in`);
  await page.fill('#password-email', email);
  await page.fill('#password-password', password);
  await Promise.all([page.waitForURL('**/konto'), page.click('form:has(#password-email) button[type=submit]')]);
}

const isSignedIn = async (page: Page) => (await page.locator('header .sign-out-form').count()) === 1;

describe('a new member, invited by their association admin', () => {
  it('gets the e-mail, accepts, chooses a password, signs in and sees only their own association', async () => {
    const invitee = `ny.medlem.${Date.now()}@exempel.example`;
    const admin = await openPage(browser(), baseUrl, '/logga-in');
    try {
      await signIn(admin.page, 'foreningsadmin@lisa.example', DEMO_PASSWORD);
      await admin.page.goto(`${baseUrl}/konto/bjud-in`);
      await expectNoAxeViolations(admin.page);
      // An association admin is offered only their own association and only the member role.
      expect(await admin.page.locator('#invite-organizationId option').allInnerTexts()).toEqual(['Kvinnojouren Linnéan']);
      expect(await admin.page.locator('#invite-role option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['MEMBER']);
      await admin.page.fill('#invite-email', invitee);
      await admin.page.click('#invite button[type=submit]');
      await admin.page.waitForSelector('[role=status]');
      expectOnlyLocalRequests(admin.requests);
    } finally {
      await admin.context.close();
    }

    const mail = await waitForCaughtMail(mailApi, (m) => m.to.includes(invitee));
    const link = new URL(/https?:\/\/\S+\/inbjudan\/[\w-]+/.exec(mail.text)![0]);

    const newcomer = await openPage(browser(), baseUrl, link.pathname);
    const { page } = newcomer;
    try {
      await expectNoAxeViolations(page);
      await page.fill('#accept-name', 'Nora Testsson');
      await page.fill('#accept-password', 'sommar123456');
      await page.fill('#accept-passwordConfirm', 'sommar123456');
      await page.click('#accept button[type=submit]');
      await page.waitForSelector('[aria-invalid=true]');
      await expectNoAxeViolations(page);

      await page.fill('#accept-password', 'tre glada kråkor på taket');
      await page.fill('#accept-passwordConfirm', 'tre glada kråkor på taket');
      await Promise.all([page.waitForURL('**/konto'), page.click('#accept button[type=submit]')]);
      const account = await page.locator('main').innerText();
      expect(account).toContain('Kvinnojouren Linnéan');
      expect(account).not.toContain('Reda');

      // Sign out, and back in with the chosen password.
      await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('header .sign-out-form button')]);
      await signIn(page, invitee, 'tre glada kråkor på taket');
      expect(await isSignedIn(page)).toBe(true);
      // The coordinator's pages stay closed to a member.
      await page.goto(`${baseUrl}/admin/anvandare`);
      expect(await page.locator('main').innerText()).not.toContain('samordnare@lisa.example');

      // The link is used up.
      const reuse = await openPage(browser(), baseUrl, link.pathname);
      try {
        expect(await reuse.page.locator('#accept').count()).toBe(0);
      } finally {
        await reuse.context.close();
      }
    } finally {
      await newcomer.context.close();
    }
  });
});

describe('disabling a user', () => {
  it('ends their open session on the next request', async () => {
    const member = await openPage(browser(), baseUrl, '/logga-in');
    const coordinator = await openPage(browser(), baseUrl, '/logga-in');
    try {
      await signIn(member.page, 'volontar@lisa.example', DEMO_PASSWORD);
      expect(await isSignedIn(member.page)).toBe(true);

      await signIn(coordinator.page, 'samordnare@lisa.example', DEMO_PASSWORD);
      await coordinator.page.goto(`${baseUrl}/admin/anvandare?q=volontar`);
      await expectNoAxeViolations(coordinator.page);
      const card = coordinator.page.locator('.user-card', { hasText: 'volontar@lisa.example' });
      await card.locator('button', { hasText: 'Stäng av kontot' }).click();
      await coordinator.page.waitForSelector('.user-card--disabled');

      await member.page.goto(`${baseUrl}/om`);
      expect(await isSignedIn(member.page)).toBe(false);
      await member.page.goto(`${baseUrl}/konto`);
      expect(member.page.url()).toContain('/logga-in');

      // Enable again, so the account can be used by other tests.
      await coordinator.page.locator('.user-card', { hasText: 'volontar@lisa.example' }).locator('button', { hasText: 'Aktivera kontot' }).click();
      await coordinator.page.waitForSelector('.user-card:not(.user-card--disabled):has-text("volontar@lisa.example")');
    } finally {
      await member.context.close();
      await coordinator.context.close();
    }
  });
});
