'use server';

/**
 * The accounts server actions. Each is a public endpoint: it reads the form, hands it with
 * the current actor to the data layer (which validates with the boundary schema and asks the
 * policy), and turns an AppError into message keys for the form. Wording stays in the UI.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { clientAddress } from '@/lib/auth/client';
import { endSession, getActor, startSession } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { MailDeliveryError, MailNotConfiguredError } from '@/lib/mail/transport';
import { describeAppError, isAccountErrorKey } from './errors';
import type { AccountFormState } from './form-state';
import { acceptInvitation, createInvitation } from './invitations/service';
import { changeMembershipRole, changePassword, deleteOwnAccount, removeMembership, setUserDisabled, updatePreferences, updateProfile } from './mutations';

function localePrefix(formData: FormData): string {
  const locale = formData.get('locale');
  return locale === 'en' || locale === 'ar' ? `/${locale}` : '';
}

/** The named text fields of a form (a file or a missing field is simply absent). */
function readFields(formData: FormData, names: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === 'string') result[name] = value;
  }
  return result;
}

/** An AppError as form state; anything else is a bug or an outage and goes to the error page. */
function failure(error: unknown, values?: Record<string, string>): AccountFormState {
  if (!isAppError(error)) throw error;
  return { status: 'error', ...describeAppError(error), values };
}

const ACCOUNT_PAGE = '/[locale]/konto';
const ADMIN_PAGE = '/[locale]/admin/anvandare';

// ── Invitations ──────────────────────────────────────────────────────────────────────

export async function acceptInvitationAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const input = readFields(formData, ['name', 'password', 'passwordConfirm']);
  const token = formData.get('token');
  let userId: string;
  try {
    userId = await acceptInvitation(typeof token === 'string' ? token : '', input, await clientAddress());
  } catch (error) {
    return failure(error, { name: input.name ?? '' });
  }
  // Whoever was signed in on this browser before, the invitee is now.
  await endSession();
  await startSession(userId);
  redirect(`${localePrefix(formData)}/konto`);
}

export async function createInvitationAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const input = readFields(formData, ['email', 'organizationId', 'role']);
  try {
    await createInvitation(await getActor(), input);
  } catch (error) {
    if (error instanceof MailDeliveryError || error instanceof MailNotConfiguredError) {
      console.error('invitation mail failed:', error.message);
      return { status: 'error', formError: 'mailFailed', values: input };
    }
    return failure(error, input);
  }
  // A new, empty address field for the next invitation; organisation and role stay chosen.
  return { status: 'success', success: 'invitationSent', values: { organizationId: input.organizationId ?? '', role: input.role ?? '' } };
}

// ── My account ───────────────────────────────────────────────────────────────────────

export async function updateProfileAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const input = readFields(formData, ['name']);
  try {
    await updateProfile(await getActor(), input);
  } catch (error) {
    return failure(error, input);
  }
  revalidatePath(ACCOUNT_PAGE, 'page');
  return { status: 'success', success: 'nameSaved' };
}

export async function updatePreferencesAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const input = readFields(formData, ['notificationMode', 'locale']);
  try {
    await updatePreferences(await getActor(), input);
  } catch (error) {
    return failure(error, input);
  }
  revalidatePath(ACCOUNT_PAGE, 'page');
  return { status: 'success', success: 'preferencesSaved' };
}

export async function changePasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const input = readFields(formData, ['currentPassword', 'newPassword', 'newPasswordConfirm']);
  const actor = await getActor();
  try {
    await changePassword(actor, input);
  } catch (error) {
    return failure(error);
  }
  // changePassword ended every session, this one too; this device stays signed in.
  if (actor.kind === 'user') await startSession(actor.userId);
  revalidatePath(ACCOUNT_PAGE, 'page');
  return { status: 'success', success: 'passwordChanged' };
}

export async function deleteAccountAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const input = readFields(formData, ['confirmEmail']);
  try {
    await deleteOwnAccount(await getActor(), input);
  } catch (error) {
    return failure(error, input);
  }
  await endSession();
  redirect(localePrefix(formData) || '/');
}

// ── The coordinator's user list: plain forms that return to the list ─────────────────

type AdminStatus = 'roleChanged' | 'membershipRemoved' | 'userDisabled' | 'userEnabled';

/**
 * Back to the list where the coordinator was (search and page kept), with the outcome for
 * the user card that was acted on, and the card as the fragment so the browser returns to it.
 */
function backToList(formData: FormData, userId: string, outcome: { status: AdminStatus } | { error: string }): never {
  const params = new URLSearchParams();
  const q = formData.get('q');
  const page = formData.get('sida');
  if (typeof q === 'string' && q) params.set('q', q.slice(0, 100));
  if (typeof page === 'string' && /^\d{1,6}$/.test(page) && page !== '1') params.set('sida', page);
  if ('status' in outcome) params.set('status', outcome.status);
  else params.set('fel', outcome.error);
  params.set('anvandare', userId);
  revalidatePath(ADMIN_PAGE, 'page');
  redirect(`${localePrefix(formData)}/admin/anvandare?${params}#anvandare-${userId}`);
}

function errorKey(error: unknown): string {
  if (!isAppError(error)) throw error;
  const { formError, fieldErrors } = describeAppError(error);
  const key = formError ?? Object.values(fieldErrors ?? {})[0];
  return isAccountErrorKey(key) ? key : 'invalid';
}

/** The user card an admin form belongs to; only used to find the way back, never trusted. */
function subjectUser(formData: FormData): string {
  const userId = formData.get('userId');
  return typeof userId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(userId) ? userId : '';
}

export async function changeRoleAction(formData: FormData): Promise<void> {
  let outcome: { status: AdminStatus } | { error: string };
  try {
    await changeMembershipRole(await getActor(), readFields(formData, ['membershipId', 'role']));
    outcome = { status: 'roleChanged' };
  } catch (error) {
    outcome = { error: errorKey(error) };
  }
  backToList(formData, subjectUser(formData), outcome);
}

export async function removeMembershipAction(formData: FormData): Promise<void> {
  let outcome: { status: AdminStatus } | { error: string };
  try {
    await removeMembership(await getActor(), readFields(formData, ['membershipId']));
    outcome = { status: 'membershipRemoved' };
  } catch (error) {
    outcome = { error: errorKey(error) };
  }
  backToList(formData, subjectUser(formData), outcome);
}

export async function setUserDisabledAction(formData: FormData): Promise<void> {
  const input = readFields(formData, ['userId', 'disabled']);
  let outcome: { status: AdminStatus } | { error: string };
  try {
    await setUserDisabled(await getActor(), input);
    outcome = { status: input.disabled === 'true' ? 'userDisabled' : 'userEnabled' };
  } catch (error) {
    outcome = { error: errorKey(error) };
  }
  backToList(formData, subjectUser(formData), outcome);
}
