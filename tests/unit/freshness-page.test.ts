/**
 * The page behind the mailed "still correct" link, rendered to HTML as the server sends it:
 * one button in a plain form for a valid link, clear pages for every other state, in Swedish,
 * English and Arabic; and the Freshness messages with the same keys in all three.
 */
import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ListingConfirmation } from '@/components/directory/freshness/listing-confirmation';
import type { AppLocale } from '@/i18n/routing';
import type { ConfirmationLookup } from '@/lib/directory/freshness';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

// next-intl's navigation needs Next's router, which does not exist outside Next: a plain link will do.
vi.mock('@/i18n/navigation', () => ({
  Link: ({ href, children, ...rest }: { href: unknown; children: unknown }) => createElement('a', { ...rest, href: String(href) }, children as string),
}));

const MESSAGES = { sv, en, ar };
const TOKEN = 'A'.repeat(43);
const confirmation = { serviceName: 'Stödsamtal', serviceSlug: 'stodsamtal', expiresAt: new Date('2027-01-31T12:00:00Z'), usedAt: new Date('2026-12-05T12:00:00Z') };

function render(lookup: ConfirmationLookup, options: { locale?: AppLocale; justConfirmed?: boolean } = {}): string {
  const locale = options.locale ?? 'sv';
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: MESSAGES[locale],
      timeZone: 'Europe/Stockholm',
      children: createElement(ListingConfirmation, { token: TOKEN, lookup, justConfirmed: options.justConfirmed ?? false }),
    }),
  );
}

type Tree = { [key: string]: string | Tree };
const keyPaths = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));

describe('the Freshness messages', () => {
  it('have the same keys in Swedish, English and Arabic', () => {
    const swedish = keyPaths(sv.Freshness as Tree).sort();
    expect(keyPaths(en.Freshness as Tree).sort()).toEqual(swedish);
    expect(keyPaths(ar.Freshness as Tree).sort()).toEqual(swedish);
  });
});

describe('the confirmation page', () => {
  it('shows a valid link’s service with one button in a form, the token in it, and the way to propose changes', () => {
    const html = render({ status: 'valid', confirmation: { ...confirmation, usedAt: null } });
    expect(html).toContain('<h1>Stämmer uppgifterna om Stödsamtal?</h1>');
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toContain('Ja, uppgifterna stämmer');
    expect(html).toMatch(/<form[^>]*>[\s\S]*name="token" value="A{43}"[\s\S]*<\/form>/);
    expect(html).toContain('href="/konto/tjanster/stodsamtal"');
    expect(html).toContain('31 januari 2027');
  });

  it('thanks the visitor who just confirmed, and tells a later visitor it was already confirmed on that date, without a button', () => {
    const thanks = render({ status: 'used', confirmation }, { justConfirmed: true });
    expect(thanks).toContain('<h1>Tack!</h1>');
    expect(thanks).toContain('5 december 2026');
    const used = render({ status: 'used', confirmation });
    expect(used).toContain('<h1>Redan bekräftad</h1>');
    expect(used).toContain('bekräftades redan den 5 december 2026');
    for (const html of [thanks, used]) expect(html).not.toContain('<button');
  });

  it('explains an expired and an unknown link without a button', () => {
    const expired = render({ status: 'expired', confirmation: { ...confirmation, usedAt: null } }, { locale: 'en' });
    expect(expired).toContain('<h1>The link has expired</h1>');
    expect(expired).toContain('January 31, 2027');
    const unknown = render({ status: 'unknown' }, { locale: 'ar' });
    expect(unknown).toContain('<h1>الرابط لا يعمل</h1>');
    for (const html of [expired, unknown]) expect(html).not.toContain('<button');
  });
});
