'use server';

/**
 * The coordinator's service editor's server actions, public endpoints: each reads the form,
 * hands it with the current actor to the data layer (service-editor.ts asks the policy and
 * validates) and either goes to the service's edit page saying what was done (?klart=saved)
 * or returns message keys per field with everything that was typed.
 */
import { redirect } from 'next/navigation';
import { getPathname } from '@/i18n/navigation';
import { routing, type AppLocale } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { confirmService, createService, setServiceStatus, updateService } from './service-editor';
import { serviceFormErrors, serviceInputFromForm } from './service-input';
import type { ServiceFormState } from './service-form-state';

const localeOf = (formData: FormData): AppLocale => routing.locales.find((l) => l === formData.get('locale')) ?? routing.defaultLocale;
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

function toService(formData: FormData, serviceId: string, params: Record<string, string>): never {
  const path = getPathname({ href: `/admin/tjanster/${encodeURIComponent(serviceId)}`, locale: localeOf(formData) });
  redirect(`${path}?${new URLSearchParams(params)}`);
}

function refused(error: unknown, formData: FormData): ServiceFormState {
  if (!isAppError(error)) throw error;
  // A new nonce makes the form draw its rows again from what was sent.
  return { status: 'error', ...serviceFormErrors.describe(error), values: serviceInputFromForm(formData), nonce: Date.now() };
}

export async function createServiceAction(_previous: ServiceFormState, formData: FormData): Promise<ServiceFormState> {
  let created: { id: string };
  try {
    created = await createService(await getActor(), serviceInputFromForm(formData));
  } catch (error) {
    return refused(error, formData);
  }
  toService(formData, created.id, { klart: 'created' });
}

export async function updateServiceAction(_previous: ServiceFormState, formData: FormData): Promise<ServiceFormState> {
  const serviceId = text(formData, 'serviceId');
  try {
    await updateService(await getActor(), serviceId, serviceInputFromForm(formData), text(formData, 'version'));
  } catch (error) {
    return refused(error, formData);
  }
  toService(formData, serviceId, { klart: 'saved' });
}

/** "Bekräfta att uppgifterna stämmer": a plain form, the same with or without JavaScript. */
export async function confirmServiceAction(formData: FormData): Promise<void> {
  const serviceId = text(formData, 'serviceId');
  let params: Record<string, string>;
  try {
    await confirmService(await getActor(), serviceId);
    params = { klart: 'confirmed' };
  } catch (error) {
    if (!isAppError(error)) throw error;
    params = { fel: serviceFormErrors.describe(error).formError ?? 'invalid' };
  }
  toService(formData, serviceId, params);
}

/** Deactivate or reactivate: the button names the status it sets. */
export async function setServiceStatusAction(formData: FormData): Promise<void> {
  const serviceId = text(formData, 'serviceId');
  const status = text(formData, 'status');
  let params: Record<string, string>;
  try {
    await setServiceStatus(await getActor(), serviceId, status);
    params = { klart: status === 'ACTIVE' ? 'reactivated' : 'deactivated' };
  } catch (error) {
    if (!isAppError(error)) throw error;
    params = { fel: serviceFormErrors.describe(error).formError ?? 'invalid' };
  }
  toService(formData, serviceId, params);
}
