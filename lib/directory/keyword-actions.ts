'use server';

/**
 * The keyword editor's server action, a public endpoint: it reads the form and hands it with
 * the current actor to the data layer, which asks the policy and validates. Only message keys
 * come back; the page words them.
 */
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { keywordErrors, type KeywordErrorKey } from './keyword-schemas';
import { updateServiceKeywords } from './keywords';

export type KeywordFormState = FormState<KeywordErrorKey, 'saved'>;

export async function updateServiceKeywordsAction(_previous: KeywordFormState, formData: FormData): Promise<KeywordFormState> {
  const serviceId = formData.get('serviceId');
  const keywords = formData.get('keywords');
  try {
    // A request without the field is refused, never read as "no keywords".
    const saved = await updateServiceKeywords(await getActor(), serviceId, typeof keywords === 'string' ? keywords : undefined);
    // No revalidatePath: the pages are rendered per request, and this one shows the stored
    // words from the returned state, so re-rendering the route would only cost a round trip.
    // The words as stored (trimmed, each once), one per line as the form shows them.
    return { status: 'success', success: 'saved', values: { keywords: saved.keywords.join('\n') } };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: 'error', ...keywordErrors.describe(error), values: { keywords: typeof keywords === 'string' ? keywords : '' } };
  }
}
