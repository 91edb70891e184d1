import { checkNewPassword } from '@/lib/auth/password-policy';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { hashToken, randomToken } from '@/lib/auth/tokens';
import type { Actor, Role } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { Prisma } from '@/lib/generated/prisma/client';
import { addFieldError, PASSWORD_PROBLEM_KEYS, throwIfFieldErrors, type FieldErrors } from '../errors';
import type { InvitationAcceptance, InvitationInput } from '../schemas';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** What the service needs to send the invitation e-mail. The token never leaves it. */
export interface CreatedInvitation {
  invitationId: string;
  token: string;
  email: string;
  role: Role;
  organizationName: string;
  inviterName: string;
  expiresAt: Date;
  /** Whether the address already has an account (the e-mail then says so). */
  hasAccount: boolean;
}

/**
 * Creates an invitation: authorizes the grant against the organisation's kind, refuses
 * someone who is already a member, withdraws earlier pending invitations for the same
 * address and organisation, and writes the audit row, all in one transaction.
 */
export async function insertInvitation(actor: Actor, input: InvitationInput, now = new Date()): Promise<CreatedInvitation> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const db = await getDb();
  const organization = await db.organization.findUnique({
    where: { id: input.organizationId },
    select: { id: true, kind: true, name: true, isActive: true },
  });
  if (!organization || !organization.isActive) throw new AppError('NOT_FOUND', 'notFound');
  authorize(actor, 'invitation.create', { organizationId: organization.id, organizationKind: organization.kind, role: input.role });

  const token = randomToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({
      where: { organizationId: organization.id, user: { email: input.email } },
      select: { id: true },
    });
    if (existing) throw new AppError('CONFLICT', 'alreadyMember');
    const revoked = await tx.invitation.updateMany({
      where: { email: input.email, organizationId: organization.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invitation = await tx.invitation.create({
      data: {
        email: input.email,
        organizationId: organization.id,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: actor.userId,
        expiresAt,
      },
      select: { id: true },
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    const invitee = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: 'invitation.create',
        entityType: 'Invitation',
        entityId: invitation.id,
        organizationId: organization.id,
        data: { email: input.email, role: input.role, revokedEarlier: revoked.count },
      },
    });
    return {
      invitationId: invitation.id,
      token,
      email: input.email,
      role: input.role,
      organizationName: organization.name,
      inviterName: inviter.name,
      expiresAt,
      hasAccount: invitee !== null,
    };
  });
}

/** Withdraws an invitation whose e-mail could not be sent, so no unsent token stays usable. */
export async function revokeInvitation(actor: Actor, invitationId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: { id: true, role: true, organization: { select: { id: true, kind: true } } },
  });
  if (!invitation) throw new AppError('NOT_FOUND', 'notFound');
  authorize(actor, 'invitation.create', {
    organizationId: invitation.organization.id,
    organizationKind: invitation.organization.kind,
    role: invitation.role,
  });
  await db.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Accepts an invitation and returns the user who is now a member. The token (its hash) is
 * the authority here, not an actor: only the invitee's mailbox received it.
 *
 * - a new address gets a user with the chosen name and password;
 * - an existing account without a password (link sign-in only) gets the chosen password;
 * - an existing account with a password must confirm it, and keeps it.
 *
 * The invitation is claimed with a conditional update inside the transaction, so of two
 * simultaneous uses exactly one succeeds; anything failing after it rolls the claim back.
 */
export async function acceptInvitationByTokenHash(tokenHash: string, input: InvitationAcceptance, now = new Date()): Promise<string> {
  const db = await getDb();
  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      email: true,
      role: true,
      organizationId: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { isActive: true } },
    },
  });
  if (!invitation) throw new AppError('NOT_FOUND', 'invitationInvalid');
  if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now || !invitation.organization.isActive) {
    throw new AppError('CONFLICT', 'invitationInvalid');
  }
  const user = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, name: true, passwordHash: true, disabledAt: true },
  });
  if (user?.disabledAt) throw new AppError('CONFLICT', 'invitationInvalid');

  const errors: FieldErrors = {};
  let newPasswordHash: string | undefined;
  if (user?.passwordHash) {
    if (!input.password) addFieldError(errors, 'password', 'required');
    else if (!(await verifyPassword(input.password, user.passwordHash))) addFieldError(errors, 'password', 'wrongPassword');
    throwIfFieldErrors(errors);
  } else {
    const name = user?.name ?? input.name;
    if (!user && !input.name) addFieldError(errors, 'name', 'required');
    if (!input.password) addFieldError(errors, 'password', 'required');
    else {
      for (const problem of checkNewPassword(input.password, { email: invitation.email, name })) {
        addFieldError(errors, 'password', PASSWORD_PROBLEM_KEYS[problem]);
      }
      if (!errors.password && input.passwordConfirm !== input.password) addFieldError(errors, 'passwordConfirm', 'passwordMismatch');
    }
    throwIfFieldErrors(errors);
    newPasswordHash = await hashPassword(input.password);
  }

  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) throw new AppError('CONFLICT', 'invitationInvalid');

      let userId: string;
      if (!user) {
        const created = await tx.user.create({
          data: { email: invitation.email, name: input.name, passwordHash: newPasswordHash, emailVerified: now },
          select: { id: true },
        });
        userId = created.id;
      } else {
        userId = user.id;
        // Only an account without a password gets one; an existing password is never replaced here.
        await tx.user.update({
          where: { id: user.id },
          data: { emailVerified: now, ...(newPasswordHash && !user.passwordHash ? { passwordHash: newPasswordHash } : {}) },
        });
        const member = await tx.membership.findUnique({
          where: { userId_organizationId: { userId: user.id, organizationId: invitation.organizationId } },
          select: { id: true },
        });
        if (member) throw new AppError('CONFLICT', 'alreadyMember');
      }
      await tx.membership.create({ data: { userId, organizationId: invitation.organizationId, role: invitation.role } });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: userId } });
      await tx.auditLog.create({
        data: {
          actorId: userId,
          action: 'invitation.accept',
          entityType: 'Invitation',
          entityId: invitation.id,
          organizationId: invitation.organizationId,
          data: { role: invitation.role, newAccount: !user },
        },
      });
      return userId;
    });
  } catch (error) {
    // Two first-time acceptances for one address (two organisations) racing to create the user.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'conflict');
    }
    throw error;
  }
}
