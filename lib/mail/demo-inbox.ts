import { getEnv, type Env } from '@/lib/env';
import { readCaughtMail, type CaughtMail } from './caught-mail';

/** Whether this server shows the caught demo mail: never in production mode. */
export function isDemoInboxEnabled(env: Env = getEnv()): boolean {
  return env.APP_MODE !== 'production' && env.MAIL_CATCHER_API_URL !== undefined;
}

/**
 * The mail the local catcher received, newest first, for the demo's inbox page; null where
 * the page must not exist (production mode, or no catcher).
 */
export async function listDemoInbox(env: Env = getEnv()): Promise<CaughtMail[] | null> {
  if (!isDemoInboxEnabled(env) || !env.MAIL_CATCHER_API_URL) return null;
  return readCaughtMail(env.MAIL_CATCHER_API_URL);
}
