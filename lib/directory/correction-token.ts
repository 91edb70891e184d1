/**
 * The signed form token of "Föreslå en rättelse": the correction form carries the service it
 * was rendered for and when, signed with AUTH_SECRET. A submission whose token is younger than
 * a person can fill the form in, older than a day, for another service, or altered, is not
 * taken as a person's (docs/decisions/0015-public-corrections.md). No cookie, no third party.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';

/** Faster than this, nobody has read the form: a bot filled it. */
export const CORRECTION_FORM_MIN_AGE_MS = 3_000;
/** An open tab may sit for a working day; older than this, the form is reloaded. */
export const CORRECTION_FORM_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type CorrectionTokenCheck = 'valid' | 'tooFast' | 'expired' | 'invalid';

let processSecret: string | undefined;

/** AUTH_SECRET; unset (development), one random secret per process, like keyedHash. */
function secret(): string {
  return getEnv().AUTH_SECRET ?? (processSecret ??= randomBytes(32).toString('hex'));
}

const signature = (serviceId: string, renderedAtMs: number, key: string) =>
  createHmac('sha256', key).update(`correction-form:v1:${serviceId}:${renderedAtMs}`).digest('base64url');

/** `<rendered at, ms since epoch>.<HMAC>`; the service id is signed but not carried, the form knows it. */
export function signCorrectionFormToken(serviceId: string, renderedAt: Date, key: string = secret()): string {
  const ms = renderedAt.getTime();
  return `${ms}.${signature(serviceId, ms, key)}`;
}

/** Whether a submitted token is one this portal signed for this service, and how old it is. */
export function checkCorrectionFormToken(token: unknown, serviceId: string, now: Date, key: string = secret()): CorrectionTokenCheck {
  if (typeof token !== 'string' || token.length > 200) return 'invalid';
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'invalid';
  const renderedAtMs = Number(match[1]);
  const expected = Buffer.from(signature(serviceId, renderedAtMs, key));
  const given = Buffer.from(match[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const age = now.getTime() - renderedAtMs;
  // A token from the future was not made by this clock: treat it as altered.
  if (age < -60_000) return 'invalid';
  if (age < CORRECTION_FORM_MIN_AGE_MS) return 'tooFast';
  if (age > CORRECTION_FORM_MAX_AGE_MS) return 'expired';
  return 'valid';
}
