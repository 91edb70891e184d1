'use client';

import { useActionState } from 'react';
import { ErrorSummary, errorText, Field, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import { IDLE } from '@/lib/forms/field-errors';
import type { MeetingFormState } from '@/lib/workshop/meeting-actions';

export interface MinuteValues {
  decision: string;
  outcome: string;
  actionDescription: string;
  actionOwnerOrganizationId: string;
  /** yyyy-mm-dd */
  actionFollowUp: string;
}

export interface MinuteFormLabels {
  decision: string;
  decisionHint: string;
  outcome: string;
  outcomeHint: string;
  noOutcome: string;
  /** Shown for an issue whose state allows no outcome yet (not answered). */
  noOutcomes: string;
  action: string;
  actionHint: string;
  actionDescription: string;
  actionOwner: string;
  noOwner: string;
  actionFollowUp: string;
  submit: string;
}

interface MinuteFormProps {
  id: string;
  action: (state: MeetingFormState, formData: FormData) => Promise<MeetingFormState>;
  hidden: Record<string, string>;
  initial: MinuteValues;
  /** The outcomes the state allows, worded; none for an item that is not an issue. */
  outcomes: { value: string; label: string }[];
  /** Absent for an item that is not an issue: such an item records a decision only. */
  owners?: { label: string; options: { id: string; name: string }[] }[];
  labels: MinuteFormLabels;
  messages: FormMessages;
  limits: { decision: number; action: number };
}

/** The minutes of one agenda item: decision, outcome and agreed action, saved until the meeting closes. */
export function MinuteForm({ id, action, hidden, initial, outcomes, owners, labels, messages, limits }: MinuteFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as MeetingFormState);
  const summaryRef = useFocusOnError(state);
  const value = (name: keyof MinuteValues) => {
    const typed = state.status === 'error' ? state.values?.[name] : undefined;
    return typeof typed === 'string' ? typed : initial[name];
  };
  const fieldLabels = {
    decision: labels.decision,
    outcome: labels.outcome,
    actionDescription: labels.actionDescription,
    actionOwnerOrganizationId: labels.actionOwner,
    actionFollowUp: labels.actionFollowUp,
  };

  return (
    <form action={formAction} className="form minute-form" id={id} noValidate>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <ErrorSummary formId={id} state={state} labels={fieldLabels} messages={messages} summaryRef={summaryRef} />
      <Field formId={id} name="decision" label={labels.decision} hint={labels.decisionHint} error={errorText(state, messages, 'decision')}>
        {(props) => <textarea {...props} name="decision" rows={4} maxLength={limits.decision} defaultValue={value('decision')} />}
      </Field>
      {outcomes.length > 0 ? (
        <Field formId={id} name="outcome" label={labels.outcome} hint={labels.outcomeHint} error={errorText(state, messages, 'outcome')}>
          {(props) => (
            <select {...props} name="outcome" defaultValue={value('outcome')}>
              <option value="">{labels.noOutcome}</option>
              {outcomes.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : owners ? (
        <p className="form-hint">{labels.noOutcomes}</p>
      ) : null}
      {owners ? (
        <fieldset className="minute-form__action">
          <legend>{labels.action}</legend>
          <p className="form-hint">{labels.actionHint}</p>
          <Field formId={id} name="actionDescription" label={labels.actionDescription} error={errorText(state, messages, 'actionDescription')}>
            {(props) => <textarea {...props} name="actionDescription" rows={2} maxLength={limits.action} defaultValue={value('actionDescription')} />}
          </Field>
          <Field formId={id} name="actionOwnerOrganizationId" label={labels.actionOwner} error={errorText(state, messages, 'actionOwnerOrganizationId')}>
            {(props) => (
              <select {...props} name="actionOwnerOrganizationId" defaultValue={value('actionOwnerOrganizationId')}>
                <option value="">{labels.noOwner}</option>
                {owners.map((group) => (
                  <optgroup key={group.label} label={group.label}>
                    {group.options.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field formId={id} name="actionFollowUp" label={labels.actionFollowUp} error={errorText(state, messages, 'actionFollowUp')}>
            {(props) => <input {...props} name="actionFollowUp" type="date" defaultValue={value('actionFollowUp')} />}
          </Field>
        </fieldset>
      ) : null}
      <div>
        <button type="submit" className="button button--secondary" disabled={pending}>
          {labels.submit}
        </button>
      </div>
    </form>
  );
}
