import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';

export function HomeIntro() {
  const t = useTranslations('Home');
  return (
    <section className="home-section" aria-labelledby="home-intro-heading">
      <div className="container container--text">
        <h2 id="home-intro-heading">{t('introHeading')}</h2>
        <p>{t('intro1')}</p>
        <p>{t('intro2')}</p>
        <p>
          <Link href="/om">{t('aboutLink')}</Link>
        </p>
      </div>
    </section>
  );
}
