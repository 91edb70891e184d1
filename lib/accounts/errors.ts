import type { z } from 'zod';
import type { PasswordProblem } from '@/lib/auth/password-policy';
import { AppError } from '@/lib/errors/app-error';
import { APP_ERROR_KEYS } from '@/lib/forms/field-errors';

/**
 * Every reason an accounts form can show, as keys of `Account.errors` in the message files.
 * The data layer puts them in AppError messages and field errors; the UI only translates.
 */
export const ACCOUNT_ERROR_KEYS = [
  'required',
  'tooLong',
  'invalid',
  'invalidEmail',
  'passwordTooShort',
  'passwordTooLong',
  'passwordCommon',
  'passwordPersonal',
  'passwordMismatch',
  'wrongPassword',
  'emailMismatch',
  'roleDoesNotFit',
  'unauthenticated',
  'forbidden',
  'notFound',
  'rateLimited',
  'conflict',
  'alreadyMember',
  'selfDisable',
  'selfCoordinator',
  'lastCoordinator',
  'invitationInvalid',
  'mailFailed',
] as const;

export type AccountErrorKey = (typeof ACCOUNT_ERROR_KEYS)[number];

const KNOWN: ReadonlySet<string> = new Set(ACCOUNT_ERROR_KEYS);

export function isAccountErrorKey(value: unknown): value is AccountErrorKey {
  return typeof value === 'string' && KNOWN.has(value);
}

export const PASSWORD_PROBLEM_KEYS: Record<PasswordProblem, AccountErrorKey> = {
  tooShort: 'passwordTooShort',
  tooLong: 'passwordTooLong',
  common: 'passwordCommon',
  containsPersonalInfo: 'passwordPersonal',
};

export type FieldErrors = Record<string, AccountErrorKey[]>;

/** Zod issues as field errors; a message that is not one of our keys becomes "invalid". */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    (result[field] ??= []).push(isAccountErrorKey(issue.message) ? issue.message : 'invalid');
  }
  return result;
}

/** Parses input with a boundary schema, or throws INVALID_INPUT with per-field keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('INVALID_INPUT', 'invalid', fieldErrorsOf(parsed.error));
}

/** Throws INVALID_INPUT when any field has problems (collected so a form shows them all at once). */
export function throwIfFieldErrors(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new AppError('INVALID_INPUT', 'invalid', errors);
}

export function addFieldError(errors: FieldErrors, field: string, key: AccountErrorKey): void {
  (errors[field] ??= []).push(key);
}

/** What a form shows for an AppError: one form-level key and the first key per field. */
export function describeAppError(error: AppError): { formError?: AccountErrorKey; fieldErrors?: Record<string, AccountErrorKey> } {
  const fields = Object.entries(error.fieldErrors ?? {}).map(([field, keys]) => [field, keys.find(isAccountErrorKey) ?? 'invalid'] as const);
  if (error.code === 'INVALID_INPUT' && fields.length > 0) {
    const fieldErrors = Object.fromEntries(fields.filter(([field]) => field !== 'form'));
    const formLevel = fields.find(([field]) => field === 'form')?.[1];
    return { fieldErrors, ...(formLevel ? { formError: formLevel } : {}) };
  }
  // A specific reason travels in the message (CONFLICT "selfDisable"); otherwise the code's.
  return { formError: isAccountErrorKey(error.message) ? error.message : APP_ERROR_KEYS[error.code] };
}
