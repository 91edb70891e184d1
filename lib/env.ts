import { z } from 'zod';

/**
 * The one place that reads process.env. Everything else imports `env` (or calls
 * `readEnv` in tests with an explicit source) so configuration is typed and documented.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `demo` turns on demo-only helpers (demo accounts banner, mail catcher page). */
  APP_MODE: z.enum(['production', 'demo', 'development']).default('production'),
  /** `pglite:./.data/pglite`, `pglite:memory` or `postgresql://user@host:5432/db`. */
  DATABASE_URL: z
    .string()
    .regex(/^(pglite:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with pglite: or postgresql://')
    .default('pglite:./.data/pglite'),
  /** Tests only: a PostgreSQL server URL; each test file gets its own database on it. */
  TEST_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  /** Meilisearch; when unset the run scripts start the bundled server on a free loopback port. */
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().min(16).optional(),
  /**
   * Which engine answers searches. `auto`: Meilisearch when configured and answering, else
   * PostgreSQL. `postgres` forces the PostgreSQL full-text fallback (operators without
   * Meilisearch, tests); `meilisearch` never falls back (benchmarks).
   */
  SEARCH_ENGINE: z.enum(['auto', 'meilisearch', 'postgres']).default('auto'),
  /** Runs the background worker (search index sync, scheduled jobs) inside the web server. */
  WORKER: z.enum(['on', 'off']).default('on'),
  /**
   * The hour (Stockholm time) from which the worker's daily freshness pass mails confirmation
   * requests and stale-listing alerts: people read mail in the morning. The browser tests set
   * 0 so that they do not depend on the time of day they run at.
   */
  FRESHNESS_MAIL_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /**
   * The HTML cache of anonymous public pages in front of Next (scripts/server.ts): `off`
   * renders every request (benchmarks of rendering itself). lib/page-cache, decision 0025.
   */
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  /** Memory budget of that cache per server process, in MB. */
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
  /** Prefix for index names, so several portals (or test runs) can share one server. */
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/).default('lisa_'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL, used in links in e-mails, feeds and the QR codes of printed lists. */
  SITE_URL: z.string().url().optional(),
  /** Where the embedded database, Meilisearch data and uploads live by default. */
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Secret for keyed hashes (rate-limit keys of client addresses). Set it in production;
   * unset, each process makes a random one, which only resets rate limits on restart.
   */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /**
   * Outgoing mail server, `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://user:pass@host:465`. Unset: `npm run demo` and the e2e tests start the local
   * mail catcher and set this to it; anywhere else sending fails with MailNotConfiguredError.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/?#\s]+/, 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465')
    .optional(),
  /** The From header of every mail the portal sends. */
  MAIL_FROM: z.string().min(3).default('LISA <no-reply@lisa.example>'),
  /** Fixed SMTP port for the demo's mail catcher; unset picks a free loopback port. */
  MAIL_CATCHER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Read API of the demo's mail catcher (`GET /messages`); set by `npm run demo` for the server. */
  MAIL_CATCHER_API_URL: z.string().url().optional(),
  /**
   * Where uploaded images are kept: `local` in `${DATA_DIR}/uploads` (outside the web root),
   * `s3` in a bucket of any S3-compatible store (path-style URLs), which needs the S3_* below.
   */
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
  /** `https://s3.example.com` (no bucket in it): objects live at `${S3_ENDPOINT}/${S3_BUCKET}/${key}`. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
}).superRefine((env, ctx) => {
  if (env.MEDIA_STORAGE !== 's3') return;
  for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required when MEDIA_STORAGE is s3` });
  }
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The parsed environment of this process, read once. */
export function getEnv(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

export function siteUrl(e: Env = getEnv()): string {
  return (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
}
