import { useTranslations } from 'next-intl';
import { getPathname, Link } from '@/i18n/navigation';
import { localeNames, routing, type AppLocale } from '@/i18n/routing';
import {
  changePasswordAction,
  deleteAccountAction,
  updatePreferencesAction,
  updateProfileAction,
} from '@/lib/accounts/actions';
import type { OwnAccount } from '@/lib/accounts/queries';
import { NAME_MAX_LENGTH, NOTIFICATION_MODES } from '@/lib/accounts/schemas';
import { AccountForm, type FormTexts } from './account-form';

interface AccountOverviewProps {
  account: OwnAccount;
  locale: AppLocale;
  texts: FormTexts;
  canInvite: boolean;
  canManageUsers: boolean;
  canManageThesaurus: boolean;
  /** Has services whose keywords they may change. */
  canEditKeywords: boolean;
  canWriteNews: boolean;
  canModerateNews: boolean;
  /** The coordinator's workshop queue. */
  canTriageIssues: boolean;
  /** The coordinator's directory pages: services, organisations, proposals, corrections, needs, import. */
  canManageDirectory: boolean;
  /** Associations whose profile this person edits as association admin. */
  profileOrganizations: { id: string; name: string }[];
}

/** The coordinator's directory pages, in the order of the work: listings, then what comes in. */
const DIRECTORY_LINKS = [
  ['/admin/tjanster', 'services'],
  ['/admin/organisationer', 'organizations'],
  ['/admin/forslag', 'proposals'],
  ['/admin/rattelser', 'corrections'],
  ['/admin/behov', 'unmetNeeds'],
  ['/admin/import', 'importExport'],
] as const;

/** The /konto page: memberships, name, preferences, password, export and deletion. */
export function AccountOverview({
  account,
  locale,
  texts,
  canInvite,
  canManageUsers,
  canManageThesaurus,
  canEditKeywords,
  canWriteNews,
  canModerateNews,
  canTriageIssues,
  canManageDirectory,
  profileOrganizations,
}: AccountOverviewProps) {
  const tWorkshop = useTranslations('Workshop');
  const tNews = useTranslations('NewsEditor');
  const tModeration = useTranslations('AdminNews');
  const t = useTranslations('Account');
  const hidden = { locale };
  const passwordFields = [
    ...(account.hasPassword
      ? [{ name: 'currentPassword', label: t('currentPassword'), type: 'password' as const, autoComplete: 'current-password', required: true }]
      : []),
    { name: 'newPassword', label: t('newPassword'), type: 'password' as const, autoComplete: 'new-password', hint: t('passwordHint'), required: true },
    { name: 'newPasswordConfirm', label: t('newPasswordConfirm'), type: 'password' as const, autoComplete: 'new-password', required: true },
  ];

  return (
    <div className="container container--text info-page account-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead', { name: account.name, email: account.email })}</p>

      <section aria-labelledby="organisationer" className="form-section">
        <h2 id="organisationer">{t('organizationsHeading')}</h2>
        {account.memberships.length > 0 ? (
          <ul className="membership-list">
            {account.memberships.map((m) => (
              <li key={m.membershipId}>{t('membership', { organization: m.organizationName, role: t(`roles.${m.role}`) })}</li>
            ))}
          </ul>
        ) : (
          <p>{t('noOrganizations')}</p>
        )}
        <ul className="action-links">
          <li>
            <Link href="/verkstad">{tWorkshop('accountLink')}</Link>
          </li>
          {canWriteNews ? (
            <li>
              <Link href="/konto/nyheter">{tNews('accountLink')}</Link>
            </li>
          ) : null}
          {canInvite ? (
            <li>
              <Link href="/konto/bjud-in">{t('inviteLink')}</Link>
            </li>
          ) : null}
          {canEditKeywords ? (
            <li>
              <Link href="/konto/tjanster">{t('keywordsLink')}</Link>
            </li>
          ) : null}
          {canManageUsers ? (
            <li>
              <Link href="/admin/anvandare">{t('adminLink')}</Link>
            </li>
          ) : null}
          {profileOrganizations.map((organization) => (
            <li key={organization.id}>
              <Link href={`/admin/organisationer/${organization.id}`}>{t('profileLink', { organization: organization.name })}</Link>
            </li>
          ))}
          {canManageDirectory
            ? DIRECTORY_LINKS.map(([href, key]) => (
                <li key={href}>
                  <Link href={href}>{t(`directoryLinks.${key}`)}</Link>
                </li>
              ))
            : null}
          {canManageThesaurus ? (
            <li>
              <Link href="/admin/installningar">{t('thesaurusLink')}</Link>
            </li>
          ) : null}
          {canModerateNews ? (
            <li>
              <Link href="/admin/nyheter">{tModeration('accountLink')}</Link>
            </li>
          ) : null}
          {canTriageIssues ? (
            <li>
              <Link href="/admin/verkstad">{tWorkshop('adminAccountLink')}</Link>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="namn" className="form-section">
        <h2 id="namn">{t('profileHeading')}</h2>
        <AccountForm
          id="profile"
          action={updateProfileAction}
          hidden={hidden}
          texts={texts}
          submitLabel={t('saveName')}
          fields={[
            {
              name: 'name',
              label: t('name'),
              type: 'text',
              autoComplete: 'name',
              hint: t('nameHint'),
              defaultValue: account.name,
              required: true,
              maxLength: NAME_MAX_LENGTH,
            },
          ]}
        />
      </section>

      <section aria-labelledby="installningar" className="form-section">
        <h2 id="installningar">{t('preferencesHeading')}</h2>
        <AccountForm
          id="preferences"
          action={updatePreferencesAction}
          hidden={hidden}
          texts={texts}
          submitLabel={t('savePreferences')}
          fields={[
            {
              name: 'notificationMode',
              label: t('notificationMode'),
              type: 'select',
              defaultValue: account.notificationMode,
              options: NOTIFICATION_MODES.map((mode) => ({ value: mode, label: t(`notificationModes.${mode}`) })),
            },
            {
              name: 'locale',
              label: t('locale'),
              type: 'select',
              defaultValue: account.locale,
              options: routing.locales.map((code) => ({ value: code, label: localeNames[code] })),
            },
          ]}
        />
      </section>

      <section aria-labelledby="losenord" className="form-section">
        <h2 id="losenord">{account.hasPassword ? t('passwordHeading') : t('setPasswordHeading')}</h2>
        <p>{account.hasPassword ? t('passwordSessionsNote') : t('noPasswordYet')}</p>
        <AccountForm
          id="password"
          action={changePasswordAction}
          hidden={hidden}
          texts={texts}
          submitLabel={t('changePassword')}
          fields={passwordFields}
        />
      </section>

      <section aria-labelledby="uppgifter" className="form-section">
        <h2 id="uppgifter">{t('dataHeading')}</h2>
        <p>{t('dataIntro')}</p>
        {/* A plain link: the route answers with a file, which client-side navigation cannot show. */}
        <a className="button button--secondary" href={getPathname({ href: '/konto/export', locale })} download="mina-uppgifter.json">
          {t('download')}
        </a>
      </section>

      <section aria-labelledby="radera" className="form-section danger-zone">
        <h2 id="radera">{t('deleteHeading')}</h2>
        <p>{t('deleteIntro')}</p>
        <AccountForm
          id="delete"
          action={deleteAccountAction}
          hidden={hidden}
          texts={texts}
          submitLabel={t('deleteButton')}
          isDanger
          fields={[{ name: 'confirmEmail', label: t('deleteConfirm'), type: 'email', autoComplete: 'off', required: true }]}
        />
      </section>
    </div>
  );
}
