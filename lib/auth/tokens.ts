import { createHash, createHmac, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/env';

/** A URL-safe random token with 256 bits of entropy (sessions, sign-in links, invitations). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this hash, so a database leak opens no session or link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

let processSecret: string | undefined;

/** A keyed hash, for values such as client addresses that must not be stored as they are. */
export function keyedHash(value: string): string {
  const secret = getEnv().AUTH_SECRET ?? (processSecret ??= randomBytes(32).toString('hex'));
  return createHmac('sha256', secret).update(value).digest('base64url').slice(0, 32);
}
