import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { OwnProposal } from '@/lib/directory/proposals';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';

interface NewServiceProposalsProps {
  proposals: (OwnProposal & { organizationName: string })[];
  canProposeNew: boolean;
  /** The notice after a proposal was sent (`?klart=submitted`). */
  isSubmitted: boolean;
}

/** On /konto/tjanster: "Föreslå en ny tjänst" and the association's proposed new services with their outcome. */
export function NewServiceProposals({ proposals, canProposeNew, isSubmitted }: NewServiceProposalsProps) {
  const t = useTranslations('Proposals');
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeZone: PORTAL_TIME_ZONE });
  if (!canProposeNew && proposals.length === 0 && !isSubmitted) return null;
  return (
    <>
      {isSubmitted ? (
        <p className="form-success" role="status">
          {t('success.submitted')}
        </p>
      ) : null}
      {canProposeNew ? (
        <p>
          <Link href="/konto/tjanster/ny" className="button button--secondary">
            {t('own.newServiceLink')}
          </Link>
        </p>
      ) : null}
      {proposals.length > 0 ? (
        <section aria-labelledby="nya-tjanster">
          <h2 id="nya-tjanster">{t('own.newProposalsHeading')}</h2>
          <ul className="proposal-list">
            {proposals.map((p) => (
              <li key={p.id} className="card proposal-list__item">
                <h3 className="card__title">
                  {p.name} <span className={p.status === 'REJECTED' ? 'tag tag--warning' : 'tag'}>{t(`statuses.${p.status}`)}</span>
                </h3>
                <p className="card__meta">
                  {p.organizationName} · {t('admin.received', { date: when(p.createdAt) })}
                </p>
                {p.reviewMessage ? (
                  <>
                    <p>{t('own.messageHeading')}</p>
                    <blockquote className="proposal-message">{p.reviewMessage}</blockquote>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
