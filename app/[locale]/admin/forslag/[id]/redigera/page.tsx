import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { NotAllowed } from '@/components/admin/not-allowed';
import { loadServiceFormMessages } from '@/components/directory/service-form/messages';
import { ServiceForm } from '@/components/directory/service-form/service-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { weekdayName } from '@/lib/directory/opening-hours-display';
import { approveEditedProposalAction } from '@/lib/directory/proposal-actions';
import { getProposalReview, getReviewFormOptions } from '@/lib/directory/proposals';
import { formValuesOf } from '@/lib/directory/service-input';
import { isAppError } from '@/lib/errors/app-error';
import '@/components/directory/service-form/service-form.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
}

const loadReview = cache(async (locale: AppLocale, id: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/admin/forslag/${encodeURIComponent(id)}/redigera`, locale }));
  if (!can(actor, 'proposal.review', null)) return null;
  try {
    return { actor, review: await getProposalReview(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const [t, loaded] = await Promise.all([getTranslations({ locale, namespace: 'Proposals.admin' }), loadReview(locale, id)]);
  const title = loaded ? t('editTitle', { service: loaded.review.service?.name ?? loaded.review.effective.name }) : t('title');
  return { ...(await buildPageMetadata(locale, title, t('description'))), robots: { index: false, follow: false } };
}

/** /admin/forslag/<id>/redigera: the proposal in the service form; saving approves the coordinator's version. */
export default async function EditAndApprovePage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const loaded = await loadReview(locale, id);
  if (!loaded) return <NotAllowed />;
  const { actor, review } = loaded;
  const t = await getTranslations({ locale, namespace: 'Proposals' });
  const name = review.service?.name ?? review.effective.name;
  if (review.status !== 'PENDING') {
    return (
      <div className="container container--text info-page admin-page">
        <h1>{t('admin.editTitle', { service: name })}</h1>
        <p className="notice">{t('admin.notPending')}</p>
        <p className="back-link">
          <Link href={`/admin/forslag/${review.id}`}>{t('admin.backToProposal')}</Link>
        </p>
      </div>
    );
  }
  const [options, messages] = await Promise.all([getReviewFormOptions(actor, review.organization.id), loadServiceFormMessages(locale)]);
  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('admin.editTitle', { service: name })}</h1>
      <p className="lead">{t('admin.editIntro')}</p>
      {review.changedSince.isChanged ? (
        <p className="notice" role="note">
          {t('admin.changedSince', { fields: review.changedSince.labelKeys.map((key) => t(key as 'fields.name')).join(', ') || '–' })}
        </p>
      ) : null}
      <ServiceForm
        mode="proposal"
        initial={formValuesOf(review.effective)}
        options={options}
        action={approveEditedProposalAction}
        hidden={{ locale, proposalId: review.id, version: review.currentVersion ?? '' }}
        submitLabel={t('admin.editSubmit')}
        messages={messages}
        locale={locale}
        weekdayNames={[1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(locale, d))}
      />
      <p className="back-link">
        <Link href={`/admin/forslag/${review.id}`}>{t('admin.backToProposal')}</Link>
      </p>
    </div>
  );
}
