import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOrders, type OrderFlowSettingsInput } from '@/lib/flows/orders';
import type { Row } from '@/tests/simulators/accountview';
import type { OrderInput } from '@/tests/simulators/bigcommerce';
import { cents, FVR, invoiceTotal, NL_SETTINGS, NL_STORE, readOrder, salesOrderTotal, startWorld, type World } from './harness';

/**
 * The shipping-method map over real HTTP against both simulators and a real database: an order with two
 * consignments, each shipped by another method, books each shipping charge on its method's article (sales
 * order) or ledger account (sales invoice), and the document still totals BigCommerce's total to the cent.
 */

let world: World;

beforeAll(async () => {
  world = await startWorld();
  for (const code of ['VERZEND-DHL', 'VERZEND-OVERIG']) {
    await world.accountview(FVR).insert('AK1', { fields: { ART_CODE: code, ART_DESC1: `Webshop ${code}`, VAT_CODE: '2' } });
  }
});

afterAll(async () => {
  await world?.close();
});

const text = (v: unknown) => String(v ?? '').trim();

function product(sku: string, address: number) {
  const p = world.bc.state.stores[NL_STORE]?.data.products.find((x) => x.sku === sku || x.variants.some((v) => v.sku === sku));
  if (!p) throw new Error(`No product ${sku}`);
  const variant = p.variants.find((v) => v.sku === sku);
  return { product_id: p.id, ...(variant ? { variant_id: variant.id } : {}), quantity: 1, address };
}

const person = { first_name: 'Noor', last_name: 'Vermeulen', company: '', street_1: 'Biltstraat 101bis', city: 'Utrecht', zip: '3572ar', country_iso2: 'NL', phone: '06-12345678' };

/** Two consignments within the Netherlands, shipped by `first` and `second` (6,95 and 12,50 incl. 21 % VAT). */
function twoShipments(email: string, first: string, second: string): number {
  const input: OrderInput = {
    billing_address: { ...person, email },
    shipping_addresses: [
      { ...person, shipping_method: first, cost: 6.95, tax_rate: 21 },
      { ...person, first_name: 'Oma', street_1: 'Kerkstraat 5', city: 'Gouda', zip: '2801 AB', shipping_method: second, cost: 12.5, tax_rate: 21 },
    ],
    products: [product('BEL-MESSING', 0), product('HELM-URBAN-M', 1)],
  };
  return world.bc.orders.create(NL_STORE, input).id;
}

async function exportOne(id: number, settings: OrderFlowSettingsInput): Promise<{ header: Row; lines: Row[] }> {
  const summary = await exportOrders(world.context(NL_STORE, { settings: { ...NL_SETTINGS, ...settings } }), { orderIds: [id] });
  expect(summary.created).toBe(1);
  const docs = world.documents(FVR, `BC-${id}`);
  expect(docs).toHaveLength(1);
  return docs[0] as { header: Row; lines: Row[] };
}

async function totalOf(id: number): Promise<number> {
  return cents(Number((await readOrder(world, NL_STORE, id)).total_inc_tax));
}

describe('shipping method map', () => {
  it('a sales order: the mapped method (matched whatever its case) books its own article, another keeps the shipping article', async () => {
    const id = twoShipments('twee.pakketten@example.nl', 'verzending DHL europa', 'Verzending PostNL');
    const doc = await exportOne(id, { shippingMethodMap: { 'Verzending DHL Europa': { article: 'VERZEND-DHL' } } });
    expect(salesOrderTotal(world, FVR, doc.lines, true)).toBe(await totalOf(id));
    expect(doc.lines.map((l) => text(l.ART_CODE))).toEqual(['BEL-MESSING', 'HELM-URBAN-M', 'VERZEND-DHL', 'VERZENDKOSTEN']);
    expect(doc.lines.slice(2).map((l) => l.ART_PX)).toEqual([6.95, 12.5]);
  });

  it('a sales order: a method not in the map falls back to *', async () => {
    const id = twoShipments('afhalen@example.nl', 'Verzending DHL Europa', 'Bezorging met montage');
    const doc = await exportOne(id, { shippingMethodMap: { 'Verzending DHL Europa': { article: 'VERZEND-DHL' }, '*': { article: 'VERZEND-OVERIG' } } });
    expect(salesOrderTotal(world, FVR, doc.lines, true)).toBe(await totalOf(id));
    expect(doc.lines.slice(2).map((l) => [text(l.ART_CODE), l.ART_PX])).toEqual([
      ['VERZEND-DHL', 6.95],
      ['VERZEND-OVERIG', 12.5],
    ]);
  });

  it('a sales invoice: each shipping line on its method\'s ledger account, * for the rest, totalling total_inc_tax', async () => {
    const id = twoShipments('factuur@example.nl', 'Verzending PostNL', 'Levering eigen vervoer');
    const doc = await exportOne(id, { documentType: 'sales-invoice', shippingMethodMap: { 'VERZENDING POSTNL': { account: '8000' }, '*': { account: '4500' } } });
    expect(invoiceTotal(doc.header, doc.lines)).toBe(await totalOf(id));
    const shipping = doc.lines.filter((l) => /Verzending PostNL|Levering eigen vervoer/.test(text(l.TRN_DESC)));
    expect(shipping.map((l) => [text(l.TRN_DESC), text(l.ACCT_NR), l.AMOUNT, text(l.VAT_CODE)])).toEqual([
      [expect.stringContaining('Verzending PostNL'), '8000', 6.95, '2'],
      [expect.stringContaining('Levering eigen vervoer'), '4500', 12.5, '2'],
    ]);
  });

  it('a sales invoice without a map: every method on the shipping line\'s account, as before', async () => {
    const id = twoShipments('zonder.kaart@example.nl', 'Verzending PostNL', 'Levering eigen vervoer');
    const doc = await exportOne(id, { documentType: 'sales-invoice' });
    expect(invoiceTotal(doc.header, doc.lines)).toBe(await totalOf(id));
    const shipping = doc.lines.filter((l) => /Verzending PostNL|Levering eigen vervoer/.test(text(l.TRN_DESC)));
    expect(shipping.map((l) => text(l.ACCT_NR))).toEqual(['8100', '8100']);
  });
});
