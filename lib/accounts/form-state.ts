import type { AccountErrorKey } from './errors';

/** Keys of `Account.success`. */
export type AccountSuccessKey = 'nameSaved' | 'preferencesSaved' | 'passwordChanged' | 'invitationSent';

/**
 * What an accounts form shows after a submission (the state of `useActionState`). Only
 * message keys travel: the page resolves them in the visitor's language. `values` echoes
 * what was typed (never passwords) so a refused form keeps it.
 */
export interface AccountFormState {
  status: 'idle' | 'error' | 'success';
  formError?: AccountErrorKey;
  fieldErrors?: Record<string, AccountErrorKey>;
  success?: AccountSuccessKey;
  values?: Record<string, string>;
}

export const IDLE_FORM_STATE: AccountFormState = { status: 'idle' };
