import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getFormTexts } from '@/components/accounts/form-texts';
import { InvitationAccept } from '@/components/accounts/invitation-accept';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { resolveLocale } from '@/i18n/params';
import { findInvitation } from '@/lib/accounts/invitations/service';

interface PageProps {
  params: Promise<{ locale: string; token: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Invitation' });
  return {
    ...(await buildPageMetadata(locale, t('title'), t('description'))),
    // The token is in the address: never send it on as a referrer, never index the page.
    referrer: 'no-referrer',
    robots: { index: false, follow: false },
  };
}

export default async function InvitationPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { token } = await params;
  const invitation = await findInvitation(token);
  if (!invitation) notFound();
  const texts = await getFormTexts(locale);
  return <InvitationAccept invitation={invitation} token={token} locale={locale} texts={texts} />;
}
