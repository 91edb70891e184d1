import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeMembershipRole,
  changePassword,
  deleteOwnAccount,
  removeMembership,
  setUserDisabled,
  updatePreferences,
  updateProfile,
} from '@/lib/accounts/mutations';
import { exportOwnData, getOwnAccount, listUsers } from '@/lib/accounts/queries';
import { createSession } from '@/lib/auth/mutations';
import { verifyPassword } from '@/lib/auth/password';
import { findActorBySessionHash } from '@/lib/auth/queries';
import { hashToken } from '@/lib/auth/tokens';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import { DEMO_PASSWORD, seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

beforeAll(async () => {
  await seedDatabase(db.prisma);
}, 180_000);

const COORDINATOR = 'samordnare@lisa.example';
const OTHER_COORDINATOR = 'psykolog@regionorebrolan.example';
const ADMIN = 'foreningsadmin@lisa.example'; // association admin of Kvinnojouren Linnéan
const MEMBER = 'medlem@lisa.example'; // member of Kvinnojouren Linnéan
const STRONG_PASSWORD = 'grön cykel under bron 42';

async function actorFor(email: string): Promise<Actor & { kind: 'user' }> {
  const user = await db.prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, memberships: { select: { organizationId: true, role: true } } },
  });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

async function membershipOf(email: string, slug: string) {
  return db.prisma.membership.findFirstOrThrow({ where: { user: { email }, organization: { slug } } });
}

/** Row counts of everything these functions could write, and the fields they could change. */
async function snapshot() {
  const p = db.prisma;
  const [users, memberships, sessions, audit, roles, disabled, versions] = await Promise.all([
    p.user.count(),
    p.membership.count(),
    p.session.count(),
    p.auditLog.count(),
    p.membership.findMany({ select: { id: true, role: true }, orderBy: { id: 'asc' } }),
    p.user.count({ where: { disabledAt: { not: null } } }),
    p.user.aggregate({ _sum: { sessionVersion: true } }),
  ]);
  return { users, memberships, sessions, audit, roles, disabled, versions: versions._sum.sessionVersion };
}

async function expectRefusedWithoutWrites(call: () => Promise<unknown>, expected: Record<string, unknown>) {
  const before = await snapshot();
  await expect(call()).rejects.toMatchObject(expected);
  expect(await snapshot()).toEqual(before);
}

describe('changeMembershipRole', () => {
  it('lets the coordinator make a member an association admin, with an audit row', async () => {
    const membership = await membershipOf('medlem@lisa.example', 'kvinnojouren-linnean');
    const coordinator = await actorFor(COORDINATOR);
    const { sessionVersion } = await db.prisma.user.findUniqueOrThrow({ where: { id: membership.userId } });

    await changeMembershipRole(coordinator, { membershipId: membership.id, role: 'ASSOCIATION_ADMIN' });

    expect((await db.prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe('ASSOCIATION_ADMIN');
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: membership.userId } })).sessionVersion).toBe(sessionVersion + 1);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'membership.changeRole', entityId: membership.id } });
    expect(audit).toMatchObject({ actorId: coordinator.userId, organizationId: membership.organizationId, data: { from: 'MEMBER', to: 'ASSOCIATION_ADMIN' } });

    await changeMembershipRole(coordinator, { membershipId: membership.id, role: 'MEMBER' });
    expect((await db.prisma.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe('MEMBER');
  });

  it.each([
    ['an association admin raising a member of their own association', ADMIN, MEMBER, 'kvinnojouren-linnean', 'ASSOCIATION_ADMIN', { code: 'FORBIDDEN' }],
    ['an association admin raising themselves', ADMIN, ADMIN, 'kvinnojouren-linnean', 'COORDINATOR', { code: 'FORBIDDEN' }],
    ['an association admin changing a member of another association', ADMIN, 'admin2@lisa.example', 'motesbron', 'MEMBER', { code: 'FORBIDDEN' }],
    ['a member raising themselves', MEMBER, MEMBER, 'kvinnojouren-linnean', 'ASSOCIATION_ADMIN', { code: 'FORBIDDEN' }],
    ['an official raising themselves', 'tjansteperson.region@lisa.example', 'tjansteperson.region@lisa.example', 'region-orebro-lan', 'COORDINATOR', { code: 'FORBIDDEN' }],
    ['the coordinator giving a role that does not fit', COORDINATOR, MEMBER, 'kvinnojouren-linnean', 'OFFICIAL', { code: 'FORBIDDEN' }],
    ['the coordinator stepping down from their own coordinator role', COORDINATOR, COORDINATOR, 'mockelnforeningarna', 'MEMBER', { code: 'CONFLICT', message: 'selfCoordinator' }],
    ['an unknown role', COORDINATOR, MEMBER, 'kvinnojouren-linnean', 'OWNER', { code: 'INVALID_INPUT', fieldErrors: { role: ['invalid'] } }],
  ] as const)('refuses %s, and writes nothing', async (_case, actorEmail, subjectEmail, slug, role, expected) => {
    const membership = await membershipOf(subjectEmail, slug);
    const actor = await actorFor(actorEmail);
    await expectRefusedWithoutWrites(() => changeMembershipRole(actor, { membershipId: membership.id, role }), expected);
  });

  it('refuses a resident and an unknown membership', async () => {
    const membership = await membershipOf(MEMBER, 'kvinnojouren-linnean');
    await expectRefusedWithoutWrites(() => changeMembershipRole(ANONYMOUS, { membershipId: membership.id, role: 'ASSOCIATION_ADMIN' }), {
      code: 'UNAUTHENTICATED',
    });
    const coordinator = await actorFor(COORDINATOR);
    await expectRefusedWithoutWrites(() => changeMembershipRole(coordinator, { membershipId: 'finns-inte', role: 'MEMBER' }), { code: 'NOT_FOUND' });
  });
});

describe('removeMembership', () => {
  it("lets the coordinator remove one of a volunteer's two memberships", async () => {
    const membership = await membershipOf('volontar@lisa.example', 'seniorforeningen-eken');
    const coordinator = await actorFor(COORDINATOR);
    await removeMembership(coordinator, { membershipId: membership.id });
    expect(await db.prisma.membership.findUnique({ where: { id: membership.id } })).toBeNull();
    expect(await db.prisma.membership.count({ where: { userId: membership.userId } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: 'membership.remove', entityId: membership.id, actorId: coordinator.userId } })).toBe(1);
  });

  it('refuses an association admin, and the coordinator removing their own coordinator membership', async () => {
    const member = await membershipOf(MEMBER, 'kvinnojouren-linnean');
    const admin = await actorFor(ADMIN);
    await expectRefusedWithoutWrites(() => removeMembership(admin, { membershipId: member.id }), { code: 'FORBIDDEN' });
    const own = await membershipOf(COORDINATOR, 'mockelnforeningarna');
    const coordinator = await actorFor(COORDINATOR);
    await expectRefusedWithoutWrites(() => removeMembership(coordinator, { membershipId: own.id }), { code: 'CONFLICT', message: 'selfCoordinator' });
  });
});

describe('setUserDisabled', () => {
  it('ends every session of a disabled user at once, and enabling lets them sign in again', async () => {
    const coordinator = await actorFor(COORDINATOR);
    const official = await actorFor('tjansteperson.degerfors@lisa.example');
    const first = await createSession(official.userId);
    const second = await createSession(official.userId);
    expect(await findActorBySessionHash(hashToken(first.token))).toMatchObject({ userId: official.userId });
    const { sessionVersion } = await db.prisma.user.findUniqueOrThrow({ where: { id: official.userId } });

    await setUserDisabled(coordinator, { userId: official.userId, disabled: 'true' });

    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: official.userId } });
    expect(user.disabledAt).not.toBeNull();
    expect(user.sessionVersion).toBe(sessionVersion + 1);
    expect(await db.prisma.session.count({ where: { userId: official.userId } })).toBe(0);
    expect(await findActorBySessionHash(hashToken(first.token))).toBeNull();
    expect(await findActorBySessionHash(hashToken(second.token))).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'user.disable', entityId: official.userId, actorId: coordinator.userId } })).toBe(1);

    await setUserDisabled(coordinator, { userId: official.userId, disabled: false });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: official.userId } })).disabledAt).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'user.enable', entityId: official.userId } })).toBe(1);
  });

  it('refuses the coordinator disabling themselves, and everyone else, and writes nothing', async () => {
    const coordinator = await actorFor(COORDINATOR);
    await createSession(coordinator.userId);
    await expectRefusedWithoutWrites(() => setUserDisabled(coordinator, { userId: coordinator.userId, disabled: true }), {
      code: 'CONFLICT',
      message: 'selfDisable',
    });
    const member = await actorFor(MEMBER);
    for (const actor of [await actorFor(ADMIN), await actorFor('tjansteperson.region@lisa.example')]) {
      await expectRefusedWithoutWrites(() => setUserDisabled(actor, { userId: member.userId, disabled: true }), { code: 'FORBIDDEN' });
    }
    await expectRefusedWithoutWrites(() => setUserDisabled(ANONYMOUS, { userId: member.userId, disabled: true }), { code: 'UNAUTHENTICATED' });
  });
});

describe('listUsers', () => {
  it('pages and searches every account for the coordinator, without any secret', async () => {
    const coordinator = await actorFor(COORDINATOR);
    const all = await listUsers(coordinator, {});
    expect(all.total).toBe(await db.prisma.user.count());
    expect(all.page).toBe(1);
    expect(all.items.length).toBe(Math.min(50, all.total));
    const serialized = JSON.stringify(all);
    expect(serialized).not.toMatch(/passwordHash|scrypt\$|sessionToken|tokenHash/);

    const found = await listUsers(coordinator, { q: 'HAGMARK' });
    expect(found.items.map((u) => u.email)).toEqual([ADMIN]);
    expect(found.items[0]?.memberships).toEqual([expect.objectContaining({ organizationName: 'Kvinnojouren Linnéan', role: 'ASSOCIATION_ADMIN' })]);
    expect((await listUsers(coordinator, { q: 'regionorebrolan' })).items.map((u) => u.email)).toEqual([OTHER_COORDINATOR]);
    // A page past the end shows the last page rather than nothing.
    expect((await listUsers(coordinator, { page: '999' })).page).toBe(all.pageCount);
  });

  it('refuses everyone but the coordinator', async () => {
    for (const email of [ADMIN, MEMBER, 'tjansteperson.region@lisa.example']) {
      await expect(listUsers(await actorFor(email), {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(listUsers(ANONYMOUS, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('exportOwnData', () => {
  it("contains the person's own profile, memberships, posts, issues and comments, and nobody else's", async () => {
    const email = 'nyheter.eken@lisa.example';
    const actor = await actorFor(email);
    const data = await exportOwnData(actor);

    expect(data.profile).toMatchObject({ email, hasPassword: true });
    expect(data.memberships.map((m) => m.organization)).toEqual(
      (await db.prisma.membership.findMany({ where: { userId: actor.userId }, select: { organization: { select: { name: true } } } })).map((m) => m.organization.name),
    );
    const posts = await db.prisma.newsPost.findMany({ where: { authorId: actor.userId }, select: { title: true } });
    const issues = await db.prisma.workshopIssue.findMany({ where: { createdById: actor.userId }, select: { number: true } });
    const comments = await db.prisma.workshopComment.count({ where: { authorId: actor.userId, deletedAt: null } });
    expect(posts.length + issues.length + comments).toBeGreaterThan(0);
    expect(data.newsPosts.map((p) => p.title).sort()).toEqual(posts.map((p) => p.title).sort());
    expect(data.workshopIssues.map((i) => i.number).sort()).toEqual(issues.map((i) => i.number).sort());
    expect(data.workshopComments).toHaveLength(comments);

    const serialized = JSON.stringify(data);
    expect(serialized).not.toMatch(/passwordHash|scrypt\$|sessionToken|tokenHash/);
    const others = await db.prisma.user.findMany({ where: { id: { not: actor.userId } }, select: { email: true } });
    for (const other of others) expect(serialized).not.toContain(other.email);
  });

  it('refuses a resident', async () => {
    await expect(exportOwnData(ANONYMOUS)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('my account', () => {
  it('shows my memberships and settings, and saves my name and preferences', async () => {
    const actor = await actorFor('volontar@lisa.example');
    await updateProfile(actor, { name: '  Gunilla F. Forsmark ' });
    await updatePreferences(actor, { notificationMode: 'DAILY_DIGEST', locale: 'ar' });
    const account = await getOwnAccount(actor);
    expect(account).toMatchObject({ name: 'Gunilla F. Forsmark', notificationMode: 'DAILY_DIGEST', locale: 'ar', hasPassword: true });
    expect(account).not.toHaveProperty('passwordHash');
    expect(account.memberships.every((m) => m.role === 'MEMBER')).toBe(true);
  });

  it('refuses an empty name and an unknown language', async () => {
    const actor = await actorFor('volontar@lisa.example');
    await expect(updateProfile(actor, { name: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { name: ['required'] } });
    await expect(updatePreferences(actor, { notificationMode: 'IMMEDIATE', locale: 'de' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { locale: ['invalid'] },
    });
    await expect(updateProfile(ANONYMOUS, { name: 'Vem Som Helst' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('changes the password only with the current one, and ends every session', async () => {
    const actor = await actorFor('nyheter.andrum@lisa.example');
    await createSession(actor.userId);
    await expect(changePassword(actor, { currentPassword: 'fel fel fel fel', newPassword: STRONG_PASSWORD, newPasswordConfirm: STRONG_PASSWORD })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { currentPassword: ['wrongPassword'] },
    });
    await expect(changePassword(actor, { currentPassword: DEMO_PASSWORD, newPassword: 'sommar2026!!', newPasswordConfirm: 'sommar2026!!' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { newPassword: ['passwordCommon'] },
    });
    expect(await db.prisma.session.count({ where: { userId: actor.userId } })).toBe(1);

    await changePassword(actor, { currentPassword: DEMO_PASSWORD, newPassword: STRONG_PASSWORD, newPasswordConfirm: STRONG_PASSWORD });
    const { passwordHash } = await db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(await verifyPassword(STRONG_PASSWORD, passwordHash!)).toBe(true);
    expect(await db.prisma.session.count({ where: { userId: actor.userId } })).toBe(0);
  });
});

describe('deleteOwnAccount', () => {
  it('needs the e-mail address typed to confirm, and writes nothing without it', async () => {
    const actor = await actorFor('nyheter.reda@lisa.example');
    await expectRefusedWithoutWrites(() => deleteOwnAccount(actor, { confirmEmail: 'nyheter.fel@lisa.example' }), {
      code: 'INVALID_INPUT',
      fieldErrors: { confirmEmail: ['emailMismatch'] },
    });
  });

  it('deletes the user, their sessions and memberships, and keeps what they wrote without an author', async () => {
    const email = 'nyheter.reda@lisa.example';
    const actor = await actorFor(email);
    await createSession(actor.userId);
    const postIds = (await db.prisma.newsPost.findMany({ where: { authorId: actor.userId }, select: { id: true } })).map((p) => p.id);
    expect(postIds.length).toBeGreaterThan(0);

    await deleteOwnAccount(actor, { confirmEmail: ` ${email.toUpperCase()} ` });

    expect(await db.prisma.user.findUnique({ where: { id: actor.userId } })).toBeNull();
    expect(await db.prisma.session.count({ where: { userId: actor.userId } })).toBe(0);
    expect(await db.prisma.membership.count({ where: { userId: actor.userId } })).toBe(0);
    const posts = await db.prisma.newsPost.findMany({ where: { id: { in: postIds } }, select: { authorId: true } });
    expect(posts).toEqual(postIds.map(() => ({ authorId: null })));
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'account.delete', entityId: actor.userId } });
    // The audit row outlives the user: the reference to them becomes null, the id stays.
    expect(audit.actorId).toBeNull();
    expect(JSON.stringify(audit.data)).not.toContain(email);
  });

  it('refuses the last active coordinator', async () => {
    const coordinator = await actorFor(COORDINATOR);
    const other = await actorFor(OTHER_COORDINATOR);
    await setUserDisabled(coordinator, { userId: other.userId, disabled: true });
    try {
      const email = COORDINATOR;
      await expectRefusedWithoutWrites(() => deleteOwnAccount(coordinator, { confirmEmail: email }), { code: 'CONFLICT', message: 'lastCoordinator' });
    } finally {
      await setUserDisabled(coordinator, { userId: other.userId, disabled: false });
    }
  });

  it('refuses a resident', async () => {
    await expect(deleteOwnAccount(ANONYMOUS, { confirmEmail: 'x@y.example' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
