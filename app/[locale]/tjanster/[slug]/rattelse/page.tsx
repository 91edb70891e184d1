import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { CorrectionForm } from '@/components/directory/corrections/correction-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { ANONYMOUS } from '@/lib/authz/actor';
import { submitCorrectionAction } from '@/lib/directory/correction-actions';
import {
  CONTACT_RETENTION_DAYS,
  CORRECTION_TOPICS,
  correctionErrors,
  HONEYPOT_FIELD,
  MAX_LINKS,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MIN_LENGTH,
} from '@/lib/directory/correction-schemas';
import { signCorrectionFormToken } from '@/lib/directory/correction-token';
import { getCorrectionTarget } from '@/lib/directory/corrections';
import { isAppError } from '@/lib/errors/app-error';
import '@/components/directory/corrections/corrections.css';

interface PageProps {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The active service the form is for, shared by the metadata and the page; unknown or inactive: 404. */
const loadTarget = cache(async (slug: string, locale: AppLocale) => {
  try {
    return await getCorrectionTarget(ANONYMOUS, slug, locale);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const [t, service] = await Promise.all([getTranslations({ locale, namespace: 'Corrections' }), loadTarget(slug, locale)]);
  // A form page per service is nothing a search engine should list.
  return { ...(await buildPageMetadata(locale, `${t('title')}: ${service.name}`, t('metaDescription'))), robots: { index: false, follow: false } };
}

/** /tjanster/<slug>/rattelse: anyone suggests a correction of a service; no account, no cookie. */
export default async function SuggestCorrectionPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const [service, t, query] = await Promise.all([loadTarget(slug, locale), getTranslations({ locale, namespace: 'Corrections' }), searchParams]);
  const back = (
    <p className="back-link">
      <Link href={`/tjanster/${service.slug}`}>{t('backToService', { service: service.name })}</Link>
    </p>
  );

  if (query.klart === 'skickat') {
    return (
      <div className="container container--text info-page">
        <h1>{t('sentTitle')}</h1>
        <p className="form-success" role="status">
          {t('sentBody')}
        </p>
        {back}
      </div>
    );
  }

  return (
    <div className="container container--text info-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { service: service.name })}</p>
      <CorrectionForm
        action={submitCorrectionAction}
        // Rendered per request: the token says when this person was shown the form.
        hidden={{ locale, service: service.slug, formToken: signCorrectionFormToken(service.id, new Date()) }}
        honeypotName={HONEYPOT_FIELD}
        limits={{ messageMax: MESSAGE_MAX_LENGTH }}
        fieldNames={{ topic: t('fieldNames.topic'), message: t('fieldNames.message'), contactEmail: t('fieldNames.contactEmail') }}
        messages={{
          errorSummary: t('errorSummary'),
          errors: Object.fromEntries(correctionErrors.keys.map((key) => [key, t(`errors.${key}`)])),
          success: {},
        }}
        labels={{
          topicLegend: t('topicLegend'),
          topics: CORRECTION_TOPICS.map((value) => ({ value, label: t(`topics.${value}`) })),
          message: t('message'),
          messageHint: t('messageHint', { min: MESSAGE_MIN_LENGTH, max: MESSAGE_MAX_LENGTH, links: MAX_LINKS }),
          counter: t('counter', { count: '{count}', max: MESSAGE_MAX_LENGTH }),
          email: t('email'),
          emailHint: t('emailHint', { days: CONTACT_RETENTION_DAYS }),
          honeypot: t('honeypot'),
          submit: t('submit'),
        }}
      />
      {back}
    </div>
  );
}
