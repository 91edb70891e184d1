import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountOverview } from '@/components/accounts/account-overview';
import { getFormTexts } from '@/components/accounts/form-texts';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { getOwnAccount, listInviteTargets } from '@/lib/accounts/queries';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { hasKeywordServices } from '@/lib/directory/keywords';
import { listWritableOrganizations } from '@/lib/news/posts';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Account' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function AccountPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/konto', locale }));
  const [account, targets, texts, canEditKeywords, newsOrganizations] = await Promise.all([
    getOwnAccount(actor),
    listInviteTargets(actor),
    getFormTexts(locale),
    hasKeywordServices(actor),
    listWritableOrganizations(actor),
  ]);
  const canManageDirectory = can(actor, 'service.manage', null);
  return (
    <AccountOverview
      account={account}
      locale={locale}
      texts={texts}
      canInvite={targets.length > 0}
      canManageUsers={can(actor, 'user.manage', null)}
      canManageThesaurus={can(actor, 'directory.settings', null)}
      canEditKeywords={canEditKeywords}
      canWriteNews={newsOrganizations.length > 0}
      canModerateNews={can(actor, 'post.moderate', null)}
      canTriageIssues={can(actor, 'issue.triage', null)}
      canManageDirectory={canManageDirectory}
      // The coordinator reaches every organisation's page from "Organisationer" instead.
      profileOrganizations={canManageDirectory ? [] : account.memberships
        .filter((m) => m.organizationKind === 'ASSOCIATION' && can(actor, 'organization.editProfile', { organizationId: m.organizationId }))
        .map((m) => ({ id: m.organizationId, name: m.organizationName }))}
    />
  );
}
