import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import direction (shared/STYLE.md): domain imports nothing outside itself; app imports domain;
// adapters import app, domain and contracts but never each other; web imports only contracts.
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const group = (names, message) => ({ group: names, message });

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'web/dist',
      'data',
      'src/adapters/db/migrations',
      '.tmp',
      '.scratch',
      'bench/out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: restrict([
      group(
        ['**/app/**', '**/adapters/**', '**/contracts/**', '**/web/**'],
        'The domain is pure: it imports nothing outside src/domain.',
      ),
      group(
        ['node:*', 'fs', 'path', 'pg', 'drizzle-orm*', 'fastify*', '@electric-sql/*'],
        'The domain does no I/O.',
      ),
    ]),
  },
  {
    // Tests of the domain may read reference files (shared/data), but still not reach the outer layers.
    files: ['src/domain/**/*.test.ts'],
    rules: restrict([
      group(
        ['**/app/**', '**/adapters/**', '**/contracts/**', '**/web/**'],
        'The domain is pure: it imports nothing outside src/domain.',
      ),
    ]),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict([
      group(['**/adapters/**', '**/web/**'], 'Use cases reach adapters through src/app/ports.ts only.'),
    ]),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: restrict([
      group(['**/app/**', '**/adapters/**', '**/web/**'], 'Contracts are shared with the web app: Zod only.'),
    ]),
  },
  {
    files: ['src/adapters/db/**/*.ts'],
    rules: restrict([
      group(['**/adapters/http/**', '**/adapters/cli/**'], 'Adapters never import each other.'),
    ]),
  },
  {
    files: ['src/adapters/http/**/*.ts'],
    rules: restrict([
      group(
        ['**/adapters/db/**', '**/adapters/cli/**'],
        'Adapters never import each other; compose them in src/main.ts.',
      ),
    ]),
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: restrict([
      group(
        ['**/src/domain/**', '**/src/app/**', '**/src/adapters/**'],
        'The web app imports only src/contracts.',
      ),
    ]),
  },
);
