'use server';

/** The coordinator's one step from a search that found nothing to a draft workshop issue. */
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { getPathname } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';
import { draftIssueFromSearchGap } from './search-gaps';
import { workshopErrors } from './schemas';

export async function draftIssueFromSearchGapAction(formData: FormData): Promise<void> {
  const locale = routing.locales.find((l) => l === formData.get('locale')) ?? routing.defaultLocale;
  let number: number;
  try {
    ({ number } = await draftIssueFromSearchGap(await getActor(), formData.get('query')));
  } catch (error) {
    if (!isAppError(error)) throw error;
    const key = workshopErrors.describe(error).formError ?? 'invalid';
    redirect(`${getPathname({ href: '/admin/verkstad', locale })}?fel=${key}#sokluckor`);
  }
  redirect(`${getPathname({ href: `/verkstad/${number}`, locale })}?klart=drafted`);
}
