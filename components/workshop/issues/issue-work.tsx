import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import {
  addCommentAction,
  addInternalNoteAction,
  answerIssueAction,
  confirmResolutionAction,
  deleteDraftAction,
  disputeResolutionAction,
  markDuplicateAction,
  provideInfoAction,
  reassignIssueAction,
  referIssueAction,
  reopenIssueAction,
  requestInfoAction,
  setOutcomeAction,
  triageIssueAction,
  withdrawIssueAction,
} from '@/lib/workshop/actions';
import type { IssueDetail, TriageOptions } from '@/lib/workshop/queries';
import { NOTE_MAX, TEXT_MAX } from '@/lib/workshop/schemas';
import { MEETING_OUTCOMES, meetingTransition } from '@/lib/workshop/states';
import { wallClockAt } from '@/lib/time/zoned';
import { IssueActionForm } from './issue-action-form';
import { useIssueFormMessages } from './texts';

/** A Stockholm calendar day as a date field's value ("2026-03-02"). */
export function stockholmDay(instant: Date): string {
  const w = wallClockAt(instant);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

interface Base {
  issue: IssueDetail;
  locale: AppLocale;
}

const hiddenOf = ({ issue, locale }: Base) => ({ locale, number: String(issue.number) });

/** A draft: the association changes and sends it on its own page, or throws it away here. */
export function DraftPanel(props: Base) {
  const t = useTranslations('Workshop');
  const messages = useIssueFormMessages();
  if (!props.issue.can.editDraft) return null;
  return (
    <section aria-labelledby="utkast" className="form-section">
      <h2 id="utkast">{t('draft.heading')}</h2>
      <p>{t('draft.lead')}</p>
      <p>
        <Link href={`/verkstad/${props.issue.number}/redigera`} className="button">
          {t('draft.edit')}
        </Link>
      </p>
      <div className="danger-zone issue-danger">
        <h3 id="radera-utkast">{t('draft.deleteHeading')}</h3>
        <IssueActionForm
          id="radera-utkast-form"
          action={deleteDraftAction}
          hidden={hiddenOf(props)}
          messages={messages}
          controls={[{ kind: 'confirm', name: 'confirm', label: t('draft.deleteConfirm') }]}
          submit={t('draft.delete')}
          submitClassName="button button--danger"
        />
      </div>
    </section>
  );
}

/** The filing association's moves: answer a request for information, confirm or dispute a resolution, withdraw. */
export function FilerPanel(props: Base) {
  const t = useTranslations('Workshop');
  const messages = useIssueFormMessages();
  const { can } = props.issue;
  if (!can.provideInfo && !can.confirm && !can.dispute && !can.withdraw) return null;
  const hidden = hiddenOf(props);
  // The coordinator's latest question, answered by the information the association adds.
  const question = [...props.issue.timeline].reverse().find((e) => e.type === 'INFO_REQUESTED' && e.text)?.text ?? null;
  return (
    <section aria-labelledby="foreningen" className="form-section issue-work">
      <h2 id="foreningen">{t('filer.heading')}</h2>
      {can.provideInfo ? (
        <div className="issue-work__part">
          <h3 id="komplettera">{t('filer.provideInfoHeading')}</h3>
          <IssueActionForm
            id="komplettera-form"
            action={provideInfoAction}
            hidden={hidden}
            messages={messages}
            intro={
              question ? (
                <>
                  <p>{t('filer.provideInfoQuestion')}</p>
                  <blockquote className="issue-question">
                    <p className="issue-text">{question}</p>
                  </blockquote>
                </>
              ) : (
                <p>{t('filer.provideInfoLead')}</p>
              )
            }
            controls={[{ kind: 'textarea', name: 'note', label: t('filer.provideInfoNote'), hint: t('noPersonalDataHint'), maxLength: NOTE_MAX, rows: 5 }]}
            submit={t('filer.provideInfo')}
          />
        </div>
      ) : null}
      {can.confirm ? (
        <div className="issue-work__part">
          <h3 id="bekrafta">{t('filer.confirmHeading')}</h3>
          <IssueActionForm
            id="bekrafta-form"
            action={confirmResolutionAction}
            hidden={hidden}
            messages={messages}
            intro={<p>{t('filer.confirmLead')}</p>}
            controls={[{ kind: 'textarea', name: 'note', label: t('optionalNote'), maxLength: NOTE_MAX, rows: 3 }]}
            submit={t('filer.confirm')}
          />
        </div>
      ) : null}
      {can.dispute ? (
        <div className="issue-work__part">
          <h3 id="invand">{t('filer.disputeHeading')}</h3>
          <IssueActionForm
            id="invand-form"
            action={disputeResolutionAction}
            hidden={hidden}
            messages={messages}
            intro={<p>{t('filer.disputeLead')}</p>}
            controls={[{ kind: 'textarea', name: 'note', label: t('filer.disputeNote'), maxLength: NOTE_MAX, rows: 4 }]}
            submit={t('filer.dispute')}
            submitClassName="button button--secondary"
          />
        </div>
      ) : null}
      {can.withdraw ? (
        <div className="danger-zone issue-danger">
          <h3 id="ta-tillbaka">{t('filer.withdrawHeading')}</h3>
          <IssueActionForm
            id="ta-tillbaka-form"
            action={withdrawIssueAction}
            hidden={hidden}
            messages={messages}
            intro={<p>{t('filer.withdrawLead')}</p>}
            controls={[
              { kind: 'textarea', name: 'note', label: t('filer.withdrawNote'), maxLength: NOTE_MAX, rows: 3 },
              { kind: 'confirm', name: 'confirm', label: t('filer.withdrawConfirm') },
            ]}
            submit={t('filer.withdraw')}
            submitClassName="button button--danger"
          />
        </div>
      ) : null}
    </section>
  );
}

/** The coordinator's work on an issue: triage, a request for information, duplicate, referral, outcome, reopening. */
export function CoordinatorPanel({ triage, ...props }: Base & { triage: TriageOptions | null }) {
  const t = useTranslations('Workshop');
  const messages = useIssueFormMessages();
  const { issue } = props;
  const { can } = issue;
  if (!can.triage && !can.requestInfo && !can.markDuplicate && !can.refer && !can.setOutcome && !can.reopen) return null;
  const hidden = hiddenOf(props);
  const outcomes = MEETING_OUTCOMES.filter((outcome) => meetingTransition(issue.state, outcome) !== null);
  const due = issue.dueAt ?? triage?.defaultDueDate ?? null;
  const dueInitial = due ? stockholmDay(due) : '';
  const officialGroups = (triage?.responders ?? []).filter((r) => r.officials.length > 0);
  return (
    <section aria-labelledby="samordnaren" className="form-section issue-work">
      <h2 id="samordnaren">{t('coordinator.heading')}</h2>
      {can.triage && triage ? (
        <div className="issue-work__part">
          <h3 id="triage">{issue.state === 'SUBMITTED' ? t('coordinator.triageHeading') : t('coordinator.retriageHeading')}</h3>
          <IssueActionForm
            id="triage-form"
            action={triageIssueAction}
            hidden={{ ...hidden, version: String(issue.version), dueDateInitial: dueInitial }}
            messages={messages}
            intro={<p>{issue.state === 'SUBMITTED' ? t('coordinator.triageLead') : t('coordinator.retriageLead')}</p>}
            controls={[
              {
                kind: 'select',
                name: 'categoryId',
                label: t('coordinator.category'),
                options: [{ value: '', label: t('noCategory') }, ...triage.categories.map((c) => ({ value: c.id, label: c.name }))],
                initial: issue.category?.id ?? '',
              },
              {
                kind: 'checkboxes',
                name: 'responderOrganizationIds',
                legend: t('coordinator.responders'),
                hint: t('coordinator.respondersHint'),
                groups: [{ options: triage.responders.map((r) => ({ value: r.id, label: r.name })) }],
                initial: issue.responders.map((r) => r.id),
              },
              ...(officialGroups.length > 0
                ? [
                    {
                      kind: 'checkboxes' as const,
                      name: 'assigneeUserIds',
                      legend: t('coordinator.officials'),
                      hint: t('coordinator.officialsHint'),
                      groups: officialGroups.map((r) => ({ legend: r.name, options: r.officials.map((o) => ({ value: o.id, label: o.name })) })),
                      initial: issue.assignees.map((a) => a.id),
                    },
                  ]
                : []),
              { kind: 'date', name: 'dueDate', label: t('coordinator.due'), hint: t('coordinator.dueHint'), initial: dueInitial },
              {
                kind: 'radios',
                name: 'visibility',
                legend: t('coordinator.visibility'),
                options: (['RESTRICTED', 'NETWORK', 'PUBLIC'] as const).map((v) => ({ value: v, label: t(`visibility.${v}`), hint: t(`visibilityHints.${v}`) })),
                initial: issue.visibility,
              },
            ]}
            submit={issue.state === 'SUBMITTED' ? t('coordinator.assign') : t('coordinator.saveTriage')}
          />
        </div>
      ) : null}
      {can.requestInfo ? (
        <div className="issue-work__part">
          <h3 id="be-om-information">{t('coordinator.requestInfoHeading')}</h3>
          <IssueActionForm
            id="be-om-information-form"
            action={requestInfoAction}
            hidden={hidden}
            messages={messages}
            controls={[{ kind: 'textarea', name: 'note', label: t('coordinator.requestInfoNote'), hint: t('coordinator.requestInfoHint'), maxLength: NOTE_MAX, rows: 4 }]}
            submit={t('coordinator.requestInfo')}
            submitClassName="button button--secondary"
          />
        </div>
      ) : null}
      {can.markDuplicate ? (
        <div className="issue-work__part">
          <h3 id="dubblett">{t('coordinator.duplicateHeading')}</h3>
          <IssueActionForm
            id="dubblett-form"
            action={markDuplicateAction}
            hidden={hidden}
            messages={messages}
            controls={[
              { kind: 'text', name: 'duplicateOfNumber', label: t('coordinator.duplicateOf'), hint: t('coordinator.duplicateOfHint'), maxLength: 10, numeric: true },
              { kind: 'textarea', name: 'note', label: t('optionalNote'), maxLength: NOTE_MAX, rows: 3 },
            ]}
            submit={t('coordinator.markDuplicate')}
            submitClassName="button button--secondary"
          />
        </div>
      ) : null}
      {can.refer ? (
        <div className="issue-work__part">
          <h3 id="hanvisa">{t('coordinator.referHeading')}</h3>
          <IssueActionForm
            id="hanvisa-form"
            action={referIssueAction}
            hidden={hidden}
            messages={messages}
            controls={[
              { kind: 'text', name: 'referredTo', label: t('coordinator.referredTo'), hint: t('coordinator.referredToHint'), maxLength: 300 },
              { kind: 'textarea', name: 'note', label: t('optionalNote'), maxLength: NOTE_MAX, rows: 3 },
            ]}
            submit={t('coordinator.refer')}
            submitClassName="button button--secondary"
          />
        </div>
      ) : null}
      {can.setOutcome && outcomes.length > 0 ? (
        <div className="issue-work__part">
          <h3 id="utfall">{t('coordinator.outcomeHeading')}</h3>
          <IssueActionForm
            id="utfall-form"
            action={setOutcomeAction}
            hidden={hidden}
            messages={messages}
            intro={<p>{t('coordinator.outcomeLead')}</p>}
            controls={[
              { kind: 'radios', name: 'outcome', legend: t('coordinator.outcome'), options: outcomes.map((o) => ({ value: o, label: t(`states.${o}`) })) },
              { kind: 'textarea', name: 'note', label: t('optionalNote'), maxLength: NOTE_MAX, rows: 3 },
            ]}
            submit={t('coordinator.saveOutcome')}
          />
        </div>
      ) : null}
      {can.reopen ? (
        <div className="issue-work__part">
          <h3 id="oppna-igen">{t('coordinator.reopenHeading')}</h3>
          <IssueActionForm
            id="oppna-igen-form"
            action={reopenIssueAction}
            hidden={hidden}
            messages={messages}
            intro={<p>{t('coordinator.reopenLead')}</p>}
            controls={[{ kind: 'textarea', name: 'note', label: t('coordinator.reopenNote'), maxLength: NOTE_MAX, rows: 3 }]}
            submit={t('coordinator.reopen')}
          />
        </div>
      ) : null}
    </section>
  );
}

export interface AnsweringOrganization {
  id: string;
  name: string;
  /** The organisation's answer so far, to edit. */
  existing: string | null;
}

/** The official answer, one form per organisation the reader answers for. */
export function AnswerForms({ answerFor, ...props }: Base & { answerFor: AnsweringOrganization[] }) {
  const t = useTranslations('Workshop');
  const messages = useIssueFormMessages();
  if (!props.issue.can.answer || answerFor.length === 0) return null;
  return (
    <>
      {answerFor.map((org) => (
        <div key={org.id} className="issue-work__part">
          <h3 id={`svara-${org.id}`}>{t('official.answerHeading', { organization: org.name })}</h3>
          <IssueActionForm
            id={`svara-${org.id}-form`}
            action={answerIssueAction}
            hidden={{ ...hiddenOf(props), organizationId: org.id }}
            messages={messages}
            controls={[
              {
                kind: 'textarea',
                name: 'body',
                label: t('official.answer', { organization: org.name }),
                hint: t('official.answerHint'),
                maxLength: TEXT_MAX,
                rows: 8,
                initial: org.existing ?? '',
              },
            ]}
            submit={org.existing ? t('official.updateAnswer') : t('official.sendAnswer')}
          />
        </div>
      ))}
    </>
  );
}

/** An official's internal note, and moving the issue between the officials of their own organisation. */
export function OfficialPanel({ reassign, ...props }: Base & { reassign: { id: string; name: string; officials: { id: string; name: string }[] }[] }) {
  const t = useTranslations('Workshop');
  const messages = useIssueFormMessages();
  const { issue } = props;
  const groups = issue.can.reassign ? reassign.filter((r) => r.officials.length > 0) : [];
  if (!issue.can.internalNotes && groups.length === 0) return null;
  const hidden = hiddenOf(props);
  return (
    <section aria-labelledby="internt" className="form-section issue-work">
      <h2 id="internt">{t('official.heading')}</h2>
      {issue.can.internalNotes ? (
        <div className="issue-work__part issue-internal">
          <h3 id="intern-anteckning">{t('official.noteHeading')}</h3>
          <IssueActionForm
            id="intern-anteckning-form"
            action={addInternalNoteAction}
            hidden={hidden}
            messages={messages}
            controls={[{ kind: 'textarea', name: 'body', label: t('official.note'), hint: t('internalNotesPublicAccess'), maxLength: TEXT_MAX, rows: 4 }]}
            submit={t('official.saveNote')}
            submitClassName="button button--secondary"
          />
        </div>
      ) : null}
      {groups.length > 0 ? (
        <div className="issue-work__part">
          <h3 id="tilldela">{t('official.reassignHeading')}</h3>
          <IssueActionForm
            id="tilldela-form"
            action={reassignIssueAction}
            hidden={hidden}
            messages={messages}
            controls={[
              {
                kind: 'checkboxes',
                name: 'assigneeUserIds',
                legend: t('official.reassign'),
                hint: t('official.reassignHint'),
                groups: groups.map((r) => ({ legend: r.name, options: r.officials.map((o) => ({ value: o.id, label: o.name })) })),
                initial: issue.assignees.map((a) => a.id),
              },
            ]}
            submit={t('official.saveReassign')}
            submitClassName="button button--secondary"
          />
        </div>
      ) : null}
    </section>
  );
}

/** Anyone who may comment: a comment for everyone who can read the issue. */
export function CommentForm(props: Base) {
  const t = useTranslations('Workshop');
  const messages = useIssueFormMessages();
  if (!props.issue.can.comment) return null;
  return (
    <div className="issue-work__part">
      <h3 id="kommentera">{t('comment.heading')}</h3>
      <IssueActionForm
        id="kommentera-form"
        action={addCommentAction}
        hidden={hiddenOf(props)}
        messages={messages}
        controls={[{ kind: 'textarea', name: 'body', label: t('comment.body'), hint: t('comment.hint'), maxLength: TEXT_MAX, rows: 4 }]}
        submit={t('comment.send')}
      />
    </div>
  );
}
