import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

describe('hashPassword', () => {
  it('stores scrypt parameters and a random salt with the hash', async () => {
    const a = await hashPassword('korrekt häst batteri häftklammer');
    const b = await hashPassword('korrekt häst batteri häftklammer');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
  });
});

describe('verifyPassword', () => {
  it('accepts the password and refuses any other', async () => {
    const stored = await hashPassword('korrekt häst batteri häftklammer');
    expect(await verifyPassword('korrekt häst batteri häftklammer', stored)).toBe(true);
    expect(await verifyPassword('korrekt hast batteri haftklammer', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats composed and decomposed å alike (NFKC)', async () => {
    const stored = await hashPassword('s\u00e5 sant som det är sagt');
    expect(await verifyPassword('sa\u030a sant som det är sagt', stored)).toBe(true);
  });

  it('refuses malformed stored values instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$10$abc')).toBe(false);
  });
});
