import { useLocale, useTranslations } from 'next-intl';
import { describeArea } from '@/components/layout/site-area';
import { Link } from '@/i18n/navigation';
import type { SiteInfo } from '@/lib/site/site-info';
import { InfoPage, InfoSection, emailLink } from './info-page';

export function AboutPortal({ site }: { site: SiteInfo }) {
  const t = useTranslations('About');
  const tSite = useTranslations('Site');
  const locale = useLocale();
  const area = describeArea(site, locale, tSite('areaFallback'));
  return (
    <InfoPage heading={t('title')} lead={t('lead', { site: site.shortName, area })}>
      <InfoSection id="hitta-hjalp" heading={t('findHelpHeading')}>
        <p>{t('findHelp1')}</p>
        <p>{t('findHelp2')}</p>
      </InfoSection>
      <InfoSection id="nyheter" heading={t('newsHeading')}>
        <p>{t('news1')}</p>
      </InfoSection>
      <InfoSection id="synergiverkstaden" heading={t('workshopHeading')}>
        <p>{t('workshop1')}</p>
        <p>{t('workshop2')}</p>
      </InfoSection>
      <InfoSection id="natverket" heading={t('networkHeading')}>
        <p>{t('network1')}</p>
        <p>{t('network2')}</p>
      </InfoSection>
      <InfoSection id="bakgrund" heading={t('backgroundHeading')}>
        <p>{t('background1')}</p>
        <p>{t('background2')}</p>
      </InfoSection>
      <InfoSection id="trygghet" heading={t('safetyHeading')}>
        <p>
          {t.rich('safety1', {
            link: (chunks) => <Link href="/integritet">{chunks}</Link>,
          })}
        </p>
        <p className="notice">{t('notEmergency')}</p>
      </InfoSection>
      <InfoSection id="kontakt" heading={t('contactHeading')}>
        <p>{t.rich('contact1', { address: site.contactEmail || site.name, email: emailLink(site.contactEmail) })}</p>
      </InfoSection>
    </InfoPage>
  );
}
