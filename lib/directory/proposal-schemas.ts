/**
 * The inputs of association change proposals and of the coordinator's review, besides the
 * service input itself (service-input.ts). Messages are keys of `Proposals.errors`.
 */
import { z } from 'zod';
import { formErrorKeys } from '@/lib/forms/field-errors';

export const PROPOSAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const PROPOSAL_FILTERS = ['PENDING', 'APPROVED', 'REJECTED', 'ALL'] as const;
export type ProposalFilter = (typeof PROPOSAL_FILTERS)[number];
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSALS_PER_PAGE = 25;
export const REVIEW_MESSAGE_MIN_LENGTH = 5;
export const REVIEW_MESSAGE_MAX_LENGTH = 2000;

export const proposalErrors = formErrorKeys(['nothingChanged', 'alreadyReviewed', 'messageTooShort', 'messageTooLong', 'stale', 'notInOrganization'] as const);
export type ProposalErrorKey = (typeof proposalErrors.keys)[number];

/** What the pages say after a redirect (`?klart=`). */
export const PROPOSAL_SUCCESS_KEYS = ['submitted', 'approved', 'rejected'] as const;
export type ProposalSuccessKey = (typeof PROPOSAL_SUCCESS_KEYS)[number];
export const proposalSuccessKeyOf = (value: unknown): ProposalSuccessKey | null => PROPOSAL_SUCCESS_KEYS.find((key) => key === value) ?? null;

/** Record ids are cuids; anything else is refused before it reaches a query. */
export const proposalIdSchema = z.string().regex(/^[a-z0-9]{20,32}$/);
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const rejectionSchema = z.object({
  message: z
    .string({ error: 'messageTooShort' })
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(REVIEW_MESSAGE_MIN_LENGTH, { error: 'messageTooShort' })
        .max(REVIEW_MESSAGE_MAX_LENGTH, { error: 'messageTooLong' }),
    ),
});

/** The queue's query string: forgiving, since people edit URLs by hand. */
export const proposalListSchema = z.object({
  status: z.enum(PROPOSAL_FILTERS).catch('PENDING'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
