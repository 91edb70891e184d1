/**
 * The inputs of "Föreslå en rättelse" (the public form) and of the coordinator's queue. One
 * schema per boundary, used by the data layer; the forms take their limits from the
 * constants. Messages are keys of `Corrections.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';
import type { CorrectionStatus, CorrectionTopic } from '@/lib/generated/prisma/enums';

export const CORRECTION_TOPICS = ['OPENING_HOURS', 'CONTACT', 'ADDRESS', 'DESCRIPTION', 'NO_LONGER_EXISTS', 'OTHER'] as const satisfies readonly CorrectionTopic[];
export const CORRECTION_STATUSES = ['NEW', 'HANDLED', 'DISMISSED'] as const satisfies readonly CorrectionStatus[];
export const CORRECTION_FILTERS = ['NEW', 'HANDLED', 'DISMISSED', 'ALL'] as const;
export type CorrectionFilter = (typeof CORRECTION_FILTERS)[number];

export const MESSAGE_MIN_LENGTH = 10;
export const MESSAGE_MAX_LENGTH = 2000;
export const REPLY_MAX_LENGTH = 4000;
/** More links than this in a suggestion is what spam looks like; a person rarely needs three. */
export const MAX_LINKS = 2;
export const CORRECTIONS_PER_PAGE = 25;
/** The contact address is erased this long after the suggestion was handled. */
export const CONTACT_RETENTION_DAYS = 30;

/** The honeypot: a field people are told to leave empty and never see; bots fill it. */
export const HONEYPOT_FIELD = 'webbplats';
export const FORM_TOKEN_FIELD = 'formToken';

export const correctionErrors = formErrorKeys([
  'topicRequired',
  'messageTooShort',
  'messageTooLong',
  'tooManyLinks',
  'emailInvalid',
  'formExpired',
  'serviceNotFound',
  'alreadyHandled',
  'outcomeInvalid',
  'replyTooLong',
  'nothingToResend',
] as const);
export type CorrectionErrorKey = (typeof correctionErrors.keys)[number];

export const CORRECTION_SUCCESS_KEYS = ['handled', 'dismissed', 'handledReplied', 'dismissedReplied', 'replyFailed', 'replySent'] as const;
export type CorrectionSuccessKey = (typeof CORRECTION_SUCCESS_KEYS)[number];
export const correctionSuccessKeyOf = (value: unknown): CorrectionSuccessKey | null =>
  CORRECTION_SUCCESS_KEYS.find((key) => key === value) ?? null;

/** Web addresses in a text: with a scheme, or starting with www. */
export function countLinks(text: string): number {
  return text.match(/\bhttps?:\/\/|\bwww\.[^\s.]/gi)?.length ?? 0;
}

const oneLineBreaks = (value: string) => value.replace(/\r\n?/g, '\n').trim();

export const correctionSubmissionSchema = z.object({
  topic: z.enum(CORRECTION_TOPICS, { error: 'topicRequired' }),
  message: z
    .string({ error: 'messageTooShort' })
    .transform(oneLineBreaks)
    .pipe(
      z
        .string()
        .min(MESSAGE_MIN_LENGTH, { error: 'messageTooShort' })
        .max(MESSAGE_MAX_LENGTH, { error: 'messageTooLong' })
        .refine((text) => countLinks(text) <= MAX_LINKS, { error: 'tooManyLinks' }),
    ),
  contactEmail: z
    .string({ error: 'emailInvalid' })
    .trim()
    .transform((value) => (value === '' ? undefined : value.toLowerCase()))
    .pipe(z.email({ error: 'emailInvalid' }).max(254, { error: 'emailInvalid' }).optional())
    .optional(),
  locale: z.enum(['sv', 'en', 'ar']).catch('sv'),
});
export type CorrectionSubmission = z.output<typeof correctionSubmissionSchema>;

export const correctionDecisionSchema = z.object({
  outcome: z.enum(['HANDLED', 'DISMISSED'], { error: 'outcomeInvalid' }),
  reply: z
    .string({ error: 'replyTooLong' })
    .transform(oneLineBreaks)
    .pipe(z.string().max(REPLY_MAX_LENGTH, { error: 'replyTooLong' }))
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type CorrectionDecision = z.output<typeof correctionDecisionSchema>;

/** The queue's query string: forgiving, since people edit URLs by hand. */
export const correctionListSchema = z.object({
  status: z.enum(CORRECTION_FILTERS).catch('NEW'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Record ids are cuids; anything else is refused before it reaches a query. */
export const correctionIdSchema = z.string().regex(/^[a-z0-9]{20,32}$/);
/** A service by its id (cuid) or its slug. */
export const serviceRefSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/);
