/**
 * The synergy workshop in the browser, one journey whose tests share state and run in order:
 * an association files an issue, the coordinator triages it to the region, the region's official
 * answers, a workshop meeting minutes an agreed action, and the association confirms that the
 * issue is resolved. The mail the worker sends is read from the mail catcher; axe checks the
 * workshop's pages. Run the whole file: each test needs the ones before it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from '../helpers/journeys';

const journey = useJourney();
const { signedIn, capture, expectAccessible, visit, pressAndWait, expectExactlyOneMail } = journey;
const baseUrl = journey.baseUrl;

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

// ── Helpers ────────────────────────────────────────────────────────────────────────

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
