import { signOutAction } from '@/lib/auth/actions';

/** Sign-out is a POST (a link could be triggered by another site); it works without JavaScript. */
export function SignOutForm({ label, locale }: { label: string; locale: string }) {
  return (
    <form action={signOutAction} className="sign-out-form">
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="button button--secondary">
        {label}
      </button>
    </form>
  );
}
