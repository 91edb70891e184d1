import { useLocale, useTranslations } from 'next-intl';
import { SignOutForm } from '@/components/auth/sign-out-form';
import { Link } from '@/i18n/navigation';
import { SearchForm } from '@/components/search/search-form';
import { UnreadNotificationCount } from '@/components/notifications/unread-count';
import { LanguageSwitcher } from './language-switcher';
import { MainNav } from './main-nav';
import { QuickExitBar } from './quick-exit-bar';

/** `siteName` is the short name: the full one can be a whole sentence, too long for a header. */
export function SiteHeader({ siteName, isSignedIn }: { siteName: string; isSignedIn: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  // Sections join the navigation when their pages exist (the workshop adds its entry here
  // too), so the menu never leads to a dead end.
  const navItems = [
    { href: '/sok', label: t('Navigation.search') },
    { href: '/nyheter', label: t('Navigation.news') },
    { href: '/kalender', label: t('Navigation.calendar') },
    { href: '/synergiverkstad', label: t('Navigation.workshop') },
    ...(isSignedIn ? [{ href: '/verkstad', label: t('Workshop.nav') }] : []),
    { href: '/min-lista', label: t('Navigation.myList'), showsMyListCount: true },
    { href: '/om', label: t('Navigation.about') },
    ...(isSignedIn
      ? [
          { href: '/konto/aviseringar', label: t('Notifications.navLink'), badge: <UnreadNotificationCount /> },
          { href: '/konto', label: t('Auth.myAccount') },
        ]
      : []),
  ];
  return (
    <header className="site-header">
      {/* First after the skip link and at the very top, so it is reachable at once. */}
      <QuickExitBar label={t('QuickExit.label')} description={t('QuickExit.description')} />
      <div className="container site-header__main">
        {/* No prefetch, as in the menu and footer: otherwise every page fetches the home page's data while it loads. */}
        <Link href="/" prefetch={false} className="site-name" aria-label={t('Layout.homeLink', { site: siteName })}>
          {siteName}
        </Link>
        <div className="account-bar">
          <LanguageSwitcher label={t('LanguageSwitcher.label')} />
          {isSignedIn ? <SignOutForm label={t('Auth.signOut')} locale={locale} /> : null}
        </div>
      </div>
      <div className="container site-header__search">
        <SearchForm variant="header" inputId="site-search-q" />
      </div>
      <MainNav label={t('Layout.mainNavLabel')} items={navItems} />
    </header>
  );
}
