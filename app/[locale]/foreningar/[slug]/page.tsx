import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { OrganizationPage } from '@/components/directory/organization-page/organization-page';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { routing, type AppLocale } from '@/i18n/routing';
import { ANONYMOUS } from '@/lib/authz/actor';
import { getOrganizationPage } from '@/lib/directory/service-page';
import { siteUrl } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { listPublishedPosts, listUpcomingEvents } from '@/lib/news/queries';

interface PageProps {
  params: Promise<{ locale: string; slug: string }>;
}

/** One query per request, shared by the metadata and the page. */
const loadOrganization = cache(async (slug: string, locale: AppLocale) => {
  try {
    return await getOrganizationPage(ANONYMOUS, slug, locale);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

const absoluteUrl = (slug: string, locale: AppLocale) => `${siteUrl()}${getPathname({ href: `/foreningar/${slug}`, locale })}`;

/** A search-result length description: the first sentence or so of the association's text. */
function shortDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 160 ? flat : `${flat.slice(0, 159).trimEnd()}…`;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const organization = await loadOrganization(slug, locale);
  const metadata = await buildPageMetadata(locale, organization.name.text, shortDescription(organization.description.text));
  return {
    ...metadata,
    alternates: {
      canonical: absoluteUrl(organization.slug, locale),
      languages: Object.fromEntries(routing.locales.map((l) => [l, absoluteUrl(organization.slug, l)])),
      types: { 'application/atom+xml': `/foreningar/${organization.slug}/feed.xml` },
    },
  };
}

export default async function OrganizationPageRoute({ params }: PageProps) {
  // Validates the locale and registers it for next-intl's server functions in this render.
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const organization = await loadOrganization(slug, locale);
  const [posts, events] = await Promise.all([
    listPublishedPosts(ANONYMOUS, { organization: organization.slug }),
    listUpcomingEvents(ANONYMOUS, 5, new Date(), organization.slug),
  ]);
  return <OrganizationPage organization={organization} posts={posts.items.slice(0, 5)} events={events} />;
}
