'use client';

import { useActionState } from 'react';
import { ErrorSummary, Field, SuccessMessage, useFocusOnError, errorText, type FormMessages } from '@/components/forms/form-parts';
import type { KeywordFormState } from '@/lib/directory/keyword-actions';
import { IDLE } from '@/lib/forms/field-errors';

interface KeywordFormProps {
  action: (state: KeywordFormState, formData: FormData) => Promise<KeywordFormState>;
  hidden: Record<string, string>;
  /** One per line. */
  keywords: string;
  labels: { keywords: string; keywordsHint: string; save: string };
  messages: FormMessages;
}

const FORM_ID = 'sokord';

/**
 * A service's keywords, one per line. Works without JavaScript (the server renders the
 * returned state); after saving, the field shows the words as stored (trimmed, each once).
 */
export function KeywordForm({ action, hidden, keywords, labels, messages }: KeywordFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as KeywordFormState);
  const summaryRef = useFocusOnError(state);
  const echoed = state.values?.keywords;
  const value = typeof echoed === 'string' ? echoed : keywords;
  return (
    <form action={formAction} className="form keyword-form" noValidate id={FORM_ID}>
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={hiddenValue} />
      ))}
      <ErrorSummary formId={FORM_ID} state={state} labels={{ keywords: labels.keywords }} messages={messages} summaryRef={summaryRef} />
      <SuccessMessage state={state} messages={messages} />
      <Field formId={FORM_ID} name="keywords" label={labels.keywords} hint={labels.keywordsHint} error={errorText(state, messages, 'keywords')}>
        {/* Remounted with what was stored, so the field shows the cleaned list after saving. */}
        {(props) => <textarea {...props} key={value} name="keywords" rows={12} defaultValue={value} spellCheck />}
      </Field>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {labels.save}
        </button>
      </div>
    </form>
  );
}
