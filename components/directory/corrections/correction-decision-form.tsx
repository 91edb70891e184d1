'use client';

import { useActionState } from 'react';
import { ErrorSummary, errorText, Field, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import type { CorrectionFormState } from '@/lib/directory/correction-actions';
import { IDLE } from '@/lib/forms/field-errors';

/**
 * The coordinator's decision on a suggestion: an optional reply and "Markera som åtgärdad" or
 * "Avfärda" (the button pressed is the outcome). Works without JavaScript; a refused form
 * keeps the reply that was typed.
 */
interface CorrectionDecisionFormProps {
  action: (state: CorrectionFormState, formData: FormData) => Promise<CorrectionFormState>;
  hidden: { locale: string; id: string };
  labels: { reply: string; replyHint: string; markHandled: string; dismiss: string };
  messages: FormMessages;
  limits: { replyMax: number };
}

const ID = 'beslut';

export function CorrectionDecisionForm({ action, hidden, labels, messages, limits }: CorrectionDecisionFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as CorrectionFormState);
  const summaryRef = useFocusOnError(state);
  const reply = typeof state.values?.reply === 'string' ? state.values.reply : '';
  return (
    <form action={formAction} className="form correction-form" noValidate id={ID}>
      <input type="hidden" name="locale" value={hidden.locale} />
      <input type="hidden" name="id" value={hidden.id} />
      <ErrorSummary formId={ID} state={state} labels={{ reply: labels.reply }} messages={messages} summaryRef={summaryRef} />
      <Field formId={ID} name="reply" label={labels.reply} hint={labels.replyHint} error={errorText(state, messages, 'reply')}>
        {(props) => <textarea {...props} name="reply" rows={6} maxLength={limits.replyMax} defaultValue={reply} />}
      </Field>
      <div className="correction-decision__buttons">
        <button type="submit" name="outcome" value="HANDLED" className="button" disabled={pending}>
          {labels.markHandled}
        </button>
        <button type="submit" name="outcome" value="DISMISSED" className="button button--secondary" disabled={pending}>
          {labels.dismiss}
        </button>
      </div>
    </form>
  );
}

/** "Försök skicka svaret igen", after the mail server failed. */
export function ResendReplyForm({
  action,
  hidden,
  label,
  messages,
}: {
  action: (state: CorrectionFormState, formData: FormData) => Promise<CorrectionFormState>;
  hidden: { locale: string; id: string };
  label: string;
  messages: FormMessages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE as CorrectionFormState);
  const summaryRef = useFocusOnError(state);
  return (
    <form action={formAction} className="form" id="skicka-igen">
      <input type="hidden" name="locale" value={hidden.locale} />
      <input type="hidden" name="id" value={hidden.id} />
      <ErrorSummary formId="skicka-igen" state={state} labels={{}} messages={messages} summaryRef={summaryRef} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
