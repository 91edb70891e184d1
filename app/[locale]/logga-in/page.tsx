import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PasswordSignInForm, SignInLinkRequestForm } from '@/components/auth/sign-in-forms';
import { getSignInTexts } from '@/components/auth/sign-in-texts';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { getActor, safeReturnPath } from '@/lib/auth/session';
import { isDemoInboxEnabled } from '@/lib/mail/demo-inbox';
import { Link } from '@/i18n/navigation';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ till?: string | string[] }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Auth' });
  return buildPageMetadata(locale, t('signInTitle'), t('signInIntro'));
}

export default async function SignInPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { till } = await searchParams;
  const returnTo = typeof till === 'string' ? safeReturnPath(till) : undefined;
  if ((await getActor()).kind === 'user') redirect(returnTo ?? getPathname({ href: '/konto', locale }));
  const [t, tDemo, texts] = await Promise.all([
    getTranslations({ locale, namespace: 'Auth' }),
    getTranslations({ locale, namespace: 'DemoInbox' }),
    getSignInTexts(locale),
  ]);
  return (
    <div className="container container--text info-page">
      <h1>{t('signInTitle')}</h1>
      <p className="lead">{t('signInIntro')}</p>
      <section aria-labelledby="password-heading" className="form-section">
        <h2 id="password-heading">{t('withPassword')}</h2>
        <PasswordSignInForm texts={texts} locale={locale} returnTo={returnTo} />
      </section>
      <section aria-labelledby="link-heading" className="form-section">
        <h2 id="link-heading">{t('withLink')}</h2>
        <p>{t('withLinkIntro')}</p>
        <SignInLinkRequestForm texts={texts} locale={locale} />
        {isDemoInboxEnabled() ? (
          <p>
            <Link href="/demo/epost">{tDemo('link')}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
