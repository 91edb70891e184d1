import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { ActionForm } from '@/components/forms/action-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { SavedPostArticle } from '@/components/news/saved-post-article';
import { getNewsFormMessages } from '@/components/news/texts';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { isAppError } from '@/lib/errors/app-error';
import { liftModerationAction, moderatePostAction } from '@/lib/news/actions';
import { successKeyOf } from '@/lib/news/post-schemas';
import { getPostForReview } from '@/lib/news/posts';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminNews' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

/** One post as the coordinator reviews it (rendered through the allow-list), with moderation. */
export default async function ReviewPostPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(getPathname({ href: `/admin/nyheter/${encodeURIComponent(id)}`, locale }));
  if (!can(actor, 'post.moderate', null)) return <NotAllowed />;
  let post;
  try {
    post = await getPostForReview(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const [t, tEditor, messages] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminNews' }),
    getTranslations({ locale, namespace: 'NewsEditor' }),
    getNewsFormMessages(locale),
  ]);
  const success = successKeyOf((await searchParams).klart);
  const formId = 'moderera';
  return (
    <div className="container container--text info-page news-admin">
      <h1>{t('reviewTitle', { title: post.title })}</h1>
      <p className="lead">{t('reviewIntro', { organization: post.organization.name, status: tEditor(`status.${post.status}`) })}</p>
      {success ? (
        <p className="form-success" role="status">
          {tEditor(`success.${success}`)}
        </p>
      ) : null}
      {post.moderationReason ? (
        <section aria-labelledby="hav" className="form-section">
          <p className="notice notice--warning">{t('moderatedInfo', { reason: post.moderationReason })}</p>
          <h2 id="hav">{t('lift')}</h2>
          <p>{t('liftHint')}</p>
          <ActionForm id="hav-form" action={liftModerationAction} hidden={{ locale, postId: post.id }} messages={messages} submit={t('lift')} submitClassName="button button--secondary" />
        </section>
      ) : (
        <section aria-labelledby="moderera-rubrik" className="form-section">
          <h2 id="moderera-rubrik">{t('moderateHeading')}</h2>
          <ActionForm id={formId} action={moderatePostAction} hidden={{ locale, postId: post.id }} labels={{ reason: t('reason') }} messages={messages} submit={t('moderate')} submitClassName="button button--danger">
            <div className="form-field">
              <label htmlFor={`${formId}-reason`}>{t('reason')}</label>
              <p className="form-hint" id={`${`${formId}-reason`}-hint`}>
                {t('reasonHint')}
              </p>
              <textarea id={`${formId}-reason`} name="reason" rows={4} maxLength={1000} aria-describedby={`${`${formId}-reason`}-hint`} />
            </div>
          </ActionForm>
        </section>
      )}
      <section aria-labelledby="innehall" className="form-section review-content">
        <h2 id="innehall">{t('contentHeading')}</h2>
        <SavedPostArticle post={post} headingLevel={3} />
      </section>
      <p className="back-link">
        <Link href="/admin/nyheter">{t('back')}</Link>
      </p>
    </div>
  );
}
