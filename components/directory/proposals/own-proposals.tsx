import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { OwnProposal } from '@/lib/directory/proposals';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';

/**
 * The association's view of a service's proposals on /konto/tjanster/<slug>: the pending one
 * (who sent it, when, what it changes) and the latest review with the coordinator's message.
 */
export function OwnProposals({ proposals, slug }: { proposals: OwnProposal[]; slug: string }) {
  const t = useTranslations('Proposals');
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeZone: PORTAL_TIME_ZONE });
  const pending = proposals.find((p) => p.status === 'PENDING');
  const latestReviewed = proposals.find((p) => p.status !== 'PENDING');
  return (
    <section aria-labelledby="andringsforslag" className="form-section proposal-own">
      <h2 id="andringsforslag">{t('own.sectionHeading')}</h2>
      <p>{t('own.intro')}</p>
      {pending ? (
        <div className="notice proposal-own__pending">
          <p>
            <span className="tag">{t('statuses.PENDING')}</span> {t('own.pendingText', { date: when(pending.createdAt), name: pending.proposedByName ?? t('own.unknownPerson') })}
          </p>
          {pending.changedLabelKeys.length > 0 ? (
            <>
              <p>{t('own.changedFields')}</p>
              <ul>
                {pending.changedLabelKeys.map((key) => (
                  <li key={key}>{t(key as 'fields.name')}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {latestReviewed ? (
        <div className="proposal-own__reviewed">
          <p>
            <span className={latestReviewed.status === 'REJECTED' ? 'tag tag--warning' : 'tag'}>{t(`statuses.${latestReviewed.status}`)}</span>{' '}
            {t(latestReviewed.status === 'APPROVED' ? 'own.approvedText' : 'own.rejectedText', {
              date: when(latestReviewed.createdAt),
              reviewed: latestReviewed.reviewedAt ? when(latestReviewed.reviewedAt) : '',
            })}
          </p>
          {latestReviewed.reviewMessage ? (
            <>
              <h3>{t('own.messageHeading')}</h3>
              <blockquote className="proposal-message">{latestReviewed.reviewMessage}</blockquote>
            </>
          ) : null}
        </div>
      ) : null}
      {!pending && !latestReviewed ? <p>{t('own.none')}</p> : null}
      <p>
        <Link href={`/konto/tjanster/${slug}/andra`} className="button button--secondary">
          {pending ? t('own.editPending') : t('own.proposeLink')}
        </Link>
      </p>
    </section>
  );
}
