import { useFormatter, useTranslations } from 'next-intl';
import { InvitePanel } from '@/components/accounts/invite-panel';
import type { FormTexts } from '@/components/accounts/account-form';
import { getPathname, Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { changeRoleAction, removeMembershipAction, setUserDisabledAction } from '@/lib/accounts/actions';
import { assignableRoles, canDisableUser, canManageMembership } from '@/lib/accounts/permissions';
import type { InviteTarget, UserListItem, UserPage } from '@/lib/accounts/queries';
import { SEARCH_MAX_LENGTH } from '@/lib/accounts/schemas';
import type { Actor } from '@/lib/authz/actor';

export type AdminOutcome = { kind: 'status'; key: 'roleChanged' | 'membershipRemoved' | 'userDisabled' | 'userEnabled'; userId: string } | { kind: 'error'; message: string; userId: string };

interface UserAdminProps {
  actor: Actor;
  users: UserPage;
  targets: InviteTarget[];
  locale: AppLocale;
  texts: FormTexts;
  outcome?: AdminOutcome;
}

/** Where each admin form returns to: the same search and page. */
function ListPosition({ users, locale, userId }: { users: UserPage; locale: AppLocale; userId: string }) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="userId" value={userId} />
      {users.q ? <input type="hidden" name="q" value={users.q} /> : null}
      <input type="hidden" name="sida" value={String(users.page)} />
    </>
  );
}

function Outcome({ outcome }: { outcome: AdminOutcome }) {
  const t = useTranslations('AdminUsers');
  if (outcome.kind === 'status') {
    return (
      <p className="form-success" role="status">
        {t(`status.${outcome.key}`)}
      </p>
    );
  }
  return (
    <p className="form-error" role="alert">
      {outcome.message}
    </p>
  );
}

function UserCard({ user, actor, users, locale, outcome }: { user: UserListItem; actor: Actor; users: UserPage; locale: AppLocale; outcome?: AdminOutcome }) {
  const t = useTranslations('AdminUsers');
  const tAccount = useTranslations('Account');
  const format = useFormatter();
  const isSelf = actor.kind === 'user' && actor.userId === user.id;
  const cardId = `anvandare-${user.id}`;
  return (
    <li className={user.isDisabled ? 'card user-card user-card--disabled' : 'card user-card'} id={cardId}>
      <h3 className="card__title">
        {user.name}
        {isSelf ? <span className="tag">{t('you')}</span> : null}
        {user.isDisabled ? <span className="tag tag--warning">{t('disabled')}</span> : null}
      </h3>
      <p className="card__meta">
        <span dir="ltr">{user.email}</span>
        <br />
        {user.lastSignInAt
          ? t('lastSignIn', { date: format.dateTime(user.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' }) })
          : t('neverSignedIn')}
      </p>
      {outcome?.userId === user.id ? <Outcome outcome={outcome} /> : null}
      {user.memberships.length === 0 ? <p>{t('noMemberships')}</p> : null}
      <ul className="membership-admin">
        {user.memberships.map((m) => {
          const place = { organizationId: m.organizationId, organizationKind: m.organizationKind };
          if (!canManageMembership(actor, { ...place, userId: user.id, role: m.role })) {
            return <li key={m.membershipId}>{tAccount('membership', { organization: m.organizationName, role: tAccount(`roles.${m.role}`) })}</li>;
          }
          const selectId = `roll-${m.membershipId}`;
          return (
            <li key={m.membershipId} className="membership-admin__row">
              <form action={changeRoleAction} className="inline-form">
                <ListPosition users={users} locale={locale} userId={user.id} />
                <input type="hidden" name="membershipId" value={m.membershipId} />
                <label htmlFor={selectId}>{t('roleIn', { organization: m.organizationName })}</label>
                <span className="inline-form__controls">
                  <select id={selectId} name="role" defaultValue={m.role}>
                    {assignableRoles(actor, place).map((role) => (
                      <option key={role} value={role}>
                        {tAccount(`roles.${role}`)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button button--small">
                    {t('saveRole')}
                  </button>
                </span>
              </form>
              <form action={removeMembershipAction} className="inline-form">
                <ListPosition users={users} locale={locale} userId={user.id} />
                <input type="hidden" name="membershipId" value={m.membershipId} />
                <button type="submit" className="button button--secondary button--small">
                  {t('remove')}
                  <span className="visually-hidden">: {m.organizationName}</span>
                </button>
              </form>
            </li>
          );
        })}
      </ul>
      {canDisableUser(actor, user.id) ? (
        <form action={setUserDisabledAction} className="inline-form">
          <ListPosition users={users} locale={locale} userId={user.id} />
          <input type="hidden" name="disabled" value={user.isDisabled ? 'false' : 'true'} />
          <button type="submit" className={user.isDisabled ? 'button button--secondary button--small' : 'button button--danger button--small'}>
            {user.isDisabled ? t('enable') : t('disable')}
            <span className="visually-hidden">: {user.name}</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}

/** The coordinator's list of accounts: search, roles, memberships, disabling, invitations. */
export function UserAdmin({ actor, users, targets, locale, texts, outcome }: UserAdminProps) {
  const t = useTranslations('AdminUsers');
  const listPath = getPathname({ href: '/admin/anvandare', locale });
  const pageHref = (page: number) => ({
    pathname: '/admin/anvandare' as const,
    query: { ...(users.q ? { q: users.q } : {}), ...(page > 1 ? { sida: String(page) } : {}) },
  });
  const isOutcomeShownInCard = outcome !== undefined && users.items.some((u) => u.id === outcome.userId);

  return (
    <div className="container info-page admin-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {outcome && !isOutcomeShownInCard ? <Outcome outcome={outcome} /> : null}

      <form method="get" action={listPath} className="admin-search" role="search">
        <div className="form-field">
          <label htmlFor="anvandare-sok">{t('searchLabel')}</label>
          <span className="inline-form__controls">
            <input id="anvandare-sok" name="q" type="search" defaultValue={users.q} maxLength={SEARCH_MAX_LENGTH} />
            <button type="submit" className="button">
              {t('search')}
            </button>
          </span>
        </div>
        {users.q ? (
          <p>
            <Link href="/admin/anvandare">{t('showAll')}</Link>
          </p>
        ) : null}
      </form>

      <section aria-labelledby="konton">
        <h2 id="konton">{t('listHeading')}</h2>
        <p role="status">{t('count', { count: users.total })}</p>
        {users.items.length === 0 && users.q ? <p>{t('noResults')}</p> : null}
        <ul className="user-list">
          {users.items.map((user) => (
            <UserCard key={user.id} user={user} actor={actor} users={users} locale={locale} outcome={outcome} />
          ))}
        </ul>
        {users.pageCount > 1 ? (
          <nav aria-label={t('pagination')} className="pagination">
            {users.page > 1 ? <Link href={pageHref(users.page - 1)}>{t('previous')}</Link> : null}
            <span>{t('pageOf', { page: users.page, pages: users.pageCount })}</span>
            {users.page < users.pageCount ? <Link href={pageHref(users.page + 1)}>{t('next')}</Link> : null}
          </nav>
        ) : null}
      </section>

      {targets.length > 0 ? (
        <section aria-labelledby="bjud-in" className="form-section">
          <h2 id="bjud-in">{t('inviteHeading')}</h2>
          <InvitePanel targets={targets} locale={locale} texts={texts} />
        </section>
      ) : null}
    </div>
  );
}
