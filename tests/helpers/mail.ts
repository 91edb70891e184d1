/**
 * A real SMTP mail catcher for one test file, with SMTP_URL pointing at it:
 *
 *   const mail = useMailCatcher();   // before useTestDatabase(): getEnv caches the environment
 *   ... mail().messages() ...
 */
import { afterAll, beforeAll, vi } from 'vitest';
import { startMailCatcher, type MailCatcher } from '@/lib/mail/catcher';

export function useMailCatcher(): () => MailCatcher {
  let catcher: MailCatcher | undefined;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    vi.stubEnv('SMTP_URL', catcher.url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await catcher?.stop();
  });
  return () => {
    if (!catcher) throw new Error('The mail catcher runs only inside tests and hooks.');
    return catcher;
  };
}
