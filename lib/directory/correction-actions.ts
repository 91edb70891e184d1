'use server';

/**
 * The server actions of "Föreslå en rättelse" and the coordinator's queue, public endpoints:
 * each reads the form, hands it with the current actor to the data layer
 * (./corrections.ts asks the policy and validates) and either goes on to a page saying what
 * was done or returns message keys the page words, with what was typed.
 */
import { redirect } from 'next/navigation';
import { getPathname } from '@/i18n/navigation';
import { routing, type AppLocale } from '@/i18n/routing';
import { clientAddress } from '@/lib/auth/client';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { correctionErrors, FORM_TOKEN_FIELD, HONEYPOT_FIELD, type CorrectionErrorKey, type CorrectionSuccessKey } from './correction-schemas';
import { handleCorrection, resendCorrectionReply, submitCorrection } from './corrections';

export type CorrectionFormState = FormState<CorrectionErrorKey, CorrectionSuccessKey>;

const text = (formData: FormData, name: string): string | undefined => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

const localeOf = (formData: FormData): AppLocale => routing.locales.find((l) => l === formData.get('locale')) ?? routing.defaultLocale;

function refused(error: unknown, values: Record<string, string>): CorrectionFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', ...correctionErrors.describe(error), values };
}

/**
 * /tjanster/<slug>/rattelse. A bot's submission (honeypot, too fast) is taken to the same
 * thank-you page as a person's; the data layer has written nothing for it.
 */
export async function submitCorrectionAction(_previous: CorrectionFormState, formData: FormData): Promise<CorrectionFormState> {
  const slug = text(formData, 'service') ?? '';
  const values = {
    topic: text(formData, 'topic') ?? '',
    message: text(formData, 'message') ?? '',
    contactEmail: text(formData, 'contactEmail') ?? '',
    // A refused form keeps the token of its first showing, so fixing a mistake is never "too fast".
    [FORM_TOKEN_FIELD]: text(formData, FORM_TOKEN_FIELD) ?? '',
  };
  try {
    await submitCorrection(
      await getActor(),
      slug,
      { ...values, locale: localeOf(formData), honeypot: text(formData, HONEYPOT_FIELD), formToken: values[FORM_TOKEN_FIELD] },
      { clientKey: await clientAddress() },
    );
  } catch (error) {
    return refused(error, values);
  }
  redirect(`${getPathname({ href: `/tjanster/${slug}/rattelse`, locale: localeOf(formData) })}?klart=skickat`);
}

function toSuggestion(formData: FormData, id: string, success: CorrectionSuccessKey): never {
  redirect(`${getPathname({ href: `/admin/rattelser/${id}`, locale: localeOf(formData) })}?klart=${success}`);
}

/** /admin/rattelser/<id>: "Markera som åtgärdad" (outcome=HANDLED) or "Avfärda" (outcome=DISMISSED). */
export async function handleCorrectionAction(_previous: CorrectionFormState, formData: FormData): Promise<CorrectionFormState> {
  const id = text(formData, 'id') ?? '';
  const reply = text(formData, 'reply') ?? '';
  let result: Awaited<ReturnType<typeof handleCorrection>>;
  try {
    result = await handleCorrection(await getActor(), id, { outcome: text(formData, 'outcome'), reply });
  } catch (error) {
    return refused(error, { reply });
  }
  const handled = result.status === 'HANDLED';
  toSuggestion(
    formData,
    id,
    result.reply === 'failed' ? 'replyFailed' : result.reply === 'sent' ? (handled ? 'handledReplied' : 'dismissedReplied') : handled ? 'handled' : 'dismissed',
  );
}

/** /admin/rattelser/<id>: sends a decided suggestion's reply again after the mail server failed. */
export async function resendCorrectionReplyAction(_previous: CorrectionFormState, formData: FormData): Promise<CorrectionFormState> {
  const id = text(formData, 'id') ?? '';
  let outcome: Awaited<ReturnType<typeof resendCorrectionReply>>;
  try {
    outcome = await resendCorrectionReply(await getActor(), id);
  } catch (error) {
    return refused(error, {});
  }
  toSuggestion(formData, id, outcome === 'sent' ? 'replySent' : 'replyFailed');
}
