/**
 * The app's runner in a process of its own, for tests that kill it: it opens the database named by
 * DATABASE_URL, runs every order and products handler, and says "ready" on stdout once claiming.
 * Run with tsx; everything it needs comes from the environment the test hands it.
 */
import { openDatabase, useDatabase } from '@/lib/db/client';
import { createRunner } from '@/lib/engine';
import { orderHandlers } from '@/lib/flows/orders/handlers';
import { productHandlers } from '@/lib/flows/products/handlers';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const database = await openDatabase({ url });
useDatabase(database);
const runner = createRunner({
  database,
  handlers: [...orderHandlers, ...productHandlers],
  listStores: async () => [],
  pollMs: 20,
  leaseMs: Number(process.env.RUNNER_LEASE_MS ?? 60_000),
  backoffMs: () => 50,
});
runner.start();
process.stdout.write('ready\n');
