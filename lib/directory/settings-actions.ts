'use server';

/**
 * The directory settings' server actions (categories, attributes, municipalities, target
 * groups). Each is a public endpoint: it reads the form, hands it with the current actor to
 * the data layer (which validates and asks the policy) and turns an AppError into message
 * keys. A saved form returns to its list with `?klart=`; a refused deletion with `?fel=`.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import type { Actor } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import {
  createAttribute,
  createCategory,
  createMunicipality,
  createTargetGroup,
  deleteAttribute,
  deleteCategory,
  deleteMunicipality,
  deleteTargetGroup,
  updateAttribute,
  updateCategory,
  updateMunicipality,
  updateTargetGroup,
} from './settings-admin';
import { settingsErrors, type SettingsErrorKey, type SettingsSuccessKey } from './settings-schemas';

export type SettingsFormState = FormState<SettingsErrorKey, SettingsSuccessKey>;

interface Kind {
  /** The list's path under /admin/installningar. */
  path: string;
  text: readonly string[];
  checkboxes: readonly string[];
  create: (actor: Actor, input: unknown) => Promise<{ id: string }>;
  update: (actor: Actor, id: unknown, input: unknown) => Promise<{ id: string }>;
  remove: (actor: Actor, id: unknown) => Promise<{ name: string }>;
}

const TRANSLATIONS = ['name_en', 'description_en', 'name_ar', 'description_ar'] as const;

const KINDS = {
  category: {
    path: '/admin/installningar/kategorier',
    text: ['name', 'description', 'icon', 'parentId', 'sortOrder', ...TRANSLATIONS],
    checkboxes: ['isActive'],
    create: createCategory,
    update: updateCategory,
    remove: deleteCategory,
  },
  attribute: {
    path: '/admin/installningar/egenskaper',
    text: ['key', 'name', 'description', 'icon', 'sortOrder', ...TRANSLATIONS],
    checkboxes: ['isFilter'],
    create: createAttribute,
    update: updateAttribute,
    remove: deleteAttribute,
  },
  municipality: {
    path: '/admin/installningar/kommuner',
    text: ['name', 'code', 'regionName'],
    checkboxes: ['isActive'],
    create: createMunicipality,
    update: updateMunicipality,
    remove: deleteMunicipality,
  },
  targetGroup: {
    path: '/admin/installningar/malgrupper',
    text: ['name', 'sortOrder', 'name_en', 'name_ar'],
    checkboxes: [],
    create: createTargetGroup,
    update: updateTargetGroup,
    remove: deleteTargetGroup,
  },
} satisfies Record<string, Kind>;

function localePrefix(formData: FormData): string {
  const locale = formData.get('locale');
  return locale === 'en' || locale === 'ar' ? `/${locale}` : '';
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

function readFields(formData: FormData, kind: Kind): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of kind.text) fields[name] = text(formData, name) ?? '';
  for (const name of kind.checkboxes) fields[name] = text(formData, name) === 'on' ? 'on' : '';
  return fields;
}

function toList(formData: FormData, kind: Kind, params: Record<string, string>, fragment = ''): never {
  revalidatePath('/[locale]/admin/installningar', 'layout');
  redirect(`${localePrefix(formData)}${kind.path}?${new URLSearchParams(params)}${fragment}`);
}

/** Creates (no id in the form) or changes one record. */
async function save(kind: Kind, formData: FormData): Promise<SettingsFormState> {
  const fields = readFields(formData, kind);
  const id = text(formData, 'id');
  let saved: { id: string };
  try {
    const actor = await getActor();
    saved = id ? await kind.update(actor, id, fields) : await kind.create(actor, fields);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: 'error', ...settingsErrors.describe(error), values: fields };
  }
  toList(formData, kind, { klart: id ? 'updated' : 'created' }, `#rad-${saved.id}`);
}

async function remove(kind: Kind, formData: FormData): Promise<never> {
  let params: Record<string, string>;
  try {
    const { name } = await kind.remove(await getActor(), text(formData, 'id'));
    params = { klart: 'deleted', namn: name };
  } catch (error) {
    if (!isAppError(error)) throw error;
    params = { fel: settingsErrors.describe(error).formError ?? 'invalid' };
  }
  toList(formData, kind, params);
}

export async function saveCategoryAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return save(KINDS.category, formData);
}

export async function deleteCategoryAction(formData: FormData): Promise<void> {
  await remove(KINDS.category, formData);
}

export async function saveAttributeAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return save(KINDS.attribute, formData);
}

export async function deleteAttributeAction(formData: FormData): Promise<void> {
  await remove(KINDS.attribute, formData);
}

export async function saveMunicipalityAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return save(KINDS.municipality, formData);
}

export async function deleteMunicipalityAction(formData: FormData): Promise<void> {
  await remove(KINDS.municipality, formData);
}

export async function saveTargetGroupAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return save(KINDS.targetGroup, formData);
}

export async function deleteTargetGroupAction(formData: FormData): Promise<void> {
  await remove(KINDS.targetGroup, formData);
}
