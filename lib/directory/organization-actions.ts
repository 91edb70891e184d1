'use server';

/**
 * The organisation editor's server actions. Each is a public endpoint: it reads the form,
 * hands it with the current actor to the data layer (which validates and asks the policy),
 * and turns an AppError into message keys. Successful changes redirect (so a reload does not
 * post again) with `?klart=<key>`; the one-button forms redirect with `?fel=<key>` when refused.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { confirmOrganization, createOrganization, removeLocation, saveLocation, setOrganizationActive, updateOrganization, updateOrganizationProfile } from './organization-editor';
import { organizationErrors, type OrganizationErrorKey, type OrganizationSuccessKey } from './organization-schemas';

export type OrganizationFormState = FormState<OrganizationErrorKey, OrganizationSuccessKey>;

const PROFILE_FIELDS = ['description', 'email', 'phone', 'website', 'name_en', 'description_en', 'name_ar', 'description_ar'] as const;
const ORGANIZATION_FIELDS = [...PROFILE_FIELDS, 'kind', 'name', 'orgNumber', 'municipalityId', 'newsPublishingMode'] as const;
const LOCATION_FIELDS = ['name', 'description', 'addressLine1', 'addressLine2', 'postalCode', 'city', 'municipalityId', 'latitude', 'longitude', 'accessibilityDescription', 'transportation'] as const;

function localePrefix(formData: FormData): string {
  const locale = formData.get('locale');
  return locale === 'en' || locale === 'ar' ? `/${locale}` : '';
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** The named text fields of the form (absent ones as ''), which is also what a refused form shows again. */
function readFields(formData: FormData, names: readonly string[], checkboxes: readonly string[] = []): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) fields[name] = text(formData, name) ?? '';
  for (const name of checkboxes) fields[name] = text(formData, name) === 'on' ? 'on' : '';
  return fields;
}

function failure(error: unknown, values: Record<string, string>): OrganizationFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', ...organizationErrors.describe(error), values };
}

function toPage(formData: FormData, path: string, params: Record<string, string>, fragment = ''): never {
  revalidatePath('/[locale]/admin/organisationer', 'layout');
  redirect(`${localePrefix(formData)}${path}?${new URLSearchParams(params)}${fragment}`);
}

const editPath = (id: string) => `/admin/organisationer/${encodeURIComponent(id)}`;

export async function createOrganizationAction(_previous: OrganizationFormState, formData: FormData): Promise<OrganizationFormState> {
  const fields = readFields(formData, ORGANIZATION_FIELDS);
  let created: { id: string };
  try {
    created = await createOrganization(await getActor(), fields);
  } catch (error) {
    return failure(error, fields);
  }
  toPage(formData, editPath(created.id), { klart: 'created' });
}

export async function updateOrganizationAction(_previous: OrganizationFormState, formData: FormData): Promise<OrganizationFormState> {
  const fields = readFields(formData, ORGANIZATION_FIELDS);
  const id = text(formData, 'id') ?? '';
  try {
    await updateOrganization(await getActor(), id, fields);
  } catch (error) {
    return failure(error, fields);
  }
  toPage(formData, editPath(id), { klart: 'updated' });
}

/** An association admin's form: the profile texts of their own organisation. */
export async function updateOrganizationProfileAction(_previous: OrganizationFormState, formData: FormData): Promise<OrganizationFormState> {
  const fields = readFields(formData, PROFILE_FIELDS);
  const id = text(formData, 'id') ?? '';
  try {
    await updateOrganizationProfile(await getActor(), id, fields);
  } catch (error) {
    return failure(error, fields);
  }
  toPage(formData, editPath(id), { klart: 'updated' });
}

/** One-button forms: the outcome travels in the query string. */
async function runButton(formData: FormData, fragment: string, work: (id: string) => Promise<OrganizationSuccessKey>): Promise<never> {
  const id = text(formData, 'id') ?? '';
  let params: Record<string, string>;
  try {
    params = { klart: await work(id) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    params = { fel: organizationErrors.describe(error).formError ?? 'invalid' };
  }
  toPage(formData, editPath(id), params, fragment);
}

export async function confirmOrganizationAction(formData: FormData): Promise<void> {
  await runButton(formData, '#bekrafta', async (id) => {
    await confirmOrganization(await getActor(), id);
    return 'confirmed';
  });
}

export async function setOrganizationActiveAction(formData: FormData): Promise<void> {
  await runButton(formData, '#aktiv', async (id) => {
    const { isActive } = await setOrganizationActive(await getActor(), id, {
      isActive: text(formData, 'isActive') === 'true',
      alsoDeactivateServices: text(formData, 'alsoDeactivateServices') === 'on',
    });
    return isActive ? 'reactivated' : 'deactivated';
  });
}

/** Adds a location (no locationId) or changes one. */
export async function saveLocationAction(_previous: OrganizationFormState, formData: FormData): Promise<OrganizationFormState> {
  const fields = readFields(formData, LOCATION_FIELDS, ['isProtected']);
  const id = text(formData, 'id') ?? '';
  const locationId = text(formData, 'locationId') || null;
  let saved: { id: string };
  try {
    saved = await saveLocation(await getActor(), id, locationId, fields);
  } catch (error) {
    return failure(error, fields);
  }
  toPage(formData, editPath(id), { klart: 'locationSaved' }, `#plats-${saved.id}`);
}

export async function removeLocationAction(formData: FormData): Promise<void> {
  const id = text(formData, 'id') ?? '';
  let params: Record<string, string>;
  try {
    await removeLocation(await getActor(), text(formData, 'locationId'));
    params = { klart: 'locationRemoved' };
  } catch (error) {
    if (!isAppError(error)) throw error;
    params = { fel: organizationErrors.describe(error).formError ?? 'invalid' };
  }
  toPage(formData, editPath(id), params, '#platser');
}
