'use server';

/**
 * The confirmation link's server action, a public endpoint: the single-use token from the
 * mail is the permission (./freshness.ts, confirmByToken). It always goes back to the link's
 * page, which says what happened; `?klart=bekraftad` only when this request confirmed.
 */
import { redirect } from 'next/navigation';
import { getPathname } from '@/i18n/navigation';
import { routing, type AppLocale } from '@/i18n/routing';
import { confirmByToken } from './freshness';

const localeOf = (formData: FormData): AppLocale => routing.locales.find((l) => l === formData.get('locale')) ?? routing.defaultLocale;

export async function confirmListingAction(formData: FormData): Promise<void> {
  const token = formData.get('token');
  const result = await confirmByToken(token);
  const href = `/bekrafta/${encodeURIComponent(typeof token === 'string' ? token : '')}`;
  const path = getPathname({ href, locale: localeOf(formData) });
  redirect(result.status === 'confirmed' ? `${path}?klart=bekraftad` : path);
}
