import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { NotAllowed } from '@/components/admin/not-allowed';
import { CorrectionDecisionForm, ResendReplyForm } from '@/components/directory/corrections/correction-decision-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { routing, type AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { handleCorrectionAction, resendCorrectionReplyAction } from '@/lib/directory/correction-actions';
import { correctionErrors, correctionSuccessKeyOf, REPLY_MAX_LENGTH } from '@/lib/directory/correction-schemas';
import { getCorrection } from '@/lib/directory/corrections';
import { isAppError } from '@/lib/errors/app-error';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import '@/components/directory/corrections/corrections.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The signed-in coordinator and the suggestion, shared by the metadata and the page; null: not allowed. */
const loadCorrection = cache(async (locale: AppLocale, id: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/admin/rattelser/${encodeURIComponent(id)}`, locale }));
  if (!can(actor, 'correction.handle', null)) return null;
  try {
    return await getCorrection(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const [t, correction] = await Promise.all([getTranslations({ locale, namespace: 'Corrections.admin' }), loadCorrection(locale, id)]);
  const title = correction ? t('detailTitle', { service: correction.service.name }) : t('title');
  return { ...(await buildPageMetadata(locale, title, t('description'))), robots: { index: false, follow: false } };
}

/** /admin/rattelser/<id>: one suggestion, its service, and the coordinator's decision. */
export default async function CorrectionPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const correction = await loadCorrection(locale, id);
  if (!correction) return <NotAllowed />;
  const [t, tc, format, query] = await Promise.all([
    getTranslations({ locale, namespace: 'Corrections.admin' }),
    getTranslations({ locale, namespace: 'Corrections' }),
    getFormatter({ locale }),
    searchParams,
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE });
  const senderLocale = routing.locales.find((l) => l === correction.locale) ?? routing.defaultLocale;
  const language = tc(`languages.${senderLocale}`);
  const success = correctionSuccessKeyOf(query.klart);
  const formMessages = {
    errorSummary: tc('errorSummary'),
    errors: Object.fromEntries(correctionErrors.keys.map((key) => [key, tc(`errors.${key}`)])),
    success: {},
  };
  const isNew = correction.status === 'NEW';
  const canResend = !isNew && correction.reply !== null && correction.contactEmail !== null && correction.repliedAt === null;

  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('detailTitle', { service: correction.service.name })}</h1>
      {success ? (
        <p className={success === 'replyFailed' ? 'notice' : 'form-success'} role="status">
          {t(`success.${success}`)}
        </p>
      ) : null}

      <section aria-labelledby="forslaget" className="form-section">
        <h2 id="forslaget">{t('messageHeading')}</h2>
        <dl className="correction-facts">
          <dt>{t('received')}</dt>
          <dd>{when(correction.createdAt)}</dd>
          <dt>{t('topic')}</dt>
          <dd>{tc(`topics.${correction.topic}`)}</dd>
          <dt>{t('status')}</dt>
          <dd>{tc(`statuses.${correction.status}`)}</dd>
          <dt>{t('contact')}</dt>
          <dd>{correction.contactEmail ? <span dir="ltr">{correction.contactEmail}</span> : t('noContact')}</dd>
        </dl>
        <p className="form-hint">{t('writtenIn', { language })}</p>
        <blockquote className="correction-message" lang={senderLocale}>
          {correction.message}
        </blockquote>
      </section>

      <section aria-labelledby="tjansten" className="form-section">
        <h2 id="tjansten">{t('serviceHeading')}</h2>
        <dl className="correction-facts">
          <dt>{t('service')}</dt>
          <dd>{correction.service.name}</dd>
          <dt>{t('organization')}</dt>
          <dd>{correction.service.organizationName}</dd>
        </dl>
        {correction.service.isActive ? null : <p className="notice">{t('serviceInactive')}</p>}
        <ul>
          {correction.service.isActive ? (
            <li>
              <Link href={`/tjanster/${correction.service.slug}`}>{t('viewService')}</Link>
            </li>
          ) : null}
          <li>
            <Link href={`/admin/tjanster/${correction.service.id}`}>{t('editService')}</Link>
          </li>
        </ul>
      </section>

      {isNew ? (
        <section aria-labelledby="hantera" className="form-section">
          <h2 id="hantera">{t('decisionHeading')}</h2>
          <CorrectionDecisionForm
            action={handleCorrectionAction}
            hidden={{ locale, id: correction.id }}
            limits={{ replyMax: REPLY_MAX_LENGTH }}
            messages={formMessages}
            labels={{
              reply: t('reply'),
              replyHint: correction.contactEmail ? t('replyHint', { language }) : t('replyHintNoContact'),
              markHandled: t('markHandled'),
              dismiss: t('dismiss'),
            }}
          />
        </section>
      ) : (
        <section aria-labelledby="beslut-rubrik" className="form-section">
          <h2 id="beslut-rubrik">{t('decidedHeading')}</h2>
          <p>
            {t('decidedBy', {
              status: tc(`statuses.${correction.status}`),
              name: correction.handledByName ?? '–',
              date: correction.handledAt ? when(correction.handledAt) : '',
            })}
          </p>
          {correction.reply ? (
            <>
              <h3>{t('replyHeading')}</h3>
              <blockquote className="correction-message">{correction.reply}</blockquote>
              {correction.repliedAt ? <p>{t('repliedAt', { date: when(correction.repliedAt) })}</p> : <p>{t('replyNotSent')}</p>}
              {canResend ? <ResendReplyForm action={resendCorrectionReplyAction} hidden={{ locale, id: correction.id }} label={t('resend')} messages={formMessages} /> : null}
            </>
          ) : null}
        </section>
      )}

      <p className="back-link">
        <Link href="/admin/rattelser">{t('backToList')}</Link>
      </p>
    </div>
  );
}
