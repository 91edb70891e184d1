import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from '@/lib/db/schema-diff';

describe('prisma/schema.prisma', () => {
  it('is fully described by the committed migrations (no migration missing)', async () => {
    expect(await diffMigrationsToSchema()).toBe('');
  }, 120_000);

  it('would produce a migration for a schema change', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = readFileSync('prisma/schema.prisma', 'utf8').replace(
      'model SiteSetting {',
      'model SiteSetting {\n  tagline String?',
    );
    expect(await diffMigrationsToSchema(schema)).toMatch(/ALTER TABLE "SiteSetting" ADD COLUMN\s+"tagline" TEXT/);
  }, 120_000);
});
