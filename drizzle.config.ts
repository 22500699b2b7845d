import { defineConfig } from 'drizzle-kit';

// Generates SQL only (`npm run db:generate`); migrations are applied by lib/db on start or `npm run db:migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './drizzle',
});
