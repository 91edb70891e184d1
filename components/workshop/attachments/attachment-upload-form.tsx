'use client';

import { useActionState, useState, type FormEvent } from 'react';
import { ErrorSummary, SuccessMessage, useFocusOnError, type FormMessages } from '@/components/forms/form-parts';
import { IDLE } from '@/lib/forms/field-errors';
import type { AttachmentFormState } from '@/lib/workshop/attachment-actions';
import { ATTACHMENT_FIELD, batchProblem } from '@/lib/workshop/attachment-rules';
import { AttachmentField, type AttachmentFieldLabels } from './attachment-field';

interface AttachmentUploadFormProps {
  id: string;
  action: (state: AttachmentFormState, formData: FormData) => Promise<AttachmentFormState>;
  hidden: Record<string, string>;
  /** How many attachments the issue has already. */
  attached: number;
  labels: AttachmentFieldLabels & {
    submit: string;
    /** "Gäller filen {file}.": {file} is replaced by the refused file's name. */
    refusedFile: string;
  };
  messages: FormMessages;
}

/**
 * Adds files to an issue. Works without JavaScript; with it, a batch that is too large or too
 * many is refused before it is sent, since a body over the server's limit would only fail.
 */
export function AttachmentUploadForm({ id, action, hidden, attached, labels, messages }: AttachmentUploadFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE as AttachmentFormState);
  const [early, setEarly] = useState<{ for: AttachmentFormState; state: AttachmentFormState } | null>(null);
  // A refusal found here stands until the server answers the next submission.
  const shown = early && early.for === state ? early.state : state;
  const summaryRef = useFocusOnError(shown);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem(ATTACHMENT_FIELD);
    const files = input instanceof HTMLInputElement && input.files ? [...input.files] : [];
    const problem = batchProblem(files, attached);
    if (!problem) {
      setEarly(null);
      return;
    }
    event.preventDefault();
    setEarly({ for: state, state: { status: 'error', fieldErrors: { [ATTACHMENT_FIELD]: problem.key }, ...(problem.fileName ? { refusedFile: problem.fileName } : {}) } });
  };

  const key = shown.status === 'error' ? shown.fieldErrors?.[ATTACHMENT_FIELD] : undefined;
  const error = key
    ? [messages.errors[key] ?? messages.errors.invalid, shown.refusedFile ? labels.refusedFile.replace('{file}', shown.refusedFile) : ''].filter(Boolean).join(' ')
    : undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} className="form" id={id} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary formId={id} state={shown} labels={{ [ATTACHMENT_FIELD]: labels.label }} messages={messages} summaryRef={summaryRef} />
      <SuccessMessage state={shown} messages={messages} />
      <AttachmentField formId={id} labels={labels} error={error} />
      <div>
        <button type="submit" className="button button--secondary" disabled={pending}>
          {labels.submit}
        </button>
      </div>
    </form>
  );
}
