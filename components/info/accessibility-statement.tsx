import { useFormatter, useTranslations } from 'next-intl';
import { responsibleBody } from '@/components/layout/site-area';
import type { SiteInfo } from '@/lib/site/site-info';
import { InfoPage, InfoSection, emailLink, externalLink } from './info-page';

/** When the statement was last reviewed; DOS-lagen requires the date to be shown. */
export const ACCESSIBILITY_STATEMENT_DATE = new Date('2026-11-23T12:00:00Z');

/** Digg's form for reporting a public website that does not meet the law. */
const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

export function AccessibilityStatement({ site }: { site: SiteInfo }) {
  const t = useTranslations('Accessibility');
  const format = useFormatter();
  const email = { address: site.contactEmail || site.name, email: emailLink(site.contactEmail) };
  return (
    <InfoPage heading={t('heading')}>
      <p className="lead">{t('intro1', { controller: responsibleBody(site), site: site.shortName })}</p>
      <InfoSection id="status" heading={t('statusHeading')}>
        <p>{t('status1')}</p>
        <p>{t('status2')}</p>
      </InfoSection>
      <InfoSection id="brister" heading={t('shortcomingsHeading')}>
        <p>{t('shortcomings1')}</p>
        <p>{t('shortcomings2')}</p>
      </InfoSection>
      <InfoSection id="alternativ" heading={t('alternativesHeading')}>
        <p>{t.rich('alternatives1', email)}</p>
      </InfoSection>
      <InfoSection id="rapportera" heading={t('reportHeading')}>
        <p>{t.rich('report1', email)}</p>
      </InfoSection>
      <InfoSection id="tillsyn" heading={t('enforcementHeading')}>
        <p>{t.rich('enforcement1', { link: externalLink(DIGG_REPORT_URL) })}</p>
      </InfoSection>
      <InfoSection id="testning" heading={t('testingHeading')}>
        <p>{t('testing1')}</p>
      </InfoSection>
      <InfoSection id="om-redogorelsen" heading={t('dateHeading')}>
        <p>
          {t('date1', {
            date: format.dateTime(ACCESSIBILITY_STATEMENT_DATE, { dateStyle: 'long' }),
            site: site.shortName,
          })}
        </p>
      </InfoSection>
    </InfoPage>
  );
}
