import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { draftIssueFromSearchGapAction } from '@/lib/workshop/search-gap-actions';
import { GAP_WEEKS, type SearchGap } from '@/lib/workshop/search-gaps';

const GAP_ERRORS = ['invalid', 'notFound', 'noAssociation', 'forbidden', 'unauthenticated', 'conflict', 'rateLimited'] as const;

/**
 * Searches in the directory that found nothing, beside the coordinator's queue: each can
 * become a draft workshop issue in one step, or links to the one it already became.
 */
export async function SearchGapsPanel({ gaps, locale, error }: { gaps: SearchGap[]; locale: AppLocale; error: string | null }) {
  const t = await getTranslations({ locale, namespace: 'WorkshopSearchGaps' });
  const unmet = await getTranslations({ locale, namespace: 'UnmetNeeds' });
  return (
    <section aria-labelledby="sokluckor" className="form-section">
      <h2 id="sokluckor">{t('heading')}</h2>
      <p>{t('lead', { weeks: GAP_WEEKS })}</p>
      <p>
        <Link href="/admin/behov">{unmet('panelLink')}</Link>
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {t(`errors.${GAP_ERRORS.find((key) => key === error) ?? 'invalid'}`)}
        </p>
      ) : null}
      {gaps.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="sokluckor" tabIndex={0}>
          <table className="admin-table">
            <caption className="visually-hidden">{t('caption', { weeks: GAP_WEEKS })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colQuery')}</th>
                <th scope="col">{t('colZero')}</th>
                <th scope="col">{t('colSearches')}</th>
                <th scope="col">{t('colIssue')}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((gap) => (
                <tr key={gap.query}>
                  <th scope="row">{gap.query}</th>
                  <td>{gap.zeroResults}</td>
                  <td>{gap.searches}</td>
                  <td>
                    {gap.issueNumber ? (
                      <Link href={`/verkstad/${gap.issueNumber}`}>{t('issueLink', { number: gap.issueNumber })}</Link>
                    ) : (
                      <form action={draftIssueFromSearchGapAction}>
                        <input type="hidden" name="query" value={gap.query} />
                        <input type="hidden" name="locale" value={locale} />
                        <button type="submit" className="button button--secondary">
                          {t('draft')}
                          <span className="visually-hidden">: {gap.query}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
