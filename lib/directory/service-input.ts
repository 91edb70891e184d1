/**
 * Everything a person can edit about a service, as one input: the coordinator's editor
 * (/admin/tjanster) and an association's proposals read and write the same shape, validated by
 * the same schema. The form turns its fields into this input with `serviceInputFromForm`; the
 * data layer (service-editor.ts) parses it again at its boundary and writes it.
 *
 * - Messages are message keys (`ServiceForm.errors.*`); issue paths name the field as the form
 *   does (`schedules.3.closes`, `translations.en.summary`), so each error lands at its field.
 * - Parsing is idempotent: what comes out parses to itself, so a stored proposal can be
 *   parsed again before it is written.
 * - Opening hours are "HH:MM" wall-clock times in Europe/Stockholm. A closing time at or before
 *   the opening time runs past midnight (22:00-02:00), as Schedule stores it (closesMinute >
 *   1440); "24:00" closes at midnight.
 * - Sets of ids (categories, target groups, areas) are sorted and kept once; lists of rows
 *   keep the order they came in, so an error path points at the row the person sees.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { keywordsSchema } from './keyword-schemas';

export const SERVICE_STATUSES = ['ACTIVE', 'INACTIVE', 'DEFUNCT'] as const;
export type ServiceStatusValue = (typeof SERVICE_STATUSES)[number];
export const PHONE_KINDS = ['VOICE', 'SMS', 'TEXT_PHONE', 'FAX'] as const;
/** The languages resident-facing texts are translated into; Swedish is the base text. */
export const TRANSLATION_LOCALES = ['en', 'ar'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];
export const TRANSLATED_FIELDS = [
  'name',
  'summary',
  'description',
  'easyReadSummary',
  'applicationProcess',
  'eligibilityDescription',
  'feesDescription',
] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

/** Languages the form offers as checkboxes (others are typed as codes): the region's most asked for. */
export const COMMON_LANGUAGE_CODES = ['sv', 'en', 'ar', 'fa', 'prs', 'so', 'ti', 'ku', 'bs', 'pl', 'fi', 'uk', 'ru', 'es', 'fr', 'de', 'tr', 'swl'] as const;

/** Limits the form shows as maxlength too. */
export const LIMITS = {
  name: 200,
  summary: 500,
  description: 10_000,
  longText: 3_000,
  note: 500,
  email: 254,
  url: 2_000,
  phone: 40,
  /** Rows per list: generous for real services, a cap against abuse. */
  rows: 50,
  maxAge: 130,
} as const;

export const serviceFormErrors = formErrorKeys([
  'required',
  'tooLong',
  'invalidUrl',
  'invalidEmail',
  'invalidPhone',
  'invalidTime',
  'invalidDate',
  'invalidNumber',
  'outOfRange',
  'ageRange',
  'dateRange',
  'emptyPeriod',
  'overlap',
  'duplicate',
  'tooMany',
  'unknown',
  'notInOrganization',
  'stale',
  'tooManyKeywords',
  'keywordTooShort',
  'keywordTooLong',
  'keywordInvalid',
] as const);
export type ServiceFormErrorKey = (typeof serviceFormErrors.keys)[number];

// ---------------------------------------------------------------- building blocks

const idSchema = z.string({ error: 'required' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'unknown');

const text = (max: number) => z.string({ error: 'invalid' }).transform((v) => v.normalize('NFC').trim()).pipe(z.string().max(max, 'tooLong'));
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'required'));

/** Ids chosen from a list (checkboxes): each once, sorted, so the order of the form does not matter. */
const idSet = z
  .array(idSchema, { error: 'invalid' })
  .max(200, 'tooMany')
  .transform((ids) => [...new Set(ids)].sort());

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email = text(LIMITS.email).refine((v) => v === '' || EMAIL.test(v), 'invalidEmail');

/** Only http(s) addresses: anything else would become a link residents follow. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
const url = text(LIMITS.url).refine((v) => v === '' || isWebAddress(v), 'invalidUrl');

/** A whole number from a form field or from code; '' and null are "not given". */
const optionalInt = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error: 'invalidNumber' }).int('invalidNumber').min(min, 'outOfRange').max(max, 'outOfRange').nullable(),
  );

/** A decimal number; a Swedish decimal comma is accepted. */
const optionalDecimal = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      if (v === '' || v === null || v === undefined) return null;
      if (typeof v !== 'string') return v;
      const normalized = v.trim().replace(/\s/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : v;
    },
    z.number({ error: 'invalidNumber' }).min(min, 'outOfRange').max(max, 'outOfRange').nullable(),
  );

const bool = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === '' ? false : v), z.boolean({ error: 'invalid' }));

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
/** `YYYY-MM-DD`, or '' for none. */
const optionalDate = text(10).refine((v) => v === '' || isRealDate(v), 'invalidDate');
const requiredDate = text(10).pipe(z.string().min(1, 'required')).refine(isRealDate, 'invalidDate');

/** "HH:MM"; "9:00" and "9.00" are read as 09:00. "24:00" is midnight at the end of the day. */
const clock = z
  .string({ error: 'invalidTime' })
  .transform((v) => {
    const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(v);
    return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : v.trim();
  })
  .pipe(z.string().min(1, 'required').regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'invalidTime'));
const optionalClock = z.union([z.literal(''), clock]);

/** Minutes after midnight of a "HH:MM" clock. */
export function minutesOf(clockText: string): number {
  const [h = 0, m = 0] = clockText.split(':').map(Number);
  return h * 60 + m;
}

/** The stored minutes of a period: a close at or before the opening runs into the next day. */
export function periodMinutes(opens: string, closes: string): { opensMinute: number; closesMinute: number } {
  const opensMinute = minutesOf(opens);
  const closing = minutesOf(closes);
  return { opensMinute, closesMinute: closing <= opensMinute ? closing + 1440 : closing };
}

/** "HH:MM" of stored minutes; past midnight reads as the next day's clock, 1440 as "24:00". */
export function clockOf(minute: number): string {
  const m = minute > 1440 ? minute - 1440 : minute;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const rows = <T extends z.ZodType>(row: T) => z.array(row, { error: 'invalid' }).max(LIMITS.rows, 'tooMany');

// ---------------------------------------------------------------- rows

export const phoneInputSchema = z.object({
  number: requiredText(LIMITS.phone).refine((v) => /^\+?[\d\s\-()]{2,}$/.test(v) && /\d{2,}/.test(v.replace(/\D/g, '')), 'invalidPhone'),
  kind: z.enum(PHONE_KINDS, { error: 'invalid' }),
  description: text(LIMITS.note),
});

export const contactInputSchema = z
  .object({
    name: text(LIMITS.name),
    title: text(LIMITS.name),
    department: text(LIMITS.name),
    email,
    phones: rows(phoneInputSchema),
  })
  .superRefine((c, ctx) => {
    // A contact is a way to reach someone: a name alone is a person, but nothing at all is no row.
    if (!c.name && !c.email && c.phones.length === 0) ctx.addIssue({ code: 'custom', message: 'required', path: ['name'] });
  });

export const locationInputSchema = z
  .object({
    /** An existing location of the service's organisation, or null for a new one. */
    id: idSchema.nullable(),
    name: requiredText(LIMITS.name),
    description: text(LIMITS.note),
    addressLine1: text(LIMITS.name),
    addressLine2: text(LIMITS.name),
    postalCode: text(10).refine((v) => v === '' || /^\d{3}\s?\d{2}$/.test(v), 'invalid'),
    city: text(LIMITS.name),
    municipalityId: z.union([z.literal(''), idSchema]),
    latitude: optionalDecimal(-90, 90),
    longitude: optionalDecimal(-180, 180),
    /** A protected address is kept in the database only: never shown, mapped, exported or indexed. */
    isProtected: bool,
    accessibilityDescription: text(LIMITS.longText),
    transportation: text(LIMITS.longText),
    /** What happens at this place for this service (ServiceAtLocation.description). */
    serviceDescription: text(LIMITS.note),
  })
  // A protected place is never placed on a map: coordinates are not kept for it.
  .transform((l) => (l.isProtected ? { ...l, latitude: null, longitude: null } : l));

export const scheduleInputSchema = z
  .object({
    weekday: z.preprocess((v) => (typeof v === 'string' && /^\d$/.test(v) ? Number(v) : v), z.number({ error: 'required' }).int().min(1, 'invalid').max(7, 'invalid')),
    opens: clock,
    closes: clock,
    description: text(LIMITS.note),
    validFrom: optionalDate,
    validTo: optionalDate,
    /** Index into `locations` when the hours are those of one place; null for the service. */
    locationIndex: optionalInt(0, LIMITS.rows - 1),
  })
  .superRefine((s, ctx) => {
    if (s.opens === s.closes && s.opens !== '00:00') ctx.addIssue({ code: 'custom', message: 'emptyPeriod', path: ['closes'] });
    if (s.opens === '24:00') ctx.addIssue({ code: 'custom', message: 'invalidTime', path: ['opens'] });
    if (s.validFrom && s.validTo && s.validFrom > s.validTo) ctx.addIssue({ code: 'custom', message: 'dateRange', path: ['validTo'] });
  });

export const exceptionInputSchema = z
  .object({
    date: requiredDate,
    isClosed: bool,
    opens: optionalClock,
    closes: optionalClock,
    reason: text(LIMITS.note),
  })
  .superRefine((e, ctx) => {
    if (e.isClosed) return;
    if (!e.opens) ctx.addIssue({ code: 'custom', message: 'required', path: ['opens'] });
    if (!e.closes) ctx.addIssue({ code: 'custom', message: 'required', path: ['closes'] });
    if (e.opens && e.opens === e.closes && e.opens !== '00:00') ctx.addIssue({ code: 'custom', message: 'emptyPeriod', path: ['closes'] });
  })
  // Hours of a closed day mean nothing: they are not kept.
  .transform((e) => (e.isClosed ? { ...e, opens: '', closes: '' } : e));

export const costOptionInputSchema = z
  .object({
    option: requiredText(LIMITS.name),
    amount: optionalDecimal(0, 99_999_999),
    currency: text(3)
      .transform((v) => v.toUpperCase() || 'SEK')
      .pipe(z.string().regex(/^[A-Z]{3}$/, 'invalid')),
    amountDescription: text(LIMITS.note),
    validFrom: optionalDate,
    validTo: optionalDate,
  })
  .superRefine((c, ctx) => {
    if (c.validFrom && c.validTo && c.validFrom > c.validTo) ctx.addIssue({ code: 'custom', message: 'dateRange', path: ['validTo'] });
  });

const translationSchema = z.object({
  name: text(LIMITS.name),
  summary: text(LIMITS.summary),
  description: text(LIMITS.description),
  easyReadSummary: text(LIMITS.longText),
  applicationProcess: text(LIMITS.longText),
  eligibilityDescription: text(LIMITS.longText),
  feesDescription: text(LIMITS.longText),
});
export type TranslationInput = z.output<typeof translationSchema>;

// ---------------------------------------------------------------- the service

/** Week minutes of a period, for overlap checks across midnight. */
const weekSpan = (s: { weekday: number; opens: string; closes: string }) => {
  const { opensMinute, closesMinute } = periodMinutes(s.opens, s.closes);
  return { start: (s.weekday - 1) * 1440 + opensMinute, end: (s.weekday - 1) * 1440 + closesMinute };
};
const spansOverlap = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const week = 7 * 1440;
  // Sunday night runs into Monday: compare the later one also shifted a week back.
  return [0, week, -week].some((shift) => a.start < b.end + shift && b.start + shift < a.end);
};
const validityOverlaps = (a: { validFrom: string; validTo: string }, b: { validFrom: string; validTo: string }) =>
  (!a.validFrom || !b.validTo || a.validFrom <= b.validTo) && (!b.validFrom || !a.validTo || b.validFrom <= a.validTo);

export const serviceInputSchema = z
  .object({
    organizationId: idSchema,
    name: requiredText(LIMITS.name),
    alternateName: text(LIMITS.name),
    summary: requiredText(LIMITS.summary),
    description: requiredText(LIMITS.description),
    easyReadSummary: text(LIMITS.longText),
    applicationProcess: text(LIMITS.longText),
    eligibilityDescription: text(LIMITS.longText),
    minimumAge: optionalInt(0, LIMITS.maxAge),
    maximumAge: optionalInt(0, LIMITS.maxAge),
    isFree: bool,
    feesDescription: text(LIMITS.longText),
    email,
    url,
    status: z.enum(SERVICE_STATUSES, { error: 'invalid' }),
    keywords: keywordsSchema,
    /** The category the service is shown under first; always one of `categoryIds`. */
    primaryCategoryId: idSchema,
    categoryIds: idSet,
    targetGroupIds: idSet,
    attributes: rows(z.object({ attributeId: idSchema, note: text(LIMITS.note) })),
    /** ISO 639-1 (or 639-3) codes. */
    languages: rows(z.object({ code: z.string({ error: 'required' }).trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'invalid'), note: text(LIMITS.note) })),
    areaMunicipalityIds: idSet,
    locations: rows(locationInputSchema),
    schedules: z.array(scheduleInputSchema, { error: 'invalid' }).max(LIMITS.rows * 2, 'tooMany'),
    exceptions: rows(exceptionInputSchema),
    phones: rows(phoneInputSchema),
    contacts: rows(contactInputSchema),
    costOptions: rows(costOptionInputSchema),
    translations: z.object({ en: translationSchema, ar: translationSchema }),
  })
  .superRefine((s, ctx) => {
    if (s.minimumAge !== null && s.maximumAge !== null && s.minimumAge > s.maximumAge) {
      ctx.addIssue({ code: 'custom', message: 'ageRange', path: ['maximumAge'] });
    }
    const seen = <T>(list: T[], key: (item: T) => string, path: (i: number) => (string | number)[]) => {
      const keys = new Set<string>();
      list.forEach((item, i) => {
        const k = key(item);
        if (keys.has(k)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: path(i) });
        keys.add(k);
      });
    };
    seen(s.attributes, (a) => a.attributeId, (i) => ['attributes', i, 'attributeId']);
    seen(s.languages, (l) => l.code, (i) => ['languages', i, 'code']);
    seen(s.locations.filter((l) => l.id), (l) => l.id as string, () => ['locations']);
    // Periods for the same thing (same place, same description) must not overlap; "Telefontid"
    // may well run during "Drop-in".
    s.schedules.forEach((period, i) => {
      if (period.locationIndex !== null && period.locationIndex >= s.locations.length) {
        ctx.addIssue({ code: 'custom', message: 'unknown', path: ['schedules', i, 'locationIndex'] });
      }
      for (const other of s.schedules.slice(0, i)) {
        if (other.locationIndex !== period.locationIndex || other.description.toLowerCase() !== period.description.toLowerCase()) continue;
        if (!validityOverlaps(other, period)) continue;
        if (spansOverlap(weekSpan(other), weekSpan(period))) {
          ctx.addIssue({ code: 'custom', message: 'overlap', path: ['schedules', i, 'opens'] });
          break;
        }
      }
    });
    s.exceptions.forEach((e, i) => {
      for (const other of s.exceptions.slice(0, i)) {
        if (other.date !== e.date) continue;
        if (e.isClosed || other.isClosed) {
          ctx.addIssue({ code: 'custom', message: 'duplicate', path: ['exceptions', i, 'date'] });
          break;
        }
        const a = periodMinutes(other.opens, other.closes);
        const b = periodMinutes(e.opens, e.closes);
        if (a.opensMinute < b.closesMinute && b.opensMinute < a.closesMinute) {
          ctx.addIssue({ code: 'custom', message: 'overlap', path: ['exceptions', i, 'opens'] });
          break;
        }
      }
    });
  })
  .transform((s) => ({
    ...s,
    // The primary category is one of the service's categories, whether or not it was ticked.
    categoryIds: [...new Set([...s.categoryIds, s.primaryCategoryId])].sort(),
  }));

export type ServiceInput = z.output<typeof serviceInputSchema>;
export type LocationInput = ServiceInput['locations'][number];
export type ScheduleInput = ServiceInput['schedules'][number];
export type ExceptionInput = ServiceInput['exceptions'][number];
export type PhoneInput = ServiceInput['phones'][number];
export type ContactInput = ServiceInput['contacts'][number];
export type CostOptionInput = ServiceInput['costOptions'][number];

const emptyTranslation = (): TranslationInput => ({
  name: '',
  summary: '',
  description: '',
  easyReadSummary: '',
  applicationProcess: '',
  eligibilityDescription: '',
  feesDescription: '',
});

/** A new service's form before anything is typed. */
export function emptyServiceInput(organizationId: string): ServiceInput {
  return {
    organizationId,
    name: '',
    alternateName: '',
    summary: '',
    description: '',
    easyReadSummary: '',
    applicationProcess: '',
    eligibilityDescription: '',
    minimumAge: null,
    maximumAge: null,
    isFree: true,
    feesDescription: '',
    email: '',
    url: '',
    status: 'ACTIVE',
    keywords: [],
    primaryCategoryId: '',
    categoryIds: [],
    targetGroupIds: [],
    attributes: [],
    languages: [],
    areaMunicipalityIds: [],
    locations: [],
    schedules: [],
    exceptions: [],
    phones: [],
    contacts: [],
    costOptions: [],
    translations: { en: emptyTranslation(), ar: emptyTranslation() },
  };
}

export const emptyLocationInput = (): LocationInput => ({
  id: null,
  name: '',
  description: '',
  addressLine1: '',
  addressLine2: '',
  postalCode: '',
  city: '',
  municipalityId: '',
  latitude: null,
  longitude: null,
  isProtected: false,
  accessibilityDescription: '',
  transportation: '',
  serviceDescription: '',
});

// ---------------------------------------------------------------- parsing with paths

/** The message key of a zod issue: our own keys as they are, zod's codes mapped to ours. */
function keyOf(issue: z.core.$ZodIssue): ServiceFormErrorKey {
  if (serviceFormErrors.isKey(issue.message)) return issue.message;
  if (issue.code === 'too_big') return 'tooLong';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return 'invalid';
}

/** Issues as `{ "schedules.3.closes": ["overlap"] }`; the first issue of a field comes first. */
export function serviceFieldErrors(error: z.ZodError): Record<string, ServiceFormErrorKey[]> {
  const fieldErrors: Record<string, ServiceFormErrorKey[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    (fieldErrors[path] ??= []).push(keyOf(issue));
  }
  return fieldErrors;
}

/** The input, or INVALID_INPUT with a message key per field path. */
export function parseServiceInput(input: unknown): ServiceInput {
  const parsed = serviceInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('INVALID_INPUT', 'invalid', serviceFieldErrors(parsed.error));
}

// ---------------------------------------------------------------- the form

/** The form's view of an input: what the fields hold, numbers as typed. */
export interface ServiceFormValues {
  organizationId: string;
  name: string;
  alternateName: string;
  summary: string;
  description: string;
  easyReadSummary: string;
  applicationProcess: string;
  eligibilityDescription: string;
  minimumAge: string;
  maximumAge: string;
  isFree: boolean;
  feesDescription: string;
  email: string;
  url: string;
  status: string;
  /** One keyword a line. */
  keywords: string;
  primaryCategoryId: string;
  categoryIds: string[];
  targetGroupIds: string[];
  attributes: { attributeId: string; note: string }[];
  languages: { code: string; note: string }[];
  areaMunicipalityIds: string[];
  locations: (Omit<LocationInput, 'latitude' | 'longitude'> & { latitude: string; longitude: string })[];
  schedules: { weekday: string; opens: string; closes: string; description: string; validFrom: string; validTo: string; locationIndex: string }[];
  exceptions: { date: string; isClosed: boolean; opens: string; closes: string; reason: string }[];
  phones: { number: string; kind: string; description: string }[];
  contacts: { name: string; title: string; department: string; email: string; phones: { number: string; kind: string; description: string }[] }[];
  costOptions: { option: string; amount: string; currency: string; amountDescription: string; validFrom: string; validTo: string }[];
  translations: Record<TranslationLocale, Record<TranslatedField, string>>;
}

const numberText = (n: number | null) => (n === null ? '' : String(n));

/** A stored or new input as the form shows it. */
export function formValuesOf(input: ServiceInput): ServiceFormValues {
  return {
    ...input,
    minimumAge: numberText(input.minimumAge),
    maximumAge: numberText(input.maximumAge),
    keywords: input.keywords.join('\n'),
    locations: input.locations.map((l) => ({ ...l, latitude: numberText(l.latitude), longitude: numberText(l.longitude) })),
    schedules: input.schedules.map((s) => ({ ...s, weekday: String(s.weekday), locationIndex: s.locationIndex === null ? '' : String(s.locationIndex) })),
    costOptions: input.costOptions.map((c) => ({ ...c, amount: numberText(c.amount) })),
  };
}

const str = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};
const all = (formData: FormData, name: string): string[] => formData.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
const checked = (formData: FormData, name: string): boolean => formData.get(name) === 'on' || formData.get(name) === 'true';

/** The row indexes a list field has in the form (`schedules.0.weekday`, `schedules.3.opens` → 0, 3). */
function rowIndexes(formData: FormData, prefix: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d{1,3})\\.`);
  for (const key of formData.keys()) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

const blank = (...values: string[]) => values.every((v) => v.trim() === '');

/**
 * The form's fields as a service input, for the schema to judge. Row fields are named by path
 * (`schedules.2.opens`); rows left entirely blank (the spare rows a form without JavaScript
 * offers) are dropped, and the remaining rows are renumbered in order, so error paths follow
 * the rows as the form shows them after a refused submission.
 *
 * Values are handed on as typed (numbers as text): the schema reports what is wrong with them.
 */
export function serviceInputFromForm(formData: FormData): ServiceFormValues {
  const rowsOf = <T>(prefix: string, read: (p: string) => T | null): T[] =>
    rowIndexes(formData, prefix)
      .map((i) => read(`${prefix}.${i}.`))
      .filter((row): row is T => row !== null);

  const phonesOf = (prefix: string) =>
    rowsOf(prefix, (p) => {
      const number = str(formData, `${p}number`);
      const description = str(formData, `${p}description`);
      return blank(number, description) ? null : { number, kind: str(formData, `${p}kind`) || 'VOICE', description };
    });

  const translation = (locale: string) =>
    Object.fromEntries(TRANSLATED_FIELDS.map((field) => [field, str(formData, `translations.${locale}.${field}`)])) as Record<TranslatedField, string>;

  // Attributes are checkboxes with a note each: `attributes` lists the ticked ids.
  const attributeIds = [...new Set(all(formData, 'attributeIds'))];
  const languageCodes = [...new Set(all(formData, 'languageCodes').map((c) => c.trim().toLowerCase()))];

  const kept = rowIndexes(formData, 'locations').flatMap((formIndex) => {
    const p = `locations.${formIndex}.`;
    const location = {
      id: str(formData, `${p}id`) || null,
      name: str(formData, `${p}name`),
      description: str(formData, `${p}description`),
      addressLine1: str(formData, `${p}addressLine1`),
      addressLine2: str(formData, `${p}addressLine2`),
      postalCode: str(formData, `${p}postalCode`),
      city: str(formData, `${p}city`),
      municipalityId: str(formData, `${p}municipalityId`),
      latitude: str(formData, `${p}latitude`),
      longitude: str(formData, `${p}longitude`),
      isProtected: checked(formData, `${p}isProtected`),
      accessibilityDescription: str(formData, `${p}accessibilityDescription`),
      transportation: str(formData, `${p}transportation`),
      serviceDescription: str(formData, `${p}serviceDescription`),
    };
    // A place is removed from the service by ticking "remove" or leaving a new row blank; the
    // organisation's other places are offered and count only when ticked "use".
    if (checked(formData, `${p}remove`)) return [];
    if (checked(formData, `${p}offered`) && !checked(formData, `${p}use`)) return [];
    const { id, isProtected, ...texts } = location;
    return !id && !isProtected && blank(...Object.values(texts)) ? [] : [{ formIndex, location }];
  });

  return {
    organizationId: str(formData, 'organizationId'),
    name: str(formData, 'name'),
    alternateName: str(formData, 'alternateName'),
    summary: str(formData, 'summary'),
    description: str(formData, 'description'),
    easyReadSummary: str(formData, 'easyReadSummary'),
    applicationProcess: str(formData, 'applicationProcess'),
    eligibilityDescription: str(formData, 'eligibilityDescription'),
    minimumAge: str(formData, 'minimumAge'),
    maximumAge: str(formData, 'maximumAge'),
    isFree: checked(formData, 'isFree'),
    feesDescription: str(formData, 'feesDescription'),
    email: str(formData, 'email'),
    url: str(formData, 'url'),
    status: str(formData, 'status') || 'ACTIVE',
    keywords: str(formData, 'keywords'),
    primaryCategoryId: str(formData, 'primaryCategoryId'),
    categoryIds: all(formData, 'categoryIds'),
    targetGroupIds: all(formData, 'targetGroupIds'),
    // Sorted as a stored service lists them, so an unchanged form sends back the same input.
    attributes: attributeIds.sort().map((attributeId) => ({ attributeId, note: str(formData, `attributeNote.${attributeId}`) })),
    languages: [
      ...languageCodes.map((code) => ({ code, note: str(formData, `languageNote.${code}`) })),
      // Languages not in the offered list, typed as codes.
      ...rowsOf('otherLanguages', (p) => {
        const code = str(formData, `${p}code`).trim().toLowerCase();
        const note = str(formData, `${p}note`);
        return blank(code, note) || languageCodes.includes(code) ? null : { code, note };
      }),
    ].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    areaMunicipalityIds: all(formData, 'areaMunicipalityIds'),
    locations: kept.map(({ location }) => location),
    schedules: rowsOf('schedules', (p) => {
      const opens = str(formData, `${p}opens`);
      const closes = str(formData, `${p}closes`);
      const description = str(formData, `${p}description`);
      const validFrom = str(formData, `${p}validFrom`);
      const validTo = str(formData, `${p}validTo`);
      if (checked(formData, `${p}remove`) || blank(opens, closes, description, validFrom, validTo)) return null;
      // The form names a place by its row; rows dropped above shift the ones after them.
      const place = str(formData, `${p}locationIndex`);
      const locationIndex = place === '' ? '' : String(kept.findIndex((k) => String(k.formIndex) === place));
      return { weekday: str(formData, `${p}weekday`), opens, closes, description, validFrom, validTo, locationIndex: locationIndex === '-1' ? '' : locationIndex };
    }),
    exceptions: rowsOf('exceptions', (p) => {
      const date = str(formData, `${p}date`);
      const opens = str(formData, `${p}opens`);
      const closes = str(formData, `${p}closes`);
      const reason = str(formData, `${p}reason`);
      if (checked(formData, `${p}remove`) || blank(date, opens, closes, reason)) return null;
      // The choice is "closed" or "other hours"; hours typed without a choice mean other hours.
      const mode = str(formData, `${p}mode`);
      const isClosed = mode ? mode === 'closed' : blank(opens, closes);
      return { date, isClosed, opens, closes, reason };
    }),
    phones: phonesOf('phones'),
    contacts: rowsOf('contacts', (p) => {
      const contact = {
        name: str(formData, `${p}name`),
        title: str(formData, `${p}title`),
        department: str(formData, `${p}department`),
        email: str(formData, `${p}email`),
        phones: phonesOf(`${p}phones`),
      };
      if (checked(formData, `${p}remove`)) return null;
      return blank(contact.name, contact.title, contact.department, contact.email) && contact.phones.length === 0 ? null : contact;
    }),
    costOptions: rowsOf('costOptions', (p) => {
      const row = {
        option: str(formData, `${p}option`),
        amount: str(formData, `${p}amount`),
        currency: str(formData, `${p}currency`),
        amountDescription: str(formData, `${p}amountDescription`),
        validFrom: str(formData, `${p}validFrom`),
        validTo: str(formData, `${p}validTo`),
      };
      if (checked(formData, `${p}remove`)) return null;
      return blank(row.option, row.amount, row.amountDescription, row.validFrom, row.validTo) ? null : row;
    }),
    translations: { en: translation('en'), ar: translation('ar') },
  };
}
