import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // The app's env() must never fall back to generating secrets under .data/ while tests run.
    env: {
      NODE_ENV: 'test',
      DATA_DIR: path.join(tmpdir(), 'avbc-vitest'),
      BIGCOMMERCE_CLIENT_ID: 'test-client-id',
      BIGCOMMERCE_CLIENT_SECRET: 'test-client-secret',
      ACCOUNTVIEW_CLIENT_ID: 'test-av-client-id',
      ACCOUNTVIEW_CLIENT_SECRET: 'test-av-client-secret',
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      NEXTAUTH_SECRET: 'test-nextauth-secret-0123456789',
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: a database per file is cheap, but more workers than cores only adds waiting.
    maxWorkers: 2,
  },
});
