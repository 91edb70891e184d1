'use client';

import { useActionState } from 'react';
import {
  requestSignInLinkAction,
  signInWithLinkAction,
  signInWithPasswordAction,
  type SignInFormState,
} from '@/lib/auth/actions';

/** Texts come from the server page, so no message catalogue ships to the browser. */
export interface SignInTexts {
  email: string;
  password: string;
  signIn: string;
  sendLink: string;
  linkSent: string;
  confirmLink: string;
  errors: Record<NonNullable<SignInFormState['error']>, string>;
}

const INITIAL: SignInFormState = { status: 'idle' };

function ErrorMessage({ id, state, texts }: { id: string; state: SignInFormState; texts: SignInTexts }) {
  if (state.status !== 'error' || !state.error) return null;
  return (
    <p id={id} className="form-error" role="alert">
      {texts.errors[state.error]}
    </p>
  );
}

export function PasswordSignInForm({ texts, locale, returnTo }: { texts: SignInTexts; locale: string; returnTo?: string }) {
  const [state, action, pending] = useActionState(signInWithPasswordAction, INITIAL);
  const hasError = state.status === 'error';
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {returnTo ? <input type="hidden" name="till" value={returnTo} /> : null}
      <ErrorMessage id="password-error" state={state} texts={texts} />
      <div className="form-field">
        <label htmlFor="password-email">{texts.email}</label>
        <input
          id="password-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={hasError || undefined}
          aria-describedby={hasError ? 'password-error' : undefined}
        />
      </div>
      <div className="form-field">
        <label htmlFor="password-password">{texts.password}</label>
        <input
          id="password-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={hasError || undefined}
          aria-describedby={hasError ? 'password-error' : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {texts.signIn}
      </button>
    </form>
  );
}

export function SignInLinkRequestForm({ texts, locale }: { texts: SignInTexts; locale: string }) {
  const [state, action, pending] = useActionState(requestSignInLinkAction, INITIAL);
  if (state.status === 'sent') {
    return (
      <p className="notice" role="status">
        {texts.linkSent}
      </p>
    );
  }
  const hasError = state.status === 'error';
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <ErrorMessage id="link-error" state={state} texts={texts} />
      <div className="form-field">
        <label htmlFor="link-email">{texts.email}</label>
        <input
          id="link-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={hasError || undefined}
          aria-describedby={hasError ? 'link-error' : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {texts.sendLink}
      </button>
    </form>
  );
}

/**
 * The link lands on a page with a button rather than signing in on GET, so mail scanners
 * that open links do not use up the one-time token.
 */
export function SignInLinkConfirmForm({ texts, locale, token }: { texts: SignInTexts; locale: string; token: string }) {
  const [state, action, pending] = useActionState(signInWithLinkAction, INITIAL);
  return (
    <form action={action} className="form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <ErrorMessage id="confirm-error" state={state} texts={texts} />
      <button type="submit" className="button" disabled={pending}>
        {texts.confirmLink}
      </button>
    </form>
  );
}
