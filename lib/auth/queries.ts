import type { Actor } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';

/** The actor behind a session token hash, or null when the session is gone, expired or the user disabled. */
export async function findActorBySessionHash(sessionHash: string, now = new Date()): Promise<Actor | null> {
  const db = await getDb();
  const session = await db.session.findUnique({
    where: { sessionToken: sessionHash },
    select: {
      expires: true,
      user: { select: { id: true, disabledAt: true, memberships: { select: { organizationId: true, role: true } } } },
    },
  });
  if (!session || session.expires <= now || session.user.disabledAt) return null;
  return { kind: 'user', userId: session.user.id, memberships: session.user.memberships };
}

export interface SignInCandidate {
  id: string;
  passwordHash: string | null;
  isDisabled: boolean;
}

/** Only for sign-in: the caller must answer the same way whether or not this finds anyone. */
export async function findSignInCandidate(email: string): Promise<SignInCandidate | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, passwordHash: true, disabledAt: true } });
  return user ? { id: user.id, passwordHash: user.passwordHash, isDisabled: user.disabledAt !== null } : null;
}
