import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';
import { MailNotConfiguredError, redactSmtpUrl } from '@/lib/mail/transport';

describe('mail settings in readEnv', () => {
  it('leaves SMTP_URL unset and sends from LISA by default', () => {
    const env = readEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe('LISA <no-reply@lisa.example>');
    expect(env.MAIL_CATCHER_PORT).toBeUndefined();
    expect(env.MAIL_CATCHER_API_URL).toBeUndefined();
  });

  it('accepts smtp:// and smtps:// URLs, with or without credentials', () => {
    expect(readEnv({ SMTP_URL: 'smtp://user:pass@mail.example:587' }).SMTP_URL).toBe('smtp://user:pass@mail.example:587');
    expect(readEnv({ SMTP_URL: 'smtps://mail.example' }).SMTP_URL).toBe('smtps://mail.example');
  });

  it('refuses another scheme with a message that names SMTP_URL', () => {
    expect(() => readEnv({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL: SMTP_URL must look like smtp:\/\//);
  });

  it('coerces the catcher port and refuses one out of range', () => {
    expect(readEnv({ MAIL_CATCHER_PORT: '2525' }).MAIL_CATCHER_PORT).toBe(2525);
    expect(() => readEnv({ MAIL_CATCHER_PORT: '70000' })).toThrow(/MAIL_CATCHER_PORT/);
  });
});

describe('MailNotConfiguredError', () => {
  it('tells production to set SMTP_URL', () => {
    expect(new MailNotConfiguredError({ APP_MODE: 'production' }).message).toBe(
      'Mail is not configured: set SMTP_URL (smtp://user:pass@host:587 or smtps://user:pass@host:465).',
    );
  });

  it('points demo and development at the mail catcher of npm run demo', () => {
    expect(new MailNotConfiguredError({ APP_MODE: 'development' }).message).toMatch(/`npm run demo` starts a local mail catcher/);
  });
});

describe('redactSmtpUrl', () => {
  it('hides the credentials and keeps the server', () => {
    expect(redactSmtpUrl('smtps://portal:s3cret@mail.example:465')).toBe('smtps://***@mail.example:465');
    expect(redactSmtpUrl('smtp://127.0.0.1:2525')).toBe('smtp://127.0.0.1:2525');
  });
});
