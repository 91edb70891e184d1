/**
 * The inputs of the coordinator's organisation editor (/admin/organisationer), one schema per
 * boundary. The data layer parses with them, so server actions, tests and a future import are
 * held to the same rules. Messages are keys of `AdminOrganizations.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';

export const NAME_MAX_LENGTH = 160;
export const DESCRIPTION_MAX_LENGTH = 4000;
export const SHORT_TEXT_MAX_LENGTH = 200;
export const ORGANIZATIONS_PER_PAGE = 25;
export const TRANSLATED_LOCALES = ['en', 'ar'] as const;
export const ORGANIZATION_KINDS = ['ASSOCIATION', 'REGION', 'MUNICIPALITY'] as const;
export const PUBLISHING_MODES = ['MEMBERS_PUBLISH', 'ADMIN_APPROVES'] as const;

export const organizationErrors = formErrorKeys([
  'required',
  'tooLong',
  'control',
  'invalidEmail',
  'invalidWebsite',
  'invalidPhone',
  'invalidOrgNumber',
  'invalidPostalCode',
  'invalidLatitude',
  'invalidLongitude',
  'coordinatesPair',
  'municipalityRequired',
  'unknownMunicipality',
  'hasActiveServices',
  'locationInUse',
] as const);
export type OrganizationErrorKey = (typeof organizationErrors.keys)[number];
export type OrganizationSuccessKey = 'created' | 'updated' | 'confirmed' | 'deactivated' | 'reactivated' | 'locationSaved' | 'locationRemoved';

const CONTROL = /\p{Cc}/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A one-line text: spaces squeezed, trimmed, no control characters. */
const line = (max: number) =>
  z
    .string({ error: 'required' })
    .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(max, { error: 'tooLong' })
        .refine((value) => !CONTROL.test(value), { error: 'control' }),
    );

const requiredLine = (max: number) => line(max).pipe(z.string().min(1, { error: 'required' }));

/**
 * An optional one-line text: empty means none (null). A further check and its message key may
 * follow; unions are avoided so each field fails with its own key, not "invalid input".
 */
const optionalLine = (max: number, check?: (value: string) => string | null, message = 'invalid') =>
  z.string({ error: 'invalid' }).nullish()
    .transform((value) => (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(max, { error: 'tooLong' })
        .refine((value) => !CONTROL.test(value), { error: 'control' }),
    )
    .transform((value, ctx) => {
      if (value === '') return null;
      if (!check) return value;
      const checked = check(value);
      if (checked === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return checked;
    });

/** A longer text with line breaks kept (paragraphs), trimmed. */
const paragraphs = (max: number) =>
  z.string({ error: 'invalid' }).nullish()
    .transform((value) => (value ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, { error: 'tooLong' })
        .refine((value) => !CONTROL_EXCEPT_NEWLINES.test(value), { error: 'control' }),
    );

const EMAIL = z.email();
const email = optionalLine(SHORT_TEXT_MAX_LENGTH, (value) => (EMAIL.safeParse(value).success ? value : null), 'invalidEmail');

/** A web address people can open: http or https, with a host. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const website = optionalLine(SHORT_TEXT_MAX_LENGTH, (value) => (isWebAddress(value) ? value : null), 'invalidWebsite');

/** Digits, spaces, dashes, a leading plus and brackets: what Swedish numbers are written with. */
const phone = optionalLine(40, (value) => (/^\+?[0-9][0-9 ()-]{1,38}$/.test(value) ? value : null), 'invalidPhone');

/** The Luhn check digit test used by Swedish organisation and personal identity numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A Swedish organisationsnummer: ten digits, the last a Luhn check digit, stored as
 * NNNNNN-NNNN whether typed with or without the dash.
 */
export function normalizeOrgNumber(value: string): string | null {
  const match = /^(\d{6})-?(\d{4})$/.exec(value.replace(/\s+/g, ''));
  if (!match) return null;
  const [, head = '', tail = ''] = match;
  const digits = head + tail;
  return passesLuhn(digits) ? `${head}-${tail}` : null;
}

const orgNumber = optionalLine(20, normalizeOrgNumber, 'invalidOrgNumber');

/** Record ids are cuids; anything else is refused before it reaches a query. */
export const recordIdSchema = z.string({ error: 'notFound' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'notFound' });

const optionalId = optionalLine(64, (value) => (/^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null), 'unknownMunicipality');

/** The texts of the profile in English and Arabic; empty means "show the Swedish". */
const translationFields = {
  name_en: optionalLine(NAME_MAX_LENGTH),
  description_en: paragraphs(DESCRIPTION_MAX_LENGTH),
  name_ar: optionalLine(NAME_MAX_LENGTH),
  description_ar: paragraphs(DESCRIPTION_MAX_LENGTH),
};

/** What an association admin may change on their own organisation: the profile's texts and ways to reach it. */
export const organizationProfileSchema = z.object({
  description: paragraphs(DESCRIPTION_MAX_LENGTH),
  email,
  phone,
  website,
  ...translationFields,
});
export type OrganizationProfileInput = z.output<typeof organizationProfileSchema>;

/** Every field of an organisation, for the coordinator. */
export const organizationSchema = organizationProfileSchema
  .extend({
    kind: z.enum(ORGANIZATION_KINDS, { error: 'required' }),
    name: requiredLine(NAME_MAX_LENGTH),
    orgNumber,
    municipalityId: optionalId,
    newsPublishingMode: z.enum(PUBLISHING_MODES, { error: 'invalid' }).default('MEMBERS_PUBLISH'),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'MUNICIPALITY' && !value.municipalityId) ctx.addIssue({ code: 'custom', path: ['municipalityId'], message: 'municipalityRequired' });
  });
export type OrganizationInput = z.output<typeof organizationSchema>;

/** A decimal degree as typed: "59.33" or "59,33"; empty means none. */
const degree = (min: number, max: number, message: 'invalidLatitude' | 'invalidLongitude') =>
  z.union([z.string(), z.number()], { error: message }).nullish()
    .transform((value, ctx) => {
      if (value === null || value === undefined) return null;
      const text = String(value).trim().replace(',', '.');
      if (text === '') return null;
      const n = /^-?\d{1,3}(\.\d{1,8})?$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

/** Swedish postcodes are five digits, written "NNN NN". */
const postalCode = optionalLine(10, (value) => {
  const match = /^(\d{3}) ?(\d{2})$/.exec(value);
  return match ? `${match[1]} ${match[2]}` : null;
}, 'invalidPostalCode');

/** A checkbox: present ("on") or absent in a form; a boolean from code. */
export const checkbox = z
  .union([z.boolean(), z.enum(['on', 'true', 'false'])], { error: 'invalid' })
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const locationSchema = z
  .object({
    name: requiredLine(NAME_MAX_LENGTH),
    description: paragraphs(1000).transform((value) => value || null),
    addressLine1: optionalLine(SHORT_TEXT_MAX_LENGTH),
    addressLine2: optionalLine(SHORT_TEXT_MAX_LENGTH),
    postalCode,
    city: optionalLine(100),
    municipalityId: optionalId,
    latitude: degree(-90, 90, 'invalidLatitude'),
    longitude: degree(-180, 180, 'invalidLongitude'),
    isProtected: checkbox,
    accessibilityDescription: paragraphs(1000).transform((value) => value || null),
    transportation: paragraphs(1000).transform((value) => value || null),
  })
  .superRefine((value, ctx) => {
    // A map pin needs both; one alone would put it on the equator or the meridian.
    if ((value.latitude === null) !== (value.longitude === null)) {
      ctx.addIssue({ code: 'custom', path: [value.latitude === null ? 'latitude' : 'longitude'], message: 'coordinatesPair' });
    }
  });
export type LocationInput = z.output<typeof locationSchema>;

export const setActiveSchema = z.object({
  isActive: checkbox,
  /** Deactivating an organisation that still has active services needs this said out loud. */
  alsoDeactivateServices: checkbox,
});

export const ACTIVITY_FILTERS = ['all', 'active', 'inactive'] as const;

/** The list's query string: forgiving, since people edit URLs by hand. */
export const organizationListSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  q: z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim().slice(0, 80))
    .catch(''),
  kind: z.enum(ORGANIZATION_KINDS).optional().catch(undefined),
  activity: z.enum(ACTIVITY_FILTERS).catch('all'),
});
export type OrganizationListInput = z.output<typeof organizationListSchema>;
