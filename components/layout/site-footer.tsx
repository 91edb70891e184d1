import { useTranslations } from 'next-intl';
import { HelpNumbers } from '@/components/help/help-numbers';
import { Link } from '@/i18n/navigation';

export function SiteFooter({ siteName, isSignedIn }: { siteName: string; isSignedIn: boolean }) {
  const t = useTranslations();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <HelpNumbers headingId="footer-help-heading" />
        <p className="site-footer__note">{t('Footer.notEmergency')}</p>
        <nav className="site-footer__nav" aria-label={t('Layout.footerNavLabel')}>
          <ul>
            <li>
              <Link href="/om" prefetch={false}>
                {t('Footer.about')}
              </Link>
            </li>
            <li>
              <Link href="/tillganglighet" prefetch={false}>
                {t('Footer.accessibility')}
              </Link>
            </li>
            <li>
              <Link href="/integritet" prefetch={false}>
                {t('Footer.privacy')}
              </Link>
            </li>
            {isSignedIn ? null : (
              <li>
                <Link href="/logga-in" prefetch={false}>
                  {t('Auth.staffSignIn')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <p className="site-footer__name">{siteName}</p>
      </div>
    </footer>
  );
}
