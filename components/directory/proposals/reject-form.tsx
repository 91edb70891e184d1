'use client';

import { useActionState } from 'react';
import { ErrorSummary, errorText, Field, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import type { ProposalFormState } from '@/lib/directory/proposal-actions';
import { IDLE } from '@/lib/forms/field-errors';

interface RejectProposalFormProps {
  action: (state: ProposalFormState, formData: FormData) => Promise<ProposalFormState>;
  hidden: { locale: string; id: string };
  labels: { message: string; messageHint: string; reject: string };
  messages: FormMessages;
  limits: { messageMin: number; messageMax: number };
}

const ID = 'avvisa';

/** "Avvisa" with the message the association reads; works without JavaScript and keeps what was typed. */
export function RejectProposalForm({ action, hidden, labels, messages, limits }: RejectProposalFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as ProposalFormState);
  const summaryRef = useFocusOnError(state);
  const message = typeof state.values?.message === 'string' ? state.values.message : '';
  return (
    <form action={formAction} className="form proposal-reject" id={ID} noValidate>
      <input type="hidden" name="locale" value={hidden.locale} />
      <input type="hidden" name="id" value={hidden.id} />
      <ErrorSummary formId={ID} state={state} labels={{ message: labels.message }} messages={messages} summaryRef={summaryRef} />
      <Field formId={ID} name="message" label={labels.message} hint={labels.messageHint} error={errorText(state, messages, 'message')}>
        {(props) => <textarea {...props} name="message" rows={5} minLength={limits.messageMin} maxLength={limits.messageMax} defaultValue={message} required />}
      </Field>
      <button type="submit" className="button button--danger" disabled={pending}>
        {labels.reject}
      </button>
    </form>
  );
}
