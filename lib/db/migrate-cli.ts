import { openDatabase } from './client';
import { env } from '@/lib/env';

// `npm run db:migrate`: brings DATABASE_URL (or the local PGlite) up to date, then exits.
const e = env();
const database = await openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: e.DATA_DIR });
console.log(`migrations applied (${database.kind})`);
await database.close();
