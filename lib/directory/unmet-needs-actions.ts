'use server';

/**
 * "Turn into a workshop issue" on the unmet-needs report: the workshop's own one step
 * (draftIssueFromSearchGap), then back to the report with the same filters, where the row now
 * links to the draft, so the coordinator can work down the list.
 */
import { redirect } from 'next/navigation';
import { getPathname } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { APP_ERROR_KEYS } from '@/lib/forms/field-errors';
import { draftIssueFromSearchGap } from '@/lib/workshop/search-gaps';
import { parseUnmetNeedsFilter, unmetNeedsInputOf, unmetNeedsQuery } from './unmet-needs';

export async function draftIssueFromUnmetNeedAction(formData: FormData): Promise<void> {
  const locale = routing.locales.find((l) => l === formData.get('locale')) ?? routing.defaultLocale;
  let back: Record<string, string> = {};
  try {
    back = unmetNeedsQuery(parseUnmetNeedsFilter(unmetNeedsInputOf((name) => formData.get(name))));
  } catch {
    // A hand-made form with a broken filter still gets its answer, on the report's first page.
  }
  const reportUrl = (result: Record<string, string>) =>
    `${getPathname({ href: '/admin/behov', locale })}?${new URLSearchParams({ ...back, ...result }).toString()}#resultat`;
  let number: number;
  try {
    ({ number } = await draftIssueFromSearchGap(await getActor(), formData.get('query')));
  } catch (error) {
    if (!isAppError(error)) throw error;
    const key = error.message === 'noAssociation' ? 'noAssociation' : APP_ERROR_KEYS[error.code];
    redirect(reportUrl({ fel: key }));
  }
  redirect(reportUrl({ klart: String(number) }));
}
