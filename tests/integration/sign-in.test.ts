import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession, deleteSession, hitRateLimit } from '@/lib/auth/mutations';
import { findActorBySessionHash } from '@/lib/auth/queries';
import { requestSignInLink, signInWithLink, signInWithPassword } from '@/lib/auth/sign-in';
import { hashToken } from '@/lib/auth/tokens';
import { readCaughtMail } from '@/lib/mail/caught-mail';
import { DEMO_PASSWORD, seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';
import { useMailCatcher } from '../helpers/mail';

// First, so SMTP_URL is set before anything in this file reads the environment.
const catcher = useMailCatcher();

const db = useTestDatabase();

beforeAll(async () => {
  await seedDatabase(db.prisma);
}, 180_000);

const MEMBER = 'medlem@lisa.example';
/** Each test its own client address, so rate limits of one test do not spill into another. */
let clientCounter = 0;
const freshClient = () => `203.0.113.${++clientCounter}`;

async function expectCode(promise: Promise<unknown>, code: string, message?: string) {
  await expect(promise).rejects.toMatchObject(message ? { code, message } : { code });
}

describe('signInWithPassword', () => {
  it('signs in a demo user with the right password', async () => {
    const userId = await signInWithPassword({ email: 'Medlem@Lisa.example ', password: DEMO_PASSWORD }, freshClient());
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: MEMBER }, select: { id: true } });
    expect(userId).toBe(user.id);
  });

  it('answers a wrong password, an unknown address and a disabled user exactly alike', async () => {
    await expectCode(signInWithPassword({ email: MEMBER, password: 'fel lösenord här' }, freshClient()), 'INVALID_INPUT', 'badCredentials');
    await expectCode(signInWithPassword({ email: 'finns.inte@lisa.example', password: DEMO_PASSWORD }, freshClient()), 'INVALID_INPUT', 'badCredentials');
    await db.prisma.user.update({ where: { email: 'medlem2@lisa.example' }, data: { disabledAt: new Date() } });
    await expectCode(signInWithPassword({ email: 'medlem2@lisa.example', password: DEMO_PASSWORD }, freshClient()), 'INVALID_INPUT', 'badCredentials');
    await db.prisma.user.update({ where: { email: 'medlem2@lisa.example' }, data: { disabledAt: null } });
  });

  it('stops guessing after five attempts on one address, even with the right password', async () => {
    const email = 'admin2@lisa.example';
    for (let i = 0; i < 5; i++) {
      await expectCode(signInWithPassword({ email, password: `gissning nummer ${i}` }, freshClient()), 'INVALID_INPUT');
    }
    await expectCode(signInWithPassword({ email, password: DEMO_PASSWORD }, freshClient()), 'RATE_LIMITED');
  });

  it('counts guesses, not sign-ins: a correct password clears the address’s count', async () => {
    const email = 'tjansteperson.karlskoga@lisa.example';
    for (let i = 0; i < 8; i++) {
      await expect(signInWithPassword({ email, password: DEMO_PASSWORD }, freshClient())).resolves.toEqual(expect.any(String));
    }
    for (let i = 0; i < 4; i++) {
      await expectCode(signInWithPassword({ email, password: `fel ${i}` }, freshClient()), 'INVALID_INPUT');
    }
    await expect(signInWithPassword({ email, password: DEMO_PASSWORD }, freshClient())).resolves.toEqual(expect.any(String));
    // The count starts over: five more guesses are answered, the sixth attempt is refused.
    for (let i = 0; i < 5; i++) {
      await expectCode(signInWithPassword({ email, password: `igen ${i}` }, freshClient()), 'INVALID_INPUT');
    }
    await expectCode(signInWithPassword({ email, password: DEMO_PASSWORD }, freshClient()), 'RATE_LIMITED');
  });

  it('refuses malformed input without touching the database', async () => {
    await expectCode(signInWithPassword({ email: 'inte-en-adress', password: 'x' }, freshClient()), 'INVALID_INPUT');
    await expectCode(signInWithPassword(null, freshClient()), 'INVALID_INPUT');
  });
});

describe('sign-in links', () => {
  it('mails a one-time link that signs in once', async () => {
    await requestSignInLink({ email: MEMBER }, freshClient(), 'sv');
    await vi.waitFor(async () => expect((await readCaughtMail(catcher().apiUrl)).some((m) => m.to.includes(MEMBER))).toBe(true), { timeout: 5000 });
    const mail = (await readCaughtMail(catcher().apiUrl)).find((m) => m.to.includes(MEMBER))!;
    expect(mail.subject).toBe('Din inloggningslänk');
    const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
    expect(link.pathname).toBe('/logga-in/lank');
    const token = link.searchParams.get('token')!;

    const userId = await signInWithLink(token, freshClient());
    expect(userId).toBe((await db.prisma.user.findUniqueOrThrow({ where: { email: MEMBER } })).id);
    await expectCode(signInWithLink(token, freshClient()), 'INVALID_INPUT', 'linkInvalid');
  });

  it('sends nothing for an unknown address, and says nothing about it', async () => {
    await catcher().clear();
    await expect(requestSignInLink({ email: 'ingen.alls@lisa.example' }, freshClient(), 'sv')).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readCaughtMail(catcher().apiUrl)).toEqual([]);
    expect(await db.prisma.verificationToken.count({ where: { identifier: 'ingen.alls@lisa.example' } })).toBe(0);
  });

  it('refuses an expired link', async () => {
    const token = 'A'.repeat(43);
    await db.prisma.verificationToken.create({ data: { identifier: MEMBER, token: hashToken(token), expires: new Date(Date.now() - 1000) } });
    await expectCode(signInWithLink(token, freshClient()), 'INVALID_INPUT', 'linkInvalid');
  });
});

describe('sessions', () => {
  it('lead to the actor with their memberships until deleted', async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'foreningsadmin@lisa.example' } });
    const { token } = await createSession(user.id);
    const actor = await findActorBySessionHash(hashToken(token));
    expect(actor).toMatchObject({ kind: 'user', userId: user.id, memberships: [expect.objectContaining({ role: 'ASSOCIATION_ADMIN' })] });
    await deleteSession(token);
    expect(await findActorBySessionHash(hashToken(token))).toBeNull();
  });

  it('stop working at once when the user is disabled', async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'volontar@lisa.example' } });
    const { token } = await createSession(user.id);
    await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findActorBySessionHash(hashToken(token))).toBeNull();
  });
});

describe('hitRateLimit', () => {
  it('counts within a window and starts over after it', async () => {
    const start = new Date('2026-11-23T10:00:00Z');
    expect((await hitRateLimit('test:window', 2, 60_000, start)).allowed).toBe(true);
    expect((await hitRateLimit('test:window', 2, 60_000, new Date(start.getTime() + 1000))).allowed).toBe(true);
    expect((await hitRateLimit('test:window', 2, 60_000, new Date(start.getTime() + 2000))).allowed).toBe(false);
    expect((await hitRateLimit('test:window', 2, 60_000, new Date(start.getTime() + 61_000))).allowed).toBe(true);
  });
});
