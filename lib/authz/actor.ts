import type { MembershipRole } from '@/lib/generated/prisma/enums';

/** Who is asking. Every data-layer function takes one first, so access is never implicit. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; memberships: { organizationId: string; role: MembershipRole }[] };

/** A resident: anyone who has not signed in. */
export const ANONYMOUS: Actor = { kind: 'anonymous' };
