import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import type { SignInTexts } from './sign-in-forms';

export async function getSignInTexts(locale: AppLocale): Promise<SignInTexts> {
  const t = await getTranslations({ locale, namespace: 'Auth' });
  return {
    email: t('email'),
    password: t('password'),
    signIn: t('signIn'),
    sendLink: t('sendLink'),
    linkSent: t('linkSent'),
    confirmLink: t('confirmLink'),
    errors: {
      badCredentials: t('errors.badCredentials'),
      rateLimited: t('errors.rateLimited'),
      invalidEmail: t('errors.invalidEmail'),
      linkInvalid: t('errors.linkInvalid'),
    },
  };
}
