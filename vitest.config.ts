import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '@': root.replace(/\/$/, '') };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/unit.ts'],
          // Integration files boot PGlite (or create a PostgreSQL database) per file.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds the app when needed, then serves it with its own database and Meilisearch.
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One server, one browser at a time: the files share the server, and 2 cores are few.
          fileParallelism: false,
          testTimeout: 60_000,
          // A cold `next build` takes 1-2 minutes on these machines; beforeAll launches Chromium.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
