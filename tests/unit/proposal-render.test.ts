/**
 * The change-proposal parts rendered to HTML as the server sends them: the side-by-side diff
 * table with changes marked in words, the association's view of its pending and reviewed
 * proposals, and the reject form's field with its error tied to it, in Swedish and Arabic.
 */
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { OwnProposals } from '@/components/directory/proposals/own-proposals';
import { ProposalDiff } from '@/components/directory/proposals/proposal-diff';
import { RejectProposalForm } from '@/components/directory/proposals/reject-form';
import type { AppLocale } from '@/i18n/routing';
import type { OwnProposal } from '@/lib/directory/proposals';
import type { FieldDiff } from '@/lib/directory/service-diff';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

vi.mock('@/i18n/navigation', () => ({
  Link: ({ href, children, ...rest }: { href: unknown; children: unknown }) =>
    createElement('a', { ...rest, href: typeof href === 'string' ? href : JSON.stringify(href) }, children as string),
}));

const MESSAGES = { sv, en, ar };

function render(locale: AppLocale, element: ReactElement): string {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: 'Europe/Stockholm', children: element }));
}

const diff: FieldDiff[] = [
  { field: 'schedules', labelKey: 'fields.schedules', before: ['Måndag 09:00–12:00', 'Tisdag 10:00–14:00'], after: ['Måndag 09:00–13:00', 'Tisdag 10:00–14:00'] },
  { field: 'translations.en', labelKey: 'fields.translations.en', before: [], after: ['Namn: The helpline'] },
];

describe('ProposalDiff', () => {
  it('shows field, now and proposed, marking in words what is removed and what is new', () => {
    const html = render('sv', createElement(ProposalDiff, { diff }));
    expect(html).toContain('<th scope="col">Fält</th><th scope="col">Nu</th><th scope="col">Föreslaget</th>');
    expect(html).toContain('<th scope="row">Öppettider</th>');
    expect(html).toContain('<strong class="proposal-diff__mark">Tas bort:</strong> <del>Måndag 09:00–12:00</del>');
    expect(html).toContain('<strong class="proposal-diff__mark">Nytt:</strong> <ins>Måndag 09:00–13:00</ins>');
    // An unchanged line is shown without a mark.
    expect(html).toContain('<li class="proposal-diff__line">Tisdag 10:00–14:00</li>');
    expect(html).toContain('<th scope="row">Översättning till engelska</th><td><span class="proposal-diff__empty">(tomt)</span></td>');
  });

  it('says so when nothing changes, and labels the table in Arabic', () => {
    expect(render('sv', createElement(ProposalDiff, { diff: [] }))).toContain('Förslaget ändrar ingenting');
    const html = render('ar', createElement(ProposalDiff, { diff }));
    expect(html).toContain('المقترح');
    expect(html).toContain('ساعات العمل');
  });
});

const proposal = (overrides: Partial<OwnProposal>): OwnProposal => ({
  id: 'p1',
  status: 'PENDING',
  createdAt: new Date('2026-11-02T10:00:00Z'),
  reviewedAt: null,
  reviewMessage: null,
  proposedByName: 'Amira Haddad',
  name: 'Stödsamtal',
  changedLabelKeys: ['fields.summary', 'fields.schedules'],
  ...overrides,
});

describe('OwnProposals', () => {
  it('shows the pending proposal with what it changes, and the latest review with the coordinator’s message', () => {
    const html = render(
      'sv',
      createElement(OwnProposals, {
        slug: 'linnean-stodsamtal',
        proposals: [
          proposal({}),
          proposal({ id: 'p0', status: 'REJECTED', reviewedAt: new Date('2026-10-05T10:00:00Z'), reviewMessage: 'Tiderna krockar; hör av er.' }),
        ],
      }),
    );
    expect(html).toContain('Ett förslag skickades 2 november 2026 av Amira Haddad');
    expect(html).toContain('<li>Kort sammanfattning</li><li>Öppettider</li>');
    expect(html).toContain('Avvisat');
    expect(html).toContain('Tiderna krockar; hör av er.');
    expect(html).toContain('href="/konto/tjanster/linnean-stodsamtal/andra"');
    expect(html).toContain('Ändra det väntande förslaget');
  });

  it('offers to propose changes when there is nothing yet', () => {
    const html = render('sv', createElement(OwnProposals, { slug: 'x', proposals: [] }));
    expect(html).toContain('Inga ändringsförslag har skickats');
    expect(html).toContain('Föreslå ändringar');
  });
});

describe('RejectProposalForm', () => {
  it('has a labelled message field with its hint tied to it', () => {
    const html = render(
      'sv',
      createElement(RejectProposalForm, {
        action: async (state) => state,
        hidden: { locale: 'sv', id: 'p1' },
        labels: { message: 'Meddelande till föreningen', messageHint: 'Förklara varför.', reject: 'Avvisa' },
        messages: { errorSummary: 'Rätta', errors: { invalid: 'Fel' }, success: {} },
        limits: { messageMin: 5, messageMax: 2000 },
      }),
    );
    expect(html).toContain('<label for="avvisa-message">Meddelande till föreningen</label>');
    expect(html).toMatch(/<textarea[^>]*aria-describedby="avvisa-message-hint"/);
    expect(html).toContain('name="id" value="p1"');
  });
});
