import { getDb } from '@/lib/db/client';
import { hashToken, randomToken } from './tokens';

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
export const SIGN_IN_LINK_LIFETIME_MS = 15 * 60 * 1000;

/** Starts a server-side session and returns the token for the cookie (stored only hashed). */
export async function createSession(userId: string, now = new Date()): Promise<{ token: string; expires: Date }> {
  const db = await getDb();
  const token = randomToken();
  const expires = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.$transaction([
    db.session.create({ data: { sessionToken: hashToken(token), userId, expires } }),
    db.user.update({ where: { id: userId }, data: { lastSignInAt: now } }),
  ]);
  return { token, expires };
}

/** Ends one session at once (sign-out). Unknown tokens are ignored. */
export async function deleteSession(token: string): Promise<void> {
  const db = await getDb();
  await db.session.deleteMany({ where: { sessionToken: hashToken(token) } });
}

/** A single-use sign-in link token for an e-mail address (stored hashed, 15 minutes). */
export async function createSignInLinkToken(email: string, now = new Date()): Promise<string> {
  const db = await getDb();
  const token = randomToken();
  await db.verificationToken.create({
    data: { identifier: email.toLowerCase(), token: hashToken(token), expires: new Date(now.getTime() + SIGN_IN_LINK_LIFETIME_MS) },
  });
  return token;
}

/**
 * Uses up a sign-in link token and returns the user it signs in, or null when the token is
 * unknown, used, expired, or its user is gone or disabled. Deleting first makes it single-use
 * even when two requests race.
 */
export async function consumeSignInLinkToken(token: string, now = new Date()): Promise<string | null> {
  const db = await getDb();
  const hashed = hashToken(token);
  const found = await db.verificationToken.findUnique({ where: { token: hashed } });
  if (!found) return null;
  const { count } = await db.verificationToken.deleteMany({ where: { token: hashed } });
  if (count !== 1 || found.expires <= now) return null;
  const user = await db.user.findUnique({ where: { email: found.identifier }, select: { id: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  await db.user.update({ where: { id: user.id }, data: { emailVerified: now } });
  return user.id;
}

/**
 * Counts one attempt against a fixed window and tells whether it is still within the limit.
 * One atomic statement, so concurrent requests and several app instances share the count.
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number, now = new Date()): Promise<{ allowed: boolean; resetAt: Date }> {
  const db = await getDb();
  const resetAt = new Date(now.getTime() + windowMs);
  const [row] = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  if (!row) throw new Error('rate limit upsert returned no row');
  return { allowed: Number(row.count) <= limit, resetAt: row.resetAt };
}

/** Forgets the attempts counted under a key, as a correct sign-in does for its address. */
export async function clearRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.rateLimit.deleteMany({ where: { key } });
}
