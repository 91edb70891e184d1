import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import type { FormMessages } from '@/components/forms/form-parts';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { moveAgendaItemAction, removeAgendaItemAction, saveMinuteAction } from '@/lib/workshop/meeting-actions';
import { ACTION_MAX } from '@/lib/workshop/meeting-schemas';
import type { AgendaEntry, OwnerOption } from '@/lib/workshop/meetings';
import { TEXT_MAX } from '@/lib/workshop/schemas';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import { MinuteForm } from './minute-form';
import { MinutesText } from './minutes-text';

interface AgendaItemProps {
  locale: AppLocale;
  meetingId: string;
  item: AgendaEntry;
  isFirst: boolean;
  isLast: boolean;
  /** The meeting is planned: the item can be moved, removed and minuted. */
  isEditable: boolean;
  owners: OwnerOption[];
  messages: FormMessages;
}

const ymd = (day: Date | null) => (day ? day.toISOString().slice(0, 10) : '');

/** One item of the agenda on the coordinator's meeting page: the issue's facts, the controls, the minutes. */
export async function AgendaItem({ locale, meetingId, item, isFirst, isLast, isEditable, owners, messages }: AgendaItemProps) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: 'WorkshopMeetings' }), getFormatter({ locale })]);
  const headingId = `punkt-${item.id}-rubrik`;
  const hidden = { locale, meetingId, itemId: item.id };
  const issue = item.issue;
  const savedOutcome = item.minute?.outcome ?? null;
  // A saved outcome the issue's state no longer allows stays visible, so it can be changed knowingly.
  const outcomeValues = issue ? [...issue.outcomeOptions, ...(savedOutcome && !issue.outcomeOptions.includes(savedOutcome) ? [savedOutcome] : [])] : [];
  const ownerGroups = (['REGION', 'MUNICIPALITY', 'ASSOCIATION'] as const)
    .map((kind) => ({ label: t(`ownerKinds.${kind}`), options: owners.filter((o) => o.kind === kind) }))
    .filter((group) => group.options.length > 0);

  return (
    <li id={`punkt-${item.id}`} className="agenda-item">
      <h3 id={headingId} className="agenda-item__title">
        {issue ? (
          <Link href={`/verkstad/${issue.number}`}>{t('itemIssueTitle', { position: item.position, number: issue.number, title: issue.title })}</Link>
        ) : (
          t('itemTitle', { position: item.position, title: item.title })
        )}
      </h3>
      <p className="agenda-item__reason">
        <span className={item.reason === 'OVERDUE' ? 'tag tag--warning' : 'tag'}>{t(`reasons.${item.reason}`)}</span>
        {issue?.overdue && item.reason !== 'OVERDUE' ? <span className="tag tag--warning">{t('overdue')}</span> : null}
      </p>
      {issue ? (
        <dl className="agenda-item__facts">
          <dt>{t('state')}</dt>
          <dd>{t(`states.${issue.state}`)}</dd>
          <dt>{t('filedBy')}</dt>
          <dd>{issue.filedBy}</dd>
          <dt>{t('responders')}</dt>
          <dd>{issue.responders.length > 0 ? issue.responders.join(', ') : t('noResponders')}</dd>
          <dt>{t('dueAt')}</dt>
          <dd>{issue.dueAt ? format.dateTime(issue.dueAt, { dateStyle: 'long', timeZone: PORTAL_TIME_ZONE }) : t('noDueDate')}</dd>
          <dt>{t('visibility')}</dt>
          <dd>{t(`visibilities.${issue.visibility}`)}</dd>
        </dl>
      ) : null}

      {isEditable ? (
        <>
          <div className="agenda-item__controls">
            {isFirst ? null : (
              <ActionForm
                id={`upp-${item.id}`}
                action={moveAgendaItemAction}
                hidden={{ ...hidden, direction: 'up' }}
                messages={messages}
                submit={t('moveUp', { position: item.position })}
                submitClassName="button button--secondary button--small"
                className="inline-form"
              />
            )}
            {isLast ? null : (
              <ActionForm
                id={`ner-${item.id}`}
                action={moveAgendaItemAction}
                hidden={{ ...hidden, direction: 'down' }}
                messages={messages}
                submit={t('moveDown', { position: item.position })}
                submitClassName="button button--secondary button--small"
                className="inline-form"
              />
            )}
            <ActionForm
              id={`ta-bort-${item.id}`}
              action={removeAgendaItemAction}
              hidden={hidden}
              messages={messages}
              submit={t('remove', { position: item.position })}
              submitClassName="button button--secondary button--small"
              className="inline-form"
            />
          </div>
          <MinuteForm
            id={`protokoll-${item.id}`}
            action={saveMinuteAction}
            hidden={hidden}
            initial={{
              decision: item.minute?.decision ?? '',
              outcome: savedOutcome ?? '',
              actionDescription: item.minute?.action?.description ?? '',
              actionOwnerOrganizationId: item.minute?.action?.ownerOrganizationId ?? '',
              actionFollowUp: ymd(item.minute?.action?.followUpAt ?? null),
            }}
            outcomes={outcomeValues.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
            owners={issue ? ownerGroups : undefined}
            labels={{
              decision: t('fields.decision'),
              decisionHint: t('fields.decisionHint'),
              outcome: t('fields.outcome'),
              outcomeHint: t('fields.outcomeHint'),
              noOutcome: t('fields.noOutcome'),
              noOutcomes: t('fields.noOutcomes'),
              action: t('fields.action'),
              actionHint: t('fields.actionHint'),
              actionDescription: t('fields.actionDescription'),
              actionOwner: t('fields.actionOwner'),
              noOwner: t('fields.noOwner'),
              actionFollowUp: t('fields.actionFollowUp'),
              submit: t('saveMinute', { position: item.position }),
            }}
            messages={messages}
            limits={{ decision: TEXT_MAX, action: ACTION_MAX }}
          />
        </>
      ) : (
        <MinutesText
          locale={locale}
          decision={item.minute?.decision ?? null}
          outcome={item.minute?.outcome ?? null}
          outcomeApplied={item.outcomeApplied}
          actions={item.minute?.action ? [{ description: item.minute.action.description, owner: item.minute.action.owner, followUpAt: item.minute.action.followUpAt }] : []}
        />
      )}
    </li>
  );
}
