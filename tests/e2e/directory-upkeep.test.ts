/**
 * Keeping the directory true, in the browser, as one journey whose tests share state and run
 * in order: an organisation confirms a listing with the "still correct" link the worker mailed
 * at startup; a resident suggests a correction, the coordinator fixes the service in the
 * service editor and answers by mail; the pages of the directory's upkeep pass axe; the
 * correction form works without JavaScript. Run the whole file: each test needs the ones
 * before it.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, DESKTOP, useJourney } from '../helpers/journeys';

const journey = useJourney();
const { open, signedIn, visit, capture, expectAccessible, pressAndWait } = journey;

const COORDINATOR = 'samordnare@lisa.example';
const ASSOCIATION_ADMIN = 'foreningsadmin@lisa.example';

/** Tells this run's texts apart from the demo data. */
const RUN = Date.now().toString(36).slice(-5);

// The seed's Möckelnföreningarna has one listing last confirmed 200 days ago: the worker asks
// the organisation's own address to confirm it when the server starts.
const DUE_SERVICE = { slug: 'arbetstraning-mockelngarden', name: 'Arbetsträning i café och vaktmästeri', mailTo: 'lisa@mockelnforeningarna.example' };
// Fyrbåken's support line; its number is nowhere else in the demo data.
const CORRECTED_SERVICE = { slug: 'fyrbaken-stodtelefon', name: 'Stödtelefon kvällar och helger', oldPhone: '0586-162 49', newPhone: '0586-162 50' };
const RESIDENT = `invanare-${RUN}@lisa.example`;
const CORRECTION_MESSAGE = `Stödtelefonen svarar inte på 0586-162 49 längre. Det nya numret är 0586-162 50 (${RUN}).`;
const REPLY = `Tack! Vi har rättat telefonnumret till stödtelefonen (${RUN}).`;
// The form without JavaScript goes to another service: each service takes at most 20 an hour.
const NO_SCRIPT_SERVICE = 'diakoni-sopplunch';

// Kvinnojouren Linnéan's own listing, which its association admin proposes changes to.
const PROPOSED_SERVICE = {
  slug: 'linnean-stodsamtal',
  name: 'Stödsamtal och stödgrupp för kvinnor',
  summary: 'Enskilda stödsamtal och en stödgrupp för kvinnor som lever eller har levt med våld. Adressen får du när du bokar.',
};
const REJECTED_SUMMARY = `Stödsamtal för kvinnor som har levt med våld, nu även på lördagar (${RUN}).`;
const REJECT_MESSAGE = `Lördagarna är inte beslutade än; skicka förslaget igen när styrelsen har sagt ja (${RUN}).`;
/** A word no other listing has, to find the approved summary with. */
const NEW_WORD = `trädgårdssamtal${RUN.replace(/\d/g, '')}`;
const APPROVED_SUMMARY = `Enskilda stödsamtal, en stödgrupp och ${NEW_WORD} för kvinnor som lever eller har levt med våld. Adressen får du när du bokar.`;

/** The correction form's token must be at least 3 s old; a person takes longer, and so do we. */
const FORM_MIN_AGE_MS = 3_000;

/** State shared by the tests, in order. */
let confirmationPath = '';
let correctionPath = '';
let correctedServiceEditPath = '';
let proposalPath = '';
let importRunPath = '';

// ── Helpers ────────────────────────────────────────────────────────────────────────

/** Pathnames of the links in `main` that match `pattern`, in document order. */
async function linksMatching(page: Page, pattern: RegExp): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.filter((href) => pattern.test(href));
}

async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const [href] = await linksMatching(page, pattern);
  if (!href) throw new Error(`No link matching ${pattern} on ${page.url()}`);
  return href;
}

/** Waits out the rest of the correction form's minimum age, counted from when it was shown. */
async function letTheFormAge(shownAt: number): Promise<void> {
  const wait = shownAt + FORM_MIN_AGE_MS + 500 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Whether a search on /sok for `words` lists the service `slug`. */
async function searchFinds(page: Page, words: string, slug: string): Promise<boolean> {
  await visit(page, `/sok?q=${encodeURIComponent(words)}`);
  return (await linksMatching(page, new RegExp(`^/tjanster/${slug}$`))).length > 0;
}

/** An association admin proposes `summary` as the service's new summary; returns to /konto/tjanster/<slug>. */
async function proposeSummary(page: Page, summary: string): Promise<void> {
  await visit(page, `/konto/tjanster/${PROPOSED_SERVICE.slug}`);
  await Promise.all([page.waitForURL(`**/konto/tjanster/${PROPOSED_SERVICE.slug}/andra`), page.getByRole('link', { name: 'Föreslå ändringar' }).click()]);
  expect(await page.locator('h1').innerText()).toBe(`Föreslå ändringar: ${PROPOSED_SERVICE.name}`);
  await page.locator('#tjanst-summary').fill(summary);
  await pressAndWait(page, page.locator('#tjanst').getByRole('button', { name: 'Skicka förslaget' }), 'submitted');
  expect(new URL(page.url()).pathname).toBe(`/konto/tjanster/${PROPOSED_SERVICE.slug}`);
  expect(await page.locator('main').innerText()).toContain('Tack! Förslaget är skickat till samordnaren.');
}

/** The coordinator opens the pending proposal for the service from the queue. */
async function openPendingProposal(page: Page): Promise<void> {
  await visit(page, '/admin/forslag');
  const link = page.getByRole('link', { name: `Granska förslaget för ${PROPOSED_SERVICE.name}` }).first();
  await Promise.all([page.waitForURL(/\/admin\/forslag\/[^/?]+$/), link.click()]);
  proposalPath = new URL(page.url()).pathname;
  expect(await page.locator('h1').innerText()).toBe(`Förslag: ${PROPOSED_SERVICE.name}`);
}

/** axe on every page in `pathnames`; every failure is reported, not only the first. */
async function expectAllAccessible(page: Page, pathnames: string[]): Promise<void> {
  const failures: string[] = [];
  for (const pathname of pathnames) {
    const response = await page.goto(new URL(pathname, journey.baseUrl).toString());
    if (!response || response.status() !== 200) {
      failures.push(`${pathname}: HTTP ${response?.status() ?? 'no response'}`);
      continue;
    }
    try {
      await expectAccessible(page);
    } catch (error) {
      failures.push((error as Error).message);
    }
    // A full-page picture of each, to look at: tests/.artifacts/directory-pages/.
    await mkdir(path.join(ARTIFACTS, 'directory-pages'), { recursive: true });
    const name = pathname.replace(/^\//, '').replace(/[^\w-]+/g, '_') || 'home';
    await page.screenshot({ path: path.join(ARTIFACTS, 'directory-pages', `${name}.png`), fullPage: true });
    // At 1280 px nothing makes the page scroll sideways (wide tables scroll inside their box).
    const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    if (width.page > width.window) failures.push(`${pathname}: the page is ${width.page} px wide in a ${width.window} px window`);
  }
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
}

// ── The journey ────────────────────────────────────────────────────────────────────

describe('keeping the directory true', () => {
  it('confirms a listing with the “still correct” link the worker mailed, once', async () => {
    // The server under test runs the daily pass from midnight (FRESHNESS_MAIL_HOUR=0), so its
    // first worker pass mails the request whatever the time of day.
    const mail = await journey.waitForMail(DUE_SERVICE.mailTo, 'Stämmer uppgifterna om', 60_000);
    expect(mail.text).toContain(DUE_SERVICE.name);
    const link = /https?:\/\/\S+?(\/bekrafta\/[\w-]{43})\b/.exec(mail.text);
    expect(link, 'the mail has a /bekrafta/<token> link').not.toBeNull();
    confirmationPath = link![1]!;

    const servicePage = await open(`/tjanster/${DUE_SERVICE.slug}`);
    const noteBefore = await servicePage.getByTestId('confirmed-note').innerText();
    expect(noteBefore).toMatch(/bekräftades för \d+ månader sedan/);

    // Opening the link (as a mail scanner would) changes nothing.
    const page = await open(confirmationPath);
    await page.getByTestId('confirmation-valid').waitFor();
    expect(await page.locator('h1').innerText()).toBe(`Stämmer uppgifterna om ${DUE_SERVICE.name}?`);
    await page.reload();
    await page.getByTestId('confirmation-valid').waitFor();
    await visit(servicePage, `/tjanster/${DUE_SERVICE.slug}`);
    expect(await servicePage.getByTestId('confirmed-note').innerText()).toBe(noteBefore);
    await expectAccessible(page);
    await capture(page, 'directory-confirm-1280');

    await pressAndWait(page, page.getByRole('button', { name: 'Ja, uppgifterna stämmer' }), 'bekraftad');
    expect(await page.locator('h1').innerText()).toBe('Tack!');
    expect(await page.locator('main [role=status]').innerText()).toContain(`Uppgifterna om ${DUE_SERVICE.name} är bekräftade`);
    await expectAccessible(page);

    // The link is single use.
    const again = await open(confirmationPath);
    await again.getByTestId('confirmation-used').waitFor();
    expect(await again.locator('h1').innerText()).toBe('Redan bekräftad');
    expect(await again.locator('main').innerText()).not.toContain('Ja, uppgifterna stämmer');
    await expectAccessible(again);

    // Residents see that the listing was just looked over.
    await visit(servicePage, `/tjanster/${DUE_SERVICE.slug}`);
    const note = servicePage.getByTestId('confirmed-note');
    expect(await note.innerText()).toMatch(/^Uppgifterna bekräftades (nu|för \d+ minuter? sedan)\.$/);
    const confirmedAt = Date.parse((await note.locator('time').getAttribute('datetime'))!);
    expect(Date.now() - confirmedAt).toBeLessThan(5 * 60_000);
  });

  it('takes a resident’s correction to the coordinator, who fixes the service and answers by mail', async () => {
    // A resident, anonymous, finds the number wrong.
    const resident = await open(`/tjanster/${CORRECTED_SERVICE.slug}`);
    expect(await resident.locator('main').innerText()).toContain(CORRECTED_SERVICE.oldPhone);
    await Promise.all([resident.waitForURL(`**/tjanster/${CORRECTED_SERVICE.slug}/rattelse`), resident.getByRole('link', { name: 'Föreslå en rättelse' }).click()]);
    const shownAt = Date.now();
    expect(await resident.locator('h1').innerText()).toBe('Föreslå en rättelse');
    const form = resident.locator('#rattelse');
    await form.getByLabel('Telefon, e-post eller webbplats').check();
    await form.getByLabel('Vad är fel, och vad är rätt?').fill(CORRECTION_MESSAGE);
    await form.getByLabel('Din e-postadress (frivilligt)').fill(RESIDENT);
    await expect.poll(() => resident.getByTestId('message-counter').innerText()).toBe(`${CORRECTION_MESSAGE.length} av 2000 tecken`);
    await expectAccessible(resident);
    await capture(resident, 'directory-correction-1280');
    await letTheFormAge(shownAt);
    await Promise.all([resident.waitForURL(/[?&]klart=skickat\b/), form.getByRole('button', { name: 'Skicka förslaget' }).click()]);
    expect(await resident.locator('h1').innerText()).toBe('Tack för ditt förslag!');
    expect(await resident.locator('main [role=status]').innerText()).toContain('Samordnaren går igenom det');

    // The coordinator finds it in the queue.
    const coordinator = await signedIn(COORDINATOR);
    await visit(coordinator, '/admin/rattelser');
    await expectAccessible(coordinator);
    const queueLink = coordinator.getByRole('link', { name: `Öppna förslaget om ${CORRECTED_SERVICE.name}` }).first();
    await Promise.all([coordinator.waitForURL(/\/admin\/rattelser\/[a-z0-9]+$/), queueLink.click()]);
    correctionPath = new URL(coordinator.url()).pathname;
    const suggestion = await coordinator.locator('main').innerText();
    expect(suggestion).toContain(CORRECTION_MESSAGE);
    expect(suggestion).toContain(RESIDENT);
    expect(suggestion).toContain('Telefon, e-post eller webbplats');
    await expectAccessible(coordinator);

    // ...opens the service in the editor and corrects the number.
    await Promise.all([coordinator.waitForURL(/\/admin\/tjanster\/[^/?]+$/), coordinator.getByRole('link', { name: 'Redigera tjänsten' }).click()]);
    correctedServiceEditPath = new URL(coordinator.url()).pathname;
    expect(await coordinator.locator('h1').innerText()).toBe(`Ändra ${CORRECTED_SERVICE.name}`);
    const phone = coordinator.locator('#tjanst-phones-0-number');
    expect(await phone.inputValue()).toBe(CORRECTED_SERVICE.oldPhone);
    await phone.fill(CORRECTED_SERVICE.newPhone);
    await pressAndWait(coordinator, coordinator.locator('#tjanst').getByRole('button', { name: 'Spara ändringarna' }), 'saved');
    expect(await coordinator.locator('main .form-success[role=status]').innerText()).toBe('Ändringarna är sparade.');
    expect(await coordinator.locator('#tjanst-phones-0-number').inputValue()).toBe(CORRECTED_SERVICE.newPhone);
    await expectAccessible(coordinator);
    await capture(coordinator, 'directory-service-editor-1280');

    // ...goes back, marks the suggestion handled and answers.
    await visit(coordinator, correctionPath);
    await coordinator.locator('#beslut').getByLabel('Svar till avsändaren (frivilligt)').fill(REPLY);
    await pressAndWait(coordinator, coordinator.locator('#beslut').getByRole('button', { name: 'Markera som åtgärdad' }), 'handledReplied');
    expect(await coordinator.locator('main .form-success[role=status]').innerText()).toBe('Förslaget är markerat som åtgärdat och svaret är skickat.');
    const decided = await coordinator.locator('main').innerText();
    expect(decided).toContain('Åtgärdad av Karin Westerlind');
    expect(decided).toContain(REPLY);
    await expect.poll(() => coordinator.locator('#beslut').count()).toBe(0);
    await expectAccessible(coordinator);

    // The resident gets the answer, once, with a link to the service.
    const mail = await journey.expectExactlyOneMail(RESIDENT, `Svar på ditt förslag om ${CORRECTED_SERVICE.name}`);
    expect(mail.text).toContain(REPLY);
    expect(mail.text).toContain(`/tjanster/${CORRECTED_SERVICE.slug}`);

    // The public page shows the corrected number.
    await visit(resident, `/tjanster/${CORRECTED_SERVICE.slug}`);
    const publicText = await resident.locator('main').innerText();
    expect(publicText).toContain(CORRECTED_SERVICE.newPhone);
    expect(publicText).not.toContain(CORRECTED_SERVICE.oldPhone);
  });

  it('takes a correction without JavaScript', async () => {
    const page = await open(`/tjanster/${NO_SCRIPT_SERVICE}/rattelse`, { ...DESKTOP, javaScriptEnabled: false });
    const shownAt = Date.now();
    const form = page.locator('#rattelse');
    await form.getByLabel('Öppettider', { exact: true }).check();
    await form.getByLabel('Vad är fel, och vad är rätt?').fill(`Sopplunchen börjar klockan tolv nu, inte halv tolv (${RUN}).`);
    await letTheFormAge(shownAt);
    await Promise.all([page.waitForURL(/[?&]klart=skickat\b/), form.getByRole('button', { name: 'Skicka förslaget' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Tack för ditt förslag!');

    const coordinator = await signedIn(COORDINATOR);
    await visit(coordinator, '/admin/rattelser');
    await Promise.all([coordinator.waitForURL(/\/admin\/rattelser\/[a-z0-9]+$/), coordinator.getByRole('link', { name: /^Öppna förslaget om Sopplunch/ }).first().click()]);
    expect(await coordinator.locator('main').innerText()).toContain(`Sopplunchen börjar klockan tolv nu, inte halv tolv (${RUN}).`);
  });

  it('keeps an association’s proposal out of public view, and tells the association why it was rejected', async () => {
    const association = await signedIn(ASSOCIATION_ADMIN);
    await visit(association, `/konto/tjanster/${PROPOSED_SERVICE.slug}/andra`);
    await expectAccessible(association);
    await proposeSummary(association, REJECTED_SUMMARY);
    expect(await association.locator('.proposal-own').innerText()).toContain('Väntar på granskning');
    expect(await association.locator('.proposal-own').innerText()).toContain('Kort sammanfattning');

    // Nothing public before the coordinator approves.
    const resident = await open(`/tjanster/${PROPOSED_SERVICE.slug}`);
    expect(await resident.locator('.service-hero__summary').innerText()).toBe(PROPOSED_SERVICE.summary);
    expect(await resident.locator('main').innerText()).not.toContain(REJECTED_SUMMARY);

    // The coordinator sees the change side by side.
    const coordinator = await signedIn(COORDINATOR);
    await openPendingProposal(coordinator);
    const row = coordinator.locator('table.proposal-diff tbody tr', { has: coordinator.locator('th[scope=row]', { hasText: /^Kort sammanfattning$/ }) });
    await expect.poll(() => row.count()).toBe(1);
    const [now, proposed] = await row.locator('td').allInnerTexts();
    expect(now).toContain(PROPOSED_SERVICE.summary);
    expect(now).toContain('Tas bort:');
    expect(proposed).toContain(REJECTED_SUMMARY);
    expect(proposed).toContain('Nytt:');
    expect(await coordinator.locator('table.proposal-diff tbody tr').count()).toBe(1);
    await expectAccessible(coordinator);
    await capture(coordinator, 'directory-proposal-diff-1280');
    await visit(coordinator, `${proposalPath}/redigera`);
    expect(await coordinator.locator('h1').innerText()).toBe(`Redigera och godkänn: ${PROPOSED_SERVICE.name}`);
    expect(await coordinator.locator('#tjanst-summary').inputValue()).toBe(REJECTED_SUMMARY);
    await expectAccessible(coordinator);
    await visit(coordinator, proposalPath);

    await coordinator.locator('#avvisa').getByLabel('Meddelande till föreningen').fill(REJECT_MESSAGE);
    await pressAndWait(coordinator, coordinator.locator('#avvisa').getByRole('button', { name: 'Avvisa' }), 'rejected');
    expect(await coordinator.locator('main .form-success[role=status]').innerText()).toBe('Förslaget är avvisat och föreningen har fått ditt meddelande.');
    expect(await coordinator.locator('main').innerText()).toContain(REJECT_MESSAGE);
    await expectAccessible(coordinator);

    // The association reads the message on the service's page and among its notifications.
    await visit(association, `/konto/tjanster/${PROPOSED_SERVICE.slug}`);
    const own = await association.locator('.proposal-own').innerText();
    expect(own).toContain('Avvisat');
    expect(own).toContain(REJECT_MESSAGE);
    expect(own).not.toContain('Väntar på granskning');
    await visit(association, '/konto/aviseringar');
    const notifications = await association.locator('main').innerText();
    expect(notifications).toContain('Ditt ändringsförslag har granskats');
    expect(notifications).toContain(REJECT_MESSAGE);

    await visit(resident, `/tjanster/${PROPOSED_SERVICE.slug}`);
    expect(await resident.locator('.service-hero__summary').innerText()).toBe(PROPOSED_SERVICE.summary);
  });

  it('publishes an approved proposal on the service page and in search', async () => {
    const association = await signedIn(ASSOCIATION_ADMIN);
    await proposeSummary(association, APPROVED_SUMMARY);

    const resident = await open('/');
    expect(await searchFinds(resident, NEW_WORD, PROPOSED_SERVICE.slug)).toBe(false);

    const coordinator = await signedIn(COORDINATOR);
    await openPendingProposal(coordinator);
    expect(await coordinator.locator('table.proposal-diff').innerText()).toContain(APPROVED_SUMMARY);
    await pressAndWait(coordinator, coordinator.getByRole('button', { name: 'Godkänn', exact: true }), 'approved');
    expect(await coordinator.locator('main .form-success[role=status]').innerText()).toBe('Förslaget är godkänt och tjänsten är uppdaterad.');

    await visit(resident, `/tjanster/${PROPOSED_SERVICE.slug}`);
    expect(await resident.locator('.service-hero__summary').innerText()).toBe(APPROVED_SUMMARY);
    // The worker applies the search outbox within moments.
    await expect.poll(() => searchFinds(resident, NEW_WORD, PROPOSED_SERVICE.slug), { timeout: 20_000, interval: 1_000 }).toBe(true);

    await visit(association, `/konto/tjanster/${PROPOSED_SERVICE.slug}`);
    expect(await association.locator('.proposal-own').innerText()).toContain('Godkänt');
  });

  it('imports the directory’s own HSDS export back without changing anything', async () => {
    const coordinator = await signedIn(COORDINATOR);
    await visit(coordinator, '/admin/import');
    await expectAccessible(coordinator);
    const exported = await coordinator.request.get(new URL('/admin/export/hsds.json', journey.baseUrl).toString());
    expect(exported.status()).toBe(200);
    const body = await exported.body();
    // HSDS tables by name, one array of rows each.
    const document = JSON.parse(body.toString('utf8')) as { hsds_version: string; service: { id: string }[] };
    expect(document.hsds_version).toMatch(/^3\./);
    expect(document.service.length).toBeGreaterThan(50);

    await coordinator.locator('#hsds-import-file').setInputFiles({ name: `katalogen-${RUN}.json`, mimeType: 'application/json', buffer: body });
    await Promise.all([coordinator.waitForURL(/\/admin\/import\/[^/?]+$/), coordinator.getByRole('button', { name: 'Kontrollera och importera' }).click()]);
    importRunPath = new URL(coordinator.url()).pathname;
    expect(await coordinator.locator('h1').innerText()).toBe(`Import av katalogen-${RUN}.json`);
    await expect
      .poll(
        async () => {
          await visit(coordinator, importRunPath);
          return coordinator.locator('main [role=status]').first().innerText().catch(() => '');
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe('Importen är klar.');
    const services = coordinator.locator('section[aria-labelledby=hsds-summary] tr', { has: coordinator.locator('th[scope=row]', { hasText: /^Tjänster$/ }) }).first();
    const [created, updated, unchanged] = (await services.locator('td').allInnerTexts()).map(Number);
    expect({ created, updated }).toEqual({ created: 0, updated: 0 });
    expect(unchanged).toBe(document.service.length);
    await expectAccessible(coordinator);
    await capture(coordinator, 'directory-import-1280');
  });

  it('has no accessibility violations on the pages that keep the directory true', async () => {
    // Residents search for what the directory lacks (the unmet-needs table has rows to show).
    const resident = await open('/');
    for (const words of ['hundpensionat', 'hundpensionat', 'hundpensionat', 'cykelverkstad']) await visit(resident, `/sok?q=${words}`);

    const coordinator = await signedIn(COORDINATOR);

    await visit(coordinator, '/admin/organisationer');
    const organisationPath = await firstLink(coordinator, /^\/admin\/organisationer\/(?!ny$)[^/]+$/);
    const settingsEditPaths: string[] = [];
    for (const section of ['kategorier', 'egenskaper', 'kommuner', 'malgrupper']) {
      await visit(coordinator, `/admin/installningar/${section}`);
      settingsEditPaths.push(await firstLink(coordinator, new RegExp(`^/admin/installningar/${section}/(?!ny$)[^/]+$`)));
    }

    await expectAllAccessible(coordinator, [
      '/admin/tjanster',
      '/admin/tjanster/ny',
      correctedServiceEditPath,
      '/admin/organisationer',
      '/admin/organisationer/ny',
      organisationPath,
      '/admin/installningar',
      '/admin/installningar/kategorier',
      '/admin/installningar/egenskaper',
      '/admin/installningar/kommuner',
      '/admin/installningar/malgrupper',
      ...settingsEditPaths,
      '/admin/rattelser',
      correctionPath,
      '/admin/behov',
      '/admin/import',
      importRunPath,
      '/admin/forslag',
      proposalPath,
    ]);

    // ...and among the unmet needs, residents' searches that found nothing.
    await visit(coordinator, '/admin/behov');
    const needs = await coordinator.locator('main').innerText();
    expect(needs).toContain('hundpensionat');
    expect(needs).toContain('cykelverkstad');
    await capture(coordinator, 'directory-unmet-needs-1280');

    const association = await signedIn(ASSOCIATION_ADMIN);
    await expectAllAccessible(association, ['/konto/tjanster', `/konto/tjanster/${PROPOSED_SERVICE.slug}`, `/konto/tjanster/${PROPOSED_SERVICE.slug}/andra`, '/konto/tjanster/ny']);

    await expectAllAccessible(resident, [`/tjanster/${CORRECTED_SERVICE.slug}/rattelse`, confirmationPath, '/bekrafta/okand-lank']);
  }, 240_000);
});
