import { customerFlowSettings, customerHandlers } from '@/lib/flows/customers';
import { largeAdministration } from '../simulators/accountview/seed/large-administration';
import { minBigCommerceCalls } from './min-calls';
import { callBreakdown, type Benchmark } from './report';
import { BENCH_STORE, startBenchWorld } from './world';

const DEBTORS = Number(process.env.BENCH_DEBTORS ?? 5_000);

/** The first customers run of a large administration: every debtor with an e-mail address becomes a customer. */
export const customersSync: Benchmark = {
  name: 'customers.sync',
  async run(sampleRss) {
    const company = largeAdministration({ articles: 0, debtors: DEBTORS });
    const world = await startBenchWorld({ company, handlers: customerHandlers });
    try {
      const data = world.bc.state.stores[BENCH_STORE]?.data;
      if (!data) throw new Error(`The simulator has no store ${BENCH_STORE}`);
      await world.enable('customers', customerFlowSettings, {});
      const before = new Map(data.customers.map((c) => [c.id, c.date_modified]));
      const mark = world.bc.requests.length;
      const started = performance.now();
      const run = await world.run('accountview/customers.sync-requested');
      const wallS = (performance.now() - started) / 1000;
      sampleRss();
      if (run.state !== 'success') throw new Error(`customers run ended ${run.state}: ${run.error ?? run.summary}`);
      const requests = world.storeRequests(mark);
      process.stdout.write(`  ${run.summary ?? ''}\n  calls: ${callBreakdown(requests)}\n`);
      const created = data.customers.filter((c) => !before.has(c.id)).length;
      const updated = data.customers.filter((c) => before.has(c.id) && before.get(c.id) !== c.date_modified).length;
      return {
        debtors: company.tables.CONTACT?.length ?? 0,
        bigcommerce_calls: requests.length,
        min_bigcommerce_calls: minBigCommerceCalls({ kind: 'customers', existingCustomers: before.size, created, updated }),
        wall_s: Math.round(wallS * 10) / 10,
      };
    } finally {
      await world.close();
    }
  },
};
