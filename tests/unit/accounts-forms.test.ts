import { describe, expect, it } from 'vitest';
import { ACCOUNT_ERROR_KEYS, describeAppError, fieldErrorsOf } from '@/lib/accounts/errors';
import { invitationInputSchema, userDisableSchema, userListSchema } from '@/lib/accounts/schemas';
import { AppError } from '@/lib/errors/app-error';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

type Tree = { [key: string]: string | Tree };

/** Every dotted key path of a message tree. */
function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));
}

const NAMESPACES = ['Account', 'Invitation', 'AdminUsers'] as const;

describe('the accounts messages', () => {
  it.each(NAMESPACES)('has the same keys in Swedish, English and Arabic (%s)', (namespace) => {
    const swedish = keyPaths(sv[namespace] as Tree).sort();
    expect(keyPaths(en[namespace] as Tree).sort()).toEqual(swedish);
    expect(keyPaths(ar[namespace] as Tree).sort()).toEqual(swedish);
  });

  it('has a text for every error the data layer can report', () => {
    for (const messages of [sv, en, ar]) {
      expect(Object.keys(messages.Account.errors).sort()).toEqual([...ACCOUNT_ERROR_KEYS].sort());
    }
  });
});

describe('invitationInputSchema', () => {
  it('normalises the address and refuses roles that do not exist', () => {
    expect(invitationInputSchema.parse({ email: ' Ny.Person@Exempel.SE ', organizationId: 'org1', role: 'MEMBER' })).toEqual({
      email: 'ny.person@exempel.se',
      organizationId: 'org1',
      role: 'MEMBER',
    });
    const refused = invitationInputSchema.safeParse({ email: '', organizationId: '../x', role: 'OWNER' });
    expect(refused.success).toBe(false);
    expect(fieldErrorsOf(refused.error!)).toEqual({ email: ['required'], organizationId: ['invalid'], role: ['invalid'] });
  });
});

describe('userListSchema', () => {
  it('forgives hand-edited query strings', () => {
    expect(userListSchema.parse({ page: '2', q: '  anna ' })).toEqual({ page: 2, q: 'anna' });
    expect(userListSchema.parse({ page: '-4', q: undefined })).toEqual({ page: 1, q: '' });
    expect(userListSchema.parse({ page: 'abc', q: 'x'.repeat(500) }).q).toHaveLength(100);
  });
});

describe('userDisableSchema', () => {
  it('takes a boolean from code and "true"/"false" from a form, nothing else', () => {
    expect(userDisableSchema.parse({ userId: 'u1', disabled: 'true' }).disabled).toBe(true);
    expect(userDisableSchema.parse({ userId: 'u1', disabled: false }).disabled).toBe(false);
    expect(userDisableSchema.safeParse({ userId: 'u1', disabled: 'yes' }).success).toBe(false);
  });
});

describe('describeAppError', () => {
  it('turns errors into message keys for the form', () => {
    expect(describeAppError(new AppError('INVALID_INPUT', 'invalid', { password: ['passwordCommon'], form: ['rateLimited'] }))).toEqual({
      fieldErrors: { password: 'passwordCommon' },
      formError: 'rateLimited',
    });
    expect(describeAppError(new AppError('CONFLICT', 'selfDisable'))).toEqual({ formError: 'selfDisable' });
    expect(describeAppError(new AppError('FORBIDDEN', 'Not allowed: user.manage'))).toEqual({ formError: 'forbidden' });
    expect(describeAppError(new AppError('INVALID_INPUT', 'x', { name: ['something new'] }))).toEqual({ fieldErrors: { name: 'invalid' } });
  });
});
