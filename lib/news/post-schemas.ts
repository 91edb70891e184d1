/**
 * The inputs of the news editor (/konto/nyheter) and of moderation, one schema per boundary,
 * used by the data layer. Messages are keys of `NewsEditor.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';
import { instantOfWallClock } from '@/lib/time/zoned';
import { checkDocument, isSafeHref, type PostDocument } from './document';

export const TITLE_MAX = 160;
export const SUMMARY_MAX = 300;
export const PLACE_MAX = 200;
export const REASON_MAX = 1_000;
export const MAX_TOPICS = 5;
export const POSTS_PER_PAGE = 10;

export const postErrors = formErrorKeys([
  'titleRequired',
  'titleTooLong',
  'summaryTooLong',
  'bodyInvalid',
  'bodyTooLarge',
  'bodyTooDeep',
  'unsafeLink',
  'imageAlt',
  'imageSource',
  'tooManyImages',
  'topicUnknown',
  'eventStartRequired',
  'dateInvalid',
  'eventEndBeforeStart',
  'placeTooLong',
  'signupUrlInvalid',
  'eventServiceUnknown',
  'publishAtRequired',
  'publishAtPast',
  'reasonRequired',
  'reasonTooLong',
  'versionConflict',
  'moderated',
  'notPublishable',
] as const);
export type PostErrorKey = (typeof postErrors.keys)[number];

/** Database ids (cuid) in forms and URLs. */
export const idSchema = z.string().regex(/^[a-z0-9]{20,32}$/, { message: 'notFound' });

const BODY_PROBLEMS = {
  tooLarge: 'bodyTooLarge',
  tooDeep: 'bodyTooDeep',
  tooManyImages: 'tooManyImages',
  unsafeLink: 'unsafeLink',
  imageAlt: 'imageAlt',
  imageSource: 'imageSource',
  invalid: 'bodyInvalid',
} as const;

const bodySchema = z.unknown().transform((value, ctx): PostDocument => {
  const checked = checkDocument(value);
  if (checked.ok) return checked.document;
  ctx.addIssue({ code: 'custom', message: BODY_PROBLEMS[checked.problem] });
  return z.NEVER;
});

/**
 * A date and time as the form's datetime-local field sends it ("2026-12-24T18:00"), read as
 * Swedish wall-clock time whatever the server's zone.
 */
export const stockholmDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'dateInvalid' })
  .transform((value, ctx) => {
    const [date, time] = value.split('T') as [string, string];
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || year < 2000 || year > 2100) {
      ctx.addIssue({ code: 'custom', message: 'dateInvalid' });
      return z.NEVER;
    }
    return instantOfWallClock(year, month, day, hour, minute);
  });

const optionalText = (max: number, message: PostErrorKey) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .optional()
    .transform((v) => (v ? v : null));

/** The editor's fields. An empty string from a form counts as "not given". */
export const postFieldsSchema = z
  .object({
    title: z.string({ error: 'titleRequired' }).trim().min(1, { message: 'titleRequired' }).max(TITLE_MAX, { message: 'titleTooLong' }),
    summary: z.string().trim().max(SUMMARY_MAX, { message: 'summaryTooLong' }).default(''),
    body: bodySchema,
    topicIds: z
      .array(z.string().regex(/^[a-z0-9]{20,32}$/, { message: 'topicUnknown' }), { error: 'topicUnknown' })
      .max(MAX_TOPICS, { message: 'topicUnknown' })
      .default([]),
    isEvent: z.boolean().default(false),
    eventStart: z.string().optional(),
    eventEnd: z.string().optional(),
    eventPlace: optionalText(PLACE_MAX, 'placeTooLong'),
    eventSignupUrl: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || (isSafeHref(v) && /^https?:/i.test(v)), { message: 'signupUrlInvalid' })
      .transform((v) => (v ? v : null)),
    eventServiceId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^[a-z0-9]{20,32}$/.test(v), { message: 'eventServiceUnknown' }),
  })
  .transform((fields, ctx) => {
    if (!fields.isEvent) return { ...fields, topicIds: [...new Set(fields.topicIds)], event: null };
    const start = fields.eventStart ? stockholmDateTime.safeParse(fields.eventStart) : null;
    const end = fields.eventEnd ? stockholmDateTime.safeParse(fields.eventEnd) : null;
    if (!start) ctx.addIssue({ code: 'custom', path: ['eventStart'], message: 'eventStartRequired' });
    else if (!start.success) ctx.addIssue({ code: 'custom', path: ['eventStart'], message: 'dateInvalid' });
    if (end && !end.success) ctx.addIssue({ code: 'custom', path: ['eventEnd'], message: 'dateInvalid' });
    if (start?.success && end?.success && end.data <= start.data) {
      ctx.addIssue({ code: 'custom', path: ['eventEnd'], message: 'eventEndBeforeStart' });
    }
    if (!start?.success || (end && !end.success)) return z.NEVER;
    return {
      ...fields,
      topicIds: [...new Set(fields.topicIds)],
      event: {
        startsAt: start.data,
        endsAt: end?.success ? end.data : null,
        place: fields.eventPlace,
        signupUrl: fields.eventSignupUrl,
        serviceId: fields.eventServiceId,
      },
    };
  });
export type PostFields = z.output<typeof postFieldsSchema>;

export const versionSchema = z.coerce.number({ error: 'versionConflict' }).int().min(1, { message: 'versionConflict' });

export const POST_INTENTS = ['save', 'publish', 'schedule', 'submit', 'unschedule'] as const;
export type PostIntent = (typeof POST_INTENTS)[number];
export const intentSchema = z.enum(POST_INTENTS, { error: 'invalid' });

export const publishAtSchema = z
  .string({ error: 'publishAtRequired' })
  .trim()
  .min(1, { message: 'publishAtRequired' })
  .pipe(stockholmDateTime);

export const moderationReasonSchema = z
  .string({ error: 'reasonRequired' })
  .trim()
  .min(5, { message: 'reasonRequired' })
  .max(REASON_MAX, { message: 'reasonTooLong' });

export const postListSchema = z.object({
  organization: z.string().trim().max(100).regex(/^[a-z0-9-]*$/).optional().catch(undefined),
  topic: z.string().trim().max(100).regex(/^[a-z0-9-]*$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type PostListInput = z.output<typeof postListSchema>;

export const publishingModeSchema = z.enum(['MEMBERS_PUBLISH', 'ADMIN_APPROVES'], { error: 'invalid' });

export const POST_SUCCESS_KEYS = ['saved', 'published', 'scheduled', 'submitted', 'unscheduled', 'unpublished', 'restored', 'moderated', 'lifted', 'settingsSaved'] as const;
export type PostSuccessKey = (typeof POST_SUCCESS_KEYS)[number];
/** The ?klart= of a page after a redirect, if it is one of ours. */
export const successKeyOf = (value: unknown): PostSuccessKey | null =>
  POST_SUCCESS_KEYS.find((key) => key === value) ?? null;
