import { hitRateLimit } from '@/lib/auth/mutations';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/authz/actor';
import { authorize } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { addFieldError, PASSWORD_PROBLEM_KEYS, parseInput, throwIfFieldErrors, type FieldErrors } from './errors';
import { ownUserId } from './queries';
import {
  accountDeletionSchema,
  membershipRemovalSchema,
  passwordChangeSchema,
  preferencesSchema,
  profileSchema,
  roleChangeSchema,
  userDisableSchema,
} from './schemas';

const PASSWORD_CHANGE_WINDOW_MS = 15 * 60 * 1000;
const PASSWORD_CHANGE_LIMIT = 10;

// ── The signed-in person's own account ───────────────────────────────────────────────

export async function updateProfile(actor: Actor, input: unknown): Promise<void> {
  const userId = ownUserId(actor);
  const { name } = parseInput(profileSchema, input);
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { name } });
}

export async function updatePreferences(actor: Actor, input: unknown): Promise<void> {
  const userId = ownUserId(actor);
  const { notificationMode, locale } = parseInput(preferencesSchema, input);
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { notificationMode, locale } });
}

/**
 * Sets a new password after checking the current one (an account that signs in by link only
 * has none to check). Every session of the user ends, on every device; the caller starts a
 * fresh one for the device that made the change.
 */
export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  const userId = ownUserId(actor);
  const parsed = parseInput(passwordChangeSchema, input);
  const db = await getDb();
  const { allowed } = await hitRateLimit(`password-change:${userId}`, PASSWORD_CHANGE_LIMIT, PASSWORD_CHANGE_WINDOW_MS);
  if (!allowed) throw new AppError('RATE_LIMITED', 'rateLimited');
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw new AppError('NOT_FOUND', 'notFound');

  const errors: FieldErrors = {};
  if (user.passwordHash) {
    if (!parsed.currentPassword) addFieldError(errors, 'currentPassword', 'required');
    else if (!(await verifyPassword(parsed.currentPassword, user.passwordHash))) addFieldError(errors, 'currentPassword', 'wrongPassword');
  }
  for (const problem of checkNewPassword(parsed.newPassword, { email: user.email, name: user.name })) {
    addFieldError(errors, 'newPassword', PASSWORD_PROBLEM_KEYS[problem]);
  }
  if (!errors.newPassword && parsed.newPasswordConfirm !== parsed.newPassword) addFieldError(errors, 'newPasswordConfirm', 'passwordMismatch');
  throwIfFieldErrors(errors);

  const passwordHash = await hashPassword(parsed.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } }),
    db.session.deleteMany({ where: { userId } }),
  ]);
}

/**
 * Deletes the person's account: sessions, memberships and the user. What they wrote for an
 * association stays, without an author (the schema sets those references to null). The
 * audit row keeps the user id only, not the name or address that were just deleted.
 */
export async function deleteOwnAccount(actor: Actor, input: unknown): Promise<void> {
  const userId = ownUserId(actor);
  const { confirmEmail } = parseInput(accountDeletionSchema, input);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, memberships: { select: { organizationId: true, role: true } } },
    });
    if (!user) throw new AppError('NOT_FOUND', 'notFound');
    if (confirmEmail !== user.email) throw new AppError('INVALID_INPUT', 'emailMismatch', { confirmEmail: ['emailMismatch'] });
    if (user.memberships.some((m) => m.role === 'COORDINATOR')) {
      const others = await tx.membership.count({ where: { role: 'COORDINATOR', userId: { not: userId }, user: { disabledAt: null } } });
      // Someone must be left who can run the site and invite people.
      if (others === 0) throw new AppError('CONFLICT', 'lastCoordinator');
    }
    await tx.auditLog.create({
      data: { actorId: userId, action: 'account.delete', entityType: 'User', entityId: userId, data: { memberships: user.memberships } },
    });
    await tx.session.deleteMany({ where: { userId } });
    await tx.membership.deleteMany({ where: { userId } });
    await tx.user.delete({ where: { id: userId } });
  });
}

// ── The coordinator: memberships and accounts of others ─────────────────────────────

async function findMembershipFacts(membershipId: string) {
  const db = await getDb();
  const membership = await db.membership.findUnique({
    where: { id: membershipId },
    select: { id: true, userId: true, role: true, organization: { select: { id: true, kind: true } } },
  });
  if (!membership) throw new AppError('NOT_FOUND', 'notFound');
  return membership;
}

/**
 * Gives a membership another role that fits its organisation. Only the coordinator may
 * (the policy); nobody changes their own coordinator membership, so the network cannot lose
 * its last coordinator by a slip.
 */
export async function changeMembershipRole(actor: Actor, input: unknown): Promise<void> {
  const { membershipId, role } = parseInput(roleChangeSchema, input);
  const membership = await findMembershipFacts(membershipId);
  authorize(actor, 'membership.change', { organizationId: membership.organization.id, organizationKind: membership.organization.kind, role });
  if (actor.kind === 'user' && membership.userId === actor.userId && membership.role === 'COORDINATOR') {
    throw new AppError('CONFLICT', 'selfCoordinator');
  }
  if (membership.role === role) return;
  const db = await getDb();
  await db.$transaction([
    db.membership.update({ where: { id: membership.id }, data: { role } }),
    db.user.update({ where: { id: membership.userId }, data: { sessionVersion: { increment: 1 } } }),
    db.auditLog.create({
      data: {
        actorId: actor.kind === 'user' ? actor.userId : null,
        action: 'membership.changeRole',
        entityType: 'Membership',
        entityId: membership.id,
        organizationId: membership.organization.id,
        data: { userId: membership.userId, from: membership.role, to: role },
      },
    }),
  ]);
}

export async function removeMembership(actor: Actor, input: unknown): Promise<void> {
  const { membershipId } = parseInput(membershipRemovalSchema, input);
  const membership = await findMembershipFacts(membershipId);
  authorize(actor, 'membership.change', {
    organizationId: membership.organization.id,
    organizationKind: membership.organization.kind,
    role: membership.role,
  });
  if (actor.kind === 'user' && membership.userId === actor.userId && membership.role === 'COORDINATOR') {
    throw new AppError('CONFLICT', 'selfCoordinator');
  }
  const db = await getDb();
  await db.$transaction([
    db.membership.delete({ where: { id: membership.id } }),
    db.user.update({ where: { id: membership.userId }, data: { sessionVersion: { increment: 1 } } }),
    db.auditLog.create({
      data: {
        actorId: actor.kind === 'user' ? actor.userId : null,
        action: 'membership.remove',
        entityType: 'Membership',
        entityId: membership.id,
        organizationId: membership.organization.id,
        data: { userId: membership.userId, role: membership.role },
      },
    }),
  ]);
}

/**
 * Disables or enables an account. Disabling ends every session of the user in the same
 * transaction (and bumps the session version), so an open session stops working on its
 * next request, not at its expiry.
 */
export async function setUserDisabled(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  authorize(actor, 'user.manage', null);
  const { userId, disabled } = parseInput(userDisableSchema, input);
  if (actor.kind === 'user' && actor.userId === userId) throw new AppError('CONFLICT', 'selfDisable');
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!user) throw new AppError('NOT_FOUND', 'notFound');
    if ((user.disabledAt !== null) === disabled) return;
    await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: now, sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await tx.auditLog.create({
      data: {
        actorId: actor.kind === 'user' ? actor.userId : null,
        action: disabled ? 'user.disable' : 'user.enable',
        entityType: 'User',
        entityId: userId,
      },
    });
  });
}
