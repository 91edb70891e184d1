/**
 * The unmet-needs report's parts rendered to HTML as the server sends them (no browser): the
 * trend in words with an arrow, the sparkline's text, the workshop step per row, the weekly
 * chart with its text alternative and table, the filter form's errors, and Arabic mirroring.
 */
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { UnmetNeedsFilter } from '@/components/directory/unmet-needs/unmet-needs-filter';
import { UnmetNeedsTable } from '@/components/directory/unmet-needs/unmet-needs-table';
import { WeeklyChart } from '@/components/directory/unmet-needs/weekly-chart';
import type { AppLocale } from '@/i18n/routing';
import type { UnmetNeedRow } from '@/lib/directory/unmet-needs';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

vi.mock('@/i18n/navigation', () => ({
  Link: ({ href, children, ...rest }: { href: unknown; children: unknown }) =>
    createElement('a', { ...rest, href: typeof href === 'string' ? href : JSON.stringify(href) }, children as string),
}));
// The server action needs Next's request context; the form only needs something to post to.
vi.mock('@/lib/directory/unmet-needs-actions', () => ({ draftIssueFromUnmetNeedAction: '/draft-action' }));

const MESSAGES = { sv, en, ar };

function render(locale: AppLocale, element: ReactElement): string {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: 'Europe/Stockholm', children: element }));
}

const row = (overrides: Partial<UnmetNeedRow>): UnmetNeedRow => ({
  query: 'spelberoende ungdomar',
  searches: 19,
  zeroResults: 16,
  fewResults: 1,
  unmet: 17,
  zeroPercent: 84.2,
  lastResultCount: 0,
  series: [0, 4, 0, 2, 5, 6],
  trend: { direction: 'rising', before: 4, after: 13 },
  issueNumber: null,
  canDraft: true,
  ...overrides,
});

const ROWS = [
  row({}),
  row({ query: 'hyresskuld hjälp', unmet: 9, trend: { direction: 'falling', before: 8, after: 1 }, issueNumber: 42 }),
  row({ query: 'tandvård utan pengar', unmet: 5, zeroResults: 0, zeroPercent: 0, trend: { direction: 'steady', before: 2, after: 3 }, canDraft: false }),
];
const FILTER = { weeks: 26, kind: 'both', q: 'spel', page: 2 } as const;

describe('UnmetNeedsTable', () => {
  const html = render('sv', createElement(UnmetNeedsTable, { rows: ROWS, filter: FILTER, caption: 'Sökningar', locale: 'sv', dir: 'ltr' }));

  it('writes the trend in words with the figures of both halves, the arrow only beside them', () => {
    expect(html).toContain('Ökar (4 → 13)');
    expect(html).toContain('Minskar (8 → 1)');
    expect(html).toContain('Oförändrad (2 → 3)');
    const icons = [...html.matchAll(/<svg class="trend-icon trend-icon--(\w+)"[^>]*>/g)];
    expect(icons.map((m) => m[1])).toEqual(['rising', 'falling', 'steady']);
    for (const icon of icons) expect(icon[0]).toContain('aria-hidden="true"');
  });

  it('gives each sparkline its figures as text', () => {
    expect(html).toContain('<span class="visually-hidden">Per vecka: lägst 0, högst 6, senaste veckan 6.</span>');
    expect(html).toMatch(/<svg class="sparkline__svg"[^>]*aria-hidden="true"/);
  });

  it('offers the workshop step with the selection to come back to, links a drafted query, and says why a query cannot be drafted', () => {
    const forms = [...html.matchAll(/<form[^>]*>(.*?)<\/form>/g)];
    expect(forms).toHaveLength(1);
    const form = forms[0]![1]!;
    for (const [name, value] of [['query', 'spelberoende ungdomar'], ['locale', 'sv'], ['veckor', '26'], ['typ', 'both'], ['q', 'spel'], ['sida', '2']]) {
      expect(form).toContain(`name="${name}" value="${value}"`);
    }
    expect(form).toContain('Gör till verkstadsärende<span class="visually-hidden">: spelberoende ungdomar</span>');
    expect(html).toContain('<a href="/verkstad/42">Ärende 42</a>');
    expect(html).toContain('Ingen sökning utan träff de senaste 8 veckorna');
  });

  it('shows shares with a decimal comma in Swedish and scopes its headers', () => {
    expect(html).toContain('84,2 %');
    expect(html).toContain('<th scope="row" class="unmet-needs-table__query">spelberoende ungdomar</th>');
    expect(html.match(/<th scope="col">/g)).toHaveLength(10);
  });
});

describe('WeeklyChart', () => {
  const props = (dir: 'ltr' | 'rtl') => ({
    id: 'diagram',
    title: 'Sökningar per vecka',
    description: 'Flest, 6, under v. 49 2026.',
    columns: [
      { label: 'v. 47', value: 2 },
      { label: 'v. 48', value: 0 },
      { label: 'v. 49', value: 6 },
    ],
    dir,
    table: { summary: 'Visa som tabell', caption: 'Per vecka', headings: ['Vecka', 'Antal'], rows: [{ label: 'v. 47 2026', cells: ['2'] }] },
  });

  it('is labelled by its title and description and followed by a table', () => {
    const html = render('sv', createElement(WeeklyChart, props('ltr')));
    expect(html).toContain('role="img" aria-labelledby="diagram-title diagram-desc"');
    expect(html).toContain('<title id="diagram-title">Sökningar per vecka</title>');
    expect(html).toContain('<desc id="diagram-desc">Flest, 6, under v. 49 2026.</desc>');
    expect(html).toContain('<caption id="diagram-caption">Per vecka</caption>');
    expect(html).toContain('<th scope="row">v. 47 2026</th><td>2</td>');
    // No column for an empty week; the highest reaches the top of the plot.
    expect(html.match(/class="weekly-chart__bar"/g)).toHaveLength(2);
    expect(html).toMatch(/<rect x="[\d.]+" y="20" width="[\d.]+" height="160" class="weekly-chart__bar"/);
  });

  it('puts the oldest week at the right edge in a right-to-left language', () => {
    const xOfFirst = (html: string) => Number(/<rect x="([\d.]+)"/.exec(html)![1]);
    expect(xOfFirst(render('sv', createElement(WeeklyChart, props('ltr'))))).toBeLessThan(320);
    expect(xOfFirst(render('ar', createElement(WeeklyChart, props('rtl'))))).toBeGreaterThan(320);
  });
});

describe('UnmetNeedsFilter', () => {
  it('keeps a refused selection, lists what to fix and links each error to its field', () => {
    const html = render(
      'sv',
      createElement(UnmetNeedsFilter, { action: '/admin/behov', values: { weeks: '5', kind: 'both', q: '' }, fieldErrors: { weeks: 'period' }, isFiltered: true, maxLength: 100 }),
    );
    expect(html).toContain('<a href="#urval-veckor">Period: Välj en av perioderna i listan.</a>');
    expect(html).toMatch(/<select id="urval-veckor" name="veckor" aria-invalid="true" aria-describedby="urval-veckor-error">/);
    expect(html).toContain('<p id="urval-veckor-error" class="field-error">Välj en av perioderna i listan.</p>');
    expect(html).toContain('<label for="urval-q">Söktexten innehåller</label>');
    expect(html).toContain('method="get"');
  });

  it('speaks English and Arabic', () => {
    const values = { weeks: '12', kind: 'zero', q: '' };
    expect(render('en', createElement(UnmetNeedsFilter, { action: '/en/admin/behov', values, isFiltered: false, maxLength: 100 }))).toContain('No results only');
    expect(render('ar', createElement(UnmetNeedsFilter, { action: '/ar/admin/behov', values, isFiltered: false, maxLength: 100 }))).toContain('آخر 12 أسبوعاً');
  });
});
