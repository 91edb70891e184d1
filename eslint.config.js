// Flat config (eslint 9 + typescript-eslint 8). Besides the recommended TypeScript rules it
// enforces the shape of the code described in /work/shared/ENGINEERING.md:
//   - imports flow one way: app -> components -> lib; lib never imports app or components,
//     components never import app;
//   - only the data layer (lib/db, lib/**/queries.ts|mutations.ts|data.ts, lib/**/data/,
//     prisma/, scripts/, tests/) touches the Prisma client;
//   - only lib/env.ts reads process.env.
// ESLint does not merge the options of a rule across config objects (a later match replaces
// the earlier one), so each folder gets one complete no-restricted-imports list built below.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SOURCE_FILES = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'];

// Regexes on the import string; they catch the `@/` alias and relative paths alike.
const NO_APP = {
  regex: '^(@/|(\\.\\./)+)app(/|$)',
  message: 'lib/ and components/ must not import from app/ (imports flow app -> components -> lib).',
};
const NO_COMPONENTS = {
  regex: '^(@/|(\\.\\./)+)components(/|$)',
  message: 'lib/ must not import from components/ (imports flow app -> components -> lib).',
};
const NO_PRISMA = {
  regex: '(^|/)(lib/)?generated/prisma(/|$)|(^|/)db/client(\\.[jt]s)?$',
  message:
    'Only the data layer (lib/db/, lib/**/queries.ts, mutations.ts, data.ts, lib/**/data/) may use the Prisma client or its generated types; call a query or mutation, or export the type/enum you need from that data layer.',
};
// Type-only imports count too: named DTOs, not Prisma row types, cross the data-layer boundary.

const NO_ENV_IMPORT = [
  { name: 'process', importNames: ['env'], message: 'Read configuration through getEnv() from lib/env.ts.' },
  { name: 'node:process', importNames: ['env'], message: 'Read configuration through getEnv() from lib/env.ts.' },
];

const restrictImports = (...patterns) => ({
  'no-restricted-imports': ['error', { paths: NO_ENV_IMPORT, patterns }],
});

const DATA_LAYER = [
  'lib/db/**',
  'lib/**/queries.ts',
  'lib/**/mutations.ts',
  'lib/**/data.ts',
  'lib/**/data/**',
  // The directory and its search are projections of the database through and through
  // (queries, the index mapper, both engines, the outbox worker), so the whole folders are.
  'lib/directory/**',
  'lib/search/**',
  'lib/jobs/**',
  // News and its images: posts, revisions, moderation and media rows are read and written
  // together in transactions, so the folders are data layer like the directory.
  'lib/news/**',
  'lib/media/**',
  // The workshop and its notifications: every change writes the issue, its event and the
  // notifications in one transaction.
  'lib/workshop/**',
  'lib/notifications/**',
  // Backup and restore read and write every table, with plain SQL and the search rebuild.
  'lib/ops/**',
];

export default defineConfig(
  {
    ignores: [
      'lib/generated/**',
      '.next/**',
      'node_modules/**',
      '.data/**',
      'next-env.d.ts',
      'tests/.artifacts/**',
      'test-results/**',
    ],
  },
  {
    files: SOURCE_FILES,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        // Node and browser globals used across server code, scripts and tests.
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        queueMicrotask: 'readonly',
        structuredClone: 'readonly',
        crypto: 'readonly',
        performance: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        history: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // TypeScript already reports undefined names, with the real types of each environment.
      'no-undef': 'off',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only lib/env.ts reads process.env; use getEnv() (or readEnv() in tests).',
        },
      ],
      // Everywhere by default (root files such as proxy.ts and next.config.js included): no
      // Prisma outside the data layer. Folders below replace this list with their own.
      ...restrictImports(NO_PRISMA),
    },
  },
  { files: ['app/**'], rules: restrictImports(NO_PRISMA) },
  { files: ['components/**'], rules: restrictImports(NO_APP, NO_PRISMA) },
  { files: ['lib/**'], rules: restrictImports(NO_APP, NO_COMPONENTS, NO_PRISMA) },
  { files: DATA_LAYER, rules: restrictImports(NO_APP, NO_COMPONENTS) },
  { files: ['prisma/**', 'scripts/**', 'tests/**', 'bench/**'], rules: restrictImports() },
  {
    // The typed environment module is the one reader of process.env. scripts/lib/child-env.ts
    // passes the environment through to child processes with a documented inline exception.
    files: ['lib/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
