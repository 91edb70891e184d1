import { useFormatter, useTranslations } from 'next-intl';
import { responsibleBody } from '@/components/layout/site-area';
import type { SiteInfo } from '@/lib/site/site-info';
import { InfoPage, InfoSection, emailLink, externalLink } from './info-page';

export const PRIVACY_POLICY_DATE = new Date('2026-11-23T12:00:00Z');

const IMY_URL = 'https://www.imy.se/';

export function PrivacyPolicy({ site }: { site: SiteInfo }) {
  const t = useTranslations('Privacy');
  const format = useFormatter();
  return (
    <InfoPage heading={t('heading')} lead={t('lead', { site: site.shortName })}>
      <InfoSection id="kakor" heading={t('cookiesHeading')}>
        <p>{t('cookies1')}</p>
        <p>{t('cookies2')}</p>
      </InfoSection>
      <InfoSection id="andra-webbplatser" heading={t('thirdPartyHeading')}>
        <p>{t('thirdParty1')}</p>
      </InfoSection>
      <InfoSection id="min-lista" heading={t('myListHeading')}>
        <p>{t('myList1')}</p>
      </InfoSection>
      <InfoSection id="sokstatistik" heading={t('searchHeading')}>
        <p>{t('search1')}</p>
        <p>{t('search2')}</p>
      </InfoSection>
      <InfoSection id="loggar" heading={t('logsHeading')}>
        <p>{t('logs1')}</p>
      </InfoSection>
      <InfoSection id="konton" heading={t('accountsHeading')}>
        <p>{t('accounts1')}</p>
        <p>{t('accounts2')}</p>
        <p>{t('accounts3')}</p>
      </InfoSection>
      <InfoSection id="hamta-och-radera" heading={t('exportHeading')}>
        <p>{t('export1')}</p>
      </InfoSection>
      <InfoSection id="lagringstid" heading={t('retentionHeading')}>
        <p>{t('retention1')}</p>
      </InfoSection>
      <InfoSection id="personuppgiftsansvarig" heading={t('controllerHeading')}>
        <p>
          {t.rich('controller1', {
            controller: responsibleBody(site),
            site: site.shortName,
            address: site.contactEmail || site.name,
            email: emailLink(site.contactEmail),
          })}
        </p>
      </InfoSection>
      <InfoSection id="rattigheter" heading={t('rightsHeading')}>
        <p>{t('rights1')}</p>
      </InfoSection>
      <InfoSection id="klagomal" heading={t('complaintHeading')}>
        <p>{t.rich('complaint1', { link: externalLink(IMY_URL) })}</p>
      </InfoSection>
      <p className="info-page__updated">
        {t('updated', { date: format.dateTime(PRIVACY_POLICY_DATE, { dateStyle: 'long' }) })}
      </p>
    </InfoPage>
  );
}
