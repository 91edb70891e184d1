import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { PostArticle } from '@/components/news/post-article';
import { getNewsFormMessages } from '@/components/news/texts';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { restoreRevisionAction } from '@/lib/news/actions';
import { getEditablePost, getRevision, listRevisions } from '@/lib/news/posts';
import { renderDocument } from '@/lib/news/render';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'NewsEditor' });
  return { ...(await buildPageMetadata(locale, t('revisions'), t('description'))), robots: { index: false, follow: false } };
}

/** Every saved version of a post, one of them shown (?version=<id>), each restorable. */
export default async function PostRevisionsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const shown = (await searchParams).version;
  const actor = await requireSignedIn(getPathname({ href: `/konto/nyheter/${encodeURIComponent(id)}/versioner`, locale }));
  const [t, format, messages] = await Promise.all([getTranslations({ locale, namespace: 'NewsEditor' }), getFormatter({ locale }), getNewsFormMessages(locale)]);
  let data;
  try {
    const post = await getEditablePost(actor, id);
    const [revisions, revision] = await Promise.all([listRevisions(actor, id), typeof shown === 'string' ? getRevision(actor, id, shown) : null]);
    data = { post, revisions, revision };
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
  const { post, revisions, revision } = data;
  const canRestore = post.can.publish || (post.status !== 'PUBLISHED' && post.status !== 'SCHEDULED');
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
  return (
    <div className="container info-page news-admin">
      <h1>{t('revisionsTitle', { title: post.title })}</h1>
      <p className="lead">{t('revisionsIntro')}</p>
      {revisions.length === 0 ? <p>{t('noRevisions')}</p> : null}
      <ol className="revision-list">
        {revisions.map((r) => (
          <li key={r.id} className="revision-list__item">
            <p>
              {t('revisionLine', { version: r.version, reason: t(`revisionReason.${r.reason}`), date: date(r.createdAt) })}
              {r.authorName ? ` ${t('revisionBy', { name: r.authorName })}` : ''}
            </p>
            <ul className="action-links">
              <li>
                <Link href={{ pathname: `/konto/nyheter/${post.id}/versioner`, query: { version: r.id } }} prefetch={false}>{t('revisionView', { version: r.version })}</Link>
              </li>
            </ul>
            {canRestore && r.version !== post.version ? (
              <ActionForm
                id={`aterstall-${r.id}`}
                action={restoreRevisionAction}
                hidden={{ locale, postId: post.id, revisionId: r.id, version: String(post.version) }}
                messages={messages}
                submit={t('restore')}
                submitClassName="button button--secondary"
                className="form form--inline"
              />
            ) : null}
          </li>
        ))}
      </ol>
      {revision ? (
        <section aria-labelledby="vald-version" className="form-section revision-preview">
          <h2 id="vald-version">{t('revisionPreviewTitle', { version: revision.version, title: revision.title })}</h2>
          <PostArticle title={revision.title} summary={revision.summary} html={renderDocument(revision.body)} organization={post.organization} publishedAt={null} topics={[]} event={null} headingLevel={3} />
        </section>
      ) : null}
      <p className="back-link">
        <Link href={`/konto/nyheter/${post.id}`}>{t('backToEditor')}</Link>
      </p>
    </div>
  );
}
