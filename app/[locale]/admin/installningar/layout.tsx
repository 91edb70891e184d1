import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { SettingsNav } from '@/components/admin/settings/settings-nav';
import { resolveLocale } from '@/i18n/params';
import { getActor } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import '@/components/admin/directory-admin.css';

/** The settings' sub-navigation above every settings page, for those who may use them. */
export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await resolveLocale(params);
  const actor = await getActor();
  if (!can(actor, 'directory.settings', null)) return children;
  const t = await getTranslations({ locale, namespace: 'AdminSettings' });
  return (
    <>
      <SettingsNav
        labels={{
          label: t('nav.label'),
          thesaurus: t('nav.thesaurus'),
          categories: t('nav.categories'),
          attributes: t('nav.attributes'),
          municipalities: t('nav.municipalities'),
          targetGroups: t('nav.targetGroups'),
        }}
      />
      {children}
    </>
  );
}
