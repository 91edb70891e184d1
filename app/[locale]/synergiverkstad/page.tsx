import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { HowItWorks, PublicIssueList, WorkshopFigures } from '@/components/workshop/public/public-workshop';
import { resolveLocale } from '@/i18n/params';
import { ANONYMOUS } from '@/lib/authz/actor';
import { listPublicIssues, loadPublicWorkshopSummary } from '@/lib/workshop/public';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'WorkshopPublic' });
  return buildPageMetadata(locale, t('title'), t('description'));
}

/** The synergy workshop for everyone: how it works, its figures, and the public issues. */
export default async function SynergyWorkshopPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const [t, summary, issues] = await Promise.all([
    getTranslations({ locale, namespace: 'WorkshopPublic' }),
    loadPublicWorkshopSummary(),
    // The same for everyone, signed in or not: public views list PUBLIC issues only.
    listPublicIssues(ANONYMOUS, { page: typeof query.sida === 'string' ? query.sida : undefined }),
  ]);
  return (
    <div className="container info-page workshop-public">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <HowItWorks />
      <WorkshopFigures summary={summary} />
      <PublicIssueList page={issues} />
    </div>
  );
}
