'use server';

/**
 * The server actions of association change proposals and their review, public endpoints:
 * each reads the form, hands it with the current actor to the data layer (./proposals.ts
 * asks the policy and validates) and either goes on to a page saying what was done
 * (`?klart=`) or returns message keys per field with everything typed. Refusals that leave
 * nothing to keep (an unchanged proposal, a proposal someone already decided) go back to the
 * page with `?fel=`.
 */
import { redirect } from 'next/navigation';
import { getPathname } from '@/i18n/navigation';
import { routing, type AppLocale } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { isAppError, type AppError } from '@/lib/errors/app-error';
import type { FormState } from '@/lib/forms/field-errors';
import { proposalErrors, type ProposalErrorKey, type ProposalSuccessKey } from './proposal-schemas';
import { approveProposal, proposeServiceChange, rejectProposal } from './proposals';
import type { ServiceFormState } from './service-form-state';
import { serviceFormErrors, serviceInputFromForm } from './service-input';

export type ProposalFormState = FormState<ProposalErrorKey, ProposalSuccessKey>;

const localeOf = (formData: FormData): AppLocale => routing.locales.find((l) => l === formData.get('locale')) ?? routing.defaultLocale;
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

function go(formData: FormData, href: string, params: Record<string, string>): never {
  redirect(`${getPathname({ href, locale: localeOf(formData) })}?${new URLSearchParams(params)}`);
}

/** The refusals the service form cannot word: the page says them (`?fel=`). */
const PAGE_LEVEL: readonly string[] = ['nothingChanged', 'alreadyReviewed'];
const isPageLevel = (error: AppError) => PAGE_LEVEL.includes(error.message);

function refusedForm(error: unknown, formData: FormData): ServiceFormState {
  if (!isAppError(error)) throw error;
  // A new nonce makes the form draw its rows again from what was sent.
  return { status: 'error', ...serviceFormErrors.describe(error), values: serviceInputFromForm(formData), nonce: Date.now() };
}

/** /konto/tjanster/<slug>/andra: the association's proposal for one of its services. */
export async function proposeServiceChangeAction(_previous: ServiceFormState, formData: FormData): Promise<ServiceFormState> {
  const slug = text(formData, 'slug');
  try {
    await proposeServiceChange(await getActor(), { serviceId: text(formData, 'serviceId') }, serviceInputFromForm(formData));
  } catch (error) {
    if (isAppError(error) && isPageLevel(error)) go(formData, `/konto/tjanster/${slug}/andra`, { fel: error.message });
    return refusedForm(error, formData);
  }
  go(formData, `/konto/tjanster/${slug}`, { klart: 'submitted' });
}

/** /konto/tjanster/ny: a new service proposed for one of the person's associations. */
export async function proposeNewServiceAction(_previous: ServiceFormState, formData: FormData): Promise<ServiceFormState> {
  try {
    await proposeServiceChange(await getActor(), { organizationId: text(formData, 'organizationId') }, serviceInputFromForm(formData));
  } catch (error) {
    return refusedForm(error, formData);
  }
  go(formData, '/konto/tjanster', { klart: 'submitted' });
}

/** /admin/forslag/<id>: "Godkänn", a plain form. */
export async function approveProposalAction(formData: FormData): Promise<void> {
  const id = text(formData, 'id');
  let params: Record<string, string>;
  try {
    await approveProposal(await getActor(), id);
    params = { klart: 'approved' };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const described = proposalErrors.describe(error);
    // A stored proposal that no longer passes is fixed in the edit form, where each error shows at its field.
    params = { fel: error.code === 'INVALID_INPUT' && !described.formError ? 'needsEdit' : (described.formError ?? 'invalid') };
  }
  go(formData, `/admin/forslag/${id}`, params);
}

/** /admin/forslag/<id>/redigera: the coordinator's version of the proposal, approved on submit. */
export async function approveEditedProposalAction(_previous: ServiceFormState, formData: FormData): Promise<ServiceFormState> {
  const id = text(formData, 'proposalId');
  try {
    await approveProposal(await getActor(), id, serviceInputFromForm(formData), text(formData, 'version') || undefined);
  } catch (error) {
    if (isAppError(error) && isPageLevel(error)) go(formData, `/admin/forslag/${id}`, { fel: error.message });
    return refusedForm(error, formData);
  }
  go(formData, `/admin/forslag/${id}`, { klart: 'approved' });
}

/** /admin/forslag/<id>: "Avvisa" with the message the association will read. */
export async function rejectProposalAction(_previous: ProposalFormState, formData: FormData): Promise<ProposalFormState> {
  const id = text(formData, 'id');
  const message = text(formData, 'message');
  try {
    await rejectProposal(await getActor(), id, message);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (isPageLevel(error)) go(formData, `/admin/forslag/${id}`, { fel: error.message });
    return { status: 'error', ...proposalErrors.describe(error), values: { message } };
  }
  go(formData, `/admin/forslag/${id}`, { klart: 'rejected' });
}
