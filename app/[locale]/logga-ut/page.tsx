import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignOutForm } from '@/components/auth/sign-out-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { getActor } from '@/lib/auth/session';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Auth' });
  return buildPageMetadata(locale, t('signOutTitle'), t('signOutIntro'));
}

export default async function SignOutPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Auth' });
  const isSignedIn = (await getActor()).kind === 'user';
  return (
    <div className="container container--text info-page">
      <h1>{t('signOutTitle')}</h1>
      {isSignedIn ? (
        <>
          <p className="lead">{t('signOutIntro')}</p>
          <SignOutForm label={t('signOut')} locale={locale} />
        </>
      ) : (
        <p className="lead">
          {t('signedOut')} <Link href="/">{t('toHome')}</Link>
        </p>
      )}
    </div>
  );
}
