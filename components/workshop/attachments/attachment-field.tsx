'use client';

import { Field } from '@/components/forms/form-parts';
import { ATTACHMENT_ACCEPT, ATTACHMENT_FIELD } from '@/lib/workshop/attachment-rules';

export interface AttachmentFieldLabels {
  label: string;
  /** Which types, how large, and (on an issue) how many more fit. */
  hint: string;
  /** Who will see the files, and that images lose their hidden information. */
  privacy: string;
}

interface AttachmentFieldProps {
  /** The form's id: the input is `${formId}-attachments`, where an error summary's link leads. */
  formId: string;
  labels: AttachmentFieldLabels;
  error?: string;
}

/**
 * The file field of the upload form on an issue and of the filing form. `accept` only guides
 * the file picker; the server decides each file's type from its content.
 */
export function AttachmentField({ formId, labels, error }: AttachmentFieldProps) {
  return (
    <Field
      formId={formId}
      name={ATTACHMENT_FIELD}
      label={labels.label}
      hint={
        <>
          {labels.hint} {labels.privacy}
        </>
      }
      error={error}
    >
      {(props) => <input {...props} name={ATTACHMENT_FIELD} type="file" multiple accept={ATTACHMENT_ACCEPT} />}
    </Field>
  );
}
