import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccountViewSimulator, type AccountViewSimulator } from './accountview';
import { startTestSimulator, type BigCommerceSimulator } from './bigcommerce';

/** The admin hooks end-to-end tests use when the simulators run as processes of their own. */
describe('simulator admin: rows typed into AccountView, orders placed in BigCommerce', () => {
  let av: AccountViewSimulator;
  let bc: BigCommerceSimulator;

  beforeAll(async () => {
    [av, bc] = await Promise.all([startAccountViewSimulator({ clients: [{ clientId: 'c', clientSecret: 's', redirectUris: ['http://localhost/cb'] }] }), startTestSimulator()]);
  });
  afterAll(async () => {
    await Promise.all([av?.stop(), bc?.stop()]);
  });

  const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('inserts an article through the same rules as the API', async () => {
    const ok = await post(`${av.url}/__sim/companies/FVR/AK1`, { rows: [{ ART_CODE: 'E2E-ART', ART_DESC1: 'Test article', VAT_CODE: '2' }] });
    expect(ok.status).toBe(201);
    const rows = av.state.companies.find((c) => c.code === 'FVR')?.tables.ARTICLE ?? [];
    expect(rows.find((r) => r.ART_CODE === 'E2E-ART')).toMatchObject({ ART_DESC1: 'Test article', VAT_CODE: '2' });
    // The API refuses a second article with the same code; so does this.
    expect((await post(`${av.url}/__sim/companies/FVR/AK1`, { rows: [{ ART_CODE: 'E2E-ART', ART_DESC1: 'Again' }] })).status).toBe(422);
    expect((await post(`${av.url}/__sim/companies/NOPE/AK1`, { rows: [{ ART_CODE: 'X' }] })).status).toBe(404);
  });

  it('places an order that webhooks announce', async () => {
    const before = bc.state.stores.abc123def?.data.orders.length ?? 0;
    const placed = await post(`${bc.url}/__sim/stores/abc123def/orders`, { status_id: 11, products: [{ name: 'Bel', sku: 'E2E-ART', price: 12.1, tax_rate: 21 }] });
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as { id: number; status_id: number };
    expect(order.status_id).toBe(11);
    expect(bc.state.stores.abc123def?.data.orders.length).toBe(before + 1);
    expect((await post(`${bc.url}/__sim/stores/abc123def/orders`, { status_id: 'paid' })).status).toBe(422);
    expect((await post(`${bc.url}/__sim/stores/nostore/orders`, {})).status).toBe(404);
  });
});
