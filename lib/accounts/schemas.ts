/**
 * The inputs of every accounts boundary, one schema each. The data layer parses with them
 * (so a server action, a test and any future API are held to the same rules), and the forms
 * take their limits from the constants here. Messages are keys of `Account.errors`.
 */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import type { Role } from '@/lib/authz/actor';
import { routing } from '@/i18n/routing';

export const ROLES = ['MEMBER', 'ASSOCIATION_ADMIN', 'OFFICIAL', 'COORDINATOR'] as const satisfies readonly Role[];
export const NOTIFICATION_MODES = ['IMMEDIATE', 'DAILY_DIGEST'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
export const SEARCH_MAX_LENGTH = 100;
export const USERS_PER_PAGE = 50;

/** Record ids are cuids; anything else is refused before it reaches a query. */
const recordId = z
  .string({ error: 'invalid' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'invalid' });

const personName = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(NAME_MAX_LENGTH, { error: 'tooLong' })
  // Control characters (line breaks included) have no place in a name shown in lists and e-mails.
  .regex(/^[^\p{Cc}]*$/u, { error: 'invalid' });

const email = z
  .string({ error: 'required' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'required' })
  .max(EMAIL_MAX_LENGTH, { error: 'invalidEmail' })
  .pipe(z.email({ error: 'invalidEmail' }));

const role = z.enum(ROLES, { error: 'invalid' });

/** A new password before the policy check (checkNewPassword) that needs the person's name too. */
const newPassword = z
  .string({ error: 'required' })
  .min(1, { error: 'required' })
  .max(MAX_PASSWORD_LENGTH, { error: 'passwordTooLong' });

/** Fields a form may leave out (FormData has no entry for them) count as empty. */
const optionalText = (max: number) => z.string({ error: 'invalid' }).max(max, { error: 'tooLong' }).default('');

export const invitationInputSchema = z.object({
  email,
  organizationId: recordId,
  role,
});
export type InvitationInput = z.output<typeof invitationInputSchema>;

/**
 * What the accept form sends. Which fields are required depends on the invitation (a new
 * account needs a name and a new password; an existing one its current password), so the
 * data layer checks presence once it knows.
 */
export const invitationAcceptanceSchema = z.object({
  name: optionalText(NAME_MAX_LENGTH).pipe(z.string().trim().regex(/^[^\p{Cc}]*$/u, { error: 'invalid' })),
  password: optionalText(MAX_PASSWORD_LENGTH),
  passwordConfirm: optionalText(MAX_PASSWORD_LENGTH),
});
export type InvitationAcceptance = z.output<typeof invitationAcceptanceSchema>;

export const profileSchema = z.object({ name: personName });
export type ProfileInput = z.output<typeof profileSchema>;

export const preferencesSchema = z.object({
  notificationMode: z.enum(NOTIFICATION_MODES, { error: 'invalid' }),
  locale: z.enum(routing.locales, { error: 'invalid' }),
});
export type PreferencesInput = z.output<typeof preferencesSchema>;

export const passwordChangeSchema = z.object({
  /** Empty for an account that has no password yet (link-only sign-in). */
  currentPassword: optionalText(MAX_PASSWORD_LENGTH),
  newPassword,
  newPasswordConfirm: optionalText(MAX_PASSWORD_LENGTH),
});
export type PasswordChangeInput = z.output<typeof passwordChangeSchema>;

export const accountDeletionSchema = z.object({
  confirmEmail: z
    .string({ error: 'required' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'required' })
    .max(EMAIL_MAX_LENGTH, { error: 'emailMismatch' }),
});
export type AccountDeletionInput = z.output<typeof accountDeletionSchema>;

export const roleChangeSchema = z.object({ membershipId: recordId, role });
export type RoleChangeInput = z.output<typeof roleChangeSchema>;

export const membershipRemovalSchema = z.object({ membershipId: recordId });
export type MembershipRemovalInput = z.output<typeof membershipRemovalSchema>;

export const userDisableSchema = z.object({
  userId: recordId,
  // A boolean from code, "true"/"false" from a form.
  disabled: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], { error: 'invalid' }),
});
export type UserDisableInput = z.output<typeof userDisableSchema>;

/** The query string of the user list: forgiving, since people edit URLs by hand. */
export const userListSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  q: z
    .string()
    .transform((value) => value.trim().slice(0, SEARCH_MAX_LENGTH))
    .catch(''),
});
export type UserListInput = z.output<typeof userListSchema>;
