import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { acceptInvitationAction } from '@/lib/accounts/actions';
import { NAME_MAX_LENGTH } from '@/lib/accounts/schemas';
import type { InvitationView } from '@/lib/accounts/invitations/service';
import { AccountForm, type FieldSpec, type FormTexts } from './account-form';

/** The accept page: what the invitation is for, and the form that fits the invitee's account. */
export function InvitationAccept({
  invitation,
  token,
  locale,
  texts,
}: {
  invitation: InvitationView;
  token: string;
  locale: AppLocale;
  texts: FormTexts;
}) {
  const t = useTranslations('Invitation');
  const tAccount = useTranslations('Account');
  const format = useFormatter();

  if (!invitation.isUsable) {
    return (
      <div className="container container--text info-page">
        <h1>{t('invalidTitle')}</h1>
        <p className="lead">{t('invalidBody')}</p>
        <p>{t.rich('signInHint', { link: (chunks) => <Link href="/logga-in">{chunks}</Link> })}</p>
      </div>
    );
  }

  const password = (label: string, autoComplete: string, hint?: string): FieldSpec => ({
    name: 'password',
    label,
    type: 'password',
    autoComplete,
    hint,
    required: true,
  });
  const confirm: FieldSpec = { name: 'passwordConfirm', label: t('passwordConfirm'), type: 'password', autoComplete: 'new-password', required: true };
  const fields: Record<InvitationView['account'], FieldSpec[]> = {
    new: [
      { name: 'name', label: t('name'), type: 'text', autoComplete: 'name', required: true, maxLength: NAME_MAX_LENGTH },
      password(t('password'), 'new-password', tAccount('passwordHint')),
      confirm,
    ],
    needsPassword: [password(t('password'), 'new-password', tAccount('passwordHint')), confirm],
    existing: [password(t('currentPassword'), 'current-password')],
  };
  const intro = { new: t('newAccountIntro'), needsPassword: t('setPasswordIntro'), existing: t('existingAccountIntro') }[invitation.account];

  return (
    <div className="container container--text info-page">
      <h1>{t('heading', { organization: invitation.organizationName })}</h1>
      <p className="lead">
        {t('details', { email: invitation.email, role: t(`mail.roles.${invitation.role}`) })}{' '}
        {t('expires', { date: format.dateTime(invitation.expiresAt, { dateStyle: 'long', timeStyle: 'short' }) })}
      </p>
      <p>{intro}</p>
      <AccountForm
        id="accept"
        action={acceptInvitationAction}
        hidden={{ token, locale }}
        texts={texts}
        submitLabel={t('accept')}
        fields={fields[invitation.account]}
      />
    </div>
  );
}
