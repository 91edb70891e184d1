'use client';

import { useActionState, useState } from 'react';
import { ErrorSummary, errorText, Field, fieldId, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import type { CorrectionFormState } from '@/lib/directory/correction-actions';
import { IDLE } from '@/lib/forms/field-errors';

/**
 * "Föreslå en rättelse": topic, message and an optional address. Posts to a server action and
 * works without JavaScript (the server renders the returned state); with JavaScript,
 * `useActionState` keeps the page, moves focus to the error summary and counts characters.
 * A refused form keeps what was typed and the token of its first showing.
 *
 * The honeypot field is off screen and hidden from assistive tech, out of the tab order, and
 * labelled for anyone who still meets it: people leave it empty, bots fill it in.
 */
export interface CorrectionFormLabels {
  topicLegend: string;
  topics: { value: string; label: string }[];
  message: string;
  messageHint: string;
  /** With {count} to fill in. */
  counter: string;
  email: string;
  emailHint: string;
  honeypot: string;
  submit: string;
}

interface CorrectionFormProps {
  action: (state: CorrectionFormState, formData: FormData) => Promise<CorrectionFormState>;
  hidden: { locale: string; service: string; formToken: string };
  honeypotName: string;
  labels: CorrectionFormLabels;
  fieldNames: Record<'topic' | 'message' | 'contactEmail', string>;
  messages: FormMessages;
  limits: { messageMax: number };
}

const ID = 'rattelse';

export function CorrectionForm({ action, hidden, honeypotName, labels, fieldNames, messages, limits }: CorrectionFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as CorrectionFormState);
  const summaryRef = useFocusOnError(state);
  const typed = (name: string) => {
    const value = state.values?.[name];
    return typeof value === 'string' ? value : '';
  };
  const [length, setLength] = useState<number | null>(null);
  const shownLength = length ?? typed('message').length;
  const topicError = errorText(state, messages, 'topic');
  const topicBase = fieldId(ID, 'topic');
  // A refused form keeps its first token, so the time a person spent on it still counts.
  const token = typed('formToken') || hidden.formToken;

  return (
    <form action={formAction} className="form correction-form" noValidate id={ID}>
      <input type="hidden" name="locale" value={hidden.locale} />
      <input type="hidden" name="service" value={hidden.service} />
      <input type="hidden" name="formToken" value={token} />
      <ErrorSummary formId={ID} state={state} labels={fieldNames} messages={messages} summaryRef={summaryRef} />

      <fieldset className="form-field correction-choices" aria-describedby={topicError ? `${topicBase}-error` : undefined}>
        <legend>{labels.topicLegend}</legend>
        {topicError ? (
          <p id={`${topicBase}-error`} className="field-error">
            {topicError}
          </p>
        ) : null}
        <div className="correction-choices__options">
          {labels.topics.map((topic, index) => {
            const id = index === 0 ? topicBase : `${topicBase}-${topic.value}`;
            return (
              <div key={topic.value} className="correction-choice">
                <input id={id} type="radio" name="topic" value={topic.value} defaultChecked={typed('topic') === topic.value} aria-invalid={topicError ? true : undefined} />
                <label htmlFor={id}>{topic.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>

      <Field
        formId={ID}
        name="message"
        label={labels.message}
        hint={
          <>
            {labels.messageHint}{' '}
            <span className="correction-counter" data-testid="message-counter">
              {labels.counter.replace('{count}', String(shownLength))}
            </span>
          </>
        }
        error={errorText(state, messages, 'message')}
      >
        {(props) => (
          <textarea
            {...props}
            name="message"
            rows={8}
            required
            maxLength={limits.messageMax}
            defaultValue={typed('message')}
            onChange={(event) => setLength(event.target.value.length)}
          />
        )}
      </Field>

      <Field formId={ID} name="contactEmail" label={labels.email} hint={labels.emailHint} error={errorText(state, messages, 'contactEmail')}>
        {(props) => <input {...props} name="contactEmail" type="email" autoComplete="email" inputMode="email" maxLength={254} defaultValue={typed('contactEmail')} />}
      </Field>

      <div className="correction-trap" aria-hidden="true">
        <label htmlFor={fieldId(ID, honeypotName)}>{labels.honeypot}</label>
        <input id={fieldId(ID, honeypotName)} type="text" name={honeypotName} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" className="button" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
