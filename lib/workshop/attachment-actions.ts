'use server';

/**
 * The upload form's server action on an issue's page, a public endpoint: it reads the files
 * and hands them with the current actor to the data layer (./attachments.ts asks the policy
 * and checks every file), then renders the page again with the new list, or returns message
 * keys the form words and the name of the file that was refused.
 */
import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { AttachmentRefusal } from './attachment-files';
import { ATTACHMENT_FIELD, attachmentErrors, type AttachmentErrorKey } from './attachment-rules';
import { addAttachments } from './attachments';

export type AttachmentFormState = FormState<AttachmentErrorKey, 'attached'> & {
  /** The file a refusal concerns, as the browser named it. */
  refusedFile?: string;
};

export async function uploadAttachmentsAction(_previous: AttachmentFormState, formData: FormData): Promise<AttachmentFormState> {
  const files = formData.getAll(ATTACHMENT_FIELD).filter((value): value is File => value instanceof File);
  try {
    await addAttachments(await getActor(), formData.get('number'), files);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const refusedFile = error instanceof AttachmentRefusal && error.fileName ? { refusedFile: error.fileName } : {};
    return { status: 'error', ...attachmentErrors.describe(error), ...refusedFile };
  }
  // The issue page is rendered per request; this sends the new list back with the answer.
  revalidatePath('/[locale]/verkstad/[nummer]', 'page');
  return { status: 'success', success: 'attached' };
}
