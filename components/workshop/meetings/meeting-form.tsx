'use client';

import { useActionState } from 'react';
import { ErrorSummary, errorText, Field, fieldId, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import { IDLE } from '@/lib/forms/field-errors';
import type { MeetingFormState } from '@/lib/workshop/meeting-actions';

export interface MeetingFormLabels {
  kind: string;
  kindHint: string;
  kinds: { WORKSHOP: string; NETWORK: string };
  title: string;
  startsAt: string;
  endsAt: string;
  timeHint: string;
  place: string;
  submit: string;
}

interface MeetingFormProps {
  id: string;
  action: (state: MeetingFormState, formData: FormData) => Promise<MeetingFormState>;
  hidden: Record<string, string>;
  labels: MeetingFormLabels;
  messages: FormMessages;
  limits: { title: number; place: number };
}

/**
 * Schedules a meeting. Works without JavaScript (the server renders the returned state); a
 * refused form keeps what was typed and moves focus to the error summary.
 */
export function MeetingForm({ id, action, hidden, labels, messages, limits }: MeetingFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as MeetingFormState);
  const summaryRef = useFocusOnError(state);
  const value = (name: string) => {
    const typed = state.status === 'error' ? state.values?.[name] : undefined;
    return typeof typed === 'string' ? typed : undefined;
  };
  const kind = value('kind') ?? 'WORKSHOP';
  const kindError = errorText(state, messages, 'kind');
  const fieldLabels = { kind: labels.kind, title: labels.title, startsAt: labels.startsAt, endsAt: labels.endsAt, place: labels.place };

  return (
    <form action={formAction} className="form" id={id} noValidate>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <ErrorSummary formId={id} state={state} labels={fieldLabels} messages={messages} summaryRef={summaryRef} />

      <fieldset className="form-field" aria-describedby={[`${fieldId(id, 'kind')}-hint`, kindError ? `${fieldId(id, 'kind')}-error` : ''].filter(Boolean).join(' ')}>
        <legend>{labels.kind}</legend>
        <p id={`${fieldId(id, 'kind')}-hint`} className="form-hint">
          {labels.kindHint}
        </p>
        {kindError ? (
          <p id={`${fieldId(id, 'kind')}-error`} className="field-error">
            {kindError}
          </p>
        ) : null}
        {(['WORKSHOP', 'NETWORK'] as const).map((option, index) => {
          // The first radio carries the group's id, so the error summary can move focus into the group.
          const radioId = index === 0 ? fieldId(id, 'kind') : `${fieldId(id, 'kind')}-${option}`;
          return (
            <div key={option} className="checkbox">
              <input id={radioId} type="radio" name="kind" value={option} defaultChecked={kind === option} />
              <label htmlFor={radioId}>{labels.kinds[option]}</label>
            </div>
          );
        })}
      </fieldset>

      <Field formId={id} name="title" label={labels.title} error={errorText(state, messages, 'title')}>
        {(props) => <input {...props} name="title" type="text" required maxLength={limits.title} autoComplete="off" defaultValue={value('title') ?? ''} />}
      </Field>
      <Field formId={id} name="startsAt" label={labels.startsAt} hint={labels.timeHint} error={errorText(state, messages, 'startsAt')}>
        {(props) => <input {...props} name="startsAt" type="datetime-local" required defaultValue={value('startsAt') ?? ''} />}
      </Field>
      <Field formId={id} name="endsAt" label={labels.endsAt} hint={labels.timeHint} error={errorText(state, messages, 'endsAt')}>
        {(props) => <input {...props} name="endsAt" type="datetime-local" defaultValue={value('endsAt') ?? ''} />}
      </Field>
      <Field formId={id} name="place" label={labels.place} error={errorText(state, messages, 'place')}>
        {(props) => <input {...props} name="place" type="text" maxLength={limits.place} autoComplete="off" defaultValue={value('place') ?? ''} />}
      </Field>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {labels.submit}
        </button>
      </div>
    </form>
  );
}
