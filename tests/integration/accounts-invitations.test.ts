import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInvitation, findInvitation, acceptInvitation, INVITATION_LIFETIME_MS } from '@/lib/accounts/invitations/service';
import { listInviteTargets } from '@/lib/accounts/queries';
import { verifyPassword } from '@/lib/auth/password';
import { hashToken } from '@/lib/auth/tokens';
import { ANONYMOUS, type Actor } from '@/lib/authz/actor';
import { siteUrl } from '@/lib/env';
import { DEMO_PASSWORD, seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';
import { useMailCatcher } from '../helpers/mail';

// First, so SMTP_URL is set before anything in this file reads the environment.
const catcher = useMailCatcher();

const db = useTestDatabase();

beforeAll(async () => {
  await seedDatabase(db.prisma);
}, 180_000);

beforeEach(() => catcher().clear());

const COORDINATOR = 'samordnare@lisa.example';
const ADMIN = 'foreningsadmin@lisa.example'; // association admin of Kvinnojouren Linnéan
const MEMBER = 'medlem@lisa.example'; // member of Kvinnojouren Linnéan
const STRONG_PASSWORD = 'grön cykel under bron 42';

let clientCounter = 0;
/** Each attempt its own client address, so per-client limits of one test do not spill into another. */
const freshClient = () => `198.51.100.${++clientCounter}`;
let addressCounter = 0;
const freshAddress = () => `inbjuden${++addressCounter}@exempel.example`;

async function actorFor(email: string): Promise<Actor> {
  const user = await db.prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, memberships: { select: { organizationId: true, role: true } } },
  });
  return { kind: 'user', userId: user.id, memberships: user.memberships };
}

async function orgId(slug: string): Promise<string> {
  return (await db.prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** Row counts of everything an invitation or its acceptance could write. */
async function counts() {
  const p = db.prisma;
  const [invitations, accepted, revoked, users, memberships, audit, sessions] = await Promise.all([
    p.invitation.count(),
    p.invitation.count({ where: { acceptedAt: { not: null } } }),
    p.invitation.count({ where: { revokedAt: { not: null } } }),
    p.user.count(),
    p.membership.count(),
    p.auditLog.count(),
    p.session.count(),
  ]);
  return { invitations, accepted, revoked, users, memberships, audit, sessions };
}

/** Asserts the call is refused with this code and that nothing was written. */
async function expectRefusedWithoutWrites(call: () => Promise<unknown>, expected: Record<string, unknown>) {
  const before = await counts();
  await expect(call()).rejects.toMatchObject(expected);
  expect(await counts()).toEqual(before);
}

/** The link in the newest invitation mail to `email`, and its token. */
async function invitationLink(email: string): Promise<{ url: URL; token: string; text: string; subject: string }> {
  const mail = await catcher().waitFor((m) => m.to.includes(email));
  const match = /https?:\/\/\S+\/inbjudan\/([\w-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`No invitation link in: ${mail.text}`);
  return { url: new URL(match[0]), token: match[1], text: mail.text, subject: mail.subject };
}

describe('createInvitation', () => {
  it('lets the coordinator invite an official to a municipality and mails a single-use link', async () => {
    const email = freshAddress();
    const before = Date.now();
    const sent = await createInvitation(await actorFor(COORDINATOR), { email: ` ${email.toUpperCase()} `, organizationId: await orgId('karlskoga-kommun'), role: 'OFFICIAL' });

    expect(sent).toMatchObject({ email, role: 'OFFICIAL' });
    expect(sent).not.toHaveProperty('token');
    const { url, token, text, subject } = await invitationLink(email);
    expect(url.toString()).toBe(`${siteUrl()}/inbjudan/${token}`);
    expect(subject).toBe('Inbjudan till Karlskoga kommun');
    expect(text).toContain('Karin Westerlind har bjudit in dig till Karlskoga kommun');
    expect(text).toContain('rollen tjänsteperson');
    expect(text).toContain('i portalen LISA.');
    expect(text).toContain('Där skapar du ditt konto');
    expect(text).toMatch(/gäller till och med \d{1,2} \p{L}+ \d{4}/u);

    const row = await db.prisma.invitation.findUniqueOrThrow({ where: { id: sent.invitationId } });
    // Only the hash is stored; the token exists in the e-mail alone.
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(INVITATION_LIFETIME_MS - 1000);
    expect(row.expiresAt.getTime() - before).toBeLessThan(INVITATION_LIFETIME_MS + 60_000);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'invitation.create', entityId: row.id } });
    expect(audit).toMatchObject({ actorId: row.invitedById, organizationId: row.organizationId, data: { email, role: 'OFFICIAL' } });
    expect(row.invitedById).toBe((await db.prisma.user.findUniqueOrThrow({ where: { email: COORDINATOR } })).id);
  });

  it('lets an association admin invite a member to their own association', async () => {
    const email = freshAddress();
    await createInvitation(await actorFor(ADMIN), { email, organizationId: await orgId('kvinnojouren-linnean'), role: 'MEMBER' });
    const { text } = await invitationLink(email);
    expect(text).toContain('Elin Hagmark har bjudit in dig till Kvinnojouren Linnéan');
    expect(text).toContain('rollen medlem');
  });

  it.each([
    ['an association admin granting the admin role', ADMIN, 'kvinnojouren-linnean', 'ASSOCIATION_ADMIN', 'FORBIDDEN'],
    ['an association admin granting the coordinator role', ADMIN, 'kvinnojouren-linnean', 'COORDINATOR', 'FORBIDDEN'],
    ['an association admin inviting to another association (an id changed in the request)', ADMIN, 'motesbron', 'MEMBER', 'FORBIDDEN'],
    ['an association admin inviting an official to the region', ADMIN, 'region-orebro-lan', 'OFFICIAL', 'FORBIDDEN'],
    ['a member inviting to their own association', MEMBER, 'kvinnojouren-linnean', 'MEMBER', 'FORBIDDEN'],
    ['an official inviting to their own organisation', 'tjansteperson.region@lisa.example', 'region-orebro-lan', 'OFFICIAL', 'FORBIDDEN'],
    ['the coordinator giving a role that does not fit the organisation', COORDINATOR, 'kvinnojouren-linnean', 'OFFICIAL', 'FORBIDDEN'],
    ['the coordinator giving an association role in a municipality', COORDINATOR, 'karlskoga-kommun', 'MEMBER', 'FORBIDDEN'],
  ] as const)('refuses %s, and writes nothing', async (_case, inviter, slug, role, code) => {
    const input = { email: freshAddress(), organizationId: await orgId(slug), role };
    const actor = await actorFor(inviter);
    await expectRefusedWithoutWrites(() => createInvitation(actor, input), { code });
    expect(catcher().messages()).toEqual([]);
  });

  it('refuses a resident, bad input and unknown organisations, and writes nothing', async () => {
    const organizationId = await orgId('kvinnojouren-linnean');
    const coordinator = await actorFor(COORDINATOR);
    await expectRefusedWithoutWrites(() => createInvitation(ANONYMOUS, { email: freshAddress(), organizationId, role: 'MEMBER' }), {
      code: 'UNAUTHENTICATED',
    });
    await expectRefusedWithoutWrites(() => createInvitation(coordinator, { email: 'inte-en-adress', organizationId, role: 'MEMBER' }), {
      code: 'INVALID_INPUT',
      fieldErrors: { email: ['invalidEmail'] },
    });
    await expectRefusedWithoutWrites(() => createInvitation(coordinator, { email: freshAddress(), organizationId, role: 'KING' }), {
      code: 'INVALID_INPUT',
      fieldErrors: { role: ['invalid'] },
    });
    await expectRefusedWithoutWrites(() => createInvitation(coordinator, { email: freshAddress(), organizationId: 'finns-inte', role: 'MEMBER' }), {
      code: 'NOT_FOUND',
    });
  });

  it('refuses inviting someone who already belongs to the organisation', async () => {
    const actor = await actorFor(ADMIN);
    const input = { email: MEMBER, organizationId: await orgId('kvinnojouren-linnean'), role: 'MEMBER' };
    await expectRefusedWithoutWrites(() => createInvitation(actor, input), { code: 'CONFLICT', message: 'alreadyMember' });
  });

  it('withdraws an earlier pending invitation to the same address and organisation', async () => {
    const actor = await actorFor(ADMIN);
    const email = freshAddress();
    const input = { email, organizationId: await orgId('kvinnojouren-linnean'), role: 'MEMBER' };
    await createInvitation(actor, input);
    const first = await invitationLink(email);
    catcher().clear();
    await createInvitation(actor, input);
    const second = await invitationLink(email);

    expect(await findInvitation(first.token)).toMatchObject({ isRevoked: true, isUsable: false });
    expect(await findInvitation(second.token)).toMatchObject({ isRevoked: false, isUsable: true });
    await expect(acceptInvitation(first.token, { name: 'Sara Lind', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, freshClient())).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'invitationInvalid',
    });
  });
});

describe('listInviteTargets', () => {
  it('offers an association admin only members of their own association', async () => {
    const targets = await listInviteTargets(await actorFor(ADMIN));
    expect(targets).toEqual([
      { organizationId: await orgId('kvinnojouren-linnean'), organizationName: 'Kvinnojouren Linnéan', organizationKind: 'ASSOCIATION', roles: ['MEMBER'] },
    ]);
  });

  it('offers the coordinator every organisation with the roles that fit it, and members nothing', async () => {
    const targets = await listInviteTargets(await actorFor(COORDINATOR));
    expect(targets).toHaveLength(await db.prisma.organization.count({ where: { isActive: true } }));
    expect(targets.find((t) => t.organizationKind === 'ASSOCIATION')?.roles).toEqual(['MEMBER', 'ASSOCIATION_ADMIN', 'COORDINATOR']);
    expect(targets.find((t) => t.organizationKind === 'REGION')?.roles).toEqual(['OFFICIAL', 'COORDINATOR']);
    expect(await listInviteTargets(await actorFor(MEMBER))).toEqual([]);
    expect(await listInviteTargets(ANONYMOUS)).toEqual([]);
  });
});

describe('acceptInvitation', () => {
  async function invite(email: string, slug = 'kvinnojouren-linnean', role: 'MEMBER' | 'ASSOCIATION_ADMIN' | 'OFFICIAL' = 'MEMBER') {
    await createInvitation(await actorFor(COORDINATOR), { email, organizationId: await orgId(slug), role });
    return (await invitationLink(email)).token;
  }

  it('creates the user and the membership, and the link cannot be used twice', async () => {
    const email = freshAddress();
    const token = await invite(email, 'motesbron', 'ASSOCIATION_ADMIN');
    expect(await findInvitation(token)).toMatchObject({
      organizationName: 'Föreningen Mötesbron',
      role: 'ASSOCIATION_ADMIN',
      email,
      isUsable: true,
      account: 'new',
    });

    const userId = await acceptInvitation(token, { name: '  Sara Lind ', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, freshClient());

    const user = await db.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true, passwordHash: true, emailVerified: true, memberships: { select: { role: true, organizationId: true } } },
    });
    expect(user).toMatchObject({ email, name: 'Sara Lind', memberships: [{ role: 'ASSOCIATION_ADMIN', organizationId: await orgId('motesbron') }] });
    expect(user.emailVerified).not.toBeNull();
    expect(await verifyPassword(STRONG_PASSWORD, user.passwordHash!)).toBe(true);
    const invitation = await db.prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(invitation).toMatchObject({ acceptedById: userId });
    expect(invitation.acceptedAt).not.toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'invitation.accept', entityId: invitation.id, actorId: userId } })).toBe(1);

    await expectRefusedWithoutWrites(
      () => acceptInvitation(token, { name: 'Någon Annan', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, freshClient()),
      { code: 'CONFLICT', message: 'invitationInvalid' },
    );
    expect(await findInvitation(token)).toMatchObject({ isUsed: true, isUsable: false });
  });

  it('lets exactly one of two simultaneous acceptances through', async () => {
    const email = freshAddress();
    const token = await invite(email);
    const input = { name: 'Samtidig Person', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD };
    const results = await Promise.allSettled([acceptInvitation(token, input, freshClient()), acceptInvitation(token, input, freshClient())]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.prisma.user.count({ where: { email } })).toBe(1);
    expect(await db.prisma.membership.count({ where: { user: { email } } })).toBe(1);
  });

  it('adds a membership to an existing account and keeps its password', async () => {
    const email = 'medlem2@lisa.example';
    const token = await invite(email, 'kvinnojouren-linnean');
    expect((await invitationLink(email)).text).toContain('Du har redan ett konto, så organisationen läggs till i det');
    expect(await findInvitation(token)).toMatchObject({ account: 'existing', isUsable: true });
    const { passwordHash: before } = await db.prisma.user.findUniqueOrThrow({ where: { email } });

    await expectRefusedWithoutWrites(() => acceptInvitation(token, { password: 'inte mitt lösenord alls' }, freshClient()), {
      code: 'INVALID_INPUT',
      fieldErrors: { password: ['wrongPassword'] },
    });
    const userId = await acceptInvitation(token, { password: DEMO_PASSWORD, name: 'Ignoreras' }, freshClient());

    const user = await db.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true, passwordHash: true, memberships: { select: { organization: { select: { slug: true } } } } },
    });
    expect(user.email).toBe(email);
    expect(user.name).toBe('Per-Olof Sandell');
    expect(user.passwordHash).toBe(before);
    expect(user.memberships.map((m) => m.organization.slug).sort()).toEqual(['kvinnojouren-linnean', 'reda-ekonomiradgivning']);
  });

  it('lets an existing link-only account choose its first password', async () => {
    const email = 'nyheter.kompassen@lisa.example';
    await db.prisma.user.update({ where: { email }, data: { passwordHash: null } });
    const token = await invite(email, 'kvinnojouren-linnean');
    expect(await findInvitation(token)).toMatchObject({ account: 'needsPassword' });
    const userId = await acceptInvitation(token, { password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, freshClient());
    const { passwordHash } = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(STRONG_PASSWORD, passwordHash!)).toBe(true);
  });

  it('refuses an expired invitation, and writes nothing', async () => {
    const email = freshAddress();
    const token = await invite(email);
    await db.prisma.invitation.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(token)).toMatchObject({ isExpired: true, isUsable: false });
    await expectRefusedWithoutWrites(
      () => acceptInvitation(token, { name: 'För Sen', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, freshClient()),
      { code: 'CONFLICT', message: 'invitationInvalid' },
    );
  });

  it.each([
    ['too short', { password: 'kort lösen', passwordConfirm: 'kort lösen' }, { password: ['passwordTooShort'] }],
    ['common', { password: 'Lösenord2026!!', passwordConfirm: 'Lösenord2026!!' }, { password: ['passwordCommon'] }],
    ['a keyboard run', { password: 'qwertyuiopåqwe', passwordConfirm: 'qwertyuiopåqwe' }, { password: ['passwordCommon'] }],
    ['containing the name', { password: 'signe-dricker-kaffe', passwordConfirm: 'signe-dricker-kaffe' }, { password: ['passwordPersonal'] }],
    ['typed differently twice', { password: STRONG_PASSWORD, passwordConfirm: `${STRONG_PASSWORD}!` }, { passwordConfirm: ['passwordMismatch'] }],
    ['missing', { password: '' }, { password: ['required'] }],
  ])('refuses a password that is %s, and writes nothing', async (_case, passwords, fieldErrors) => {
    const token = await invite(freshAddress());
    await expectRefusedWithoutWrites(() => acceptInvitation(token, { name: 'Signe Berg', ...passwords }, freshClient()), {
      code: 'INVALID_INPUT',
      fieldErrors,
    });
    expect(await findInvitation(token)).toMatchObject({ isUsable: true });
  });

  it('refuses a new account without a name', async () => {
    const token = await invite(freshAddress());
    await expectRefusedWithoutWrites(() => acceptInvitation(token, { name: '   ', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, freshClient()), {
      code: 'INVALID_INPUT',
      fieldErrors: { name: ['required'] },
    });
  });

  it('answers an unknown or malformed token with NOT_FOUND', async () => {
    expect(await findInvitation('A'.repeat(43))).toBeNull();
    expect(await findInvitation('../../etc/passwd')).toBeNull();
    await expect(acceptInvitation('A'.repeat(43), { name: 'X Y', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, freshClient())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(acceptInvitation('kort', {}, freshClient())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stops after ten attempts with one link, even with a good password', async () => {
    const token = await invite(freshAddress());
    for (let i = 0; i < 10; i++) {
      await expect(acceptInvitation(token, { name: 'Gissar Gissarsson', password: 'kort' }, freshClient())).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    await expect(
      acceptInvitation(token, { name: 'Gissar Gissarsson', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, freshClient()),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('stops one client after ten attempts, whichever links it tries', async () => {
    const client = freshClient();
    for (let i = 0; i < 10; i++) {
      await expect(acceptInvitation('B'.repeat(42) + String(i % 10), { password: 'x' }, client)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const token = await invite(freshAddress());
    await expect(acceptInvitation(token, { name: 'Ny Person', password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD }, client)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });
});
