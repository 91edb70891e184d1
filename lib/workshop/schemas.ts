/**
 * The inputs of the workshop's forms, one schema per boundary, used by the data layer.
 * Messages are keys of `Workshop.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { instantOfWallClock } from '@/lib/time/zoned';
import { MEETING_OUTCOMES } from './states';

export const TITLE_MAX = 160;
export const TEXT_MAX = 10_000;
export const NOTE_MAX = 4_000;
export const ISSUES_PER_PAGE = 20;

export const workshopErrors = formErrorKeys([
  'titleRequired',
  'titleTooLong',
  'descriptionRequired',
  'textTooLong',
  'concernsRequired',
  'municipalityRequired',
  'municipalityUnknown',
  'categoryUnknown',
  'confirmRequired',
  'personalNumber',
  'noteRequired',
  'bodyRequired',
  'respondersRequired',
  'responderUnknown',
  'assigneeNotOfficial',
  'dueInvalid',
  'duePast',
  'visibilityInvalid',
  'duplicateOfUnknown',
  'duplicateOfSelf',
  'referredToRequired',
  'wrongState',
  'notResponder',
  'versionConflict',
  'meetingKindInvalid',
  'meetingStartRequired',
  'meetingEndBeforeStart',
  'meetingClosed',
  'outcomeInvalid',
  'actionOwnerUnknown',
  'followUpInvalid',
  'agendaIssueUnknown',
  'noAssociation',
] as const);

export type WorkshopErrorKey = (typeof workshopErrors.keys)[number];

const trimmed = (max: number, required: WorkshopErrorKey, tooLong: WorkshopErrorKey = 'textTooLong') =>
  z.string({ message: required }).trim().min(1, required).max(max, tooLong);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'textTooLong')
    .optional()
    .transform((v) => v ?? '');
const optionalId = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => (v ? v : null));

export const issueNumberSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const versionSchema = z.coerce.number({ message: 'versionConflict' }).int().positive();

export const issueFieldsSchema = z
  .object({
    title: trimmed(TITLE_MAX, 'titleRequired', 'titleTooLong'),
    description: trimmed(TEXT_MAX, 'descriptionRequired'),
    desiredOutcome: optionalText(TEXT_MAX),
    categoryId: optionalId,
    concerns: z.enum(['REGION', 'MUNICIPALITY', 'BOTH'], { message: 'concernsRequired' }),
    municipalityId: optionalId,
    confirmedNoPersonalData: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.concerns !== 'REGION' && !value.municipalityId) {
      ctx.addIssue({ code: 'custom', path: ['municipalityId'], message: 'municipalityRequired' });
    }
  })
  .transform((value) => ({ ...value, municipalityId: value.concerns === 'REGION' ? null : value.municipalityId }));

export type IssueFields = z.output<typeof issueFieldsSchema>;

export const noteSchema = z.object({ note: trimmed(NOTE_MAX, 'noteRequired') });
export const optionalNoteSchema = z.object({ note: optionalText(NOTE_MAX) });
export const bodySchema = z.object({ body: trimmed(TEXT_MAX, 'bodyRequired') });

/** A due date is a Stockholm calendar day (empty: none given); the issue is due at the end of it. */
const dueDateSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (!match || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      ctx.addIssue({ code: 'custom', message: 'dueInvalid' });
      return z.NEVER;
    }
    return instantOfWallClock(year, month, day, 23, 59);
  });

export const triageSchema = z.object({
  categoryId: optionalId,
  visibility: z.enum(['RESTRICTED', 'NETWORK', 'PUBLIC'], { message: 'visibilityInvalid' }),
  responderOrganizationIds: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  assigneeUserIds: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  dueDate: dueDateSchema,
  version: versionSchema,
});

export const duplicateSchema = z.object({ duplicateOfNumber: issueNumberSchema, note: optionalText(NOTE_MAX) });
export const referSchema = z.object({ referredTo: trimmed(300, 'referredToRequired'), note: optionalText(NOTE_MAX) });
export const reassignSchema = z.object({ assigneeUserIds: z.array(z.string().trim().min(1).max(40)).max(50).default([]) });
export const outcomeSchema = z.object({ outcome: z.enum(MEETING_OUTCOMES, { message: 'outcomeInvalid' }), note: optionalText(NOTE_MAX) });
