import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { NotAllowed } from '@/components/admin/not-allowed';
import { ProposalDiff } from '@/components/directory/proposals/proposal-diff';
import { RejectProposalForm } from '@/components/directory/proposals/reject-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { approveProposalAction, rejectProposalAction } from '@/lib/directory/proposal-actions';
import { proposalErrors, proposalSuccessKeyOf, REVIEW_MESSAGE_MAX_LENGTH, REVIEW_MESSAGE_MIN_LENGTH } from '@/lib/directory/proposal-schemas';
import { getProposalReview } from '@/lib/directory/proposals';
import { isAppError } from '@/lib/errors/app-error';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import '@/components/directory/proposals/proposals.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Refusals the page words after a redirect (`?fel=`). */
const PAGE_ERRORS = [...proposalErrors.keys, 'needsEdit'] as const;

/** The signed-in coordinator and the proposal, shared by the metadata and the page; null: not allowed. */
const loadReview = cache(async (locale: AppLocale, id: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/admin/forslag/${encodeURIComponent(id)}`, locale }));
  if (!can(actor, 'proposal.review', null)) return null;
  try {
    return await getProposalReview(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const [t, review] = await Promise.all([getTranslations({ locale, namespace: 'Proposals.admin' }), loadReview(locale, id)]);
  const title = review ? t('detailTitle', { service: review.service?.name ?? review.effective.name }) : t('title');
  return { ...(await buildPageMetadata(locale, title, t('description'))), robots: { index: false, follow: false } };
}

/** /admin/forslag/<id>: one proposal side by side with the listing, and the coordinator's decision. */
export default async function ProposalReviewPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const review = await loadReview(locale, id);
  if (!review) return <NotAllowed />;
  const [t, format, query] = await Promise.all([getTranslations({ locale, namespace: 'Proposals' }), getFormatter({ locale }), searchParams]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE });
  const success = proposalSuccessKeyOf(query.klart);
  const failed = PAGE_ERRORS.find((key) => key === query.fel) ?? null;
  const isPending = review.status === 'PENDING';
  const name = review.service?.name ?? review.effective.name;
  const formMessages = {
    errorSummary: t('errorSummary'),
    errors: Object.fromEntries(proposalErrors.keys.map((key) => [key, t(`errors.${key}`)])),
    success: {},
  };

  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('admin.detailTitle', { service: name })}</h1>
      {success ? (
        <p className="form-success" role="status">
          {t(`success.${success}`)}
        </p>
      ) : null}
      {failed ? (
        <p className="form-error" role="alert">
          {t(`errors.${failed}`)}
        </p>
      ) : null}

      <section aria-labelledby="om-forslaget" className="form-section">
        <h2 id="om-forslaget">{t('admin.factsHeading')}</h2>
        <dl className="proposal-facts">
          <dt>{t('admin.organization')}</dt>
          <dd>{review.organization.name}</dd>
          <dt>{t('admin.proposedBy')}</dt>
          <dd>{review.proposedByName ?? t('own.unknownPerson')}</dd>
          <dt>{t('admin.receivedLabel')}</dt>
          <dd>{when(review.createdAt)}</dd>
          <dt>{t('admin.status')}</dt>
          <dd>{t(`statuses.${review.status}`)}</dd>
        </dl>
        {review.isNewService && isPending ? <p className="notice">{t('admin.newServiceNote')}</p> : null}
        {review.service ? (
          <ul>
            {review.service.isActive ? (
              <li>
                <Link href={`/tjanster/${review.service.slug}`}>{t('admin.viewService')}</Link>
              </li>
            ) : null}
            <li>
              <Link href={`/admin/tjanster/${review.service.id}`}>{t('admin.editService')}</Link>
            </li>
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="forslag-andringar" className="form-section">
        <h2 id="forslag-andringar">{t('admin.diffHeading')}</h2>
        {review.changedSince.isChanged ? (
          <p className="notice" role="note">
            {t('admin.changedSince', { fields: review.changedSince.labelKeys.map((key) => t(key as 'fields.name')).join(', ') || '–' })}
          </p>
        ) : null}
        {isPending ? null : <p>{t('admin.reviewedNote')}</p>}
        <ProposalDiff diff={review.diff} />
      </section>

      {isPending ? (
        <section aria-labelledby="beslut" className="form-section">
          <h2 id="beslut">{t('admin.decisionHeading')}</h2>
          <p className="form-hint">{t('admin.approveHint')}</p>
          <div className="proposal-decision">
            <form action={approveProposalAction}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="id" value={review.id} />
              <button type="submit" className="button">
                {t('admin.approve')}
              </button>
            </form>
            <Link href={`/admin/forslag/${review.id}/redigera`} className="button button--secondary">
              {t('admin.editAndApprove')}
            </Link>
          </div>
          <h3>{t('admin.rejectHeading')}</h3>
          <RejectProposalForm
            action={rejectProposalAction}
            hidden={{ locale, id: review.id }}
            limits={{ messageMin: REVIEW_MESSAGE_MIN_LENGTH, messageMax: REVIEW_MESSAGE_MAX_LENGTH }}
            messages={formMessages}
            labels={{ message: t('admin.rejectMessage'), messageHint: t('admin.rejectHint'), reject: t('admin.reject') }}
          />
        </section>
      ) : (
        <section aria-labelledby="beslut" className="form-section">
          <h2 id="beslut">{t('admin.decisionHeading')}</h2>
          <p>
            {t('admin.decidedBy', {
              status: t(`statuses.${review.status}`),
              name: review.reviewedByName ?? '–',
              date: review.reviewedAt ? when(review.reviewedAt) : '',
            })}
          </p>
          {review.reviewMessage ? (
            <>
              <h3>{t('admin.reviewMessageHeading')}</h3>
              <blockquote className="proposal-message">{review.reviewMessage}</blockquote>
            </>
          ) : null}
        </section>
      )}

      <p className="back-link">
        <Link href="/admin/forslag">{t('admin.backToList')}</Link>
      </p>
    </div>
  );
}
