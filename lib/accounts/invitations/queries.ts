import type { Role } from '@/lib/authz/actor';
import { getDb } from '@/lib/db/client';

/**
 * What the accept page shows about an invitation. `account` tells which form the invitee
 * gets: a new account (name and password), an existing link-only account (choose a
 * password) or an existing account with a password (confirm it).
 */
export interface InvitationView {
  organizationName: string;
  role: Role;
  email: string;
  expiresAt: Date;
  isExpired: boolean;
  isUsed: boolean;
  isRevoked: boolean;
  /** Expired, used, withdrawn, or the account it belongs to is disabled. */
  isUsable: boolean;
  account: 'new' | 'needsPassword' | 'existing';
}

/**
 * The invitation behind a token hash, or null. No actor: holding the token (which only the
 * invitee's mailbox received) is what entitles someone to see it.
 */
export async function findInvitationByTokenHash(tokenHash: string, now = new Date()): Promise<InvitationView | null> {
  const db = await getDb();
  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true, isActive: true } },
    },
  });
  if (!invitation) return null;
  const user = await db.user.findUnique({
    where: { email: invitation.email },
    select: { passwordHash: true, disabledAt: true },
  });
  const isExpired = invitation.expiresAt <= now;
  const isUsed = invitation.acceptedAt !== null;
  const isRevoked = invitation.revokedAt !== null;
  return {
    organizationName: invitation.organization.name,
    role: invitation.role,
    email: invitation.email,
    expiresAt: invitation.expiresAt,
    isExpired,
    isUsed,
    isRevoked,
    isUsable: !isExpired && !isUsed && !isRevoked && invitation.organization.isActive && !user?.disabledAt,
    account: !user ? 'new' : user.passwordHash ? 'existing' : 'needsPassword',
  };
}
