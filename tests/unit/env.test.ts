import { describe, expect, it } from 'vitest';
import { readEnv, siteUrl } from '@/lib/env';

describe('readEnv', () => {
  it('gives working defaults for an empty environment', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      APP_MODE: 'production',
      DATABASE_URL: 'pglite:./.data/pglite',
      MEILI_INDEX_PREFIX: 'lisa_',
      PORT: 3000,
      DATA_DIR: '.data',
      LOG_LEVEL: 'info',
    });
    expect(env.MEILI_HOST).toBeUndefined();
    expect(env.TEST_DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(readEnv({ DATABASE_URL: '', PORT: '' })).toMatchObject({ DATABASE_URL: 'pglite:./.data/pglite', PORT: 3000 });
  });

  it('accepts PGlite and PostgreSQL URLs', () => {
    expect(readEnv({ DATABASE_URL: 'pglite:memory' }).DATABASE_URL).toBe('pglite:memory');
    expect(readEnv({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/lisa' }).DATABASE_URL).toBe(
      'postgresql://postgres@127.0.0.1:5432/lisa',
    );
  });

  it('coerces the port to a number', () => {
    expect(readEnv({ PORT: '3456' }).PORT).toBe(3456);
  });

  it('refuses a DATABASE_URL of another kind with a message that names the variable', () => {
    expect(() => readEnv({ DATABASE_URL: 'mysql://root@localhost/lisa' })).toThrow(
      /Invalid environment: DATABASE_URL: DATABASE_URL must start with pglite: or postgresql:\/\//,
    );
  });

  it('refuses a short Meilisearch master key', () => {
    expect(() => readEnv({ MEILI_MASTER_KEY: 'short' })).toThrow(/MEILI_MASTER_KEY/);
  });

  it('lists every problem at once', () => {
    expect(() => readEnv({ PORT: 'x', APP_MODE: 'staging' })).toThrow(/APP_MODE.*PORT|PORT.*APP_MODE/);
  });
});

describe('siteUrl', () => {
  it('falls back to localhost on the configured port', () => {
    expect(siteUrl(readEnv({ PORT: '3456' }))).toBe('http://localhost:3456');
  });

  it('drops a trailing slash from SITE_URL', () => {
    expect(siteUrl(readEnv({ SITE_URL: 'https://lisa.example.se/' }))).toBe('https://lisa.example.se');
  });
});
