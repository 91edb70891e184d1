import { AppError } from '@/lib/errors/app-error';

/** The roles a membership can carry (the same values as the database enum). */
export type Role = 'MEMBER' | 'ASSOCIATION_ADMIN' | 'OFFICIAL' | 'COORDINATOR';

/** Who is asking. Every data-layer function takes one first, so access is never implicit. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; memberships: { organizationId: string; role: Role }[] };

/** A resident: anyone who has not signed in. */
export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The signed-in actor, or UNAUTHENTICATED: for data-layer functions that write as someone. */
export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return actor;
}
