import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { loadServiceFormMessages } from '@/components/directory/service-form/messages';
import { ServiceForm } from '@/components/directory/service-form/service-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { weekdayName } from '@/lib/directory/opening-hours-display';
import { proposeServiceChangeAction } from '@/lib/directory/proposal-actions';
import { proposalErrors } from '@/lib/directory/proposal-schemas';
import { getProposalForm } from '@/lib/directory/proposals';
import { formValuesOf } from '@/lib/directory/service-input';
import { isAppError } from '@/lib/errors/app-error';
import '@/components/directory/service-form/service-form.css';

interface PageProps {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The form's data, shared by the metadata and the page; null when the service is another association's. */
const loadForm = cache(async (locale: AppLocale, slug: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/konto/tjanster/${encodeURIComponent(slug)}/andra`, locale }));
  try {
    return await getProposalForm(actor, slug);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    if (isAppError(error) && error.code === 'FORBIDDEN') return null;
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const [t, form] = await Promise.all([getTranslations({ locale, namespace: 'Proposals.form' }), loadForm(locale, slug)]);
  const title = form ? t('title', { service: form.name }) : t('notAllowedTitle');
  return { ...(await buildPageMetadata(locale, title, t('intro'))), robots: { index: false, follow: false } };
}

/** /konto/tjanster/<slug>/andra: an association proposes changes to its own listing. */
export default async function ProposeChangesPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const [form, t, query] = await Promise.all([loadForm(locale, slug), getTranslations({ locale, namespace: 'Proposals' }), searchParams]);
  if (!form) {
    return (
      <div className="container container--text info-page">
        <h1>{t('form.notAllowedTitle')}</h1>
        <p className="lead">{t('form.notAllowed')}</p>
        <p>
          <Link href="/konto/tjanster">{t('form.backToList')}</Link>
        </p>
      </div>
    );
  }
  const failed = proposalErrors.isKey(query.fel) ? query.fel : null;
  const messages = await loadServiceFormMessages(locale);
  return (
    <div className="container container--text info-page">
      <h1>{t('form.title', { service: form.name })}</h1>
      <p className="lead">{t('form.intro')}</p>
      <p className="notice">
        <strong>{t('form.notPublic')}</strong>
      </p>
      {form.pendingId ? <p>{t('form.fromPending')}</p> : null}
      {failed ? (
        <p className="form-error" role="alert">
          {t(`errors.${failed}`)}
        </p>
      ) : null}
      <ServiceForm
        mode="proposal"
        initial={formValuesOf(form.input)}
        options={form.options}
        action={proposeServiceChangeAction}
        hidden={{ locale, serviceId: form.serviceId, slug: form.slug }}
        submitLabel={t('form.submit')}
        messages={messages}
        locale={locale}
        weekdayNames={[1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(locale, d))}
      />
      <ul className="action-links back-link">
        <li>
          <Link href={`/konto/tjanster/${form.slug}`}>{t('form.backToService')}</Link>
        </li>
        <li>
          <Link href="/konto/tjanster">{t('form.backToList')}</Link>
        </li>
      </ul>
    </div>
  );
}
