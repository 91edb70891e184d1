/**
 * The one policy table of the portal: every rule of PRODUCT.md's roles, in one place.
 * The data layer calls `authorize` before every read and write; the UI calls `can` to hide
 * what a person may not do. Both read the same table, so they cannot disagree.
 */
import { AppError } from '@/lib/errors/app-error';
import type { Actor, Role } from './actor';

export type OrganizationKind = 'ASSOCIATION' | 'REGION' | 'MUNICIPALITY';
export type IssueVisibility = 'RESTRICTED' | 'NETWORK' | 'PUBLIC';
export type PostStatus = 'DRAFT' | 'PENDING_APPROVAL' | 'SCHEDULED' | 'PUBLISHED' | 'UNPUBLISHED';

/** What the policy needs to know about a news post. */
export interface PostFacts {
  organizationId: string;
  status: PostStatus;
  publishingMode: 'MEMBERS_PUBLISH' | 'ADMIN_APPROVES';
  /** Taken down by the coordinator: the association may edit it but not publish it again. */
  isModerated: boolean;
}

/** What the policy needs to know about a workshop issue. */
export interface IssueFacts {
  filedByOrganizationId: string;
  visibility: IssueVisibility;
  responderOrganizationIds: string[];
  assigneeUserIds: string[];
}

/** An invitation or role change: into which organisation, with which role. */
export interface GrantFacts {
  organizationId: string;
  organizationKind: OrganizationKind;
  role: Role;
}

export interface OrganizationFacts {
  organizationId: string;
}

export interface UserFacts {
  userId: string;
}

/** Each action and the facts about its resource that the rule needs (null: none). */
export interface PolicyResources {
  // Directory
  'service.manage': null;
  'service.propose': OrganizationFacts;
  'proposal.review': null;
  'correction.handle': null;
  'directory.settings': null;
  'directory.importExport': null;
  'searchStats.read': null;
  'organization.editProfile': OrganizationFacts;
  /** The "also known as" words of a service; the resource is the service's organisation. */
  'service.editKeywords': OrganizationFacts;
  // Accounts
  'invitation.create': GrantFacts;
  'membership.change': GrantFacts;
  'user.manage': null;
  'account.manageOwn': UserFacts;
  'auditLog.read': null;
  // News
  'post.read': PostFacts;
  'post.write': OrganizationFacts;
  'post.edit': PostFacts;
  'post.publish': PostFacts;
  'post.unpublish': PostFacts;
  'post.moderate': null;
  'moderationLog.read': null;
  // Synergy workshop
  'issue.create': OrganizationFacts;
  'issue.read': IssueFacts;
  'issue.comment': IssueFacts;
  'issue.actAsFiler': IssueFacts;
  'issue.triage': null;
  'issue.answer': IssueFacts;
  'issue.internalNotes': IssueFacts;
  'issue.reassign': IssueFacts;
  'meeting.manage': null;
  'minutes.read': null;
  'workshopMetrics.readAll': null;
}

export type PolicyAction = keyof PolicyResources;

type Rule<R> = (actor: SignedIn, resource: R) => boolean;

interface SignedIn {
  kind: 'user';
  userId: string;
  memberships: { organizationId: string; role: Role }[];
}

// ── Facts about the actor ──────────────────────────────────────────────────────────

const isCoordinator = (a: SignedIn) => a.memberships.some((m) => m.role === 'COORDINATOR');
const roleIn = (a: SignedIn, organizationId: string) => a.memberships.find((m) => m.organizationId === organizationId)?.role;
const belongsToAssociation = (a: SignedIn, organizationId: string) => {
  const role = roleIn(a, organizationId);
  return role === 'MEMBER' || role === 'ASSOCIATION_ADMIN';
};
const isAssociationAdminOf = (a: SignedIn, organizationId: string) => roleIn(a, organizationId) === 'ASSOCIATION_ADMIN';
const isOfficialOf = (a: SignedIn, organizationId: string) => roleIn(a, organizationId) === 'OFFICIAL';

/** Association roles exist only in associations; officials only in the region and municipalities. */
export function roleFitsOrganization(role: Role, kind: OrganizationKind): boolean {
  if (role === 'MEMBER' || role === 'ASSOCIATION_ADMIN') return kind === 'ASSOCIATION';
  if (role === 'OFFICIAL') return kind === 'REGION' || kind === 'MUNICIPALITY';
  return true;
}

// ── Facts about a workshop issue ───────────────────────────────────────────────────

/**
 * Who files for an association: its members, and the coordinator for the association the
 * coordinator works in (the network's umbrella association files issues in its own name,
 * e.g. from searches that found nothing).
 */
const filesFor = (a: SignedIn, organizationId: string) => belongsToAssociation(a, organizationId) || roleIn(a, organizationId) === 'COORDINATOR';
const isFiler = (a: SignedIn, i: IssueFacts) => filesFor(a, i.filedByOrganizationId);
/** An official assigned by name, or an official of a responder organisation. */
const isResponder = (a: SignedIn, i: IssueFacts) =>
  i.assigneeUserIds.includes(a.userId) || i.responderOrganizationIds.some((o) => isOfficialOf(a, o));
const canReadIssue = (a: SignedIn, i: IssueFacts) =>
  isCoordinator(a) || isFiler(a, i) || isResponder(a, i) || i.visibility !== 'RESTRICTED';

// ── The table ──────────────────────────────────────────────────────────────────────

const coordinatorOnly = (a: SignedIn) => isCoordinator(a);

const RULES: { [A in PolicyAction]: Rule<PolicyResources[A]> } = {
  'service.manage': coordinatorOnly,
  'service.propose': (a, r) => belongsToAssociation(a, r.organizationId),
  'proposal.review': coordinatorOnly,
  'correction.handle': coordinatorOnly,
  'directory.settings': coordinatorOnly,
  'directory.importExport': coordinatorOnly,
  'searchStats.read': coordinatorOnly,
  'organization.editProfile': (a, r) => isCoordinator(a) || isAssociationAdminOf(a, r.organizationId),
  // Keywords are words residents use, not facts a reviewer must check, so the association's
  // own people write them directly instead of proposing them.
  'service.editKeywords': (a, r) => isCoordinator(a) || belongsToAssociation(a, r.organizationId),

  'invitation.create': (a, g) => {
    if (!roleFitsOrganization(g.role, g.organizationKind)) return false;
    if (isCoordinator(a)) return true;
    // An association admin invites members to their own association, nothing more.
    return g.role === 'MEMBER' && isAssociationAdminOf(a, g.organizationId);
  },
  // Only the coordinator changes roles, so nobody can raise themselves or others above it.
  'membership.change': (a, g) => roleFitsOrganization(g.role, g.organizationKind) && isCoordinator(a),
  'user.manage': coordinatorOnly,
  'account.manageOwn': (a, r) => a.userId === r.userId,
  'auditLog.read': coordinatorOnly,

  // Signed-in readers of posts: the post's own association sees every state.
  'post.read': (a, p) => p.status === 'PUBLISHED' || isCoordinator(a) || belongsToAssociation(a, p.organizationId),
  'post.write': (a, r) => belongsToAssociation(a, r.organizationId),
  'post.edit': (a, p) => belongsToAssociation(a, p.organizationId),
  'post.publish': (a, p) =>
    !p.isModerated &&
    (isAssociationAdminOf(a, p.organizationId) || (p.publishingMode === 'MEMBERS_PUBLISH' && belongsToAssociation(a, p.organizationId))),
  // The association takes its own posts down; the coordinator does so as moderation.
  'post.unpublish': (a, p) => isCoordinator(a) || isAssociationAdminOf(a, p.organizationId) || (p.publishingMode === 'MEMBERS_PUBLISH' && belongsToAssociation(a, p.organizationId)),
  'post.moderate': coordinatorOnly,
  'moderationLog.read': coordinatorOnly,

  'issue.create': (a, r) => filesFor(a, r.organizationId),
  'issue.read': canReadIssue,
  'issue.comment': (a, i) => isCoordinator(a) || isFiler(a, i) || isResponder(a, i) || (i.visibility !== 'RESTRICTED' && a.memberships.length > 0),
  // Withdraw, answer a request for information, confirm or dispute a resolution.
  'issue.actAsFiler': (a, i) => isFiler(a, i),
  'issue.triage': coordinatorOnly,
  'issue.answer': (a, i) => isCoordinator(a) || isResponder(a, i),
  // Never the filing association: internal notes are for the public bodies and the coordinator.
  'issue.internalNotes': (a, i) => isCoordinator(a) || isResponder(a, i),
  'issue.reassign': (a, i) => isCoordinator(a) || i.responderOrganizationIds.some((o) => isOfficialOf(a, o)),
  'meeting.manage': coordinatorOnly,
  'minutes.read': (a) => a.memberships.length > 0,
  'workshopMetrics.readAll': coordinatorOnly,
};

/**
 * Actions residents may take without signing in. Everything else needs a signed-in actor;
 * public reads (published services and posts, public issues) go through the same functions.
 */
function allowsAnonymous<A extends PolicyAction>(action: A, resource: PolicyResources[A]): boolean {
  if (action === 'post.read') return (resource as PostFacts).status === 'PUBLISHED';
  if (action === 'issue.read') return (resource as IssueFacts).visibility === 'PUBLIC';
  return false;
}

/** Whether the actor may do this; for showing or hiding controls. */
export function can<A extends PolicyAction>(actor: Actor, action: A, resource: PolicyResources[A]): boolean {
  if (actor.kind === 'anonymous') return allowsAnonymous(action, resource);
  return RULES[action](actor, resource);
}

/** Throws UNAUTHENTICATED (anonymous) or FORBIDDEN unless the actor may do this. */
export function authorize<A extends PolicyAction>(actor: Actor, action: A, resource: PolicyResources[A]): void {
  if (can(actor, action, resource)) return;
  throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `Not allowed: ${action}`);
}

export const POLICY_ACTIONS = Object.keys(RULES) as PolicyAction[];
