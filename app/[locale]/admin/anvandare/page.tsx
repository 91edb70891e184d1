import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getFormTexts } from '@/components/accounts/form-texts';
import { NotAllowed } from '@/components/admin/not-allowed';
import { UserAdmin, type AdminOutcome } from '@/components/admin/user-admin';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { isAccountErrorKey } from '@/lib/accounts/errors';
import { listInviteTargets, listUsers } from '@/lib/accounts/queries';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';

type SearchParams = Record<string, string | string[] | undefined>;

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

const STATUSES = ['roleChanged', 'membershipRemoved', 'userDisabled', 'userEnabled'] as const;

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminUsers' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function AdminUsersPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/anvandare', locale }));
  if (!can(actor, 'user.manage', null)) return <NotAllowed />;

  const query = await searchParams;
  const [users, targets, texts] = await Promise.all([
    listUsers(actor, { page: single(query.sida), q: single(query.q) }),
    listInviteTargets(actor),
    getFormTexts(locale),
  ]);

  // The outcome of the last admin form, from the redirect back here; only known keys are shown.
  const userId = single(query.anvandare) ?? '';
  const status = STATUSES.find((s) => s === single(query.status));
  const error = single(query.fel);
  let outcome: AdminOutcome | undefined;
  if (status) outcome = { kind: 'status', key: status, userId };
  else if (isAccountErrorKey(error)) outcome = { kind: 'error', message: texts.errors[error] ?? '', userId };

  return <UserAdmin actor={actor} users={users} targets={targets} locale={locale} texts={texts} outcome={outcome} />;
}
