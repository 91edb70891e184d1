'use server';

import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors/app-error';
import { clientAddress } from './client';
import { endSession, safeReturnPath, startSession } from './session';
import { requestSignInLink, signInWithLink, signInWithPassword } from './sign-in';

/** What a sign-in form shows after a submission; `error` is a key in the "Auth" messages. */
export interface SignInFormState {
  status: 'idle' | 'error' | 'sent';
  error?: 'badCredentials' | 'rateLimited' | 'invalidEmail' | 'linkInvalid';
  email?: string;
}

function localePrefix(formData: FormData): string {
  const locale = formData.get('locale');
  return locale === 'en' || locale === 'ar' ? `/${locale}` : '';
}

function failure(error: unknown, fallback: NonNullable<SignInFormState['error']>, email?: string): SignInFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', error: error.code === 'RATE_LIMITED' ? 'rateLimited' : fallback, email };
}

export async function signInWithPasswordAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const email = String(formData.get('email') ?? '');
  let userId: string;
  try {
    userId = await signInWithPassword({ email, password: formData.get('password') }, await clientAddress());
  } catch (error) {
    return failure(error, 'badCredentials', email);
  }
  await startSession(userId);
  redirect(safeReturnPath(formData.get('till') || `${localePrefix(formData)}/konto`));
}

export async function requestSignInLinkAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const email = String(formData.get('email') ?? '');
  try {
    await requestSignInLink({ email }, await clientAddress(), localePrefix(formData).slice(1) || 'sv');
  } catch (error) {
    return failure(error, 'invalidEmail', email);
  }
  return { status: 'sent', email };
}

export async function signInWithLinkAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  let userId: string;
  try {
    userId = await signInWithLink(formData.get('token'), await clientAddress());
  } catch (error) {
    return failure(error, 'linkInvalid');
  }
  await startSession(userId);
  redirect(`${localePrefix(formData)}/konto`);
}

export async function signOutAction(formData: FormData): Promise<void> {
  await endSession();
  redirect(localePrefix(formData) || '/');
}
