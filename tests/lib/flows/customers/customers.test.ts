import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceCheckpoint, readCheckpoint } from '@/lib/db/queries/checkpoints';
import { createIdMap } from '@/lib/db/queries/id-map';
import { CUSTOMERS_CHECKPOINT, customerFlowSettings, mapDebtor, splitName, syncCustomers, type CustomersContext, type CustomerSummary } from '@/lib/flows/customers';
import { memoryLog, memoryStep, type MemoryLog } from '@/tests/lib/flows/orders/fakes';
import { FVR, NL_STORE, startWorld, type World } from '@/tests/lib/flows/orders/harness';

/**
 * The customers flow against both simulators over real HTTP and a real database: debtors changed since
 * the checkpoint become BigCommerce customers by e-mail; what did not change costs no write.
 */

let world: World;
let runs = 0;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world.close();
});

function context(log: MemoryLog = memoryLog()): CustomersContext & { log: MemoryLog } {
  runs += 1;
  return {
    storeHash: NL_STORE,
    runId: `customers-${runs}`,
    trigger: 'manual',
    step: memoryStep(),
    log,
    bigcommerce: world.bigcommerce(NL_STORE),
    accountview: world.accountview(FVR),
    settings: customerFlowSettings.parse({}),
    idMap: createIdMap(world.database.db, NL_STORE, world.database.lock),
    now: () => new Date(),
  };
}

const customers = () => world.bc.state.stores[NL_STORE]?.data.customers ?? [];
const customerByEmail = (email: string) => customers().find((c) => c.email.toLowerCase() === email.toLowerCase());
const debtors = () => world.rows(FVR, 'CONTACT');
const trim = (v: unknown) => String(v ?? '').trim();

/** One run as the handler does it: from the stored checkpoint (none: every debtor), then moving it on. */
async function run(ctx = context(), options: { full?: boolean } = {}): Promise<CustomerSummary & { calls: { method: string; path: string }[] }> {
  const before = world.bc.requests.length;
  const since = options.full ? undefined : await readCheckpoint(world.database.db, NL_STORE, CUSTOMERS_CHECKPOINT);
  const summary = await syncCustomers(ctx, since ? { since } : {});
  await advanceCheckpoint(world.database.db, NL_STORE, CUSTOMERS_CHECKPOINT, new Date(summary.nextCheckpoint));
  const calls = world.bc.requests.slice(before).map((r) => ({ method: r.method, path: r.path.replace(`/stores/${NL_STORE}`, '') }));
  return { ...summary, calls };
}
const writes = (s: { calls: { method: string }[] }) => s.calls.filter((c) => c.method !== 'GET');

async function insertDebtor(fields: Record<string, string>): Promise<string> {
  const result = await world.accountview(FVR).insert('AR1', { fields });
  return trim(result.row?.SUB_NR);
}

describe('customers sync', () => {
  it('maps names, companies and e-mail', () => {
    expect(splitName('Jan de Vries')).toEqual({ first_name: 'Jan', last_name: 'de Vries' });
    expect(splitName('Cher')).toEqual({ first_name: 'Cher', last_name: 'Cher' });
    const settings = customerFlowSettings.parse({});
    const base = { SUB_NR: '1', ACCT_NAME: 'Fietsen BV', MAIN_CONT: 'Piet Bakker', MAIL_BUS: 'Info@Fietsen.nl', MC_MAILB: '', TEL_BUS: '', ADDRESS1: 'Weg 1', POST_CODE: '1234 AB', CITY: 'Utrecht', CNT_CODE: 'NL' };
    const mapped = mapDebtor(base, settings);
    expect(mapped.ok && mapped.draft).toMatchObject({ email: 'info@fietsen.nl', first_name: 'Piet', last_name: 'Bakker', company: 'Fietsen BV', address: { city: 'Utrecht', country_code: 'NL' } });
    expect(mapDebtor({ ...base, MAIL_BUS: '' }, settings).ok).toBe(false);
  });

  it('creates or updates every debtor with an e-mail on the first run, and skips the rest with a message', async () => {
    const noMail = await insertDebtor({ ACCT_NAME: 'Zonder Mail', ADDRESS1: 'Laan 2', CITY: 'Zeist' });
    const ctx = context();
    const summary = await run(ctx);
    const withMail = debtors().filter((d) => trim(d.MAIL_BUS) !== '' || trim(d.MC_MAILB) !== '');
    expect(summary.read).toBe(debtors().length);
    expect(summary.created + summary.updated + summary.skipped).toBe(debtors().length);
    expect(summary.failed).toBe(0);
    for (const d of withMail) expect(customerByEmail(trim(d.MAIL_BUS) || trim(d.MC_MAILB))).toBeDefined();
    const skipped = ctx.log.find('debtor', noMail);
    expect(skipped?.outcome).toBe('skipped');
    expect(skipped?.message).toContain('no e-mail');
    expect(skipped?.hint).toBeTruthy();
    // No seeded customer shares an e-mail with a debtor: all are created, one `email:in` read per 50, 10 per POST.
    expect(summary.updated).toBe(0);
    const lookups = Math.ceil(summary.created / 50);
    const posts = Array.from({ length: lookups }, (_, i) => Math.ceil(Math.min(50, summary.created - i * 50) / 10)).reduce((a, b) => a + b, 0);
    expect(summary.calls.filter((c) => c.method === 'GET' && c.path === '/v3/customers')).toHaveLength(lookups);
    expect(summary.calls.filter((c) => c.method === 'POST' && c.path === '/v3/customers')).toHaveLength(posts);
    expect(writes(summary)).toHaveLength(posts);
    const company = withMail.find((d) => trim(d.MAIN_CONT) !== '' && trim(d.ADDRESS1) !== '');
    if (company) {
      const customer = customerByEmail(trim(company.MAIL_BUS));
      expect(customer?.company).toBe(trim(company.ACCT_NAME));
      expect(customer?.addresses.some((a) => a.city === trim(company.CITY) && a.address1 === trim(company.ADDRESS1))).toBe(true);
    }
  });

  it('writes nothing when nothing changed: since the checkpoint, and on a full re-read', async () => {
    const checkpoint = await readCheckpoint(world.database.db, NL_STORE, CUSTOMERS_CHECKPOINT);
    expect(checkpoint).toBeDefined();
    const incremental = await run();
    expect(writes(incremental)).toEqual([]);
    // Only what changed since the checkpoint is read (the no-mail debtor, inside the overlap), not every debtor.
    expect(incremental.read).toBeLessThan(debtors().length);
    const full = await run(context(), { full: true });
    expect(writes(full)).toEqual([]);
    expect(full.unchanged).toBe(full.created + full.updated + full.unchanged);
  });

  it('creates new debtors in batches of 10 after one e-mail lookup, and advances the checkpoint', async () => {
    const before = await readCheckpoint(world.database.db, NL_STORE, CUSTOMERS_CHECKPOINT);
    for (let i = 0; i < 23; i++) await insertDebtor({ ACCT_NAME: `Klant ${i} Nieuw`, MAIL_BUS: `nieuw${i}@example.nl`, ADDRESS1: `Straat ${i}`, POST_CODE: '1000 AA', CITY: 'Amsterdam', CNT_CODE: 'NL' });
    const summary = await run();
    expect(summary.created).toBe(23);
    expect(writes(summary)).toEqual([
      { method: 'POST', path: '/v3/customers' },
      { method: 'POST', path: '/v3/customers' },
      { method: 'POST', path: '/v3/customers' },
    ]);
    expect(summary.calls.filter((c) => c.method === 'GET' && c.path === '/v3/customers')).toHaveLength(1);
    expect(customerByEmail('nieuw22@example.nl')?.addresses[0]?.city).toBe('Amsterdam');
    const after = await readCheckpoint(world.database.db, NL_STORE, CUSTOMERS_CHECKPOINT);
    expect(after && before && after.getTime() > before.getTime()).toBe(true);
  });

  it('updates the BigCommerce customer that already has the debtor\'s e-mail instead of creating one', async () => {
    const existing = customers().find((c) => !debtors().some((d) => trim(d.MAIL_BUS).toLowerCase() === c.email.toLowerCase()));
    if (!existing) throw new Error('no seeded customer');
    const count = customers().length;
    const subNr = await insertDebtor({ ACCT_NAME: 'Bestaande Klant', MAIL_BUS: existing.email, ADDRESS1: 'Kade 9', POST_CODE: '3511 AA', CITY: 'Utrecht', CNT_CODE: 'NL' });
    const ctx = context();
    const summary = await run(ctx);
    expect(summary).toMatchObject({ created: 0, updated: 1 });
    expect(writes(summary)).toEqual([
      { method: 'PUT', path: '/v3/customers' },
      { method: 'POST', path: '/v3/customers/addresses' },
    ]);
    expect(customers()).toHaveLength(count);
    expect(customerByEmail(existing.email)).toMatchObject({ id: existing.id, first_name: 'Bestaande', last_name: 'Klant' });
    expect(customerByEmail(existing.email)?.addresses.some((a) => a.city === 'Utrecht' && a.address1 === 'Kade 9')).toBe(true);
    expect(ctx.log.find('debtor', subNr)?.targetRef).toBe(String(existing.id));
  });

  it('fails only the debtor BigCommerce refuses, and does not retry it until it changes', async () => {
    const bad = await insertDebtor({ ACCT_NAME: 'Punt Punt', MAIL_BUS: 'jan..punt@example.nl' });
    await insertDebtor({ ACCT_NAME: 'Goed Een', MAIL_BUS: 'goed1@example.nl' });
    await insertDebtor({ ACCT_NAME: 'Goed Twee', MAIL_BUS: 'goed2@example.nl' });
    const ctx = context();
    const summary = await run(ctx);
    expect(summary).toMatchObject({ created: 2, failed: 1 });
    expect(customerByEmail('goed2@example.nl')).toBeDefined();
    expect(ctx.log.find('debtor', bad)).toMatchObject({ outcome: 'failed' });
    expect(ctx.log.find('debtor', bad)?.hint).toBeTruthy();
    expect(writes(await run())).toEqual([]);
    // Corrected in AccountView: the next run sends it.
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // change dates have whole seconds
    await world.accountview(FVR).update('AR1', { fields: { SUB_NR: bad, MAIL_BUS: 'jan.punt@example.nl' } });
    expect(await run()).toMatchObject({ created: 1, failed: 0 });
    expect(customerByEmail('jan.punt@example.nl')).toBeDefined();
  });

  it('updates a customer whose debtor changed, address included', async () => {
    const debtor = debtors().find((d) => trim(d.MAIL_BUS) === 'nieuw3@example.nl');
    if (!debtor) throw new Error('no debtor');
    await world.accountview(FVR).update('AR1', { fields: { SUB_NR: trim(debtor.SUB_NR), ACCT_NAME: 'Klant Veranderd', CITY: 'Haarlem' } });
    const ctx = context();
    const summary = await run(ctx);
    expect(summary.updated).toBe(1);
    expect(writes(summary)).toEqual([
      { method: 'PUT', path: '/v3/customers' },
      { method: 'PUT', path: '/v3/customers/addresses' },
    ]);
    const customer = customerByEmail('nieuw3@example.nl');
    expect(customer).toMatchObject({ first_name: 'Klant', last_name: 'Veranderd' });
    expect(customer?.addresses).toHaveLength(1);
    expect(customer?.addresses[0]?.city).toBe('Haarlem');
    expect(ctx.log.find('debtor', trim(debtor.SUB_NR))?.outcome).toBe('updated');
    expect(writes(await run())).toEqual([]);
  });
});
