import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInLinkConfirmForm } from '@/components/auth/sign-in-forms';
import { getSignInTexts } from '@/components/auth/sign-in-texts';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Auth' });
  return { ...(await buildPageMetadata(locale, t('linkTitle'), t('linkIntro'))), referrer: 'no-referrer' };
}

export default async function SignInLinkPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { token } = await searchParams;
  const [t, texts] = await Promise.all([getTranslations({ locale, namespace: 'Auth' }), getSignInTexts(locale)]);
  return (
    <div className="container container--text info-page">
      <h1>{t('linkTitle')}</h1>
      {typeof token === 'string' && token ? (
        <>
          <p className="lead">{t('linkIntro')}</p>
          <SignInLinkConfirmForm texts={texts} locale={locale} token={token} />
        </>
      ) : (
        <p className="lead">{texts.errors.linkInvalid}</p>
      )}
      <p>
        <Link href="/logga-in">{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}
