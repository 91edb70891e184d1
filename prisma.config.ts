import { defineConfig } from 'prisma/config';

// The Prisma CLI is used for `generate` only; migrations run through scripts/migrate.ts
// (see docs/decisions/0002-offline-migrations.md).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
