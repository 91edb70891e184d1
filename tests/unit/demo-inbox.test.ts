import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';
import { isDemoInboxEnabled, listDemoInbox } from '@/lib/mail/demo-inbox';

describe('the demo inbox', () => {
  it('exists in demo and development mode when a catcher runs', () => {
    expect(isDemoInboxEnabled(readEnv({ APP_MODE: 'demo', MAIL_CATCHER_API_URL: 'http://127.0.0.1:1' }))).toBe(true);
    expect(isDemoInboxEnabled(readEnv({ APP_MODE: 'development', MAIL_CATCHER_API_URL: 'http://127.0.0.1:1' }))).toBe(true);
  });

  it('never exists in production mode, even with a catcher configured', async () => {
    const production = readEnv({ APP_MODE: 'production', MAIL_CATCHER_API_URL: 'http://127.0.0.1:1' });
    expect(isDemoInboxEnabled(production)).toBe(false);
    expect(await listDemoInbox(production)).toBeNull();
    expect(await listDemoInbox(readEnv({ APP_MODE: 'demo' }))).toBeNull();
  });
});
