import nodemailer, { type SMTPTransportOptions, type Transporter } from 'nodemailer';
import { z } from 'zod';
import { getEnv, type Env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';

/**
 * Outgoing mail (invitations, sign-in links, notifications) over SMTP. Every message goes
 * through sendMail; the server comes from SMTP_URL, which `npm run demo` and the e2e tests
 * point at the local mail catcher (lib/mail/catcher.ts) when it is unset.
 */
export const outgoingMailSchema = z.object({
  to: z.email(),
  // Header values: a line break would start a new header (header injection).
  subject: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/^[^\r\n]*$/, 'must be one line'),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
});

export type OutgoingMail = z.input<typeof outgoingMailSchema>;

export interface SentMail {
  /** The Message-ID header, e.g. `<…@lisa.example>`. */
  messageId: string;
}

/** SMTP_URL is unset: mail cannot leave, and silently dropping an invitation would be worse. */
export class MailNotConfiguredError extends Error {
  constructor(env: Pick<Env, 'APP_MODE'>) {
    super(
      env.APP_MODE === 'production'
        ? 'Mail is not configured: set SMTP_URL (smtp://user:pass@host:587 or smtps://user:pass@host:465).'
        : 'Mail is not configured: SMTP_URL is unset. `npm run demo` starts a local mail catcher and sets it; otherwise set SMTP_URL.',
    );
    this.name = 'MailNotConfiguredError';
  }
}

/** The server did not take the message (unreachable, timed out, refused a recipient...). */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    /** nodemailer's error code, e.g. ECONNECTION, ETIMEDOUT, EENVELOPE. */
    readonly code: string | undefined,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}

// An unreachable server must fail a request in seconds, not after nodemailer's minutes.
const TIMEOUTS = { connectionTimeout: 5000, greetingTimeout: 5000, dnsTimeout: 5000, socketTimeout: 20_000 };

/**
 * One transporter per SMTP URL, built on first use. Not pooled: each message opens its own
 * connection, so nothing stays open to leak between requests or keep a script alive, and the
 * portal sends too little mail for connection reuse to matter.
 */
const transporters = new Map<string, Transporter>();

function transporterFor(smtpUrl: string): Transporter {
  let transporter = transporters.get(smtpUrl);
  if (!transporter) {
    const options: SMTPTransportOptions = {
      url: smtpUrl,
      ...TIMEOUTS,
      // Message bodies carry sign-in links and personal data: never hand them to a logger.
      logger: false,
      debug: false,
      // Our messages have no attachments; refuse to read files or fetch URLs if one ever does.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    transporter = nodemailer.createTransport(options);
    transporters.set(smtpUrl, transporter);
  }
  return transporter;
}

/** The URL without its password, for error messages and logs. */
export function redactSmtpUrl(smtpUrl: string): string {
  return smtpUrl.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * Sends one message from MAIL_FROM. Validates it first (no connection is opened for an
 * invalid recipient), throws MailNotConfiguredError without SMTP_URL and MailDeliveryError
 * when the server does not accept it. `env` is for tests; the app uses the process's own.
 */
export async function sendMail(message: OutgoingMail, env: Env = getEnv()): Promise<SentMail> {
  const parsed = outgoingMailSchema.safeParse(message);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.')] ??= []).push(issue.message);
    const summary = Object.entries(fieldErrors).map(([field, problems]) => `${field}: ${problems.join(', ')}`);
    throw new AppError('INVALID_INPUT', `Invalid mail message (${summary.join('; ')})`, fieldErrors);
  }
  if (!env.SMTP_URL) throw new MailNotConfiguredError(env);

  const { to, subject, text, html } = parsed.data;
  try {
    const info = await transporterFor(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, to, subject, text, html });
    return { messageId: info.messageId };
  } catch (error) {
    const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MailDeliveryError(`Could not send mail through ${redactSmtpUrl(env.SMTP_URL)}: ${reason}`, code, { cause: error });
  }
}
