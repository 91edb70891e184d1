/**
 * The inputs of the directory settings (/admin/installningar/kategorier, egenskaper, kommuner,
 * malgrupper), one schema per boundary; the data layer parses with them. Messages are keys of
 * `AdminSettings.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { ICON_KEYS } from './icon-keys';
import { checkbox } from './organization-schemas';

export const SETTING_NAME_MAX_LENGTH = 120;
export const SETTING_DESCRIPTION_MAX_LENGTH = 1000;

export const settingsErrors = formErrorKeys([
  'required',
  'tooLong',
  'control',
  'unknownIcon',
  'invalidSortOrder',
  'unknownParent',
  'parentCycle',
  'invalidKey',
  'keyTaken',
  'invalidCode',
  'codeTaken',
  'translationNameRequired',
  'inUse',
] as const);
export type SettingsErrorKey = (typeof settingsErrors.keys)[number];
export type SettingsSuccessKey = 'created' | 'updated' | 'deleted';

const CONTROL = /\p{Cc}/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A one-line text; empty is '' (the caller decides whether that is allowed). */
const line = (max: number) =>
  z.string({ error: 'invalid' }).nullish()
    .transform((value) => (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(max, { error: 'tooLong' })
        .refine((value) => !CONTROL.test(value), { error: 'control' }),
    );

const requiredName = line(SETTING_NAME_MAX_LENGTH).pipe(z.string().min(1, { error: 'required' }));
const optionalName = line(SETTING_NAME_MAX_LENGTH).transform((value) => value || null);

const description = z.string({ error: 'invalid' }).nullish()
  .transform((value) => (value ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .max(SETTING_DESCRIPTION_MAX_LENGTH, { error: 'tooLong' })
      .refine((value) => !CONTROL_EXCEPT_NEWLINES.test(value), { error: 'control' }),
  );

/** A whole number as typed; empty is 0. */
const sortOrder = z.union([z.string(), z.number()], { error: 'invalidSortOrder' }).nullish()
  .transform((value, ctx) => {
    const text = String(value ?? '').trim();
    if (text === '') return 0;
    if (!/^-?\d{1,5}$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'invalidSortOrder' });
      return z.NEVER;
    }
    return Number(text);
  });

const icon = z.enum(ICON_KEYS, { error: 'unknownIcon' });

/** An icon or none (''), for attributes. */
const optionalIcon = z.string({ error: 'unknownIcon' }).nullish()
  .transform((value) => value || null)
  .refine((value) => value === null || (ICON_KEYS as readonly string[]).includes(value), { error: 'unknownIcon' });

const optionalId = z.string({ error: 'unknownParent' }).nullish()
  .transform((value) => (value ? value.trim() : null))
  .refine((value) => value === null || /^[A-Za-z0-9_-]{1,64}$/.test(value), { error: 'unknownParent' });

export const categorySchema = z.object({
  name: requiredName,
  description,
  icon,
  parentId: optionalId,
  sortOrder,
  isActive: checkbox,
  name_en: optionalName,
  description_en: description,
  name_ar: optionalName,
  description_ar: description,
});
export type CategoryInput = z.output<typeof categorySchema>;

/** A translation of an attribute has a name, or there is none: a description alone is refused. */
const needsTranslatedName = (value: { name_en: string | null; description_en: string; name_ar: string | null; description_ar: string }, ctx: z.RefinementCtx) => {
  for (const locale of ['en', 'ar'] as const) {
    if (!value[`name_${locale}`] && value[`description_${locale}`]) ctx.addIssue({ code: 'custom', path: [`name_${locale}`], message: 'translationNameRequired' });
  }
};

export const ATTRIBUTE_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const attributeSchema = z
  .object({
    /** Chosen once, at creation (the search filter's URL uses it); empty: made from the name. */
    key: line(40).refine((value) => value === '' || ATTRIBUTE_KEY.test(value), { error: 'invalidKey' }),
    name: requiredName,
    description,
    icon: optionalIcon,
    isFilter: checkbox,
    sortOrder,
    name_en: optionalName,
    description_en: description,
    name_ar: optionalName,
    description_ar: description,
  })
  .superRefine(needsTranslatedName);
export type AttributeInput = z.output<typeof attributeSchema>;

export const municipalitySchema = z.object({
  name: requiredName,
  /** SCB's four-digit municipality code, e.g. 1883 for Karlskoga. */
  code: line(4).refine((value) => /^\d{4}$/.test(value), { error: 'invalidCode' }),
  regionName: requiredName,
  isActive: checkbox,
});
export type MunicipalityInput = z.output<typeof municipalitySchema>;

export const targetGroupSchema = z.object({
  name: requiredName,
  sortOrder,
  name_en: optionalName,
  name_ar: optionalName,
});
export type TargetGroupInput = z.output<typeof targetGroupSchema>;

export const settingIdSchema = z.string({ error: 'notFound' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'notFound' });
