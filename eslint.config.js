import nextPlugin from '@next/eslint-plugin-next';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'tests/artifacts/**', 'drizzle/**', 'next-env.d.ts', 'lib/bigcommerce/generated/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // lib/env.ts is the only reader of the environment (tests and simulators set up their own).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through env() from lib/env.ts.' }],
    },
  },
  {
    files: ['lib/env.ts', 'instrumentation.ts', 'tests/**', 'playwright.config.ts', 'vitest.config.ts', 'drizzle.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Pages and components reach the database only through lib/ query helpers scoped by store hash.
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Use the store-scoped helpers in lib/db/queries.' },
            { group: ['@/lib/db/schema', '@/lib/db/client'], message: 'Use the store-scoped helpers in lib/db/queries.' },
          ],
        },
      ],
    },
  },
);
