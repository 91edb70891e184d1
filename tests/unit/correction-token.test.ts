/**
 * The signed form token of "Föreslå en rättelse": it proves that this portal showed the form
 * for this service at a given time, and refuses submissions faster than a person, older than
 * a day, for another service, or altered.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCorrectionFormToken,
  CORRECTION_FORM_MAX_AGE_MS,
  CORRECTION_FORM_MIN_AGE_MS,
  signCorrectionFormToken,
} from '@/lib/directory/correction-token';

const KEY = 'k'.repeat(40);
const SERVICE = 'cmservice0000000000001';
const rendered = new Date('2026-11-03T10:00:00Z');
const after = (ms: number) => new Date(rendered.getTime() + ms);

describe('checkCorrectionFormToken', () => {
  const token = signCorrectionFormToken(SERVICE, rendered, KEY);

  it('accepts the token of a form shown a minute ago for the same service', () => {
    expect(checkCorrectionFormToken(token, SERVICE, after(60_000), KEY)).toBe('valid');
  });

  it('calls a submission sooner than a person can fill the form too fast', () => {
    expect(checkCorrectionFormToken(token, SERVICE, after(0), KEY)).toBe('tooFast');
    expect(checkCorrectionFormToken(token, SERVICE, after(CORRECTION_FORM_MIN_AGE_MS - 1), KEY)).toBe('tooFast');
    expect(checkCorrectionFormToken(token, SERVICE, after(CORRECTION_FORM_MIN_AGE_MS), KEY)).toBe('valid');
  });

  it('calls a form older than a day expired', () => {
    expect(checkCorrectionFormToken(token, SERVICE, after(CORRECTION_FORM_MAX_AGE_MS), KEY)).toBe('valid');
    expect(checkCorrectionFormToken(token, SERVICE, after(CORRECTION_FORM_MAX_AGE_MS + 1), KEY)).toBe('expired');
  });

  it('refuses the token of another service', () => {
    expect(checkCorrectionFormToken(token, 'cmservice0000000000002', after(60_000), KEY)).toBe('invalid');
  });

  it('refuses a token whose time was changed to look older', () => {
    const [, mac] = token.split('.');
    const backdated = `${rendered.getTime() - 60_000}.${mac}`;
    expect(checkCorrectionFormToken(backdated, SERVICE, after(0), KEY)).toBe('invalid');
  });

  it('refuses a token with an altered signature, one signed with another key, and one from the future', () => {
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(checkCorrectionFormToken(flipped, SERVICE, after(60_000), KEY)).toBe('invalid');
    expect(checkCorrectionFormToken(signCorrectionFormToken(SERVICE, rendered, 'x'.repeat(40)), SERVICE, after(60_000), KEY)).toBe('invalid');
    const future = signCorrectionFormToken(SERVICE, after(10 * 60_000), KEY);
    expect(checkCorrectionFormToken(future, SERVICE, after(0), KEY)).toBe('invalid');
  });

  it('refuses what is not a token at all', () => {
    for (const value of [undefined, null, 42, '', 'abc', `${rendered.getTime()}`, `${rendered.getTime()}.`, 'x'.repeat(500)]) {
      expect(checkCorrectionFormToken(value, SERVICE, after(60_000), KEY)).toBe('invalid');
    }
  });
});
