/**
 * Invitations: the only way to get an account. Created by someone the policy lets grant the
 * role, mailed as a single-use link that is valid for seven days, accepted once.
 */
import { createTranslator } from 'next-intl';
import { hitRateLimit } from '@/lib/auth/mutations';
import { hashToken, keyedHash } from '@/lib/auth/tokens';
import type { Actor, Role } from '@/lib/authz/actor';
import { siteUrl } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { sendMail } from '@/lib/mail/transport';
import { findSiteSettings } from '@/lib/site/queries';
import swedish from '@/messages/sv.json';
import { parseInput } from '../errors';
import { invitationAcceptanceSchema, invitationInputSchema } from '../schemas';
import { acceptInvitationByTokenHash, insertInvitation, revokeInvitation, type CreatedInvitation } from './mutations';
import { findInvitationByTokenHash, type InvitationView } from './queries';

export type { InvitationView } from './queries';
export { INVITATION_LIFETIME_MS } from './mutations';

const ACCEPT_WINDOW_MS = 15 * 60 * 1000;
const ACCEPT_LIMIT_PER_TOKEN = 10;
const ACCEPT_LIMIT_PER_CLIENT = 10;

/** randomToken(): 32 bytes, base64url. Anything else is not one of ours. */
const TOKEN_PATTERN = /^[\w-]{43}$/;

export function isWellFormedInvitationToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

export interface SentInvitation {
  invitationId: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

const expiryFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

/**
 * The invitation e-mail, in Swedish: the invitee's language is not known yet. The wording
 * lives in the message files (Invitation.mail) like every other text.
 */
function invitationMail(invitation: CreatedInvitation, siteName: string) {
  const t = createTranslator({ locale: 'sv', messages: swedish, namespace: 'Invitation.mail' });
  const url = `${siteUrl()}/inbjudan/${invitation.token}`;
  return {
    to: invitation.email,
    subject: t('subject', { organization: invitation.organizationName }),
    text: [
      t('greeting'),
      '',
      t('invited', {
        inviter: invitation.inviterName,
        organization: invitation.organizationName,
        site: siteName,
        role: t(`roles.${invitation.role}`),
      }),
      '',
      t(invitation.hasAccount ? 'actionExistingAccount' : 'actionNewAccount'),
      '',
      url,
      '',
      t('expires', { date: expiryFormat.format(invitation.expiresAt) }),
      '',
      t('ignore'),
    ].join('\n'),
  };
}

/**
 * Invites `email` into an organisation with a role, and mails the link. When the mail
 * cannot be sent the invitation is withdrawn again and the mail error is thrown, so the
 * inviter learns it did not go out and nothing usable is left behind.
 */
export async function createInvitation(actor: Actor, input: unknown): Promise<SentInvitation> {
  const parsed = parseInput(invitationInputSchema, input);
  const created = await insertInvitation(actor, parsed);
  const site = await findSiteSettings();
  try {
    await sendMail(invitationMail(created, site?.shortName ?? 'LISA'));
  } catch (error) {
    await revokeInvitation(actor, created.invitationId);
    throw error;
  }
  return { invitationId: created.invitationId, email: created.email, role: created.role, expiresAt: created.expiresAt };
}

/** What the accept page shows, or null for a token that is malformed or unknown. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationView | null> {
  if (!isWellFormedInvitationToken(token)) return null;
  return findInvitationByTokenHash(hashToken(token), now);
}

async function limit(key: string, max: number): Promise<void> {
  const { allowed } = await hitRateLimit(key, max, ACCEPT_WINDOW_MS);
  if (!allowed) throw new AppError('RATE_LIMITED', 'rateLimited');
}

/**
 * Accepts an invitation with the form's name and password and returns the user id, for the
 * caller to start a session with. Attempts are limited per token and per client address, so
 * neither a leaked link nor one client can try passwords without end.
 */
export async function acceptInvitation(token: string, input: unknown, client: string): Promise<string> {
  if (!isWellFormedInvitationToken(token)) throw new AppError('NOT_FOUND', 'invitationInvalid');
  const tokenHash = hashToken(token);
  await limit(`invite:${tokenHash}`, ACCEPT_LIMIT_PER_TOKEN);
  await limit(`invite:client:${keyedHash(client)}`, ACCEPT_LIMIT_PER_CLIENT);
  const parsed = parseInput(invitationAcceptanceSchema, input);
  return acceptInvitationByTokenHash(tokenHash, parsed);
}
