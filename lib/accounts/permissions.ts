import type { Actor, Role } from '@/lib/authz/actor';
import { can, type OrganizationKind } from '@/lib/authz/policy';
import { ROLES } from './schemas';

interface MembershipPlace {
  organizationId: string;
  organizationKind: OrganizationKind;
}

/** The roles this actor may give a membership in this organisation (empty: show no control). */
export function assignableRoles(actor: Actor, membership: MembershipPlace): Role[] {
  return ROLES.filter((role) =>
    can(actor, 'membership.change', { organizationId: membership.organizationId, organizationKind: membership.organizationKind, role }),
  );
}

/**
 * Whether the controls for this membership are shown at all. A coordinator's own coordinator
 * membership has none: the data layer refuses changing it, so the UI does not offer it.
 */
export function canManageMembership(actor: Actor, membership: MembershipPlace & { userId: string; role: Role }): boolean {
  if (actor.kind !== 'user') return false;
  if (membership.userId === actor.userId && membership.role === 'COORDINATOR') return false;
  return can(actor, 'membership.change', {
    organizationId: membership.organizationId,
    organizationKind: membership.organizationKind,
    role: membership.role,
  });
}

/** Disabling is for other people's accounts only. */
export function canDisableUser(actor: Actor, userId: string): boolean {
  return actor.kind === 'user' && actor.userId !== userId && can(actor, 'user.manage', null);
}
