'use server';

/**
 * The news editor's and moderation's server actions, public endpoints: each reads the form,
 * hands it with the current actor to the data layer (which asks the policy and validates) and
 * returns message keys the page words.
 */
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { getPathname } from '@/i18n/navigation';
import { routing, type AppLocale } from '@/i18n/routing';
import { EMPTY_DOCUMENT } from './document';
import { postErrors, type PostErrorKey, type PostSuccessKey } from './post-schemas';
import { autosavePost, createPost, liftModeration, moderatePost, restoreRevision, savePost, setPublishingMode, unpublishPost } from './posts';

export type PostFormState = FormState<PostErrorKey, PostSuccessKey>;

const text = (formData: FormData, name: string): string | undefined => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** The editor's fields as the data layer reads them. */
function fieldsOf(formData: FormData) {
  return {
    title: text(formData, 'title'),
    summary: text(formData, 'summary'),
    body: text(formData, 'body'),
    topicIds: formData.getAll('topicIds').filter((v): v is string => typeof v === 'string'),
    isEvent: formData.get('isEvent') === 'on',
    eventStart: text(formData, 'eventStart'),
    eventEnd: text(formData, 'eventEnd'),
    eventPlace: text(formData, 'eventPlace'),
    eventSignupUrl: text(formData, 'eventSignupUrl'),
    eventServiceId: text(formData, 'eventServiceId'),
  };
}

function echo(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of ['title', 'summary', 'body', 'eventStart', 'eventEnd', 'eventPlace', 'eventSignupUrl', 'eventServiceId', 'publishAt', 'isEvent', 'reason']) {
    const value = text(formData, name);
    if (value !== undefined) values[name] = value;
  }
  values.topicIds = formData.getAll('topicIds').filter((v): v is string => typeof v === 'string');
  return values;
}

function refused(error: unknown, formData: FormData): PostFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', ...postErrors.describe(error), values: echo(formData) };
}

const localeOf = (formData: FormData): AppLocale => {
  const value = formData.get('locale');
  return routing.locales.find((l) => l === value) ?? routing.defaultLocale;
};

/** "New post": a draft with a title, then the editor. */
export async function createPostAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  let id: string;
  try {
    ({ id } = await createPost(await getActor(), formData.get('organizationId'), { title: text(formData, 'title'), body: EMPTY_DOCUMENT }));
  } catch (error) {
    return refused(error, formData);
  }
  redirect(getPathname({ href: `/konto/nyheter/${id}`, locale: localeOf(formData) }));
}

/** Back to the page the form was on, saying what was done (?klart=published). */
function done(formData: FormData, href: string, success: PostSuccessKey): never {
  redirect(`${getPathname({ href, locale: localeOf(formData) })}?klart=${success}`);
}

const INTENT_SUCCESS: Record<string, PostSuccessKey> = {
  save: 'saved',
  publish: 'published',
  schedule: 'scheduled',
  submit: 'submitted',
  unschedule: 'unscheduled',
};

/**
 * The editor's buttons (the pressed button's name is "intent"). Success goes back to the
 * editor page, so it shows the post's new state and version, with or without JavaScript.
 */
export async function savePostAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  const intent = formData.get('intent');
  const postId = String(formData.get('postId'));
  try {
    await savePost(await getActor(), postId, {
      version: formData.get('version'),
      fields: fieldsOf(formData),
      intent,
      publishAt: formData.get('publishAt'),
    });
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, `/konto/nyheter/${postId}`, INTENT_SUCCESS[String(intent)] ?? 'saved');
}

export type AutosaveResult = { status: 'saved'; version: number; savedAt: string } | { status: 'conflict' } | { status: 'error'; error: PostErrorKey };

/** Called by the editor a few seconds after typing stops; never redirects. */
export async function autosavePostAction(postId: string, version: number, formData: FormData): Promise<AutosaveResult> {
  try {
    const saved = await autosavePost(await getActor(), postId, { version, fields: fieldsOf(formData) });
    return { status: 'saved', version: saved.version, savedAt: new Date().toISOString() };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'CONFLICT') return { status: 'conflict' };
    const described = postErrors.describe(error);
    return { status: 'error', error: described.formError ?? Object.values(described.fieldErrors ?? {})[0] ?? 'invalid' };
  }
}

export async function restoreRevisionAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  try {
    await restoreRevision(await getActor(), formData.get('postId'), formData.get('revisionId'), formData.get('version'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, `/konto/nyheter/${String(formData.get('postId'))}`, 'restored');
}

export async function unpublishPostAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  try {
    await unpublishPost(await getActor(), formData.get('postId'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, `/konto/nyheter/${String(formData.get('postId'))}`, 'unpublished');
}

export async function moderatePostAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  try {
    await moderatePost(await getActor(), formData.get('postId'), formData.get('reason'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, `/admin/nyheter/${String(formData.get('postId'))}`, 'moderated');
}

export async function liftModerationAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  try {
    await liftModeration(await getActor(), formData.get('postId'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, `/admin/nyheter/${String(formData.get('postId'))}`, 'lifted');
}

export async function setPublishingModeAction(_previous: PostFormState, formData: FormData): Promise<PostFormState> {
  try {
    await setPublishingMode(await getActor(), formData.get('organizationId'), formData.get('mode'));
  } catch (error) {
    return refused(error, formData);
  }
  done(formData, '/konto/nyheter', 'settingsSaved');
}
