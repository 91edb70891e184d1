import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import { siteUrl } from '@/lib/env';
import { createSession, deleteSession } from './mutations';
import { findActorBySessionHash } from './queries';
import { hashToken } from './tokens';

export type SignedInActor = Extract<Actor, { kind: 'user' }>;

/**
 * Over HTTPS the cookie is `__Host-` prefixed and Secure (bound to this host, path /);
 * a plain-HTTP development or demo server cannot set those, so it uses a plain name.
 */
function cookieSettings() {
  const secure = siteUrl().startsWith('https://');
  return { name: secure ? '__Host-lisa-session' : 'lisa-session', secure };
}

/** Who is making this request; a resident unless a live session cookie says otherwise. */
export const getActor = cache(async (): Promise<Actor> => {
  const token = (await cookies()).get(cookieSettings().name)?.value;
  if (!token) return ANONYMOUS;
  return (await findActorBySessionHash(hashToken(token))) ?? ANONYMOUS;
});

/** For signed-in pages: the actor, or a redirect to sign in (convenience, not the guard). */
export async function requireSignedIn(returnTo: string): Promise<SignedInActor> {
  const actor = await getActor();
  if (actor.kind === 'user') return actor;
  redirect(`/logga-in?${new URLSearchParams({ till: returnTo })}`);
}

/** Starts a session for the user and sets its cookie (server actions and route handlers only). */
export async function startSession(userId: string): Promise<void> {
  const { token, expires } = await createSession(userId);
  const { name, secure } = cookieSettings();
  (await cookies()).set(name, token, { httpOnly: true, secure, sameSite: 'lax', path: '/', expires });
}

/** Ends the current session on the server and removes the cookie. */
export async function endSession(): Promise<void> {
  const store = await cookies();
  const { name } = cookieSettings();
  const token = store.get(name)?.value;
  if (token) await deleteSession(token);
  store.delete(name);
}

/** Only same-site paths may be returned to after sign-in (no open redirect). */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/konto';
}
