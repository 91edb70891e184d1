/**
 * The statistics report and the public workshop parts rendered to HTML as the server sends
 * them (no browser): charts with a text alternative and a table, tables with captions and
 * scoped headers, right-to-left mirroring, and the expanded tables of the printable version.
 */
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { BarChart } from '@/components/workshop/metrics/bar-chart';
import { MetricsReport } from '@/components/workshop/metrics/metrics-report';
import { HowItWorks, PublicIssueList, WorkshopFigures } from '@/components/workshop/public/public-workshop';
import type { AppLocale } from '@/i18n/routing';
import { computeWorkshopMetrics, type WorkshopMetrics } from '@/lib/workshop/metrics';
import type { PublicIssuePage, PublicWorkshopSummary } from '@/lib/workshop/public';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';
import { CATEGORIES, ISSUES, NOW, ORGANIZATIONS } from './workshop-metrics-fixture';

// next-intl's navigation needs Next's router, which does not exist outside Next: a plain link will do.
vi.mock('@/i18n/navigation', () => ({
  Link: ({ href, children, ...rest }: { href: unknown; children: unknown }) =>
    createElement('a', { ...rest, href: typeof href === 'string' ? href : JSON.stringify(href) }, children as string),
}));

const MESSAGES = { sv, en, ar };

function render(locale: AppLocale, element: ReactElement): string {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: 'Europe/Stockholm', children: element }));
}

const metrics: WorkshopMetrics = {
  ...computeWorkshopMetrics({
    issues: ISSUES.map((i) => ({
      id: i.key,
      state: i.state,
      dueAt: i.dueAt ? new Date(i.dueAt) : null,
      categoryId: i.category,
      responderOrganizationIds: i.responders,
      events: i.events.map(([type, at, toState]) => ({ type, createdAt: new Date(at), toState: toState ?? null })),
    })),
    categories: CATEGORIES.map((c) => ({ id: c.key, name: c.name })),
    organizations: Object.entries(ORGANIZATIONS).map(([id, o]) => ({ id, name: o.name })),
    now: NOW,
  }),
  from: null,
  to: null,
};

const report = (locale: AppLocale, isPrint = false) => render(locale, createElement(MetricsReport, { metrics, locale, isPrint }));

describe('MetricsReport', () => {
  const html = report('sv');

  it('labels every chart by its title and description and follows it with a table of the same values', () => {
    const charts = [...html.matchAll(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/g)].map((m) => m[1]!);
    expect(charts).toHaveLength(3);
    for (const labelledBy of charts) {
      for (const id of labelledBy.split(' ')) expect(html).toMatch(new RegExp(`<(title|desc) id="${id}">[^<]+</\\1>`));
    }
    expect(html.match(/<details class="chart-table">/g)).toHaveLength(3);
    // The outcome bars carry their numbers as text, and so does their table.
    expect(html).toContain('>Avslutade utan lösning</text>');
    expect(html).toMatch(/<th scope="row">Avslutade utan lösning<\/th><td>1<\/td>/);
    // Closed unresolved is hatched, not only another colour.
    expect(html).toMatch(/fill="url\(#diagram-utfall-hatch\)"/);
  });

  it('writes days with a decimal comma and shares with their counts in Swedish', () => {
    expect(html).toContain('2,5 dagar');
    expect(html).toContain('66,7 % (2 av 3)');
    expect(html).toContain('Ingen svarande organisation');
    expect(html).toContain('Ingen kategori');
    expect(html).toContain('>HT 2025<');
  });

  it('gives every breakdown table a caption and scoped headers', () => {
    const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
    expect(tables.length).toBe(3 + 6);
    for (const table of tables) {
      expect(table).toMatch(/<caption[^>]*>[^<]+<\/caption>/);
      const headerCells = table.match(/<th(\s[^>]*)?>/g) ?? [];
      expect(headerCells.length).toBeGreaterThan(1);
      for (const cell of headerCells) expect(cell).toMatch(/scope="(col|row)"/);
    }
    const headings = [...html.matchAll(/<h(\d)[ >]/g)].map((m) => Number(m[1]));
    expect(new Set(headings)).toEqual(new Set([2]));
  });

  it('opens every chart table in the printable version', () => {
    expect(report('sv', true).match(/<details class="chart-table" open="">/g)).toHaveLength(3);
    expect(html).not.toContain('open=""');
  });

  it('mirrors the charts for Arabic: labels from the right edge', () => {
    const arabic = report('ar');
    expect(arabic).toMatch(/<svg[^>]*direction="rtl"/);
    expect(arabic).toMatch(/<text x="640" y="16" text-anchor="start" class="bar-chart__label">/);
    const english = report('en');
    expect(english).toMatch(/<svg[^>]*direction="ltr"/);
    expect(english).toMatch(/<text x="0" y="16" text-anchor="start" class="bar-chart__label">/);
  });
});

describe('BarChart', () => {
  it('draws no bar for a missing value but still says so in words', () => {
    const html = render(
      'sv',
      createElement(BarChart, {
        id: 'prov',
        title: 'Prov',
        description: 'Ett prov.',
        dir: 'ltr',
        bars: [
          { label: 'Med värde', value: 4, valueText: '4,0 dagar' },
          { label: 'Utan värde', value: null, valueText: '–' },
        ],
        table: { summary: 'Tabell', labelHeading: 'Namn', valueHeading: 'Värde', isOpen: false },
      }),
    );
    expect(html.match(/<rect[^>]*class="bar-chart__bar"/g)).toHaveLength(1);
    expect(html).toContain('>–</text>');
  });
});

describe('the public workshop parts', () => {
  const summary: PublicWorkshopSummary = {
    total: 8,
    byPublicState: { received: 1, inProgress: 1, answered: 1, actionAgreed: 0, resolved: 1, closed: 4 },
    resolved: 1,
    closedUnresolved: 1,
    medianDaysToTriage: 2.5,
    medianDaysToFirstAnswer: null,
  };
  const page: PublicIssuePage = {
    total: 1,
    page: 1,
    pageCount: 1,
    items: [
      {
        number: 12,
        title: 'Ungdomar hamnar mellan BUP och elevhälsan',
        categoryName: 'Skola',
        concerns: 'BOTH',
        municipalityName: 'Karlskoga',
        publicState: 'resolved',
        outcome: 'resolved',
        answers: [{ organizationName: 'Region Exempellän', body: 'Första linjen tar emot utan remiss.', answeredAt: new Date('2026-03-02T10:00:00Z') }],
        actions: [{ description: 'En gemensam skrift tas fram.', ownerOrganizationName: 'Region Exempellän', followUpAt: new Date('2026-04-15T00:00:00Z'), completedAt: null }],
      },
    ],
  };

  it('shows the steps as an ordered list', () => {
    expect(render('sv', createElement(HowItWorks)).match(/<li>/g)).toHaveLength(5);
  });

  it('shows the figures, with words for a figure not there yet, and a captioned table per state', () => {
    const html = render('sv', createElement(WorkshopFigures, { summary }));
    expect(html).toContain('2,5 dagar');
    expect(html).toContain('Ingen uppgift än');
    expect(html).toMatch(/<caption>Ärenden per läge<\/caption>/);
    expect(html).toMatch(/<th scope="row">Avslutat<\/th><td>4<\/td>/);
  });

  it('shows an issue with its answers, actions and outcome, in every language', () => {
    const html = render('sv', createElement(PublicIssueList, { page }));
    expect(html).toContain('Ärende 12: Ungdomar hamnar mellan BUP och elevhälsan');
    expect(html).toContain('Regionen och kommunen (Karlskoga)');
    expect(html).toContain('Svar från Region Exempellän, 2 mars 2026');
    expect(html).toContain('Följs upp 15 april 2026');
    // Resolved is said once, by the state; a closed issue says whether it was solved.
    expect(html).not.toContain('Utfall');
    const closed = render('sv', createElement(PublicIssueList, { page: { ...page, items: [{ ...page.items[0]!, publicState: 'closed', outcome: 'closedUnresolved' }] } }));
    expect(closed).toMatch(/<dt>Utfall<\/dt><dd>Avslutat utan lösning<\/dd>/);
    for (const locale of ['en', 'ar'] as const) expect(render(locale, createElement(PublicIssueList, { page }))).toContain('Ungdomar hamnar');
  });
});
