/**
 * News and events in the browser: writing with the editor, approval and scheduling (the worker
 * publishes, nobody presses a button), publishing and taking down, moderation, hostile content,
 * revisions, and where a published post shows up (pages, search, Atom and iCalendar feeds).
 *
 * The scheduled post of the first journey is published by the worker about two minutes after it
 * is scheduled; the other journeys run meanwhile, and the last describe checks it everywhere.
 * Run the whole file: that last describe needs the first.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { dateTimeLocalValue, instantOfWallClock, wallClockAt } from '@/lib/time/zoned';
import { DEMO_PASSWORD } from '@/prisma/seed/index';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts, openPage, useBrowser, type OpenPageOptions, type Visit } from '../helpers/browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const ARTIFACTS = path.join(process.cwd(), 'tests', '.artifacts');
const SCREENSHOTS = path.join(process.cwd(), 'docs', 'screenshots');
const LINNEAN = 'kvinnojouren-linnean';
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** Tells this run's posts apart from the demo posts (and from a rerun against the same database). */
const RUN = Date.now().toString(36).slice(-5);

let visits: Visit[] = [];
afterEach(async () => {
  for (const visit of visits) await visit.context.close();
  visits = [];
});

let fixtures: string;
/** A photo as a phone makes it: large, JPEG, with EXIF naming the photographer. */
let photo: string;
beforeAll(async () => {
  fixtures = await mkdtemp(path.join(tmpdir(), 'lisa-news-e2e-'));
  photo = path.join(fixtures, 'tradgard.jpg');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ec5e8"/><stop offset="1" stop-color="#f4e3c1"/></linearGradient></defs>
    <rect width="1600" height="900" fill="url(#sky)"/>
    <circle cx="1250" cy="220" r="110" fill="#f6c945"/>
    <rect y="620" width="1600" height="280" fill="#5d8a3a"/>
    <g fill="#d9485f"><circle cx="300" cy="600" r="40"/><circle cx="520" cy="640" r="34"/><circle cx="760" cy="590" r="46"/><circle cx="1010" cy="630" r="38"/></g>
    <g stroke="#3f6b25" stroke-width="10"><line x1="300" y1="640" x2="300" y2="760"/><line x1="520" y1="674" x2="520" y2="780"/><line x1="760" y1="636" x2="760" y2="770"/><line x1="1010" y1="668" x2="1010" y2="790"/></g>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withExifMerge({ IFD0: { Artist: 'hemlig-fotograf' } }).toFile(photo);
  // The fixture really carries what the upload must strip.
  expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('hemlig-fotograf');
});
afterAll(async () => {
  if (fixtures) await rm(fixtures, { recursive: true, force: true });
});

// ── Helpers ────────────────────────────────────────────────────────────────────────

async function signedIn(email: string, options: OpenPageOptions = {}): Promise<Page> {
  const visit = await openPage(browser(), baseUrl, '/logga-in', options);
  visits.push(visit);
  const { page } = visit;
  await page.fill('#password-email', email);
  await page.fill('#password-password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL('**/konto'), page.click('form:has(#password-email) button[type=submit]')]);
  return page;
}

/** A resident: no session. */
async function resident(pathname: string, options: OpenPageOptions = {}): Promise<Page> {
  const visit = await openPage(browser(), baseUrl, pathname, options);
  visits.push(visit);
  return visit.page;
}

/**
 * The whole page as a PNG to review (tests/.artifacts), and one screen's worth from the page
 * heading (or `from`) down as a JPEG, in tests/.artifacts and docs/screenshots.
 */
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

/** "New post" on /konto/nyheter; resolves on the editor of the new draft, once the editor runs. */
async function createPost(page: Page, title: string): Promise<string> {
  await page.goto(new URL('/konto/nyheter', page.url()).toString());
  await page.fill('#ny-nyhet-title', title);
  await Promise.all([page.waitForURL(/\/konto\/nyheter\/[a-z0-9]{20,32}$/), page.click('#ny-nyhet button[type=submit]')]);
  await waitForEditor(page);
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function waitForEditor(page: Page): Promise<void> {
  await page.waitForSelector('.post-editor__content[contenteditable=true]');
  await page.waitForSelector('.post-editor__toolbar button:not([disabled])');
}

const tool = (page: Page, name: string) => page.locator('.post-editor__toolbar').getByRole('button', { name, exact: true });

/** Presses one of the editor's buttons (intent) and waits for the redirect saying it was done. */
async function press(page: Page, intent: string, done: string): Promise<void> {
  // The editor's form is keyed by the post's version: a successful save replaces the element. The
  // mark tells the new form from the old one when the address (?klart=saved) stays the same.
  await page.locator('#nyhet').evaluate((form) => form.setAttribute('data-before-press', ''));
  await page.click(`#nyhet button[name=intent][value=${intent}]`);
  await page.waitForSelector(`#nyhet:not([data-before-press]), #nyhet .error-summary`);
  const problem = page.locator('#nyhet[data-before-press] .error-summary');
  if ((await problem.count()) > 0) throw new Error(`“${intent}” was refused: ${await problem.innerText()}`);
  await page.waitForURL(new RegExp(`[?&]klart=${done}\\b`));
  await waitForEditor(page);
}

/** The public address of a published post, from its editor's "view the published post" link. */
async function publicPathOf(page: Page): Promise<string> {
  const href = await page.getByRole('link', { name: 'Visa den publicerade nyheten' }).getAttribute('href');
  expect(href).toMatch(/^\/nyheter\/[a-z0-9-]+$/);
  return href!;
}

/** Puts the text cursor at the end of the editor's text. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.click('.post-editor__content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const get = (pathname: string) => fetch(new URL(pathname, baseUrl), { redirect: 'manual' });

const atomParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['entry', 'link', 'category'].includes(name) });

interface AtomEntry {
  title: string;
  link: { href: string; rel?: string }[];
  content?: { '#text': string };
}

/** A feed's entries, after checking that it is well-formed XML. */
async function atomEntries(pathname: string): Promise<AtomEntry[]> {
  const response = await get(pathname);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/atom+xml');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = (atomParser.parse(xml) as { feed: { entry?: AtomEntry[] } }).feed;
  return feed.entry ?? [];
}

const feedTitles = async (pathname: string) => (await atomEntries(pathname)).map((e) => String(e.title));

/** A date and time in Swedish time, `days` after today, as a datetime-local field takes it. */
function swedishDateTime(days: number, hour: number, minute = 0): { value: string; instant: Date } {
  const today = wallClockAt(new Date());
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  const instant = instantOfWallClock(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute);
  return { value: dateTimeLocalValue(instant), instant };
}

/** Init script: a flag hostile markup would set, so a test can tell whether any of it ran. */
async function watchForScripts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { __xss: number }).__xss = 0;
  });
}

const xssFlag = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

/** Posts this file published and left public: taken down at the end (see the afterAll below). */
const leftPublic: { email: string; postId: () => string }[] = [];

/**
 * The other e2e files share the server and expect the demo news on the front page and in the
 * calendar: the posts published here are taken down again, by their association, at the end.
 */
afterAll(async () => {
  for (const { email, postId } of leftPublic) {
    if (!postId()) continue;
    const page = await signedIn(email);
    await page.goto(`${baseUrl}/konto/nyheter/${postId()}`);
    const unpublish = page.locator('#avpublicera-form button[type=submit]');
    if ((await unpublish.count()) > 0) await Promise.all([page.waitForURL(/[?&]klart=unpublished\b/), unpublish.click()]);
  }
  for (const visit of visits) await visit.context.close();
  visits = [];
}, 60_000);

// ── 1. Member writes, admin schedules, the worker publishes ────────────────────────

const scheduled = {
  title: `Fröbytardag i Linnéans trädgård ${RUN}`,
  summary: 'Byt frön och sticklingar med grannarna, drick kaffe och träffa jouren under enkla former.',
  /** A word of the body nobody else writes, for search. */
  word: 'blomsterbytarkalaset',
  alt: 'Röda blommor på en gräsmatta under en blå himmel med sol',
  place: 'Linnéans trädgård, Bergsgatan 4, Karlskoga',
  signup: 'https://kvinnojouren-linnean.example/frobyte',
  event: swedishDateTime(1, 18),
  publishAt: new Date(0),
  scheduledAt: 0,
  id: '',
};

leftPublic.push({ email: 'foreningsadmin@lisa.example', postId: () => scheduled.id });

describe('a member writes a post, the association admin schedules it', () => {
  it('uploads an image in the editor at the address the browser uses', async () => {
    const page = await signedIn('medlem@lisa.example', DESKTOP);
    await createPost(page, `Bildprov ${RUN}`);
    await tool(page, 'Bild').click();
    await page.setInputFiles('#nyhet-body-image-file', photo);
    await page.fill('#nyhet-body-image-alt', 'Röda blommor på en gräsmatta');
    const upload = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/media');
    await page.getByRole('button', { name: 'Ladda upp och lägg in' }).click();
    const response = await upload;
    expect(`${response.status()} ${await response.text()}`, `POST /api/media from ${baseUrl}`).toMatch(/^201 /);
    await page.waitForSelector('.post-editor__content img[alt="Röda blommor på en gräsmatta"]');
  });

  it('writes with headings, bold, a list, a link and an image, autosaves, and sends it for approval', async () => {
    const page = await signedIn('medlem@lisa.example', DESKTOP);
    scheduled.id = await createPost(page, scheduled.title);
    await page.fill('#nyhet-summary', scheduled.summary);

    await page.click('.post-editor__content');
    await tool(page, 'Rubrik').click();
    await page.keyboard.type('Så går dagen till');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ta med ');
    // Each toggle is typed after the toolbar shows it took effect, so a slow machine cannot
    // let the next letters through before the mark changes.
    await tool(page, 'Fet').click();
    await expect.poll(() => tool(page, 'Fet').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type('egna frön');
    await tool(page, 'Fet').click();
    await expect.poll(() => tool(page, 'Fet').getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.type(` att byta. Vi kallar det ${scheduled.word}.`);
    await page.keyboard.press('Enter');
    await tool(page, 'Punktlista').click();
    await page.keyboard.type('Frön i påsar');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Sticklingar i krukor');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Läs mer hos Odlingsnätet');
    for (let i = 0; i < 'Odlingsnätet'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    await tool(page, 'Länk').click();
    // The panel's field takes the focus; Enter there applies the link instead of sending the form.
    await page.waitForSelector('#nyhet-body-link:focus');
    await page.keyboard.type('https://example.org');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.post-editor__content a[href="https://example.org"]');
    await page.keyboard.press('End');

    await tool(page, 'Bild').click();
    await page.setInputFiles('#nyhet-body-image-file', photo);
    await page.fill('#nyhet-body-image-alt', scheduled.alt);
    await page.getByRole('button', { name: 'Ladda upp och lägg in' }).click();
    await page.waitForSelector(`.post-editor__content img[alt="${scheduled.alt}"], .post-editor [role=alert]`, { timeout: 20_000 });
    expect(await page.locator('.post-editor [role=alert]').allInnerTexts(), 'the upload was refused').toEqual([]);
    expect(await page.locator(`.post-editor__content img[alt="${scheduled.alt}"]`).getAttribute('src')).toMatch(/^\/media\/[a-z0-9]+\/w\d+\.(jpg|png|webp)$/);

    const editor = page.locator('.post-editor__content');
    expect(await editor.locator('h2').innerText()).toBe('Så går dagen till');
    expect(await editor.locator('strong').innerText()).toBe('egna frön');
    expect(await editor.locator('ul li').allInnerTexts()).toEqual(['Frön i påsar', 'Sticklingar i krukor']);
    expect(await editor.locator('a[href="https://example.org"]').innerText()).toBe('Odlingsnätet');

    await page.getByLabel('Det här är ett evenemang').check();
    await page.fill('#nyhet-eventStart', scheduled.event.value);
    await page.fill('#nyhet-eventPlace', scheduled.place);
    await page.fill('#nyhet-eventSignupUrl', scheduled.signup);
    // The autosave follows a few seconds after the last change (a server action POST).
    const autosave = page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined, { timeout: 15_000 });
    await capture(page, 'news-editor-1280', '.post-editor');
    await (await autosave).response();
    await expect.poll(() => page.locator('.post-form__autosave').innerText()).toMatch(/^Sparat automatiskt \d{2}[:.]\d{2}$/);

    // A member of an association where the admin approves cannot publish or schedule.
    expect(await page.locator('#nyhet button[name=intent][value=publish]').count()).toBe(0);
    expect(await page.locator('#nyhet-publishAt').count()).toBe(0);
    await press(page, 'submit', 'submitted');
    expect(await page.locator('#nyhet .form-success').innerText()).toBe('Nyheten är skickad till föreningens administratör för godkännande.');
    expect(await page.locator('.notice', { hasText: 'väntar på att föreningens administratör' }).count()).toBe(1);
    // What was sent is what was written.
    expect(await page.inputValue('#nyhet-eventStart')).toBe(scheduled.event.value);
    expect(await page.locator('.post-editor__content strong').innerText()).toBe('egna frön');
  }, 120_000);

  it('is scheduled by the association admin for a minute or two ahead, and is not public yet', async () => {
    const page = await signedIn('foreningsadmin@lisa.example', DESKTOP);
    await page.goto(`${baseUrl}/konto/nyheter`);
    const row = page.locator('tr', { hasText: scheduled.title });
    expect(await row.locator('.post-status').innerText()).toBe('Väntar på godkännande');
    await Promise.all([page.waitForURL(/\/konto\/nyheter\/[a-z0-9]+$/), row.getByRole('link', { name: scheduled.title }).click()]);
    await waitForEditor(page);

    // The next whole minute plus one, in Swedish time: at least a minute ahead.
    scheduled.publishAt = new Date((Math.floor(Date.now() / 60_000) + 2) * 60_000);
    await page.fill('#nyhet-publishAt', dateTimeLocalValue(scheduled.publishAt));
    await press(page, 'schedule', 'scheduled');
    scheduled.scheduledAt = Date.now();
    expect(await page.locator('#nyhet .form-success').innerText()).toBe('Nyheten är schemalagd.');
    expect(await page.locator('.notice', { hasText: 'Nyheten publiceras automatiskt' }).count()).toBe(1);
    expect(await page.inputValue('#nyhet-publishAt')).toBe(dateTimeLocalValue(scheduled.publishAt));
    expect(await page.locator('#nyhet button[name=intent][value=unschedule]').count()).toBe(1);

    await page.goto(`${baseUrl}/konto/nyheter`);
    const status = await page.locator('tr', { hasText: scheduled.title }).locator('td').nth(1).innerText();
    expect(status).toContain('Schemalagd');
    expect(status).toContain('Publiceras');

    const list = await resident('/nyheter');
    expect(await list.getByRole('link', { name: scheduled.title }).count()).toBe(0);
    expect(await feedTitles('/nyheter/feed.xml')).not.toContain(scheduled.title);
  });
});

// ── 2. Publishing directly, and taking down ────────────────────────────────────────

/** Written by a member of Reda ekonomirådgivning, where members publish themselves. */
const direct = { title: `Budgetkväll för unga vuxna ${RUN}`, id: '', path: '' };

describe('a member of an association where members publish', () => {
  it('publishes with “Publicera nu”, and “Avpublicera” takes the post down everywhere', async () => {
    const page = await signedIn('medlem2@lisa.example', DESKTOP);
    direct.id = await createPost(page, direct.title);
    await page.fill('#nyhet-summary', 'Vi går igenom hur en budget görs, steg för steg.');
    await typeAtEnd(page, 'Ta med dina frågor om räkningar och skulder.');
    await press(page, 'publish', 'published');
    expect(await page.locator('#nyhet .form-success').innerText()).toBe('Nyheten är publicerad.');
    direct.path = await publicPathOf(page);

    const post = await resident(direct.path);
    expect(await post.locator('h1').innerText()).toBe(direct.title);
    expect(await post.locator('.post-body').innerText()).toContain('Ta med dina frågor om räkningar och skulder.');
    await post.goto(`${baseUrl}/nyheter`);
    expect(await post.getByRole('link', { name: direct.title }).count()).toBe(1);
    expect(await feedTitles('/nyheter/feed.xml')).toContain(direct.title);

    await Promise.all([page.waitForURL(/[?&]klart=unpublished\b/), page.locator('#avpublicera-form').getByRole('button', { name: 'Avpublicera' }).click()]);
    expect(await page.locator('#nyhet .form-success').innerText()).toBe('Nyheten är avpublicerad.');
    expect(await page.locator('.post-editor').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Visa den publicerade nyheten' }).count()).toBe(0);

    expect((await get(direct.path)).status).toBe(404);
    await post.goto(`${baseUrl}/nyheter`);
    expect(await post.getByRole('link', { name: direct.title }).count()).toBe(0);
    expect(await feedTitles('/nyheter/feed.xml')).not.toContain(direct.title);
    expect(await feedTitles('/foreningar/reda-ekonomiradgivning/feed.xml')).not.toContain(direct.title);
  });
});

// ── 3. Moderation by the coordinator ───────────────────────────────────────────────

const REASON = 'Inlägget nämner en enskild person vid namn. Ta bort namnet, så kan det publiceras igen.';

describe('moderation (/admin/nyheter)', () => {
  it('takes a published post down with a reason the association sees, and logs it', async () => {
    // The post of the previous journey, published again.
    const member = await signedIn('medlem2@lisa.example', DESKTOP);
    await member.goto(`${baseUrl}/konto/nyheter/${direct.id}`);
    await waitForEditor(member);
    await press(member, 'publish', 'published');
    expect((await get(direct.path)).status).toBe(200);

    const page = await signedIn('samordnare@lisa.example', DESKTOP);
    await page.goto(`${baseUrl}/admin/nyheter`);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(`**/admin/nyheter/${direct.id}`), page.getByRole('link', { name: `Granska ${direct.title}` }).click()]);
    expect(await page.locator('h1').innerText()).toBe(`Granska: ${direct.title}`);
    await expectAccessible(page);

    // Too short a reason is refused, and said so in the error summary.
    await page.fill('#moderera-reason', 'Nej');
    await page.locator('#moderera').getByRole('button', { name: 'Avpublicera nyheten' }).click();
    await page.waitForSelector('#moderera .error-summary');
    expect(await page.locator('#moderera .error-summary').innerText()).toContain('Skriv ett skäl på minst 5 tecken.');
    await expectAccessible(page);
    expect((await get(direct.path)).status).toBe(200);

    await page.fill('#moderera-reason', REASON);
    await Promise.all([page.waitForURL(/[?&]klart=moderated\b/), page.locator('#moderera').getByRole('button', { name: 'Avpublicera nyheten' }).click()]);
    expect(await page.locator('.form-success').innerText()).toBe('Nyheten är avpublicerad och föreningen ser skälet.');
    expect(await page.locator('.notice--warning').innerText()).toContain(REASON);
    expect(await page.getByRole('button', { name: 'Häv modereringen' }).count()).toBe(1);
    await expectAccessible(page);
    await capture(page, 'news-moderation-1280');
    expect((await get(direct.path)).status).toBe(404);

    await page.goto(`${baseUrl}/admin/nyheter`);
    const log = page.locator('.moderation-log li', { hasText: direct.title });
    expect(await log.count()).toBe(1);
    expect(await log.innerText()).toContain(`Karin Westerlind avpublicerade ${direct.title}`);
    expect(await log.innerText()).toContain(`Skäl: ${REASON}`);

    // The association sees the reason in its list and in the editor.
    await member.goto(`${baseUrl}/konto/nyheter`);
    const row = member.locator('tr', { hasText: direct.title });
    expect(await row.locator('.post-status').innerText()).toBe('Avpublicerad');
    expect(await row.innerText()).toContain(`Avpublicerad av samordnaren: ${REASON}`);
    await member.goto(`${baseUrl}/konto/nyheter/${direct.id}`);
    await waitForEditor(member);
    expect(await member.locator('.notice--warning').innerText()).toContain(REASON);
    // “Publish now” is gone, and so is anything else that would put the post back on the site.
    expect(await member.locator('#nyhet button[name=intent][value=publish]').count()).toBe(0);
    expect(await member.locator('#nyhet button[name=intent][value=schedule]').count()).toBe(0);
    expect(await member.locator('#nyhet button[name=intent][value=submit]').count()).toBe(0);

    // A forged "publish" is refused by the server.
    await member.evaluate(() => {
      const button = document.createElement('button');
      Object.assign(button, { type: 'submit', name: 'intent', value: 'publish', id: 'forged-publish', textContent: 'Publicera' });
      document.querySelector('#nyhet .post-form__buttons')!.append(button);
    });
    await member.click('#forged-publish');
    await member.waitForSelector('#nyhet .error-summary');
    expect(await member.locator('#nyhet .error-summary').innerText()).toContain('Bara samordnaren kan släppa den för publicering igen.');
    expect((await get(direct.path)).status).toBe(404);
  }, 120_000);
});

// ── 4. Hostile content ─────────────────────────────────────────────────────────────

const HOSTILE_HTML = [
  '<p>Före <img src=x onerror="window.__xss=1;alert(1)"></p>',
  '<script>window.__xss=1;alert(1)</script>',
  '<p><a href="javascript:window.__xss=1;alert(1)">klick</a> här</p>',
  '<iframe src="javascript:window.__xss=1;alert(1)"></iframe>',
  '<p style="x" onclick="window.__xss=1" onmouseover="window.__xss=1">text efter</p>',
  '<svg><script>window.__xss=1</script></svg>',
].join('');

const hostile = {
  title: `Fika <script>window.__xss=1</script> <img src=x onerror=alert(1)> ${RUN}`,
  id: '',
  path: '',
};

/** What an element of the post body must never carry, as found in its HTML. */
function expectInertHtml(html: string): void {
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
}

/** Every link and frame of the page, from the DOM: no javascript: anywhere. */
async function expectNoScriptUrls(page: Page): Promise<void> {
  const urls = await page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], [action], [formaction]')].flatMap((el) =>
      ['href', 'src', 'action', 'formaction'].map((name) => el.getAttribute(name) ?? '').filter(Boolean),
    ),
  );
  expect(urls.filter((url) => /^\s*javascript:/i.test(url))).toEqual([]);
}

leftPublic.push({ email: 'medlem2@lisa.example', postId: () => hostile.id });

describe('hostile content never runs', () => {
  let dialogs: string[] = [];
  const watched = { viewport: DESKTOP.viewport, prepareContext: watchForScripts } satisfies OpenPageOptions;
  const watch = (page: Page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  };
  afterEach(() => {
    dialogs = [];
  });

  it('keeps HTML pasted into the editor inert, in the editor, the preview and the published post', async () => {
    const page = watch(await signedIn('medlem2@lisa.example', watched));
    hostile.id = await createPost(page, hostile.title);
    await page.click('.post-editor__content');
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Före klick här text efter');
      document.querySelector('.post-editor__content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, HOSTILE_HTML);
    await page.waitForSelector('.post-editor__content :text("text efter")');
    // Give a stray handler (an image error, a frame load) time to fire.
    await page.waitForTimeout(500);
    const editorHtml = await page.locator('.post-editor__content').innerHTML();
    expect(editorHtml).toContain('klick');
    expectInertHtml(editorHtml);
    // An image from elsewhere is not one of the association's uploads: the editor drops it rather
    // than keep something the server refuses.
    const pastedImages = page.locator('.post-editor__content img:not(.ProseMirror-separator)');
    expect(await pastedImages.count()).toBe(0);
    expect(await xssFlag(page)).toBe(0);

    await press(page, 'publish', 'published');
    expect(await page.locator('#nyhet .error-summary').count()).toBe(0);
    hostile.path = await publicPathOf(page);
    expect(await xssFlag(page)).toBe(0);

    for (const pathname of [`/konto/nyheter/${hostile.id}/forhandsgranska`, hostile.path]) {
      await page.goto(`${baseUrl}${pathname}`);
      const body = page.locator('.post-body');
      expect(await body.innerText()).toContain('klick');
      expectInertHtml(await body.innerHTML());
      await expectNoScriptUrls(page);
      await body.getByText('klick').click();
      await body.getByText('text efter').hover();
      await page.waitForTimeout(300);
      expect(page.url()).toBe(`${baseUrl}${pathname}`);
      expect(await xssFlag(page)).toBe(0);
    }
    expect(dialogs).toEqual([]);
  }, 90_000);

  it('refuses a body with a script link, a foreign image or an unknown node, and leaves the post as it was', async () => {
    const page = watch(await signedIn('medlem2@lisa.example', watched));
    const before = await (await get(hostile.path)).text();
    const bodyOf = (html: string) => /<div class="post-body">([\s\S]*?)<\/div>/.exec(html)?.[1];
    expect(bodyOf(before)).toContain('klick');

    const revisions = async () => {
      await page.goto(`${baseUrl}/konto/nyheter/${hostile.id}/versioner`);
      return page.locator('.revision-list__item').count();
    };
    const revisionsBefore = await revisions();
    await page.goto(`${baseUrl}/konto/nyheter/${hostile.id}`);
    await waitForEditor(page);
    const attempts = [
      {
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
        message: 'En länk är inte tillåten.',
      },
      {
        body: { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://evil.example/x.png', alt: 'En bild' } }] },
        message: 'En bild kommer inte från föreningens egna uppladdade bilder.',
      },
      {
        body: { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'window.__xss=1;alert(1)' }] }] },
        message: 'Texten innehåller något som inte kan sparas.',
      },
      {
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
            { type: 'image', attrs: { src: 'https://evil.example/x.png', alt: 'En bild' } },
            { type: 'script', content: [{ type: 'text', text: 'window.__xss=1' }] },
          ],
        },
        message: 'Nyheten kunde inte sparas',
      },
    ];
    for (const attempt of attempts) {
      await page.evaluate((json) => {
        (document.querySelector('#nyhet input[name=body]') as HTMLInputElement).value = json;
      }, JSON.stringify(attempt.body));
      await page.click('#nyhet button[name=intent][value=save]');
      await expect.poll(() => page.locator('#nyhet .error-summary').textContent(), { timeout: 15_000 }).toContain(attempt.message);
      expect(page.url()).not.toContain('klart=');
    }
    await expectAccessible(page);
    expect(await xssFlag(page)).toBe(0);

    // Nothing was stored: the public post and its history are as before.
    expect(bodyOf(await (await get(hostile.path)).text())).toBe(bodyOf(before));
    expect(await revisions()).toBe(revisionsBefore);
    expect(dialogs).toEqual([]);
  }, 90_000);

  it('shows a title with markup as text on the post page, in the list and in the Atom feed', async () => {
    const page = watch(await resident(hostile.path, watched));
    expect(await page.locator('h1').innerText()).toBe(hostile.title);
    expect(await page.title()).toContain('<script>');
    await page.goto(`${baseUrl}/nyheter`);
    expect(await page.getByRole('link', { name: hostile.title }).count()).toBe(1);
    await page.goto(`${baseUrl}/foreningar/reda-ekonomiradgivning`);
    expect(await page.getByRole('link', { name: hostile.title }).count()).toBe(1);
    await page.goto(`${baseUrl}/sok?q=fika`);
    expect(await xssFlag(page)).toBe(0);
    expect(dialogs).toEqual([]);

    for (const feed of ['/nyheter/feed.xml', '/foreningar/reda-ekonomiradgivning/feed.xml']) {
      const entry = (await atomEntries(feed)).find((e) => String(e.title) === hostile.title);
      expect(entry, feed).toBeDefined();
      expectInertHtml(entry!.content?.['#text'] ?? '');
    }
  });
});

// ── The news list ──────────────────────────────────────────────────────────────────

describe('the news list (/nyheter)', () => {
  it('filters by association and topic with a plain form, and pages on', async () => {
    const page = await resident('/nyheter', DESKTOP);
    await page.selectOption('#filter-forening', LINNEAN);
    await Promise.all([page.waitForURL(/[?&]forening=kvinnojouren-linnean/), page.getByRole('button', { name: 'Visa', exact: true }).click()]);
    const metas = await page.locator('.post-card .card__meta').allInnerTexts();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((meta) => meta.startsWith('Kvinnojouren Linnéan ·'))).toBe(true);
    expect(await page.locator('main [role=status]').innerText()).toBe(metas.length === 1 ? '1 nyhet' : `${metas.length} nyheter`);
    // The choice stays selected on the filtered page.
    expect(await page.inputValue('#filter-forening')).toBe(LINNEAN);

    await page.selectOption('#filter-amne', 'volontarer');
    await Promise.all([page.waitForURL(/[?&]amne=volontarer/), page.getByRole('button', { name: 'Visa', exact: true }).click()]);
    expect(await page.getByRole('link', { name: 'Vi söker fler jourkvinnor – välkommen på informationskväll' }).count()).toBe(1);

    await page.goto(`${baseUrl}/nyheter`);
    const firstPage = await page.locator('.post-card h2').allInnerTexts();
    expect(firstPage).toHaveLength(10);
    await Promise.all([page.waitForURL(/[?&]sida=2/), page.getByRole('link', { name: 'Nästa sida' }).click()]);
    await page.locator('.pagination', { hasText: 'Sida 2 av' }).waitFor({ timeout: 10_000 });
    const secondPage = await page.locator('.post-card h2').allInnerTexts();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);
  });
});

// ── 5. Accessibility ───────────────────────────────────────────────────────────────

describe('accessibility of the news pages', () => {
  it('has no axe violations in the member’s editor, preview and revisions', async () => {
    const page = await signedIn('medlem@lisa.example', DESKTOP);
    await page.goto(`${baseUrl}/konto/nyheter`);
    await expectAccessible(page);
    const id = await createPost(page, `Språkcafé på lördag ${RUN}`);
    await typeAtEnd(page, 'Välkommen att öva svenska över en kopp kaffe.');
    await press(page, 'save', 'saved');
    await expectAccessible(page);

    await tool(page, 'Länk').click();
    await page.waitForSelector('#nyhet-body-link:focus');
    await expectAccessible(page);
    await page.locator('.post-editor__panel').getByRole('button', { name: 'Avbryt' }).click();
    await tool(page, 'Bild').click();
    await page.waitForSelector('#nyhet-body-image-alt');
    // The panel's own message when the description is missing.
    await page.getByRole('button', { name: 'Ladda upp och lägg in' }).click();
    expect(await page.locator('.post-editor [role=alert]').innerText()).toBe('Skriv en beskrivning av bilden först.');
    await expectAccessible(page);

    // A field error in the form.
    await page.fill('#nyhet-title', '');
    await page.click('#nyhet button[name=intent][value=save]');
    await page.waitForSelector('#nyhet-title[aria-invalid=true]');
    await expectAccessible(page);

    await page.goto(`${baseUrl}/konto/nyheter/${id}/forhandsgranska`);
    await expectAccessible(page);
    await page.goto(`${baseUrl}/konto/nyheter/${id}/versioner`);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\?version=/), page.locator('.revision-list__item').last().getByRole('link').click()]);
    await expectAccessible(page);
  }, 90_000);

  it('has no axe violations on the public news pages, with and without scripts, and in Arabic', async () => {
    const post = '/nyheter/linnean-soker-fler-jourkvinnor';
    for (const pathname of ['/nyheter', post, '/kalender', `/foreningar/${LINNEAN}`, `/nyheter?forening=${LINNEAN}&amne=volontarer`]) {
      const page = await resident(pathname);
      expect(await page.locator('h1').count(), pathname).toBe(1);
      await expectAccessible(page);
    }
    await expectNoAxeViolationsWithoutScripts(browser(), `${baseUrl}/nyheter`);
    await expectNoAxeViolationsWithoutScripts(browser(), `${baseUrl}${post}`);
  }, 90_000);

  it('has the news pages in Arabic, right to left, with every text translated', async () => {
    const post = '/nyheter/linnean-soker-fler-jourkvinnor';

    const arabic = await resident('/ar/nyheter');
    expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await arabic.locator('html').getAttribute('lang')).toBe('ar');
    await expectAccessible(arabic);
    // A message missing in Arabic shows as its key ("News.feed").
    const missing: string[] = [];
    for (const pathname of ['/ar/nyheter', '/ar/kalender', `/ar${post}`, '/ar']) {
      await arabic.goto(`${baseUrl}${pathname}`);
      const keys = (await arabic.locator('body').innerText()).match(/\b(News|NewsEditor|AdminNews|Home)\.[a-zA-Z.]+/g) ?? [];
      missing.push(...keys.map((key) => `${pathname}: ${key}`));
    }
    expect([...new Set(missing)]).toEqual([]);
  }, 60_000);

  it('has no axe violations in the coordinator’s moderation list and review page', async () => {
    const page = await signedIn('samordnare@lisa.example', DESKTOP);
    await page.goto(`${baseUrl}/admin/nyheter`);
    await expectAccessible(page);
    await Promise.all([page.waitForURL(/\/admin\/nyheter\/[a-z0-9]+$/), page.locator('.admin-table a').first().click()]);
    await expectAccessible(page);
  });
});

// ── 6. Revision history ────────────────────────────────────────────────────────────

describe('revision history', () => {
  it('lists each save, and restoring the first brings its title back', async () => {
    const page = await signedIn('medlem@lisa.example', DESKTOP);
    const first = `Stickcafé på onsdagar ${RUN}`;
    const second = `Stickcafé flyttar till torsdagar ${RUN}`;
    const id = await createPost(page, first);
    await typeAtEnd(page, 'Vi stickar och pratar.');
    await press(page, 'save', 'saved');
    await page.fill('#nyhet-title', second);
    await press(page, 'save', 'saved');
    expect(await page.locator('h1').innerText()).toBe(`Redigera: ${second}`);

    await Promise.all([page.waitForURL(`**/konto/nyheter/${id}/versioner`), page.getByRole('link', { name: 'Versionshistorik' }).click()]);
    const items = page.locator('.revision-list__item');
    const lines = await items.locator('p').allInnerTexts();
    // The draft as created, then the two saves, newest first.
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.includes('· Sparad ·') && line.endsWith('av Amira Haddad'))).toBe(true);
    expect(lines.map((line) => /^Version (\d+)/.exec(line)?.[1])).toEqual(['3', '2', '1']);

    const shownTitle = async (index: number) => {
      await Promise.all([page.waitForURL(/\?version=/), items.nth(index).getByRole('link').click()]);
      const heading = page.locator('#vald-version', { hasText: `Version ${3 - index} av` });
      await heading.waitFor({ timeout: 10_000 });
      return heading.innerText();
    };
    expect(await shownTitle(0)).toBe(`Version 3 av ${second}`);
    expect(await shownTitle(1)).toBe(`Version 2 av ${first}`);
    // The newest is the post as it is: nothing to restore there.
    expect(await items.nth(0).getByRole('button', { name: 'Återställ den här versionen' }).count()).toBe(0);

    await Promise.all([page.waitForURL(/[?&]klart=restored\b/), items.nth(1).getByRole('button', { name: 'Återställ den här versionen' }).click()]);
    await waitForEditor(page);
    expect(await page.locator('#nyhet .form-success').innerText()).toBe('Den valda versionen är återställd.');
    expect(await page.inputValue('#nyhet-title')).toBe(first);
    expect(await page.locator('h1').innerText()).toBe(`Redigera: ${first}`);
    expect(await page.locator('.post-editor__content').innerText()).toContain('Vi stickar och pratar.');
    await page.goto(`${baseUrl}/konto/nyheter/${id}/versioner`);
    expect(await page.locator('.revision-list__item p').first().innerText()).toMatch(/^Version 4 · Återställd ·/);
  });
});

// ── 1, continued: the worker publishes the scheduled post ──────────────────────────

describe('the scheduled post', () => {
  let postPath = '';

  it('is published by the worker at its time, without anyone pressing a button', async () => {
    expect(scheduled.scheduledAt, 'the post was scheduled earlier in this file').toBeGreaterThan(0);
    const page = await resident('/nyheter');
    await expect
      .poll(
        async () => {
          await page.goto(`${baseUrl}/nyheter?forening=${LINNEAN}`);
          return page.getByRole('link', { name: scheduled.title }).count();
        },
        { timeout: Math.max(10_000, scheduled.publishAt.getTime() - Date.now() + 30_000), interval: 2_000 },
      )
      .toBe(1);
    postPath = (await page.getByRole('link', { name: scheduled.title }).getAttribute('href'))!;
    expect(postPath).toMatch(/^\/nyheter\/[a-z0-9-]+$/);
    // Published at the minute it was scheduled for...
    await page.goto(`${baseUrl}${postPath}`);
    expect(await page.locator('.post-article__meta time').getAttribute('datetime')).toBe(scheduled.publishAt.toISOString());
    // ...by the worker: the newest version is a publication with nobody's name on it.
    const admin = await signedIn('foreningsadmin@lisa.example');
    await admin.goto(`${baseUrl}/konto/nyheter`);
    const row = admin.locator('tr', { hasText: scheduled.title });
    expect(await row.locator('.post-status').innerText()).toBe('Publicerad');
    await Promise.all([admin.waitForURL(/\/konto\/nyheter\/[a-z0-9]+$/), row.getByRole('link', { name: scheduled.title }).click()]);
    await Promise.all([admin.waitForURL(/\/versioner$/), admin.getByRole('link', { name: 'Versionshistorik' }).click()]);
    const newest = await admin.locator('.revision-list__item p').first().innerText();
    expect(newest).toMatch(/^Version \d+ · Publicerad · /);
    expect(newest).not.toContain(' av ');
  }, 180_000);

  it('shows on the front page, the news list, the association’s page and in search', async () => {
    expect(postPath).not.toBe('');
    const page = await resident('/', DESKTOP);
    expect(await page.locator('#news-heading + ul').getByRole('link', { name: scheduled.title }).count()).toBe(1);
    expect(await page.locator('#events-heading + ul').getByRole('link', { name: scheduled.title }).count()).toBe(1);

    await page.goto(`${baseUrl}/foreningar/${LINNEAN}`);
    expect(await page.getByRole('link', { name: scheduled.title }).count()).toBeGreaterThanOrEqual(1);

    await page.goto(`${baseUrl}/sok?q=${scheduled.word}`);
    expect(await page.locator('.search-news').getByRole('link', { name: scheduled.title }).count()).toBe(1);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/nyheter`);
    const card = page.locator('.post-card', { hasText: scheduled.title });
    expect(await card.innerText()).toContain('Kvinnojouren Linnéan');
    expect(await card.innerText()).toContain('Evenemang');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await capture(page, 'news-list-390');
  });

  it('has its own page with the event, the formatting and the image without its EXIF', async () => {
    const page = await resident(postPath, DESKTOP);
    expect(await page.locator('h1').innerText()).toBe(scheduled.title);
    expect(await page.locator('.post-article__meta').innerText()).toContain('Kvinnojouren Linnéan');
    const body = page.locator('.post-body');
    expect(await body.locator('h2').innerText()).toBe('Så går dagen till');
    expect(await body.locator('strong').innerText()).toBe('egna frön');
    expect(await body.locator('ul li').allInnerTexts()).toEqual(['Frön i påsar', 'Sticklingar i krukor']);
    expect(await body.getByRole('link', { name: 'Odlingsnätet' }).getAttribute('href')).toBe('https://example.org');

    const event = page.locator('.post-event');
    expect(await event.locator('time').first().getAttribute('datetime')).toBe(scheduled.event.instant.toISOString());
    expect(await event.innerText()).toContain('18:00');
    expect(await event.innerText()).toContain(scheduled.place);
    expect(await event.getByRole('link', { name: 'Anmäl dig' }).getAttribute('href')).toBe(scheduled.signup);

    const image = body.getByRole('img', { name: scheduled.alt });
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    const src = (await image.getAttribute('src'))!;
    expect(src).toMatch(/^\/media\/[a-z0-9]+\/w\d+\.(jpg|png|webp)$/);
    const served = await get(src);
    expect(served.status).toBe(200);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-type')).toMatch(/^image\/(jpeg|png|webp)$/);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.includes('hemlig-fotograf')).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect((await sharp(bytes).metadata()).width).toBeLessThanOrEqual(1600);

    await capture(page, 'news-post-1280');
    await expectAccessible(page);
  });

  it('is an entry in the Atom feeds and an event in the calendar and its iCalendar file', async () => {
    for (const feed of ['/nyheter/feed.xml', `/foreningar/${LINNEAN}/feed.xml`]) {
      const entry = (await atomEntries(feed)).find((e) => String(e.title) === scheduled.title);
      expect(entry, feed).toBeDefined();
      expect(entry!.link.some((l) => l.href.endsWith(postPath))).toBe(true);
      expect(entry!.content?.['#text']).toContain(scheduled.word);
    }

    const page = await resident('/kalender', DESKTOP);
    const card = page.locator('.card--event', { hasText: scheduled.title });
    expect(await card.count()).toBe(1);
    expect(await card.locator('time').getAttribute('datetime')).toBe(scheduled.event.instant.toISOString());
    expect(await card.innerText()).toContain(scheduled.place);
    await capture(page, 'news-calendar-1280');

    const response = await get('/kalender.ics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const event = calendar.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('summary') === scheduled.title);
    expect(event).toBeDefined();
    expect((event!.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(scheduled.event.instant.getTime());
    expect(event!.getFirstPropertyValue('location')).toBe(scheduled.place);
    expect(String(event!.getFirstPropertyValue('url'))).toMatch(new RegExp(`${postPath}$`));
  });
});
