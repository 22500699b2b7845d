import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { accountViewFor } from '@/lib/accountview-connection';
import { saveFlowSettings, setFlowState } from '@/lib/db/queries/flow-settings';
import { syncRecords, syncRuns } from '@/lib/db/schema';
import { createRunner, type AnyHandler, type EventName, type Runner } from '@/lib/engine';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../helpers/databases';
import { startAccountViewSimulator, type AccountViewSimulator, type SimCompany } from '../simulators/accountview';
import { startTestSimulator, type BigCommerceSimulator } from '../simulators/bigcommerce';
import { avClientFor, installConnectedStore, pointAppAt } from '../helpers/connected-store';
import { useDatabase } from '@/lib/db/client';

export const BENCH_STORE = 'abc123def';
const AV_CLIENT = { clientId: 'bench-av-client', clientSecret: 'bench-av-secret' };
// Nothing listens here: the AccountView consent is completed in-process, the URL only has to match.
const ORIGIN = 'http://127.0.0.1:9';

/**
 * A store as a merchant has it: the app installed on BigCommerce (simulator, Standard-plan quota of
 * 150 requests per 30 s), connected to an AccountView administration (simulator, with `company` in
 * it), a real database (Postgres when DATABASE_URL is set, PGlite otherwise) and the in-process runner
 * running only the handlers a benchmark gives it. Flows run as the engine runs them: an event, the
 * real handler, the run log in the database.
 */
export interface BenchWorld {
  database: TestDatabase;
  bc: BigCommerceSimulator;
  av: AccountViewSimulator;
  /** Switches a flow on with these settings (validated by the flow's own schema). */
  enable(flow: 'products' | 'stock' | 'customers', schema: z.ZodType, settings: unknown): Promise<void>;
  /** Sends the event and waits until the runner is idle; the run's state and summary from the run log. */
  run(event: EventName): Promise<{ state: string; summary: string | null; error: string | null; attempts: number; failures: string[] }>;
  /** What the runner warned about or reported as errors (a retried or lost run), oldest first. */
  engineProblems: string[];
  /** The store's REST API requests in the simulator's own log from index `from` on. */
  storeRequests(from?: number): BigCommerceSimulator['requests'];
  close(): Promise<void>;
}

export async function startBenchWorld(options: { company: SimCompany; handlers: readonly AnyHandler[] }): Promise<BenchWorld> {
  const [database, bc] = await Promise.all([
    openTestDatabase(testDatabaseKinds().includes('postgres') ? 'postgres' : 'pglite'),
    // Default quota: the Standard plan's 150 requests per 30 s.
    startTestSimulator({}),
  ]);
  const av = await startAccountViewSimulator({ clients: [avClientFor(AV_CLIENT, ORIGIN)] });
  av.state.companies.push(options.company);

  pointAppAt(ORIGIN, bc, av, AV_CLIENT, database);
  const store = BENCH_STORE;
  await installConnectedStore({
    bc, av, database, origin: ORIGIN, client: AV_CLIENT, store, company: options.company.code,
    scope: 'store_v2_products store_v2_customers store_inventory', ownerEmail: 'eigenaar@groothandel.nl',
  });
  await accountViewFor(store);

  const engineProblems: string[] = [];
  const note = (level: string) => (meta: object, message: string) => {
    const err = (meta as { err?: unknown }).err;
    engineProblems.push(`${level}: ${message}${err instanceof Error ? ` (${err.name}: ${err.message})` : ''}`);
  };
  const logger = { info: () => {}, warn: note('warn'), error: note('error') };
  // Without their schedules: a tick during a long run would queue a second run behind the measured one.
  const handlers = options.handlers.map((handler) => ({ ...handler, schedule: undefined }));
  const runner: Runner = createRunner({ database, handlers, listStores: async () => [store], pollMs: 50, logger });
  runner.start();

  return {
    database,
    bc,
    av,
    engineProblems,
    async enable(flow, schema, settings) {
      const saved = await saveFlowSettings(database.db, store, flow, schema, settings);
      if (!saved.ok) throw new Error(`${flow} settings refused: ${JSON.stringify(saved.problems)}`);
      await setFlowState(database.db, store, flow, { enabled: true });
    },
    async run(event) {
      const before = new Set((await database.db.select({ id: syncRuns.id }).from(syncRuns).where(eq(syncRuns.storeHash, store))).map((r) => r.id));
      await runner.send({ name: event, data: { storeHash: store } } as never);
      await runner.drain();
      const runs = await database.db.select().from(syncRuns).where(and(eq(syncRuns.storeHash, store)));
      const mine = runs.filter((r) => !before.has(r.id));
      if (mine.length !== 1) throw new Error(`expected one run for ${event}, found ${mine.length}`);
      const run = mine[0]!;
      // A partial run's refused records, so a benchmark that measured one can say why.
      const failures = await database.db
        .select({ sourceId: syncRecords.sourceId, message: syncRecords.message })
        .from(syncRecords)
        .where(and(eq(syncRecords.storeHash, store), eq(syncRecords.runId, run.id), eq(syncRecords.outcome, 'failed')))
        .limit(20);
      return { state: run.state, summary: run.summary, error: run.error, attempts: run.attempts, failures: failures.map((f) => `${f.sourceId}: ${f.message ?? ''}`) };
    },
    storeRequests: (from = 0) => bc.requests.slice(from).filter((r) => r.path.startsWith(`/stores/${store}/`)),
    async close() {
      await runner.stop();
      useDatabase(undefined);
      await Promise.all([database.dispose(), bc.stop(), av.stop()]);
    },
  };
}
