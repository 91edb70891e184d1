import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { KeywordForm } from '@/components/directory/keywords/keyword-form';
import { OwnProposals } from '@/components/directory/proposals/own-proposals';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { updateServiceKeywordsAction } from '@/lib/directory/keyword-actions';
import { keywordErrors } from '@/lib/directory/keyword-schemas';
import { getKeywordService } from '@/lib/directory/keywords';
import { listOwnProposals, proposalMarkers } from '@/lib/directory/proposals';
import { isAppError } from '@/lib/errors/app-error';
import '@/components/directory/keywords/keywords.css';
import '@/components/directory/proposals/proposals.css';

interface PageProps {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The service, shared by the metadata and the page; null when it is another association's. */
const loadService = cache(async (locale: AppLocale, slug: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/konto/tjanster/${encodeURIComponent(slug)}`, locale }));
  try {
    const service = await getKeywordService(actor, slug);
    // The association's own proposals; the coordinator edits the listing itself instead.
    const canPropose = (await proposalMarkers(actor, [service.id]))[service.id]?.canPropose ?? false;
    const proposals = canPropose ? await listOwnProposals(actor, service.id) : null;
    return { ...service, proposals };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    if (isAppError(error) && error.code === 'FORBIDDEN') return null;
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const [t, service] = await Promise.all([getTranslations({ locale, namespace: 'ServiceKeywords' }), loadService(locale, slug)]);
  const title = service ? t('editTitle', { service: service.name }) : t('title');
  return { ...(await buildPageMetadata(locale, title, t('description'))), robots: { index: false, follow: false } };
}

export default async function ServiceKeywordsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const [service, t, tp, query] = await Promise.all([
    loadService(locale, slug),
    getTranslations({ locale, namespace: 'ServiceKeywords' }),
    getTranslations({ locale, namespace: 'Proposals' }),
    searchParams,
  ]);
  if (!service) {
    // Another association's service: the same answer the data layer would give a form post.
    return (
      <div className="container container--text info-page">
        <h1>{t('notAllowedTitle')}</h1>
        <p className="lead">{t('errors.forbidden')}</p>
        <p>
          <Link href="/konto/tjanster">{t('backToList')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container container--text info-page">
      <h1>{t('editTitle', { service: service.name })}</h1>
      {query.klart === 'submitted' ? (
        <p className="form-success" role="status">
          {tp('success.submitted')}
        </p>
      ) : null}
      <p className="lead">{t('editIntro', { organization: service.organizationName })}</p>
      <KeywordForm
        action={updateServiceKeywordsAction}
        hidden={{ serviceId: service.id }}
        keywords={service.keywords.join('\n')}
        labels={{ keywords: t('keywords'), keywordsHint: t('keywordsHint'), save: t('save') }}
        messages={{
          errorSummary: t('errorSummary'),
          errors: Object.fromEntries(keywordErrors.keys.map((key) => [key, t(`errors.${key}`)])),
          success: { saved: t('success.saved') },
        }}
      />
      {service.proposals ? <OwnProposals proposals={service.proposals} slug={service.slug} /> : null}
      <ul className="action-links back-link">
        {service.status === 'ACTIVE' ? (
          <li>
            <Link href={`/tjanster/${service.slug}`}>{t('viewService')}</Link>
          </li>
        ) : null}
        <li>
          <Link href="/konto/tjanster">{t('backToList')}</Link>
        </li>
      </ul>
    </div>
  );
}
