import { useTranslations } from 'next-intl';
import type { AppLocale } from '@/i18n/routing';
import { createInvitationAction } from '@/lib/accounts/actions';
import type { InviteTarget } from '@/lib/accounts/queries';
import { ROLES } from '@/lib/accounts/schemas';
import { InviteForm, type FormTexts } from './account-form';

/** The invite form with its labels; used on /konto/bjud-in and the coordinator's user list. */
export function InvitePanel({ targets, locale, texts }: { targets: InviteTarget[]; locale: AppLocale; texts: FormTexts }) {
  const t = useTranslations('Invitation');
  const tAccount = useTranslations('Account');
  return (
    <InviteForm
      id="invite"
      action={createInvitationAction}
      targets={targets}
      texts={texts}
      hidden={{ locale }}
      labels={{
        email: t('email'),
        organization: t('organization'),
        role: t('role'),
        roleHint: t('roleHint'),
        send: t('send'),
        kinds: { ASSOCIATION: t('kinds.ASSOCIATION'), REGION: t('kinds.REGION'), MUNICIPALITY: t('kinds.MUNICIPALITY') },
        roles: Object.fromEntries(ROLES.map((role) => [role, tAccount(`roles.${role}`)])) as Record<(typeof ROLES)[number], string>,
      }}
    />
  );
}
