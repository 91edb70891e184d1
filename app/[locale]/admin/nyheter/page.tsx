import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listModerationLog, listPostsForModeration } from '@/lib/news/posts';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminNews' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

/** The coordinator's moderation: recent posts of every association and the moderation log. */
export default async function AdminNewsPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/nyheter', locale }));
  if (!can(actor, 'post.moderate', null)) return <NotAllowed />;
  const [t, tStatus, format, posts, log] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminNews' }),
    getTranslations({ locale, namespace: 'NewsEditor.status' }),
    getFormatter({ locale }),
    listPostsForModeration(actor),
    listModerationLog(actor),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
  return (
    <div className="container info-page news-admin">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <section aria-labelledby="senaste" className="form-section">
        <h2 id="senaste">{t('listHeading')}</h2>
        <div className="table-scroll" role="region" aria-labelledby="senaste" tabIndex={0}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('colTitle')}</th>
                <th scope="col">{t('colOrganization')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colDate')}</th>
              </tr>
            </thead>
            <tbody>
              {posts.map((post) => (
                <tr key={post.id}>
                  <td>
                    <Link href={`/admin/nyheter/${post.id}`} aria-label={t('review', { title: post.title })}>
                      {post.title}
                    </Link>
                  </td>
                  <td>{post.organizationName}</td>
                  <td>
                    <span className={`post-status post-status--${post.status.toLowerCase()}`}>{tStatus(post.status)}</span>
                  </td>
                  <td>{date(post.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="logg" className="form-section">
        <h2 id="logg">{t('logHeading')}</h2>
        {log.length === 0 ? (
          <p>{t('logEmpty')}</p>
        ) : (
          <ol className="moderation-log">
            {log.map((row) => (
              <li key={row.id}>
                <time dateTime={row.createdAt.toISOString()}>{date(row.createdAt)}</time>{' '}
                {t(row.action === 'post.moderate' ? 'logModerated' : 'logLifted', { actor: row.actorName ?? t('unknownActor'), title: row.postTitle ?? row.postId })}
                {row.reason ? <div className="moderation-log__reason">{t('logReason', { reason: row.reason })}</div> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
