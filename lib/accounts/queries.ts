import type { Actor, Role } from '@/lib/authz/actor';
import { authorize, can, roleFitsOrganization, type OrganizationKind } from '@/lib/authz/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseInput } from './errors';
import { ROLES, USERS_PER_PAGE, userListSchema, type NotificationMode } from './schemas';

/** The signed-in person's own user id, after the policy agreed they manage their own account. */
export function ownUserId(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  authorize(actor, 'account.manageOwn', { userId: actor.userId });
  return actor.userId;
}

export interface MembershipSummary {
  membershipId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: Role;
}

export interface OwnAccount {
  id: string;
  name: string;
  email: string;
  locale: string;
  notificationMode: NotificationMode;
  hasPassword: boolean;
  memberships: MembershipSummary[];
}

const membershipSelect = {
  id: true,
  role: true,
  organization: { select: { id: true, name: true, kind: true } },
} satisfies Prisma.MembershipSelect;

function toMembershipSummary(m: Prisma.MembershipGetPayload<{ select: typeof membershipSelect }>): MembershipSummary {
  return {
    membershipId: m.id,
    organizationId: m.organization.id,
    organizationName: m.organization.name,
    organizationKind: m.organization.kind,
    role: m.role,
  };
}

/** The /konto page: who I am, where I belong, my settings. */
export async function getOwnAccount(actor: Actor): Promise<OwnAccount> {
  const userId = ownUserId(actor);
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      notificationMode: true,
      passwordHash: true,
      memberships: { select: membershipSelect, orderBy: { organization: { name: 'asc' } } },
    },
  });
  if (!user) throw new AppError('NOT_FOUND', 'notFound');
  const { passwordHash, memberships, ...profile } = user;
  return { ...profile, hasPassword: passwordHash !== null, memberships: memberships.map(toMembershipSummary) };
}

/** "Download my data": everything the portal keeps that is the person's own, nothing of others. */
export interface OwnDataExport {
  exportedAt: string;
  profile: {
    name: string;
    email: string;
    locale: string;
    notificationMode: NotificationMode;
    hasPassword: boolean;
    emailVerifiedAt: string | null;
    lastSignInAt: string | null;
    createdAt: string;
  };
  memberships: { organization: string; role: Role; since: string }[];
  newsPosts: {
    title: string;
    summary: string;
    body: unknown;
    status: string;
    organization: string;
    createdAt: string;
    publishedAt: string | null;
  }[];
  workshopIssues: {
    number: number;
    title: string;
    description: string;
    desiredOutcome: string;
    state: string;
    organization: string;
    createdAt: string;
  }[];
  workshopComments: { issueNumber: number; body: string; createdAt: string; editedAt: string | null }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function exportOwnData(actor: Actor, now = new Date()): Promise<OwnDataExport> {
  const userId = ownUserId(actor);
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      locale: true,
      notificationMode: true,
      passwordHash: true,
      emailVerified: true,
      lastSignInAt: true,
      createdAt: true,
      memberships: { select: { role: true, createdAt: true, organization: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
      posts: {
        select: {
          title: true,
          summary: true,
          body: true,
          status: true,
          createdAt: true,
          publishedAt: true,
          organization: { select: { name: true } },
        },
        orderBy: { createdAt: 'asc' },
      },
      issuesCreated: {
        select: {
          number: true,
          title: true,
          description: true,
          desiredOutcome: true,
          state: true,
          createdAt: true,
          filedBy: { select: { name: true } },
        },
        orderBy: { number: 'asc' },
      },
      // Deleted comments are gone for everyone; an export does not bring them back.
      comments: {
        where: { deletedAt: null },
        select: { body: true, createdAt: true, editedAt: true, issue: { select: { number: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!user) throw new AppError('NOT_FOUND', 'notFound');
  return {
    exportedAt: now.toISOString(),
    profile: {
      name: user.name,
      email: user.email,
      locale: user.locale,
      notificationMode: user.notificationMode,
      hasPassword: user.passwordHash !== null,
      emailVerifiedAt: iso(user.emailVerified),
      lastSignInAt: iso(user.lastSignInAt),
      createdAt: user.createdAt.toISOString(),
    },
    memberships: user.memberships.map((m) => ({ organization: m.organization.name, role: m.role, since: m.createdAt.toISOString() })),
    newsPosts: user.posts.map((p) => ({
      title: p.title,
      summary: p.summary,
      body: p.body,
      status: p.status,
      organization: p.organization.name,
      createdAt: p.createdAt.toISOString(),
      publishedAt: iso(p.publishedAt),
    })),
    workshopIssues: user.issuesCreated.map((i) => ({
      number: i.number,
      title: i.title,
      description: i.description,
      desiredOutcome: i.desiredOutcome,
      state: i.state,
      organization: i.filedBy.name,
      createdAt: i.createdAt.toISOString(),
    })),
    workshopComments: user.comments.map((c) => ({
      issueNumber: c.issue.number,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      editedAt: iso(c.editedAt),
    })),
  };
}

// ── Coordinator: the user list ───────────────────────────────────────────────────────

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  isDisabled: boolean;
  lastSignInAt: Date | null;
  memberships: MembershipSummary[];
}

export interface UserPage {
  items: UserListItem[];
  total: number;
  page: number;
  pageCount: number;
  q: string;
}

/** Every account, 50 a page, optionally narrowed by a search in name and e-mail. */
export async function listUsers(actor: Actor, input: unknown): Promise<UserPage> {
  authorize(actor, 'user.manage', null);
  const { page: requestedPage, q } = parseInput(userListSchema, input ?? {});
  const db = await getDb();
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }] }
    : {};
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
  const page = Math.min(requestedPage, pageCount);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * USERS_PER_PAGE,
    take: USERS_PER_PAGE,
    select: {
      id: true,
      name: true,
      email: true,
      disabledAt: true,
      lastSignInAt: true,
      memberships: { select: membershipSelect, orderBy: { organization: { name: 'asc' } } },
    },
  });
  return {
    items: rows.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      isDisabled: u.disabledAt !== null,
      lastSignInAt: u.lastSignInAt,
      memberships: u.memberships.map(toMembershipSummary),
    })),
    total,
    page,
    pageCount,
    q,
  };
}

// ── Invitation targets ───────────────────────────────────────────────────────────────

export interface InviteTarget {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  /** The roles this actor may grant here, in the order of ROLES. */
  roles: Role[];
}

/**
 * The organisations and roles the actor may invite into, straight from the policy table, so
 * the invite form offers exactly what the server would accept (an association admin: members
 * of their own association; the coordinator: every role that fits each organisation).
 */
export async function listInviteTargets(actor: Actor): Promise<InviteTarget[]> {
  if (actor.kind !== 'user' || actor.memberships.length === 0) return [];
  const db = await getDb();
  const organizations = await db.organization.findMany({
    where: { isActive: true },
    select: { id: true, name: true, kind: true },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  });
  return organizations.flatMap((o) => {
    const roles = ROLES.filter(
      (role) => roleFitsOrganization(role, o.kind) && can(actor, 'invitation.create', { organizationId: o.id, organizationKind: o.kind, role }),
    );
    return roles.length > 0 ? [{ organizationId: o.id, organizationName: o.name, organizationKind: o.kind, roles }] : [];
  });
}

