import { describe, expect, it } from 'vitest';
import { checkNewPassword } from '@/lib/auth/password-policy';

describe('checkNewPassword', () => {
  it.each(['kort', 'elva tecken'])('refuses %j as too short', (password) => {
    expect(checkNewPassword(password)).toEqual(['tooShort']);
  });

  it.each(['Lösenord2026!', 'sommarsommar12', 'qwerty123456', '123456789012', 'Password1234', 'aaaaaaaaaaaa', 'abcdefghijkl', 'Karlskoga1234'])(
    'refuses the common password %j',
    (password) => {
      expect(checkNewPassword(password)).toEqual(['common']);
    },
  );

  it('refuses a password built from the e-mail address or the name', () => {
    expect(checkNewPassword('anna.berg-2026!x', { email: 'anna.berg@lisa.example' })).toEqual(['containsPersonalInfo']);
    expect(checkNewPassword('Lindqvist4ever!', { name: 'Maja Lindqvist' })).toEqual(['containsPersonalInfo']);
  });

  it.each(['korrekt häst batteri', 'Tre glada kråkor på taket', 'mitt-blå-cykelställ-77'])('accepts %j', (password) => {
    expect(checkNewPassword(password, { email: 'maja@lisa.example', name: 'Maja Lindqvist' })).toEqual([]);
  });
});
