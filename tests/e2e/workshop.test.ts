/**
 * The synergy workshop in the browser, one journey whose tests share state and run in order:
 * an association files an issue, the coordinator triages it to the region, the region's official
 * answers, a workshop meeting minutes an agreed action, and the association confirms that the
 * issue is resolved. The mail the worker sends is read from the mail catcher; axe checks the
 * workshop's pages. Run the whole file: each test needs the ones before it.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { readCaughtMail, type CaughtMail } from '@/lib/mail/caught-mail';
import { DEMO_PASSWORD } from '@/prisma/seed/index';
import { expectNoAxeViolations, openPage, useBrowser, type OpenPageOptions, type Visit } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const mailApi = inject('mailCatcherApiUrl');
const browser = useBrowser();

const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');
const SCREENSHOTS = path.join(process.cwd(), 'docs', 'screenshots');
const DESKTOP = { viewport: { width: 1280, height: 900 } };

const ASSOCIATION_ADMIN = 'foreningsadmin@lisa.example';
const OTHER_MEMBER = 'medlem2@lisa.example';
const COORDINATOR = 'samordnare@lisa.example';
const REGION_OFFICIAL = 'tjansteperson.region@lisa.example';
const REGION_OFFICIAL_NAME = 'Anna-Karin Holmér';
const KARLSKOGA_OFFICIAL = 'tjansteperson.karlskoga@lisa.example';
const REGION = 'Region Örebro län';

/** Tells this run's issue and meeting apart from the demo ones. */
const RUN = Date.now().toString(36).slice(-5);
const TITLE = `Långa väntetider till kuratorn på vårdcentralen ${RUN}`;
const MEETING_TITLE = `Synergiverkstad ${RUN}`;
const ANSWER = `Regionen ser över bemanningen av kuratorer under våren (${RUN}).`;
const DECISION = `Mötet enades om att regionen redovisar en plan för kuratorstiderna (${RUN}).`;
const ACTION = `Regionen tar fram en plan för kortare väntetider till kurator (${RUN}).`;

/** State shared by the tests, in order. */
let issuePath = '';
let issueNumber = 0;
let meetingPath = '';
let resolvedBefore = 0;

let visits: Visit[] = [];
afterEach(async () => {
  for (const visit of visits) await visit.context.close();
  visits = [];
});

// ── Helpers ────────────────────────────────────────────────────────────────────────

async function signedIn(email: string, options: OpenPageOptions = DESKTOP): Promise<Page> {
  const visit = await openPage(browser(), baseUrl, '/logga-in', options);
  visits.push(visit);
  const { page } = visit;
  await page.fill('#password-email', email);
  await page.fill('#password-password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL('**/konto'), page.click('form:has(#password-email) button[type=submit]')]);
  return page;
}

/** One screen's worth from the page heading down, as a JPEG in tests/.artifacts and docs/screenshots. */
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

async function visit(page: Page, pathname: string): Promise<void> {
  await page.goto(new URL(pathname, baseUrl).toString());
}

/** Clicks a form's button and waits for the redirect saying it was done (?klart=…). */
async function pressAndWait(page: Page, button: ReturnType<Page['locator']>, done: string): Promise<void> {
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

/** Waits up to 20 s for a mail to `address` whose subject names `subject`, then a little more, and says how many came. */
async function expectExactlyOneMail(address: string, subject: string): Promise<CaughtMail> {
  const deadline = Date.now() + 20_000;
  while ((await mailsTo(address, subject)).length === 0) {
    if (Date.now() > deadline) throw new Error(`No mail to ${address} with “${subject}” within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const mails = await mailsTo(address, subject);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

/** The number of resolved issues in the outcomes table of the statistics page. */
async function resolvedCount(page: Page): Promise<number> {
  await visit(page, '/admin/verkstad/statistik');
  const cell = page.locator('details.chart-table tr', { has: page.locator('th[scope=row]', { hasText: /^Lösta$/ }) }).first().locator('td');
  return Number.parseInt((await cell.textContent())!.replace(/\D/g, ''), 10);
}

function ymd(daysAhead: number): string {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  return day.toISOString().slice(0, 10);
}

// ── The journey ────────────────────────────────────────────────────────────────────

describe('an issue through the synergy workshop', () => {
  it('is filed by an association, with a warning about personal data while typing, and is hidden from others', async () => {
    const coordinator = await signedIn(COORDINATOR);
    resolvedBefore = await resolvedCount(coordinator);

    const page = await signedIn(ASSOCIATION_ADMIN);
    await visit(page, '/verkstad/nytt');
    const form = page.locator('#nytt-arende');
    await page.fill('#nytt-arende-title', TITLE);
    const warning = form.locator('.issue-warning');
    await expect.poll(() => warning.innerText()).toBe('');
    await page.fill('#nytt-arende-description', 'Den som ringer 070-123 45 67 får vänta i veckor på en tid hos kuratorn.');
    await expect.poll(() => warning.innerText()).toContain('ett telefonnummer');
    await page.fill('#nytt-arende-description', 'Kvinnor som söker stöd får vänta i flera veckor på en första tid hos kuratorn på vårdcentralen.');
    await expect.poll(() => warning.innerText()).toBe('');
    await page.fill('#nytt-arende-desiredOutcome', 'En första tid hos kurator inom en vecka.');
    await form.getByLabel('Regionen', { exact: true }).check();
    await page.check('#nytt-arende-confirmedNoPersonalData');
    await expectAccessible(page);
    await capture(page, 'workshop-new-1280');

    await pressAndWait(page, form.getByRole('button', { name: 'Skicka till samordnaren' }), 'submitted');
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/verkstad\/\d+$/);
    issuePath = url.pathname;
    issueNumber = Number(url.pathname.split('/').pop());
    expect(await page.locator('main .form-success[role=status]').innerText()).toBe('Ärendet är skickat till samordnaren.');
    expect(await page.locator('h1').innerText()).toContain(TITLE);

    // Restricted by default: another association and a municipality see no such issue.
    for (const email of [OTHER_MEMBER, KARLSKOGA_OFFICIAL]) {
      const other = await signedIn(email);
      const response = await other.goto(new URL(issuePath, baseUrl).toString());
      expect(response?.status()).toBe(404);
      expect(await other.locator('h1').innerText()).toBe('Sidan finns inte');
      expect(await other.locator('main').innerText()).not.toContain(TITLE);
    }
  });

  it('is triaged by the coordinator to the region, whose official gets one e-mail', async () => {
    const page = await signedIn(COORDINATOR);
    await visit(page, '/admin/verkstad');
    await expectAccessible(page);
    await Promise.all([page.waitForURL(`**${issuePath}`), page.getByRole('link', { name: TITLE }).first().click()]);

    const form = page.locator('#triage-form');
    await form.waitFor();
    await expectAccessible(page);
    const responders = form.locator('fieldset', { has: page.locator('legend', { hasText: 'Svarande organisationer' }) });
    await responders.getByLabel(REGION, { exact: true }).check();
    await form.getByLabel(REGION_OFFICIAL_NAME).check();
    await page.fill('#triage-form-dueDate', ymd(10));
    await form.locator('input[name=visibility][value=RESTRICTED]').check();
    await pressAndWait(page, form.getByRole('button', { name: 'Tilldela ärendet' }), 'triaged');
    expect(await page.locator('main').innerText()).toContain(REGION_OFFICIAL_NAME);

    const mail = await expectExactlyOneMail(REGION_OFFICIAL, `Ärende ${issueNumber} har tilldelats dig`);
    expect(mail.text).toContain(TITLE);
    expect(mail.text).toContain(issuePath);
  });

  it('is answered by the region official, and the association gets one e-mail', async () => {
    const page = await signedIn(REGION_OFFICIAL);
    await visit(page, '/verkstad');
    await expectAccessible(page);
    const queue = page.locator('section', { has: page.locator('h2', { hasText: 'Min kö' }) });
    await Promise.all([page.waitForURL(`**${issuePath}`), queue.getByRole('link', { name: TITLE }).first().click()]);

    const form = page.locator('form[id^="svara-"]');
    await form.locator('textarea[name=body]').fill(ANSWER);
    await pressAndWait(page, form.getByRole('button', { name: 'Skicka svaret' }), 'answered');
    expect(await page.locator('main').innerText()).toContain(ANSWER);

    await visit(page, '/konto/aviseringar');
    await expectAccessible(page);

    const mail = await expectExactlyOneMail(ASSOCIATION_ADMIN, `Ärende ${issueNumber} har fått svar`);
    expect(mail.text).toContain(TITLE);

    const filer = await signedIn(ASSOCIATION_ADMIN);
    await visit(filer, issuePath);
    expect(await filer.locator('main').innerText()).toContain(ANSWER);
  });

  it('is minuted at a workshop meeting with an agreed action for the region', async () => {
    const page = await signedIn(COORDINATOR);
    await visit(page, '/admin/moten/nytt');
    await page.locator('#nytt-mote input[name=kind][value=WORKSHOP]').check();
    await page.fill('#nytt-mote-title', MEETING_TITLE);
    await page.fill('#nytt-mote-startsAt', `${ymd(4)}T13:00`);
    await page.fill('#nytt-mote-place', 'Regionhuset, Örebro');
    await pressAndWait(page, page.locator('#nytt-mote').getByRole('button', { name: 'Planera mötet' }), 'scheduled');
    meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/admin\/moten\/[\w-]+$/);

    const item = page.locator('li.agenda-item', { has: page.locator('h3', { hasText: `Ärende ${issueNumber}: ${TITLE}` }) });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.agenda-item__reason').innerText()).toContain('Besvarat, inte diskuterat');
    await expectAccessible(page);

    const minute = item.locator('form.minute-form');
    await minute.locator('textarea[name=decision]').fill(DECISION);
    await minute.locator('select[name=outcome]').selectOption('ACTION_AGREED');
    await minute.locator('textarea[name=actionDescription]').fill(ACTION);
    await minute.locator('select[name=actionOwnerOrganizationId]').selectOption({ label: REGION });
    await minute.locator('input[name=actionFollowUp]').fill(ymd(45));
    await pressAndWait(page, minute.locator('button[type=submit]'), 'minuteSaved');
    await capture(page, 'workshop-meeting-1280');

    await pressAndWait(page, page.locator('#stang-form').getByRole('button', { name: 'Stäng mötet och publicera protokollet' }), 'closed');
    expect(await page.locator('main').innerText()).toContain(DECISION);

    await visit(page, issuePath);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Åtgärd överenskommen');
    expect(main).toContain(ACTION);

    const filer = await signedIn(ASSOCIATION_ADMIN);
    await visit(filer, '/verkstad/moten');
    await expectAccessible(filer);
    await Promise.all([filer.waitForURL(/\/verkstad\/moten\/[\w-]+$/), filer.getByRole('link', { name: MEETING_TITLE }).click()]);
    expect(await filer.locator('h1').innerText()).toContain(MEETING_TITLE);
    expect(await filer.locator('main').innerText()).toContain(DECISION);
  });

  it('is confirmed resolved by the association and counted in the statistics', async () => {
    const page = await signedIn(ASSOCIATION_ADMIN);
    await visit(page, issuePath);
    await expectAccessible(page);
    await pressAndWait(page, page.locator('#bekrafta-form').getByRole('button', { name: 'Ja, ärendet är löst' }), 'confirmed');
    expect(await page.locator('main .form-success[role=status]').innerText()).toBe('Tack! Ärendet är markerat som löst.');
    expect(await page.locator('main').innerText()).toContain('Löst');
    await capture(page, 'workshop-issue-1280');

    const coordinator = await signedIn(COORDINATOR);
    expect(await resolvedCount(coordinator)).toBe(resolvedBefore + 1);
    await capture(coordinator, 'workshop-metrics-1280');
  });

  it('has no accessibility violations on its pages', async () => {
    const coordinator = await signedIn(COORDINATOR);
    for (const pathname of ['/verkstad', '/admin/verkstad', '/admin/moten', meetingPath, '/admin/verkstad/statistik', '/synergiverkstad', '/konto/aviseringar']) {
      await visit(coordinator, pathname);
      await expectAccessible(coordinator);
    }
    const filer = await signedIn(ASSOCIATION_ADMIN);
    for (const pathname of ['/verkstad', '/verkstad/nytt', issuePath, '/verkstad/moten', '/konto/aviseringar']) {
      await visit(filer, pathname);
      await expectAccessible(filer);
    }
  }, 120_000);
});
