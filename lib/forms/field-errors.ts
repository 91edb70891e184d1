/**
 * Form errors as message keys, for features whose forms have their own list of reasons
 * (the accounts forms keep theirs in lib/accounts/errors.ts). The data layer throws AppErrors
 * carrying keys; the server action turns them into form state; the page translates the keys.
 *
 *   const thesaurusErrors = formErrorKeys(['required', 'tooLong', ...] as const);
 *   thesaurusErrors.parse(schema, input)    // or throws INVALID_INPUT with per-field keys
 *   thesaurusErrors.describe(appError)      // { formError?, fieldErrors? } for the form state
 */
import type { z } from 'zod';
import { AppError, type AppErrorCode } from '@/lib/errors/app-error';

/** Keys every feature's list must have: the reasons any request can fail for. */
export type BaseErrorKey = 'invalid' | 'unauthenticated' | 'forbidden' | 'notFound' | 'conflict' | 'rateLimited';

/** The message key of each AppError code, for every form of the portal. */
export const APP_ERROR_KEYS: Record<AppErrorCode, BaseErrorKey> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  INVALID_INPUT: 'invalid',
  RATE_LIMITED: 'rateLimited',
};

export interface DescribedError<K extends string> {
  formError?: K;
  fieldErrors?: Record<string, K>;
}

export interface FormErrorKeys<K extends string> {
  readonly keys: readonly K[];
  isKey(value: unknown): value is K;
  /** Parses input with a boundary schema, or throws INVALID_INPUT with per-field keys. */
  parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S>;
  /** What a form shows for an AppError: the first key per field, or one form-level key. */
  describe(error: AppError): DescribedError<K>;
}

const BASE_KEYS: readonly BaseErrorKey[] = ['invalid', 'unauthenticated', 'forbidden', 'notFound', 'conflict', 'rateLimited'];

/** The feature's own keys; the base keys are added, so `keys` lists every text a form may need. */
export function formErrorKeys<const K extends string>(featureKeys: readonly K[]): FormErrorKeys<K | BaseErrorKey> {
  type Key = K | BaseErrorKey;
  const keys: readonly Key[] = [...new Set<Key>([...featureKeys, ...BASE_KEYS])];
  const known: ReadonlySet<string> = new Set(keys);
  const isKey = (value: unknown): value is Key => typeof value === 'string' && known.has(value);

  return {
    keys,
    isKey,
    parse(schema, input) {
      const parsed = schema.safeParse(input);
      if (parsed.success) return parsed.data;
      const fieldErrors: Record<string, Key[]> = {};
      for (const issue of parsed.error.issues) {
        // Problems of one item in a list ("synonyms.3") belong to the list's field.
        const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'form';
        (fieldErrors[field] ??= []).push(isKey(issue.message) ? issue.message : 'invalid');
      }
      throw new AppError('INVALID_INPUT', 'invalid', fieldErrors);
    },
    describe(error) {
      const fields = Object.entries(error.fieldErrors ?? {}).map(([field, found]) => [field, found.find(isKey) ?? 'invalid'] as const);
      // A conflict on one field (a duplicate) is shown at the field, like a validation error.
      if (fields.length > 0 && (error.code === 'INVALID_INPUT' || error.code === 'CONFLICT')) {
        const fieldErrors = Object.fromEntries(fields.filter(([field]) => field !== 'form'));
        const formLevel = fields.find(([field]) => field === 'form')?.[1];
        return { fieldErrors, ...(formLevel ? { formError: formLevel } : {}) };
      }
      return { formError: isKey(error.message) ? error.message : APP_ERROR_KEYS[error.code] };
    },
  };
}

/**
 * What a form shows after a submission (the state of `useActionState`). Only keys travel; the
 * page resolves them in the visitor's language. `values` echoes what was typed so a refused
 * form keeps it; list fields (checkboxes) travel as arrays.
 */
export interface FormState<K extends string = string, S extends string = string> {
  status: 'idle' | 'error' | 'success';
  formError?: K;
  fieldErrors?: Record<string, K>;
  success?: S;
  values?: Record<string, string | string[]>;
}

export const IDLE: FormState<never, never> = { status: 'idle' };
