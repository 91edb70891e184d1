/**
 * One zod schema per HSDS table for a single row, built from the field list in tables.ts:
 * CSV cells (text) and JSON values (text or numbers) come out as the same typed row, or as
 * errors naming the field. Checks that need other rows (references) are in mapping.ts.
 */
import { z } from 'zod';
import { HSDS_TABLES, type FieldDef, type HsdsTableName } from './tables';

export type ParsedRow = Record<string, string | number | undefined>;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  const m = isoDatePattern.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const isDateTime = (value: string) => isoDateTimePattern.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

function fieldSchema(field: FieldDef) {
  const present = (schema: z.ZodType) =>
    z.preprocess((v) => (v === '' || v === null ? undefined : v), field.required ? schema : schema.optional()) as z.ZodType;
  switch (field.type) {
    case 'string':
      return present(text.pipe(z.string().max(20_000, 'longer than 20,000 characters')));
    case 'number':
      return present(z.coerce.number({ message: 'must be a number' }).refine(Number.isFinite, 'must be a number'));
    case 'integer':
      return present(z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number'));
    case 'date':
      return present(text.refine(isCalendarDate, 'must be a date as YYYY-MM-DD'));
    case 'datetime':
      return present(text.refine(isDateTime, 'must be a date and time in ISO 8601, e.g. 2026-11-23T09:30:00Z'));
  }
}

const SCHEMAS = Object.fromEntries(
  Object.entries(HSDS_TABLES).map(([table, fields]) => [
    table,
    z.object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)]))),
  ]),
) as unknown as Record<HsdsTableName, z.ZodType<ParsedRow>>;

export interface FieldProblem {
  field: string;
  message: string;
}

const REQUIRED_MESSAGE = 'is required';

/** The typed row, or every problem of it (unknown fields are ignored, as HSDS allows extra fields). */
export function parseRow(table: HsdsTableName, values: Record<string, unknown>): { row: ParsedRow } | { problems: FieldProblem[] } {
  const result = SCHEMAS[table].safeParse(values);
  if (result.success) return { row: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const missing = values[field] === undefined || values[field] === null || values[field] === '';
      return { field, message: missing ? REQUIRED_MESSAGE : issue.message };
    }),
  };
}
