import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getNewsFormMessages } from '@/components/news/texts';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { createPostAction, setPublishingModeAction } from '@/lib/news/actions';
import { successKeyOf } from '@/lib/news/post-schemas';
import { listOwnPosts, listPublishingSettings, listWritableOrganizations } from '@/lib/news/posts';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'NewsEditor' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function AccountNewsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/konto/nyheter', locale }));
  const [t, tUsers, format, organizations, posts, settings, messages] = await Promise.all([
    getTranslations({ locale, namespace: 'NewsEditor' }),
    getTranslations({ locale, namespace: 'AdminUsers' }),
    getFormatter({ locale }),
    listWritableOrganizations(actor),
    listOwnPosts(actor),
    listPublishingSettings(actor),
    getNewsFormMessages(locale),
  ]);
  const success = successKeyOf((await searchParams).klart);
  const formId = 'ny-nyhet';
  return (
    <div className="container info-page news-admin">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {success ? (
        <p className="form-success" role="status">
          {t(`success.${success}`)}
        </p>
      ) : null}
      {organizations.length === 0 ? (
        <p>{t('noOrganizations')}</p>
      ) : (
        <section aria-labelledby="ny-nyhet-rubrik" className="form-section">
          <h2 id="ny-nyhet-rubrik">{t('newHeading')}</h2>
          <ActionForm
            id={formId}
            action={createPostAction}
            hidden={{ locale, ...(organizations.length === 1 ? { organizationId: organizations[0]!.id } : {}) }}
            labels={{ title: t('newTitle'), organizationId: t('organization') }}
            messages={messages}
            submit={t('create')}
          >
            {organizations.length > 1 ? (
              <div className="form-field">
                <label htmlFor={`${formId}-organizationId`}>{t('organization')}</label>
                <select id={`${formId}-organizationId`} name="organizationId">
                  {organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="form-field">
              <label htmlFor={`${formId}-title`}>{t('newTitle')}</label>
              <input id={`${formId}-title`} name="title" type="text" maxLength={160} required />
            </div>
          </ActionForm>
        </section>
      )}
      <section aria-labelledby="egna-nyheter" className="form-section">
        <h2 id="egna-nyheter">{t('listHeading')}</h2>
        {posts.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="egna-nyheter" tabIndex={0}>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('colTitle')}</th>
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col">{t('colUpdated')}</th>
                  {organizations.length > 1 ? <th scope="col">{t('colOrganization')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {posts.map((post) => (
                  <tr key={post.id}>
                    <td>
                      <Link href={`/konto/nyheter/${post.id}`}>{post.title}</Link>
                      {post.isEvent ? <span className="tag">{t('eventTag')}</span> : null}
                    </td>
                    <td>
                      <span className={`post-status post-status--${post.status.toLowerCase()}`}>{t(`status.${post.status}`)}</span>
                      {post.status === 'SCHEDULED' && post.publishAt ? (
                        <div className="post-status__detail">{t('scheduledFor', { date: format.dateTime(post.publishAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }) })}</div>
                      ) : null}
                      {post.moderationReason ? <div className="post-status__detail post-status__detail--warning">{t('moderatedNote', { reason: post.moderationReason })}</div> : null}
                    </td>
                    <td>
                      <time dateTime={post.updatedAt.toISOString()}>{format.dateTime(post.updatedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' })}</time>
                    </td>
                    {organizations.length > 1 ? <td>{post.organizationName}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {settings.map((setting) => (
        <section key={setting.id} aria-labelledby={`publicering-${setting.id}`} className="form-section">
          <h2 id={`publicering-${setting.id}`}>{t('settingsHeading')}</h2>
          <p>{t('settingsIntro', { organization: setting.name })}</p>
          <ActionForm id={`publicering-form-${setting.id}`} action={setPublishingModeAction} hidden={{ locale, organizationId: setting.id }} messages={messages} submit={t('saveSettings')} submitClassName="button button--secondary">
            <fieldset className="form-fieldset">
              <legend className="visually-hidden">{t('settingsHeading')}</legend>
              <label className="checkbox-label">
                <input type="radio" name="mode" value="MEMBERS_PUBLISH" defaultChecked={setting.mode === 'MEMBERS_PUBLISH'} /> {t('modeMembers')}
              </label>
              <label className="checkbox-label">
                <input type="radio" name="mode" value="ADMIN_APPROVES" defaultChecked={setting.mode === 'ADMIN_APPROVES'} /> {t('modeAdmin')}
              </label>
            </fieldset>
          </ActionForm>
        </section>
      ))}
      <p className="back-link">
        <Link href="/konto">{tUsers('backToAccount')}</Link>
      </p>
    </div>
  );
}
