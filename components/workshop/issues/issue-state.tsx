import { useFormatter, useTranslations } from 'next-intl';
import type { Actor } from '@/lib/authz/actor';
import type { IssueState, PublicState } from '@/lib/workshop/states';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';

/**
 * Which words a reader gets for an issue's state: the workshop's own states for the people who
 * work on it (the filing association, its responders, the coordinator), the smaller public
 * vocabulary for everyone else (docs/decisions/0012).
 */
export type StateVocabulary = 'internal' | 'public';

/** The filing association on its own issues, officials and the coordinator get the workshop's states. */
export function stateVocabularyFor(actor: Actor, isFiler: boolean): StateVocabulary {
  const worksOnIssues = actor.kind === 'user' && actor.memberships.some((m) => m.role === 'OFFICIAL' || m.role === 'COORDINATOR');
  return isFiler || worksOnIssues ? 'internal' : 'public';
}

export function StateBadge({ state, publicState, vocabulary }: { state: IssueState; publicState: PublicState; vocabulary: StateVocabulary }) {
  const t = useTranslations('Workshop');
  const label = vocabulary === 'internal' ? t(`states.${state}`) : t(`publicStates.${publicState}`);
  return <span className={`issue-state issue-state--${publicState}`}>{label}</span>;
}

/** Overdue is said in words with an icon, never by colour alone. */
export function OverdueFlag() {
  const t = useTranslations('Workshop');
  return (
    <span className="issue-overdue">
      <svg className="issue-overdue__icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M12 7v5l3 3" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      {t('overdue')}
    </span>
  );
}

/** A date of the workshop (a due date, a submission), as the Stockholm calendar day. */
export function IssueDate({ value, withTime = false }: { value: Date; withTime?: boolean }) {
  const format = useFormatter();
  return (
    <time dateTime={value.toISOString()}>
      {format.dateTime(value, withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE } : { dateStyle: 'medium', timeZone: PORTAL_TIME_ZONE })}
    </time>
  );
}
