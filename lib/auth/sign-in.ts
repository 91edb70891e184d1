/**
 * Signing in with a password or a one-time e-mail link. Both answer the same way whether or
 * not an address has an account, and both are rate limited per address and per client in
 * the database, so several app instances share the counts.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { siteUrl } from '@/lib/env';
import { sendMail } from '@/lib/mail/transport';
import { hashPassword, verifyPassword } from './password';
import { clearRateLimit, consumeSignInLinkToken, createSignInLinkToken, hitRateLimit, SIGN_IN_LINK_LIFETIME_MS } from './mutations';
import { findSignInCandidate } from './queries';
import { keyedHash } from './tokens';

const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = {
  passwordPerAddress: 5,
  passwordPerClient: 20,
  linkPerAddress: 3,
  linkPerClient: 10,
  linkUsePerClient: 20,
};

export const passwordSignInSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});

export const signInLinkRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
});

async function limit(key: string, max: number): Promise<void> {
  const { allowed } = await hitRateLimit(key, max, WINDOW_MS);
  if (!allowed) throw new AppError('RATE_LIMITED', 'Too many attempts; try again in a while.');
}

// Verified against when the address has no account, so both answers take as long.
let dummyHash: Promise<string> | undefined;

/**
 * The user id for a correct e-mail and password. Any mismatch (unknown address, wrong
 * password, disabled user, no password set) is the same INVALID_INPUT. Every attempt counts
 * against the client and the address; a correct one clears the address's count, so guesses
 * are what gets an address locked, not a person signing in on several devices.
 */
export async function signInWithPassword(input: unknown, client: string): Promise<string> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'badCredentials');
  const { email, password } = parsed.data;
  const addressKey = `signin:address:${keyedHash(email)}`;
  await limit(`signin:client:${keyedHash(client)}`, LIMITS.passwordPerClient);
  await limit(addressKey, LIMITS.passwordPerAddress);
  const candidate = await findSignInCandidate(email);
  const stored = candidate?.passwordHash ?? (await (dummyHash ??= hashPassword('no account has this password')));
  const matches = await verifyPassword(password, stored);
  if (!candidate || !candidate.passwordHash || candidate.isDisabled || !matches) {
    throw new AppError('INVALID_INPUT', 'badCredentials');
  }
  await clearRateLimit(addressKey);
  return candidate.id;
}

/**
 * Sends a one-time sign-in link when the address belongs to an active account. The caller
 * always tells the person the same thing ("if the address has an account, a link is on its
 * way"), and the mail goes out in the background so the response time does not tell either.
 */
export async function requestSignInLink(input: unknown, client: string, locale: string): Promise<void> {
  const parsed = signInLinkRequestSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'invalidEmail', { email: ['invalidEmail'] });
  const { email } = parsed.data;
  await limit(`link:client:${keyedHash(client)}`, LIMITS.linkPerClient);
  await limit(`link:address:${keyedHash(email)}`, LIMITS.linkPerAddress);
  const candidate = await findSignInCandidate(email);
  if (!candidate || candidate.isDisabled) return;
  const token = await createSignInLinkToken(email);
  const prefix = locale === 'sv' ? '' : `/${locale}`;
  const url = `${siteUrl()}${prefix}/logga-in/lank?${new URLSearchParams({ token })}`;
  const minutes = SIGN_IN_LINK_LIFETIME_MS / 60_000;
  void sendMail({
    to: email,
    subject: 'Din inloggningslänk',
    text: [
      'Hej!',
      '',
      'Någon (förhoppningsvis du) bad om en länk för att logga in på portalen.',
      `Öppna länken inom ${minutes} minuter. Den fungerar en gång:`,
      '',
      url,
      '',
      'Om du inte bad om länken kan du strunta i det här meddelandet. Ingen kommer åt ditt konto utan länken.',
    ].join('\n'),
  }).catch((error: unknown) => {
    console.error('sign-in link mail failed:', error instanceof Error ? error.message : error);
  });
}

/** The user a sign-in link token signs in, or INVALID_INPUT when it is used, expired or unknown. */
export async function signInWithLink(token: unknown, client: string): Promise<string> {
  if (typeof token !== 'string' || !/^[\w-]{43}$/.test(token)) throw new AppError('INVALID_INPUT', 'linkInvalid');
  await limit(`linkuse:client:${keyedHash(client)}`, LIMITS.linkUsePerClient);
  const userId = await consumeSignInLinkToken(token);
  if (!userId) throw new AppError('INVALID_INPUT', 'linkInvalid');
  return userId;
}
