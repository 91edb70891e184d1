'use server';

/**
 * The thesaurus editor's server actions. Each is a public endpoint: it reads the form, hands
 * it with the current actor to the data layer (which validates with the boundary schema and
 * asks the policy), and turns an AppError into message keys. Wording stays in the UI.
 * Successful changes return to the list (a redirect, so a reload does not post again).
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { createThesaurusEntry, deleteThesaurusEntry, loadDefaultThesaurusEntries, updateThesaurusEntry } from './admin';
import { thesaurusErrors, type ThesaurusErrorKey, type ThesaurusSuccessKey } from './schemas';

export type ThesaurusFormState = FormState<ThesaurusErrorKey, ThesaurusSuccessKey>;

const ADMIN_PAGE = '/[locale]/admin/installningar';

function localePrefix(formData: FormData): string {
  const locale = formData.get('locale');
  return locale === 'en' || locale === 'ar' ? `/${locale}` : '';
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** The entry form's fields as the data layer takes them (checkboxes absent when unticked). */
function readEntry(formData: FormData) {
  return {
    input: text(formData, 'input'),
    synonyms: text(formData, 'synonyms'),
    categories: formData.getAll('categories').filter((v): v is string => typeof v === 'string'),
    topic: text(formData, 'topic') ?? '',
    isMutual: text(formData, 'isMutual'),
    isActive: text(formData, 'isActive'),
  };
}

/** What was typed, so a refused form shows it again. */
function echo(entry: ReturnType<typeof readEntry>): Record<string, string | string[]> {
  return {
    input: entry.input ?? '',
    synonyms: entry.synonyms ?? '',
    categories: entry.categories,
    topic: entry.topic,
    isMutual: entry.isMutual ? 'on' : '',
    isActive: entry.isActive ? 'on' : '',
  };
}

/** An AppError as form state; anything else is a bug or an outage and goes to the error page. */
function failure(error: unknown, values: Record<string, string | string[]>): ThesaurusFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', ...thesaurusErrors.describe(error), values };
}

function toList(formData: FormData, params: Record<string, string>, fragment = ''): never {
  revalidatePath(ADMIN_PAGE, 'layout');
  redirect(`${localePrefix(formData)}/admin/installningar?${new URLSearchParams(params)}${fragment}`);
}

export async function createThesaurusEntryAction(_previous: ThesaurusFormState, formData: FormData): Promise<ThesaurusFormState> {
  const entry = readEntry(formData);
  let created: { id: string; input: string };
  try {
    created = await createThesaurusEntry(await getActor(), entry);
  } catch (error) {
    return failure(error, echo(entry));
  }
  // The list narrowed to the new entry, so the coordinator sees it among its neighbours.
  toList(formData, { q: created.input, status: 'created' }, `#uppslag-${created.id}`);
}

export async function updateThesaurusEntryAction(_previous: ThesaurusFormState, formData: FormData): Promise<ThesaurusFormState> {
  const entry = readEntry(formData);
  let updated: { id: string; input: string };
  try {
    updated = await updateThesaurusEntry(await getActor(), text(formData, 'id'), entry);
  } catch (error) {
    return failure(error, echo(entry));
  }
  toList(formData, { q: updated.input, status: 'updated' }, `#uppslag-${updated.id}`);
}

/** The confirmation page's form: a plain form, so it works the same with or without JavaScript. */
export async function deleteThesaurusEntryAction(formData: FormData): Promise<void> {
  let params: Record<string, string>;
  try {
    const { input } = await deleteThesaurusEntry(await getActor(), text(formData, 'id'));
    params = { status: 'deleted', uppslag: input };
  } catch (error) {
    if (!isAppError(error)) throw error;
    params = { fel: thesaurusErrors.describe(error).formError ?? 'invalid' };
  }
  toList(formData, params);
}

export async function loadDefaultThesaurusAction(formData: FormData): Promise<void> {
  let params: Record<string, string>;
  try {
    const report = await loadDefaultThesaurusEntries(await getActor());
    params = { status: 'defaultsLoaded', nya: String(report.added), uppdaterade: String(report.updated), behallna: String(report.keptEdited) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    params = { fel: thesaurusErrors.describe(error).formError ?? 'invalid' };
  }
  toList(formData, params, '#standard');
}
