import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, type Role } from '@/lib/authz/actor';
import { authorize, can, POLICY_ACTIONS, type IssueFacts, type PolicyAction, type PostFacts } from '@/lib/authz/policy';
import { AppError } from '@/lib/errors/app-error';

// Two associations (A, B), the region (R) and a municipality (M).
const A = 'assoc-a';
const B = 'assoc-b';
const R = 'region';
const M = 'municipality';

const user = (userId: string, ...memberships: [string, Role][]): Actor => ({
  kind: 'user',
  userId,
  memberships: memberships.map(([organizationId, role]) => ({ organizationId, role })),
});

const actors = {
  anonymous: ANONYMOUS,
  coordinator: user('coord', [A, 'COORDINATOR']),
  adminA: user('admin-a', [A, 'ASSOCIATION_ADMIN']),
  memberA: user('member-a', [A, 'MEMBER']),
  memberB: user('member-b', [B, 'MEMBER']),
  officialR: user('official-r', [R, 'OFFICIAL']),
  officialM: user('official-m', [M, 'OFFICIAL']),
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;
const ALL = Object.keys(actors) as ActorName[];

/** Asserts exactly who is allowed: everyone not listed must be refused. */
function expectAllowed<A extends PolicyAction>(action: A, resource: Parameters<typeof can<A>>[2], allowed: ActorName[]) {
  const outcome = Object.fromEntries(ALL.map((name) => [name, can(actors[name], action, resource)]));
  expect(outcome).toEqual(Object.fromEntries(ALL.map((name) => [name, allowed.includes(name)])));
}

const post = (status: PostFacts['status'], publishingMode: PostFacts['publishingMode'] = 'MEMBERS_PUBLISH', isModerated = false): PostFacts => ({
  organizationId: A,
  status,
  publishingMode,
  isModerated,
});

const issue = (visibility: IssueFacts['visibility'], assigned: Partial<IssueFacts> = {}): IssueFacts => ({
  filedByOrganizationId: A,
  visibility,
  responderOrganizationIds: [R],
  assigneeUserIds: [],
  ...assigned,
});

describe('the policy table', () => {
  it('refuses a resident every action except reading public things', () => {
    const allowed = POLICY_ACTIONS.filter((action) => {
      const facts = { ...post('PUBLISHED'), ...issue('PUBLIC'), userId: 'x', organizationKind: 'ASSOCIATION', role: 'MEMBER' };
      return can(ANONYMOUS, action, facts as never);
    });
    expect(allowed.sort()).toEqual(['issue.read', 'post.read']);
  });

  describe('directory', () => {
    it('lets only the coordinator manage services, settings, imports and statistics', () => {
      for (const action of ['service.manage', 'proposal.review', 'correction.handle', 'directory.settings', 'directory.importExport', 'searchStats.read'] as const) {
        expectAllowed(action, null, ['coordinator']);
      }
    });

    it('lets an association propose changes to its own listings only', () => {
      expectAllowed('service.propose', { organizationId: A }, ['adminA', 'memberA']);
      expectAllowed('service.propose', { organizationId: B }, ['memberB']);
    });

    it("lets the coordinator and the service's own association edit its keywords", () => {
      expectAllowed('service.editKeywords', { organizationId: A }, ['coordinator', 'adminA', 'memberA']);
      expectAllowed('service.editKeywords', { organizationId: B }, ['coordinator', 'memberB']);
      // Officials are not association people, not even of the region's own services.
      expectAllowed('service.editKeywords', { organizationId: R }, ['coordinator']);
    });

    it("lets the association admin edit their own organisation's profile", () => {
      expectAllowed('organization.editProfile', { organizationId: A }, ['coordinator', 'adminA']);
      expectAllowed('organization.editProfile', { organizationId: B }, ['coordinator']);
    });
  });

  describe('accounts', () => {
    it('lets an association admin invite members to their own association, and nothing more', () => {
      expectAllowed('invitation.create', { organizationId: A, organizationKind: 'ASSOCIATION', role: 'MEMBER' }, ['coordinator', 'adminA']);
      expectAllowed('invitation.create', { organizationId: A, organizationKind: 'ASSOCIATION', role: 'ASSOCIATION_ADMIN' }, ['coordinator']);
      expectAllowed('invitation.create', { organizationId: A, organizationKind: 'ASSOCIATION', role: 'COORDINATOR' }, ['coordinator']);
      expectAllowed('invitation.create', { organizationId: B, organizationKind: 'ASSOCIATION', role: 'MEMBER' }, ['coordinator']);
    });

    it('refuses roles that do not fit the organisation, even to the coordinator', () => {
      expectAllowed('invitation.create', { organizationId: R, organizationKind: 'REGION', role: 'MEMBER' }, []);
      expectAllowed('invitation.create', { organizationId: A, organizationKind: 'ASSOCIATION', role: 'OFFICIAL' }, []);
      expectAllowed('invitation.create', { organizationId: M, organizationKind: 'MUNICIPALITY', role: 'OFFICIAL' }, ['coordinator']);
      expectAllowed('membership.change', { organizationId: R, organizationKind: 'REGION', role: 'ASSOCIATION_ADMIN' }, []);
    });

    it('lets only the coordinator change roles, so nobody raises themselves', () => {
      expectAllowed('membership.change', { organizationId: A, organizationKind: 'ASSOCIATION', role: 'ASSOCIATION_ADMIN' }, ['coordinator']);
      expectAllowed('user.manage', null, ['coordinator']);
    });

    it('lets each person manage their own account only', () => {
      expectAllowed('account.manageOwn', { userId: 'member-a' }, ['memberA']);
    });
  });

  describe('news', () => {
    it('shows published posts to everyone and other states to the own association and the coordinator', () => {
      expectAllowed('post.read', post('PUBLISHED'), ALL);
      for (const status of ['DRAFT', 'PENDING_APPROVAL', 'SCHEDULED', 'UNPUBLISHED'] as const) {
        expectAllowed('post.read', post(status), ['coordinator', 'adminA', 'memberA']);
      }
    });

    it("refuses writing a post for another association (the coordinator moderates, it does not write)", () => {
      expectAllowed('post.write', { organizationId: A }, ['adminA', 'memberA']);
      expectAllowed('post.edit', post('DRAFT'), ['adminA', 'memberA']);
    });

    it('lets members publish only where the association lets them', () => {
      expectAllowed('post.publish', post('DRAFT', 'MEMBERS_PUBLISH'), ['adminA', 'memberA']);
      expectAllowed('post.publish', post('PENDING_APPROVAL', 'ADMIN_APPROVES'), ['adminA']);
      // A post the coordinator took down goes back up only after the moderation is lifted.
      expectAllowed('post.publish', post('UNPUBLISHED', 'MEMBERS_PUBLISH', true), []);
      expectAllowed('post.edit', post('UNPUBLISHED', 'MEMBERS_PUBLISH', true), ['adminA', 'memberA']);
    });

    it('lets the coordinator unpublish any post as moderation', () => {
      expectAllowed('post.unpublish', post('PUBLISHED', 'ADMIN_APPROVES'), ['coordinator', 'adminA']);
      expectAllowed('post.moderate', null, ['coordinator']);
      expectAllowed('moderationLog.read', null, ['coordinator']);
    });
  });

  describe('synergy workshop', () => {
    it('lets association members file issues for their own association only, and the coordinator for the association it works in', () => {
      expectAllowed('issue.create', { organizationId: A }, ['adminA', 'memberA', 'coordinator']);
      expectAllowed('issue.create', { organizationId: R }, []);
    });

    it('shows a restricted issue to the filer, the responders and the coordinator', () => {
      expectAllowed('issue.read', issue('RESTRICTED'), ['coordinator', 'adminA', 'memberA', 'officialR']);
    });

    it('shows a network issue to everyone signed in, and a public one to everyone', () => {
      expectAllowed('issue.read', issue('NETWORK'), ALL.filter((n) => n !== 'anonymous'));
      expectAllowed('issue.read', issue('PUBLIC'), ALL);
    });

    it('lets only an assigned official or an official of a responder organisation answer', () => {
      expectAllowed('issue.answer', issue('NETWORK'), ['coordinator', 'officialR']);
      expectAllowed('issue.answer', issue('NETWORK', { responderOrganizationIds: [], assigneeUserIds: ['official-m'] }), ['coordinator', 'officialM']);
      expectAllowed('issue.answer', issue('PUBLIC', { responderOrganizationIds: [M] }), ['coordinator', 'officialM']);
    });

    it('never shows internal notes to the filing association', () => {
      expectAllowed('issue.internalNotes', issue('PUBLIC'), ['coordinator', 'officialR']);
    });

    it('lets only the filing association (with the coordinator working in it) withdraw or confirm', () => {
      expectAllowed('issue.actAsFiler', issue('PUBLIC'), ['adminA', 'memberA', 'coordinator']);
      expectAllowed('issue.actAsFiler', { ...issue('PUBLIC'), filedByOrganizationId: B }, ALL.filter((n) => n.endsWith('B')));
    });

    it('lets officials reassign within a responder organisation, and the coordinator triage', () => {
      expectAllowed('issue.reassign', issue('NETWORK'), ['coordinator', 'officialR']);
      expectAllowed('issue.triage', null, ['coordinator']);
      expectAllowed('meeting.manage', null, ['coordinator']);
    });

    it('keeps comments on restricted issues among those who can read them', () => {
      expectAllowed('issue.comment', issue('RESTRICTED'), ['coordinator', 'adminA', 'memberA', 'officialR']);
      expectAllowed('issue.comment', issue('NETWORK'), ALL.filter((n) => n !== 'anonymous'));
    });
  });
});

describe('authorize', () => {
  it('throws UNAUTHENTICATED for a resident and FORBIDDEN for a signed-in person', () => {
    expect(() => authorize(ANONYMOUS, 'issue.triage', null)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => authorize(actors.memberB, 'post.write', { organizationId: A })).toThrow(AppError);
    expect(() => authorize(actors.memberB, 'post.write', { organizationId: A })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorize(actors.memberA, 'post.write', { organizationId: A })).not.toThrow();
  });
});
