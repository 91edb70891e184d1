import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import type { FormMessages } from '@/components/forms/form-parts';
import { postErrors, POST_SUCCESS_KEYS } from '@/lib/news/post-schemas';
import type { PostFormTexts } from './editor/post-form';

const FORM_KEYS = [
  'title',
  'titleHint',
  'summary',
  'summaryHint',
  'topics',
  'event',
  'isEvent',
  'eventStart',
  'eventEnd',
  'timeHint',
  'eventPlace',
  'eventSignupUrl',
  'eventService',
  'noService',
  'publishing',
  'publishAt',
  'save',
  'publish',
  'update',
  'schedule',
  'unschedule',
  'submit',
  'autosaved',
  'autosaveConflict',
  'autosaveFailed',
] as const;

const BODY_KEYS = [
  'label',
  'hint',
  'toolbar',
  'heading2',
  'heading3',
  'bold',
  'italic',
  'bulletList',
  'orderedList',
  'quote',
  'link',
  'linkUrl',
  'linkApply',
  'linkRemove',
  'linkInvalid',
  'image',
  'imageFile',
  'imageAlt',
  'imageAltHint',
  'imageUpload',
  'imageUploading',
  'imageAltRequired',
  'imageFailed',
  'imageType',
  'imageTooLarge',
  'imageTooSmall',
  'undo',
  'redo',
  'cancel',
  'noScript',
] as const;

/** The news forms' messages, resolved on the server so no catalogue ships to the browser. */
export async function getNewsFormMessages(locale: AppLocale): Promise<FormMessages> {
  const t = await getTranslations({ locale, namespace: 'NewsEditor' });
  return {
    errorSummary: t('errorSummary'),
    errors: Object.fromEntries(postErrors.keys.map((key) => [key, t(`errors.${key}`)])),
    success: Object.fromEntries(POST_SUCCESS_KEYS.map((key) => [key, t(`success.${key}`)])),
  };
}

export async function getPostFormTexts(locale: AppLocale): Promise<PostFormTexts> {
  const t = await getTranslations({ locale, namespace: 'NewsEditor.form' });
  // Placeholders stay in place: the browser fills in {time} and {reason}.
  const raw = (key: string) => (t.raw as (path: string) => unknown)(key) as string;
  const texts = Object.fromEntries(FORM_KEYS.map((key) => [key, raw(key)])) as Record<(typeof FORM_KEYS)[number], string>;
  const body = Object.fromEntries(BODY_KEYS.map((key) => [key, raw(`body.${key}`)])) as Record<(typeof BODY_KEYS)[number], string>;
  return { ...texts, body };
}
