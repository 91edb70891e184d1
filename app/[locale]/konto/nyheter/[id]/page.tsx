import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { PostForm } from '@/components/news/editor/post-form';
import { getNewsFormMessages, getPostFormTexts } from '@/components/news/texts';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { autosavePostAction, savePostAction, unpublishPostAction } from '@/lib/news/actions';
import { successKeyOf } from '@/lib/news/post-schemas';
import { getEditablePost, listEditorOptions } from '@/lib/news/posts';
import { dateTimeLocalValue } from '@/lib/time/zoned';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The post, shared by the metadata and the page; null when it is another association's. */
const loadPost = cache(async (locale: AppLocale, id: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/konto/nyheter/${encodeURIComponent(id)}`, locale }));
  try {
    return { actor, post: await getEditablePost(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    if (isAppError(error) && error.code === 'FORBIDDEN') return { actor, post: null };
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const [t, { post }] = await Promise.all([getTranslations({ locale, namespace: 'NewsEditor' }), loadPost(locale, id)]);
  const title = post ? t('editTitle', { title: post.title }) : t('notAllowedTitle');
  return { ...(await buildPageMetadata(locale, title, t('description'))), robots: { index: false, follow: false } };
}

export default async function EditPostPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const [{ actor, post }, t, format] = await Promise.all([loadPost(locale, id), getTranslations({ locale, namespace: 'NewsEditor' }), getFormatter({ locale })]);
  if (!post) {
    return (
      <div className="container container--text info-page">
        <h1>{t('notAllowedTitle')}</h1>
        <p className="lead">{t('errors.forbidden')}</p>
        <p>
          <Link href="/konto/nyheter">{t('backToList')}</Link>
        </p>
      </div>
    );
  }
  const [options, texts, messages] = await Promise.all([listEditorOptions(actor, post.organization.id), getPostFormTexts(locale), getNewsFormMessages(locale)]);
  const success = successKeyOf((await searchParams).klart);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
  return (
    <div className="container info-page news-admin">
      <h1>{t('editTitle', { title: post.title })}</h1>
      <p className="lead">{t('editIntro', { organization: post.organization.name, status: t(`status.${post.status}`) })}</p>
      <ul className="action-links">
        <li>
          <Link href={`/konto/nyheter/${post.id}/forhandsgranska`}>{t('preview')}</Link>
        </li>
        <li>
          <Link href={`/konto/nyheter/${post.id}/versioner`}>{t('revisions')}</Link>
        </li>
        {post.status === 'PUBLISHED' ? (
          <li>
            <Link href={`/nyheter/${post.slug}`}>{t('viewPublic')}</Link>
          </li>
        ) : null}
      </ul>
      {post.moderationReason ? (
        <div className="notice notice--warning" role="note">
          <h2 className="notice__title">{t('moderatedTitle')}</h2>
          <p>{t('moderatedText', { reason: post.moderationReason })}</p>
        </div>
      ) : null}
      {post.status === 'PENDING_APPROVAL' ? <p className="notice">{t('pendingApproval')}</p> : null}
      {post.status === 'SCHEDULED' && post.publishAt ? <p className="notice">{t('scheduledInfo', { date: when(post.publishAt) })}</p> : null}
      {post.pendingAutosave ? <p className="notice">{t('pendingAutosave', { time: when(post.pendingAutosave.createdAt) })}</p> : null}
      <PostForm
        key={post.version}
        action={savePostAction}
        autosave={autosavePostAction}
        locale={locale}
        post={{
          id: post.id,
          version: post.version,
          status: post.status,
          title: post.title,
          summary: post.summary,
          body: post.body,
          topicIds: post.topicIds,
          isEvent: post.event !== null,
          eventStart: dateTimeLocalValue(post.event?.startsAt ?? null),
          eventEnd: dateTimeLocalValue(post.event?.endsAt ?? null),
          eventPlace: post.event?.place ?? '',
          eventSignupUrl: post.event?.signupUrl ?? '',
          eventServiceId: post.event?.serviceId ?? '',
          publishAt: dateTimeLocalValue(post.publishAt),
          organizationId: post.organization.id,
          isModerated: post.moderationReason !== null,
        }}
        topics={options.topics}
        services={options.services}
        canPublish={post.can.publish}
        success={success ? t(`success.${success}`) : null}
        texts={texts}
        messages={messages}
      />
      {post.can.unpublish && (post.status === 'PUBLISHED' || post.status === 'SCHEDULED' || post.status === 'PENDING_APPROVAL') ? (
        <section aria-labelledby="avpublicera" className="form-section">
          <h2 id="avpublicera">{t('unpublishHeading')}</h2>
          <p>{t('unpublishHint')}</p>
          <ActionForm id="avpublicera-form" action={unpublishPostAction} hidden={{ locale, postId: post.id }} messages={messages} submit={t('unpublish')} submitClassName="button button--danger" />
        </section>
      ) : null}
      <p className="back-link">
        <Link href="/konto/nyheter">{t('backToList')}</Link>
      </p>
    </div>
  );
}
