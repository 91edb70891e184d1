/**
 * The unmet-needs report on hand-made weekly search statistics: grouping per query, zero
 * against few results, the trend, the period and text filters, paging, the workshop issue a
 * query became, the CSV route (called directly, with the session mocked) and the action.
 * The weeks are counted back from the real week, because the route reads the clock itself.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportCsv } from '@/app/[locale]/admin/behov/export/route';
import type { Actor } from '@/lib/authz/actor';
import { draftIssueFromUnmetNeedAction } from '@/lib/directory/unmet-needs-actions';
import { loadUnmetNeeds, loadUnmetNeedsForExport, UNMET_PER_PAGE, type UnmetNeedsReport } from '@/lib/directory/unmet-needs';
import { weekStartOf } from '@/lib/search/stats';
import { CSV_BOM } from '@/lib/workshop/metrics-csv';
import { draftIssueFromSearchGap } from '@/lib/workshop/search-gaps';
import sv from '@/messages/sv.json';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';
import { parseCsv } from '../unit/workshop-metrics-fixture';

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));

/** Next's redirect throws to end the action; here it throws something the test can read. */
const Redirected = vi.hoisted(
  () =>
    class Redirected extends Error {
      constructor(readonly url: string) {
        super(`redirect ${url}`);
      }
    },
);
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));
vi.mock('@/i18n/navigation', () => ({
  getPathname: ({ href, locale }: { href: string; locale: string }) => (locale === 'sv' ? href : `/${locale}${href}`),
}));

const db = useTestDatabase();

const NOW = new Date();
const THIS_WEEK = weekStartOf(NOW).getTime();
const week = (weeksAgo: number) => new Date(THIS_WEEK - weeksAgo * 7 * 86_400_000);
const dateOf = (weeksAgo: number) => week(weeksAgo).toISOString().slice(0, 10);

const actors = {} as Record<'coordinator' | 'admin' | 'member' | 'official' | 'anonymous', Actor>;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { organizationId: true, role: true } } } });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toMatchObject({ code });
  return error as { fieldErrors?: Record<string, string[]> };
}

const byQuery = (report: UnmetNeedsReport) => report.rows.map((r) => [r.query, r.unmet]);

/** A 12-week series with the given weeks-ago set, oldest first. */
const series12 = (values: Record<number, number>) => Array.from({ length: 12 }, (_, i) => values[11 - i] ?? 0);

beforeAll(async () => {
  await seedDatabase(db.prisma);
  actors.coordinator = await actorFor('samordnare@lisa.example');
  actors.admin = await actorFor('foreningsadmin@lisa.example');
  actors.member = await actorFor('medlem@lisa.example');
  actors.official = await actorFor('tjansteperson.region@lisa.example');
  actors.anonymous = { kind: 'anonymous' };
  const stat = (weeksAgo: number, normalizedQuery: string, searchCount: number, zeroResultCount: number, lowResultCount: number, lastResultCount: number) => ({
    weekStart: week(weeksAgo),
    normalizedQuery,
    searchCount,
    zeroResultCount,
    lowResultCount,
    lastResultCount,
  });
  await db.prisma.searchStat.createMany({
    data: [
      // Rising: 4 before the middle of 12 weeks, 13 after.
      stat(0, 'spelberoende ungdomar', 7, 6, 0, 0),
      stat(1, 'spelberoende ungdomar', 5, 5, 0, 0),
      stat(2, 'spelberoende ungdomar', 3, 1, 1, 2),
      stat(8, 'spelberoende ungdomar', 4, 4, 0, 0),
      // Few results only: 2 before, 3 after, steady; never zero, so no draft can be made.
      stat(1, 'tandvård utan pengar', 4, 0, 3, 2),
      stat(10, 'tandvård utan pengar', 2, 0, 2, 1),
      // Falling: 8 before, 1 after.
      stat(9, 'hyresskuld hjälp', 5, 5, 0, 0),
      stat(7, 'hyresskuld hjälp', 3, 3, 0, 0),
      stat(2, 'hyresskuld hjälp', 6, 1, 0, 5),
      // Zero results only outside the draft's 8-week window.
      stat(10, 'barnvakt natt', 3, 3, 0, 0),
      // New this half.
      stat(0, 'ensam pappa', 2, 2, 0, 0),
      // Always found something: never in the report, but counted among all searches of its week.
      stat(0, 'stödsamtal', 30, 0, 0, 12),
      // Outside 12 weeks, inside 26.
      stat(20, 'gammal sökning', 40, 40, 0, 0),
    ],
  });
});

describe('loadUnmetNeeds', () => {
  it('refuses everyone but the coordinator', async () => {
    await expectCode(loadUnmetNeeds(actors.anonymous, { now: NOW }), 'UNAUTHENTICATED');
    for (const who of ['admin', 'member', 'official'] as const) await expectCode(loadUnmetNeeds(actors[who], { now: NOW }), 'FORBIDDEN');
    await expectCode(loadUnmetNeedsForExport(actors.member, { now: NOW }), 'FORBIDDEN');
  });

  it('groups the weeks per query, most unmet searches first, with counts, share and latest result count', async () => {
    const report = await loadUnmetNeeds(actors.coordinator, { now: NOW });
    expect(report.filter).toEqual({ weeks: 12, kind: 'both', q: '', page: 1 });
    expect(report.weeks).toHaveLength(12);
    expect(report.weeks[11]!.start).toBe(dateOf(0));
    expect(report.weeks[0]!.start).toBe(dateOf(11));
    expect(byQuery(report)).toEqual([
      ['spelberoende ungdomar', 17],
      ['hyresskuld hjälp', 9],
      ['tandvård utan pengar', 5],
      ['barnvakt natt', 3],
      ['ensam pappa', 2],
    ]);
    expect(report.total).toBe(5);
    expect(report.pages).toBe(1);
    const spel = report.rows[0]!;
    expect(spel).toMatchObject({ searches: 19, zeroResults: 16, fewResults: 1, zeroPercent: 84.2, lastResultCount: 0, issueNumber: null, canDraft: true });
    expect(spel.series).toEqual(series12({ 0: 6, 1: 5, 2: 2, 8: 4 }));
    const rent = report.rows[1]!;
    // The latest week of the period is two weeks ago, when the last search found 5.
    expect(rent).toMatchObject({ searches: 14, zeroPercent: 64.3, lastResultCount: 5 });
  });

  it('tells zero results from few results', async () => {
    const zero = await loadUnmetNeeds(actors.coordinator, { kind: 'zero', now: NOW });
    expect(byQuery(zero)).toEqual([
      ['spelberoende ungdomar', 16],
      ['hyresskuld hjälp', 9],
      ['barnvakt natt', 3],
      ['ensam pappa', 2],
    ]);
    const few = await loadUnmetNeeds(actors.coordinator, { kind: 'few', now: NOW });
    expect(byQuery(few)).toEqual([
      ['tandvård utan pengar', 5],
      ['spelberoende ungdomar', 1],
    ]);
    expect(few.rows[1]!.series).toEqual(series12({ 2: 1 }));
  });

  it('classifies the trend by comparing the halves of the period', async () => {
    const report = await loadUnmetNeeds(actors.coordinator, { now: NOW });
    const trends = Object.fromEntries(report.rows.map((r) => [r.query, r.trend]));
    expect(trends['spelberoende ungdomar']).toEqual({ direction: 'rising', before: 4, after: 13 });
    expect(trends['hyresskuld hjälp']).toEqual({ direction: 'falling', before: 8, after: 1 });
    expect(trends['tandvård utan pengar']).toEqual({ direction: 'steady', before: 2, after: 3 });
    expect(trends['ensam pappa']).toEqual({ direction: 'new', before: 0, after: 2 });
  });

  it('narrows to the period', async () => {
    const four = await loadUnmetNeeds(actors.coordinator, { weeks: '4', now: NOW });
    expect(four.weeks.map((w) => w.start)).toEqual([dateOf(3), dateOf(2), dateOf(1), dateOf(0)]);
    expect(byQuery(four)).toEqual([
      ['spelberoende ungdomar', 13],
      ['tandvård utan pengar', 3],
      ['ensam pappa', 2],
      ['hyresskuld hjälp', 1],
    ]);
    expect(four.rows[0]!.series).toEqual([0, 2, 5, 6]);
    const half = await loadUnmetNeeds(actors.coordinator, { weeks: 26, now: NOW });
    expect(byQuery(half)[0]).toEqual(['gammal sökning', 40]);
  });

  it('filters by text, normalised like the stored queries', async () => {
    expect(byQuery(await loadUnmetNeeds(actors.coordinator, { q: '  SPEL! ', now: NOW }))).toEqual([['spelberoende ungdomar', 17]]);
    expect(byQuery(await loadUnmetNeeds(actors.coordinator, { q: 'Skuld, hjälp', now: NOW }))).toEqual([['hyresskuld hjälp', 9]]);
    expect(byQuery(await loadUnmetNeeds(actors.coordinator, { q: 'saknas helt', now: NOW }))).toEqual([]);
    // Nothing left to match after normalising (no letters or digits): no filter at all.
    expect((await loadUnmetNeeds(actors.coordinator, { q: '%_', now: NOW })).total).toBe(5);
  });

  it('sums every search of each week for the overall chart, under the same filters', async () => {
    const report = await loadUnmetNeeds(actors.coordinator, { now: NOW });
    const last = report.totals[11]!;
    // 7 + 2 + 30 searches this week; 6 + 2 of them found nothing.
    expect(last).toMatchObject({ start: dateOf(0), searches: 39, zeroResults: 8, fewResults: 0, unmet: 8 });
    expect(report.totals.map((t) => t.unmet)).toEqual(series12({ 0: 8, 1: 8, 2: 3, 7: 3, 8: 4, 9: 5, 10: 5 }));
    const few = await loadUnmetNeeds(actors.coordinator, { kind: 'few', q: 'tandvård', now: NOW });
    expect(few.totals.map((t) => t.unmet)).toEqual(series12({ 1: 3, 10: 2 }));
    expect(few.totals[10]!.searches).toBe(4);
  });

  it('refuses a selection it cannot read, per field', async () => {
    const error = await expectCode(loadUnmetNeeds(actors.coordinator, { weeks: '5', kind: 'alla', q: 'x'.repeat(101), page: '0', now: NOW }), 'INVALID_INPUT');
    expect(error.fieldErrors).toEqual({ weeks: ['period'], kind: ['kind'], q: ['tooLong'], page: ['page'] });
    await expectCode(loadUnmetNeeds(actors.coordinator, { weeks: ['12', '4'], now: NOW }), 'INVALID_INPUT');
  });

  it('shows the workshop issue a query was drafted into, and which queries can become one', async () => {
    const before = await loadUnmetNeeds(actors.coordinator, { now: NOW });
    const canDraft = Object.fromEntries(before.rows.map((r) => [r.query, r.canDraft]));
    expect(canDraft).toMatchObject({ 'spelberoende ungdomar': true, 'hyresskuld hjälp': true, 'tandvård utan pengar': false, 'barnvakt natt': false });
    await expectCode(draftIssueFromSearchGap(actors.coordinator, 'tandvård utan pengar', NOW), 'NOT_FOUND');
    const { number } = await draftIssueFromSearchGap(actors.coordinator, 'hyresskuld hjälp', NOW);
    const after = await loadUnmetNeeds(actors.coordinator, { now: NOW });
    expect(after.rows.find((r) => r.query === 'hyresskuld hjälp')!.issueNumber).toBe(number);
    expect(after.rows.filter((r) => r.issueNumber !== null)).toHaveLength(1);
  });

  it('pages through many queries', async () => {
    await db.prisma.searchStat.createMany({
      data: Array.from({ length: UNMET_PER_PAGE + 2 }, (_, i) => ({
        weekStart: week(1),
        normalizedQuery: `sidtest ${String(i).padStart(2, '0')}`,
        searchCount: 100 - i,
        zeroResultCount: 100 - i,
      })),
    });
    const first = await loadUnmetNeeds(actors.coordinator, { q: 'sidtest', now: NOW });
    expect(first.total).toBe(UNMET_PER_PAGE + 2);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(UNMET_PER_PAGE);
    const second = await loadUnmetNeeds(actors.coordinator, { q: 'sidtest', page: '2', now: NOW });
    expect(byQuery(second)).toEqual([
      [`sidtest ${UNMET_PER_PAGE}`, 100 - UNMET_PER_PAGE],
      [`sidtest ${UNMET_PER_PAGE + 1}`, 99 - UNMET_PER_PAGE],
    ]);
    const beyond = await loadUnmetNeeds(actors.coordinator, { q: 'sidtest', page: '9', now: NOW });
    expect(beyond).toMatchObject({ rows: [], total: UNMET_PER_PAGE + 2, pages: 2 });
    expect((await loadUnmetNeedsForExport(actors.coordinator, { q: 'sidtest', page: '2', now: NOW })).rows).toHaveLength(UNMET_PER_PAGE + 2);
  });
});

describe('GET /admin/behov/export', () => {
  const call = (query: string, locale = 'sv') => exportCsv(new Request(`http://portal.test/admin/behov/export${query}`), { params: Promise.resolve({ locale }) });

  it('answers 401 signed out and 403 to anyone but the coordinator', async () => {
    session.actor = actors.anonymous;
    expect((await call('')).status).toBe(401);
    for (const who of ['admin', 'member', 'official'] as const) {
      session.actor = actors[who];
      const response = await call('');
      expect(response.status).toBe(403);
      expect(await response.text()).toBe(`${sv.UnmetNeeds.csvErrors.forbidden}\n`);
    }
  });

  it('answers 422 for a selection it cannot read', async () => {
    session.actor = actors.coordinator;
    expect((await call('?veckor=7')).status).toBe(422);
  });

  it('gives the selection as a CSV for Swedish Excel, one row per query and one column per week', async () => {
    session.actor = actors.coordinator;
    const response = await call('?veckor=4&q=spel');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="ouppfyllda-behov-4v-${dateOf(0)}.csv"`);
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(body.startsWith(CSV_BOM)).toBe(true);
    expect(body.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(body.slice(1));
    const columns = sv.UnmetNeeds.csv.columns;
    const weekHeading = (weeksAgo: number) => {
      const monday = week(weeksAgo);
      const thursday = new Date(monday.getTime() + 3 * 86_400_000);
      const year = thursday.getUTCFullYear();
      const number = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
      return `${year} v${String(number).padStart(2, '0')}`;
    };
    expect(rows).toEqual([
      [
        columns.query,
        columns.searches,
        columns.unmet,
        columns.zeroResults,
        columns.fewResults,
        columns.zeroPercent,
        columns.lastResultCount,
        columns.trend,
        columns.before,
        columns.after,
        columns.issue,
        weekHeading(3),
        weekHeading(2),
        weekHeading(1),
        weekHeading(0),
      ],
      ['spelberoende ungdomar', '15', '13', '12', '1', '80', '0', 'Ökar', '2', '11', '', '0', '2', '5', '6'],
    ]);
    // Semicolons and a decimal comma, as Swedish Excel reads them.
    expect(body.split('\r\n')[1]).toBe('spelberoende ungdomar;15;13;12;1;80;0;Ökar;2;11;;0;2;5;6');
    const all = parseCsv((await (await call('')).text()).replace(CSV_BOM, ''));
    const rent = all.find((row) => row[0] === 'hyresskuld hjälp')!;
    expect(rent[5]).toBe('64,3');
    expect(rent[10]).toMatch(/^\d+$/);
  });

  it('speaks the language of the address', async () => {
    session.actor = actors.coordinator;
    const body = await (await call('?q=ensam', 'en')).text();
    expect(body.split('\r\n')[1]).toMatch(/^ensam pappa;2;2;2;0;100;0;New;0;2;;/);
  });
});

describe('draftIssueFromUnmetNeedAction', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };
  const redirectOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Redirected);
    return (error as InstanceType<typeof Redirected>).url;
  };

  it('drafts the issue and returns to the report with the same selection, where the row links to it', async () => {
    session.actor = actors.coordinator;
    const url = await redirectOf(draftIssueFromUnmetNeedAction(form({ query: 'spelberoende ungdomar', locale: 'en', veckor: '26', typ: 'zero', q: 'spel', sida: '1' })));
    const number = (await loadUnmetNeeds(actors.coordinator, { q: 'spel', now: NOW })).rows[0]!.issueNumber;
    expect(number).not.toBeNull();
    expect(url).toBe(`/en/admin/behov?veckor=26&typ=zero&q=spel&klart=${number}#resultat`);
    // Once per query: the same step again gives the same issue.
    expect(await redirectOf(draftIssueFromUnmetNeedAction(form({ query: 'spelberoende ungdomar' })))).toBe(`/admin/behov?klart=${number}#resultat`);
  });

  it('refuses anyone but the coordinator and writes nothing', async () => {
    const issues = await db.prisma.workshopIssue.count();
    session.actor = actors.admin;
    expect(await redirectOf(draftIssueFromUnmetNeedAction(form({ query: 'ensam pappa', veckor: 'x' })))).toBe('/admin/behov?fel=forbidden#resultat');
    session.actor = actors.coordinator;
    expect(await redirectOf(draftIssueFromUnmetNeedAction(form({ query: 'tandvård utan pengar', typ: 'few' })))).toBe('/admin/behov?typ=few&fel=notFound#resultat');
    expect(await db.prisma.workshopIssue.count()).toBe(issues);
  });
});
