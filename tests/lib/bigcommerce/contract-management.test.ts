import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BigCommerceApiError } from '@/lib/bigcommerce';
import { collect } from './fakes';
import { startInstalledStore, type InstalledStore } from './simulator';

// No test here fires category events, so these hooks are never called and need no receiver.
const SCOPE = 'store/category/deleted';
const DESTINATION = 'https://connector.example.nl/api/bigcommerce/webhooks';

describe('against the simulator: webhooks', () => {
  let store: InstalledStore;
  beforeAll(async () => {
    store = await startInstalledStore();
  });
  afterAll(() => store?.sim.stop());

  it('creates, lists, reactivates and deletes a hook', async () => {
    const client = store.client();
    const hook = await client.createHook({ scope: SCOPE, destination: DESTINATION, is_active: true, headers: { 'X-Connector-Secret': 'geheim' } });
    expect(hook).toMatchObject({ scope: SCOPE, destination: DESTINATION, is_active: true });
    expect((await client.updateHook(hook.id!, { is_active: false })).is_active).toBe(false);
    expect((await client.updateHook(hook.id!, { is_active: true })).is_active).toBe(true);
    expect((await collect(client.listHooks({ scope: SCOPE }))).map((h) => h.id)).toEqual([hook.id]);
    await client.deleteHook(hook.id!);
    expect(await collect(client.listHooks({ scope: SCOPE }))).toEqual([]);
  });

  it('answers a duplicate hook with 409 and a bad one with 422 and its fields', async () => {
    const client = store.client();
    await client.createHook({ scope: 'store/category/created', destination: DESTINATION });
    const duplicate = await client.createHook({ scope: 'store/category/created', destination: DESTINATION }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(BigCommerceApiError);
    expect(duplicate).toMatchObject({ status: 409, errors: { destination: 'Duplicate webhook.' } });
    const invalid = await client.createHook({ scope: 'store/category/updated', destination: 'http://connector.example.nl:8080/hooks' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 422, title: 'JSON data is missing or invalid', errors: { destination: expect.stringContaining('HTTPS') } });
  });

  it('answers a missing hook with 404', async () => {
    await expect(store.client().updateHook(1, { is_active: true })).rejects.toMatchObject({ status: 404 });
  });
});

describe('against the simulator: customers', () => {
  let store: InstalledStore;
  beforeAll(async () => {
    store = await startInstalledStore();
  });
  afterAll(() => store?.sim.stop());

  const klant = (n: number) => ({ email: `klant${n}@contract.example.nl`, first_name: 'Klant', last_name: `Nummer ${n}` });

  it('creates and updates customers in batches of 10, and finds them by email', async () => {
    const client = store.client();
    const created = await client.createCustomers(Array.from({ length: 10 }, (_, i) => klant(i + 1)));
    expect(created).toHaveLength(10);
    const [first] = await client.updateCustomers([{ id: created[0]!.id!, company: 'Fietsenmakerij Nummer 1' }]);
    expect(first).toMatchObject({ id: created[0]!.id, company: 'Fietsenmakerij Nummer 1' });
    const found = await collect(client.listCustomers({ 'email:in': [klant(1).email, klant(2).email] }));
    expect(found.map((c) => c.email).sort()).toEqual([klant(1).email, klant(2).email]);
  });

  it('pages through all customers', async () => {
    const all = await collect(store.client().listCustomers({ limit: 4 }));
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  it('answers a taken email with 422 and the field', async () => {
    const error = await store.client().createCustomers([klant(1)]).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, errors: { '0.email': expect.stringContaining('already in use') } });
  });

  it('shows the 413 BigCommerce gives for 11 customers (the client refuses them before sending)', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => klant(100 + i));
    const error = await store.client().request('POST', '/v3/customers', { body: eleven }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, title: expect.stringContaining('maximum number of items allowed in the array is 10') });
  });
});
