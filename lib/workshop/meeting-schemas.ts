/**
 * The inputs of the meeting pages (/admin/moten), one schema per boundary, used by the data
 * layer in ./meetings.ts. Messages are keys of `WorkshopMeetings.errors`; the meeting keys
 * are the same as in ./schemas.ts `workshopErrors`, so a message means the same thing there.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { stockholmDateTime } from '@/lib/news/post-schemas';
import { MEETING_OUTCOMES } from './states';
import { NOTE_MAX, TEXT_MAX, TITLE_MAX } from './schemas';

export const PLACE_MAX = 200;
export const ACTION_MAX = NOTE_MAX;

export const meetingErrors = formErrorKeys([
  'titleRequired',
  'titleTooLong',
  'textTooLong',
  'placeTooLong',
  'dateInvalid',
  'meetingKindInvalid',
  'meetingStartRequired',
  'meetingEndBeforeStart',
  'meetingClosed',
  'decisionRequired',
  'outcomeInvalid',
  'outcomeNotAllowed',
  'outcomeNeedsIssue',
  'actionNeedsIssue',
  'actionDescriptionRequired',
  'actionOwnerUnknown',
  'followUpInvalid',
  'agendaIssueUnknown',
  'agendaIssueOnAgenda',
] as const);

export type MeetingErrorKey = (typeof meetingErrors.keys)[number];

/** What a meeting form says after it worked (`?klart=` on the page it returns to). */
export const MEETING_SUCCESS_KEYS = ['scheduled', 'cancelled', 'refreshed', 'itemAdded', 'itemRemoved', 'itemMoved', 'minuteSaved', 'closed'] as const;
export type MeetingSuccessKey = (typeof MEETING_SUCCESS_KEYS)[number];

export function meetingSuccessKeyOf(value: unknown): MeetingSuccessKey | null {
  return MEETING_SUCCESS_KEYS.find((key) => key === value) ?? null;
}

/** Database ids (cuid) in forms and URLs; anything else is simply not found. */
export const meetingIdSchema = z.string({ message: 'notFound' }).regex(/^[a-z0-9]{20,32}$/, { message: 'notFound' });

const optionalText = (max: number, tooLong: MeetingErrorKey) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

/** An optional form field: absent or blank is null, anything else goes on to be checked. */
const emptyAsNull = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : null));

/** A new meeting. The end is optional; when given it comes after the start. */
export const meetingFieldsSchema = z
  .object({
    kind: z.enum(['NETWORK', 'WORKSHOP'], { message: 'meetingKindInvalid' }),
    title: z.string({ message: 'titleRequired' }).trim().min(1, 'titleRequired').max(TITLE_MAX, 'titleTooLong'),
    startsAt: z.string({ message: 'meetingStartRequired' }).trim().min(1, 'meetingStartRequired').pipe(stockholmDateTime),
    endsAt: emptyAsNull.pipe(stockholmDateTime.nullable()),
    place: optionalText(PLACE_MAX, 'placeTooLong'),
  })
  .superRefine((value, ctx) => {
    // A start or end that failed its own check is already reported; compare only real instants.
    if (value.endsAt instanceof Date && value.startsAt instanceof Date && value.endsAt.getTime() <= value.startsAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'meetingEndBeforeStart' });
    }
  });

export type MeetingFields = z.output<typeof meetingFieldsSchema>;

/** An issue added to the agenda by its number. */
export const agendaIssueSchema = z.object({
  issueNumber: z.coerce.number({ message: 'agendaIssueUnknown' }).int('agendaIssueUnknown').positive('agendaIssueUnknown').max(2_147_483_647, 'agendaIssueUnknown'),
});

/** An agenda item that is not an issue ("Övriga frågor"). */
export const agendaTopicSchema = z.object({
  title: z.string({ message: 'titleRequired' }).trim().min(1, 'titleRequired').max(TITLE_MAX, 'titleTooLong'),
});

export const moveSchema = z.object({ direction: z.enum(['up', 'down'], { message: 'invalid' }) });

/** A follow-up day, a calendar date stored as that day (UTC midnight, the column is a date). */
const followUpSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'followUpInvalid')
  .transform((value, ctx) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 2000 || year > 2100) {
      ctx.addIssue({ code: 'custom', message: 'followUpInvalid' });
      return z.NEVER;
    }
    return date;
  });

/**
 * The minutes of one agenda item. Everything empty clears the entry; an outcome or an action
 * needs a decision to go with it, and an owner or a follow-up date needs the action itself.
 */
export const minuteSchema = z
  .object({
    decision: optionalText(TEXT_MAX, 'textTooLong'),
    outcome: z
      .union([z.literal(''), z.enum(MEETING_OUTCOMES)], { message: 'outcomeInvalid' })
      .optional()
      .transform((v) => (v ? v : null)),
    actionDescription: optionalText(ACTION_MAX, 'textTooLong'),
    actionOwnerOrganizationId: z
      .string()
      .trim()
      .max(40, 'actionOwnerUnknown')
      .optional()
      .transform((v) => (v ? v : null)),
    actionFollowUp: emptyAsNull.pipe(followUpSchema.nullable()),
  })
  .superRefine((value, ctx) => {
    if (!value.decision && (value.outcome || value.actionDescription)) {
      ctx.addIssue({ code: 'custom', path: ['decision'], message: 'decisionRequired' });
    }
    if (!value.actionDescription && (value.actionOwnerOrganizationId || value.actionFollowUp)) {
      ctx.addIssue({ code: 'custom', path: ['actionDescription'], message: 'actionDescriptionRequired' });
    }
  });

export type MinuteFields = z.output<typeof minuteSchema>;
