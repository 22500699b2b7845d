import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '@/lib/bigcommerce';
import { AccountViewUnavailableError } from '@/lib/accountview';
import { BigCommerceError } from '@/lib/bigcommerce';
import { createIdMap, deleteIdMapEntry, findIdMapEntry } from '@/lib/db/queries/id-map';
import { readOrderSettings, saveOrderSettings, setOrderFlowState } from '@/lib/db/queries/order-settings';
import { exportOrders, pollOrders, type OrderFlowSettingsInput } from '@/lib/flows/orders';
import type { Row } from '@/tests/simulators/accountview';
import type { OrderInput } from '@/tests/simulators/bigcommerce';
import { BE_SETTINGS, BE_STORE, cents, FVR, HANK, invoiceTotal, NL_SETTINGS, NL_STORE, readOrder, salesOrderTotal, startWorld, type TestContext, type World } from './harness';

/**
 * The orders flow over real HTTP against both simulators and a real database: one row per real-world order
 * shape, then idempotency, statuses, unknown SKUs, refunds and rounding.
 */

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.close();
});

const text = (v: unknown) => String(v ?? '').trim();

/** A product line of a simulator order, by SKU (variant SKUs too). */
function product(store: string, sku: string, quantity = 1) {
  const products = world.bc.state.stores[store]?.data.products ?? [];
  const p = products.find((x) => x.sku === sku || x.variants.some((v) => v.sku === sku));
  if (!p) throw new Error(`No product ${sku}`);
  const variant = p.variants.find((v) => v.sku === sku);
  return { product_id: p.id, ...(variant ? { variant_id: variant.id } : {}), quantity };
}

function createOrder(store: string, input: OrderInput): number {
  return world.bc.orders.create(store, input).id;
}

const guest = (overrides: Record<string, string> = {}) => ({
  first_name: 'Noor',
  last_name: 'Vermeulen',
  company: '',
  street_1: 'Biltstraat 101bis',
  city: 'Utrecht',
  zip: '3572ar',
  country_iso2: 'NL',
  email: 'Noor.Vermeulen@Example.nl',
  phone: '06-12345678',
  ...overrides,
});

/** Exactly one AccountView document with this reference, totalling what BigCommerce says to the cent. */
function expectOneDocument(company: string, reference: string, expectedCents: number, basis: { pricesIncludeVat: boolean }) {
  const docs = world.documents(company, reference);
  expect(docs, `documents with reference ${reference}`).toHaveLength(1);
  const doc = docs[0] as { header: Row; lines: Row[] };
  const total = 'ORD_NR' in doc.header ? salesOrderTotal(world, company, doc.lines, basis.pricesIncludeVat) : invoiceTotal(doc.header, doc.lines);
  expect(total).toBe(expectedCents);
  return doc;
}

function articleVat(company: string, code: string): string {
  return text(world.rows(company, 'ARTICLE').find((a) => text(a.ART_CODE) === code)?.VAT_CODE);
}

/** The activity log has the order: created, with the document number, what was read and sent, and findable by order id and e-mail. */
function expectLogged(ctx: TestContext, id: number, doc: { header: Row }, email: string) {
  const record = ctx.log.find('order', String(id));
  const number = text(doc.header.ORD_NR ?? doc.header.INV_NR);
  expect(record).toMatchObject({ outcome: 'created', targetRef: number, source: { id } });
  expect(record?.message).toContain(number);
  expect(record?.sent).toMatchObject({ fields: { COMMENT1: text(doc.header.COMMENT1) } });
  expect(record?.answer).toBeDefined();
  expect(record?.searchText).toContain(String(id));
  expect(record?.searchText).toContain(email.toLowerCase());
}

/**
 * Each product line carries the VAT code of the rate BigCommerce charged on it: on the line itself for
 * invoices, through the article for sales orders (where AccountView computes the VAT).
 */
function expectVatCodes(store: string, id: number, company: string, doc: { header: Row; lines: Row[] }, codes: Record<string, string>) {
  const order = world.bc.orders.get(store, id);
  for (const p of order?.products ?? []) {
    if (p.type === 'giftcertificate') continue;
    const rate = String(Math.round((Number(p.total_tax) / Number(p.total_ex_tax)) * 100));
    const expected = codes[rate];
    const found = 'ORD_NR' in doc.header
      ? doc.lines.filter((l) => text(l.ART_CODE) === p.sku).map((l) => articleVat(company, text(l.ART_CODE)))
      : doc.lines.filter((l) => text(l.TRN_DESC).startsWith(p.sku)).map((l) => text(l.VAT_CODE));
    for (const code of found) expect(code, `VAT code of ${p.sku} (${rate} %)`).toBe(expected);
  }
}

const NL_CODES = { '21': '2', '9': '1', '0': '0' };
const BE_CODES = { '21': '2', '6': '1', '0': '0' };

function debtor(company: string, subNr: string): Row | undefined {
  return world.rows(company, 'CONTACT').find((c) => text(c.SUB_NR) === subNr);
}

async function run(ctx: TestContext, ids: number[]) {
  return exportOrders(ctx, { orderIds: ids });
}

async function totalOf(store: string, id: number): Promise<number> {
  return cents(Number((await readOrder(world, store, id)).total_inc_tax));
}

describe('real-world order shapes', () => {
  it('a guest checkout: a person debtor is created and the sales order totals total_inc_tax', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest(), products: [product(NL_STORE, 'BEL-MESSING', 2), product(NL_STORE, 'HELM-URBAN-M')] });
    const ctx = world.context(NL_STORE);
    const summary = await run(ctx, [id]);
    expect(summary.created).toBe(1);
    const doc = expectOneDocument(FVR, `BC-${id}`, await totalOf(NL_STORE, id), { pricesIncludeVat: true });
    expect(doc.lines.map((l) => [text(l.ART_CODE), l.ORD_QTY, l.ART_PX])).toEqual([
      ['BEL-MESSING', 2, 12.95],
      ['HELM-URBAN-M', 1, 59.95],
      ['VERZENDKOSTEN', 1, 6.95],
    ]);
    const person = debtor(FVR, text(doc.header.RPL_INV));
    expect(person).toMatchObject({ ACCT_NAME: 'Noor Vermeulen', MAIN_CONT: '', MAIL_BUS: 'noor.vermeulen@example.nl', ADDRESS1: 'Biltstraat 101 bis', POST_CODE: '3572 AR', CITY: 'Utrecht', CNT_CODE: 'NL' });
    // The guest's goods go to the billing address: no delivery address.
    expect(text(doc.header.DEL_CODE)).toBe('');
    const record = ctx.log.find('order', String(id));
    expect(record).toMatchObject({ outcome: 'created', targetRef: text(doc.header.ORD_NR) });
    expect(record?.searchText).toContain(String(id));
    expect(record?.searchText).toContain('noor.vermeulen@example.nl');
    expect(record?.source).toMatchObject({ id });
    expect(record?.sent).toMatchObject({ fields: { COMMENT1: `BC-${id}`, RPL_INV: text(doc.header.RPL_INV) } });
    expect(record?.answer).toMatchObject({ ORD_NR: text(doc.header.ORD_NR) });
    expect(ctx.log.find('debtor', 'noor.vermeulen@example.nl')?.outcome).toBe('created');
  });

  it('a company buyer: a company debtor with the buyer as contact; the gift certificate payment is noted, not deducted', async () => {
    const ctx = world.context(NL_STORE);
    await run(ctx, [104]);
    const doc = expectOneDocument(FVR, 'BC-104', await totalOf(NL_STORE, 104), { pricesIncludeVat: true });
    expectLogged(ctx, 104, doc, 'bram@visserfietskoeriers.nl');
    expectVatCodes(NL_STORE, 104, FVR, doc, NL_CODES);
    expect(debtor(FVR, text(doc.header.RPL_INV))).toMatchObject({
      ACCT_NAME: 'Visser Fietskoeriers B.V.',
      MAIN_CONT: 'Bram Visser',
      MC_MAILB: 'bram@visserfietskoeriers.nl',
      ADDRESS1: 'Stratumseind 12',
    });
    expect(text(doc.header.COMMENT2)).toBe('BigCommerce order 104, Bankoverschrijving, cadeaubon 50.00');
  });

  it('a person who is already a debtor: matched by e-mail, updated where BigCommerce changed, no second debtor', async () => {
    const existing = world.rows(FVR, 'CONTACT').find((c) => /@/.test(text(c.MAIL_BUS)) && text(c.MAIN_CONT) === '' && c.REC_BLK !== true && c.BLK_SP !== true);
    if (!existing) throw new Error('the seed has no person debtor');
    const before = world.rows(FVR, 'CONTACT').length;
    const id = createOrder(NL_STORE, {
      billing_address: guest({ first_name: 'Vaste', last_name: 'Klant', email: text(existing.MAIL_BUS), street_1: 'Nieuwe Gracht 7', zip: '3512LC', city: 'Utrecht' }),
      products: [product(NL_STORE, 'ABUS-BORDO-6000')],
    });
    const ctx = world.context(NL_STORE);
    await run(ctx, [id]);
    const doc = expectOneDocument(FVR, `BC-${id}`, await totalOf(NL_STORE, id), { pricesIncludeVat: true });
    expectLogged(ctx, id, doc, text(existing.MAIL_BUS));
    expectVatCodes(NL_STORE, id, FVR, doc, NL_CODES);
    expect(text(doc.header.RPL_INV)).toBe(text(existing.SUB_NR));
    expect(world.rows(FVR, 'CONTACT')).toHaveLength(before);
    expect(debtor(FVR, text(existing.SUB_NR))).toMatchObject({ ADDRESS1: 'Nieuwe Gracht 7', POST_CODE: '3512 LC', ACCT_NAME: 'Vaste Klant' });
    expect(ctx.log.find('debtor', text(existing.MAIL_BUS).toLowerCase())?.outcome).toBe('updated');
    // The debtor's search code is the bookkeeper's: create-only fields are never overwritten.
    expect(debtor(FVR, text(existing.SUB_NR))?.SRC_CODE).toBe(existing.SRC_CODE);
  });

  it('several shipping addresses: a shipping line each, a delivery address for the one that differs, an article found by EAN', async () => {
    world.bc.orders.update(NL_STORE, 103, { status_id: 2 });
    const ctx = world.context(NL_STORE);
    await run(ctx, [103]);
    const doc = expectOneDocument(FVR, 'BC-103', await totalOf(NL_STORE, 103), { pricesIncludeVat: true });
    expectLogged(ctx, 103, doc, 'fleur.degroot@outlook.com');
    expectVatCodes(NL_STORE, 103, FVR, doc, NL_CODES);
    expect(doc.lines.map((l) => [text(l.ART_CODE), l.ORD_QTY, l.ART_PX])).toEqual([
      ['GAZELLE-C380-53', 1, 3299],
      ['HELM-URBAN-S', 1, 59.95],
      ['VERZENDKOSTEN', 1, 49.95],
      ['VERZENDKOSTEN', 1, 6.95],
    ]);
    const addresses = world.rows(FVR, 'DEL_ADDR').filter((a) => text(a.SUB_NR) === text(doc.header.RPL_INV));
    expect(addresses.map((a) => [text(a.DEL_NAME), text(a.ADDRESS1), text(a.POST_CODE), text(a.CITY)])).toEqual([['Ineke de Groot', 'Nachtegaalstraat 12', '3581 AC', 'Utrecht']]);
    expect(text(doc.header.DEL_CODE)).toBe(text(addresses[0]?.REC_ID));
  });

  it('a customer abroad with a custom fee: the fee on its own article, shipping to the delivery country at the domestic rate', async () => {
    const ctx = world.context(NL_STORE);
    await run(ctx, [111]);
    const doc = expectOneDocument(FVR, 'BC-111', await totalOf(NL_STORE, 111), { pricesIncludeVat: true });
    expectLogged(ctx, 111, doc, 'koen.maes@skynet.be');
    expectVatCodes(NL_STORE, 111, FVR, doc, NL_CODES);
    expect(doc.lines.map((l) => [text(l.ART_CODE), l.ART_PX])).toEqual([
      ['BTV-FONK-N3', 749],
      ['VERZENDKOSTEN', 12.5],
      ['TOESLAG', 9.95],
    ]);
    expect(debtor(FVR, text(doc.header.RPL_INV))).toMatchObject({ CNT_CODE: 'BE', POST_CODE: '2000', CITY: 'Antwerpen' });
  });

  it('a digital-only order without shipping: no shipping line, no delivery address', async () => {
    const ctx = world.context(NL_STORE);
    await run(ctx, [102]);
    const doc = expectOneDocument(FVR, 'BC-102', await totalOf(NL_STORE, 102), { pricesIncludeVat: true });
    expectLogged(ctx, 102, doc, 'daan.hendriks@gmail.com');
    expectVatCodes(NL_STORE, 102, FVR, doc, NL_CODES);
    expect(doc.lines.map((l) => text(l.ART_CODE))).toEqual(['CURSUS-ONDERHOUD']);
    expect(text(doc.header.DEL_CODE)).toBe('');
  });

  it('a coupon on goods at 21 % and 9 %: one discount line per VAT rate, on articles with the matching VAT code', async () => {
    const ctx = world.context(NL_STORE);
    await run(ctx, [101]);
    const doc = expectOneDocument(FVR, 'BC-101', await totalOf(NL_STORE, 101), { pricesIncludeVat: true });
    expectLogged(ctx, 101, doc, 'pieter.vandijk@kpnmail.nl');
    expectVatCodes(NL_STORE, 101, FVR, doc, NL_CODES);
    const discounts = doc.lines.filter((l) => text(l.ART_CODE).startsWith('KORTING'));
    expect(discounts.map((l) => [text(l.ART_CODE), articleVat(FVR, text(l.ART_CODE))])).toEqual([
      ['KORTING', '2'],
      ['KORTING-LAAG', '1'],
    ]);
    expect(discounts.every((l) => Number(l.ART_PX) < 0)).toBe(true);
    for (const line of doc.lines.filter((l) => !text(l.ART_CODE).startsWith('KORTING') && text(l.ART_CODE) !== 'VERZENDKOSTEN')) {
      const expected = text(line.ART_CODE) === 'ABUS-BORDO-6000' ? '2' : '1';
      expect(articleVat(FVR, text(line.ART_CODE))).toBe(expected);
    }
  });

  it('a gift certificate sold: its own line at VAT "none"', async () => {
    const ctx = world.context(NL_STORE);
    await run(ctx, [105]);
    const doc = expectOneDocument(FVR, 'BC-105', 2500, { pricesIncludeVat: true });
    expectLogged(ctx, 105, doc, 'marieke.jansen@planet.nl');
    expect(doc.lines.map((l) => [text(l.ART_CODE), l.ART_PX, articleVat(FVR, text(l.ART_CODE))])).toEqual([['CADEAUBON', 25, '0']]);
  });

  it('a gift certificate sold, as a sales invoice: booked on the liability account, VAT code 0', async () => {
    const id = createOrder(NL_STORE, { status_id: 10, billing_address: guest({ email: 'bon@example.nl' }), products: [{ name: 'Cadeaubon € 25', type: 'giftcertificate', price: 25, recipient_email: 'vriend@example.nl' }] });
    const ctx = world.context(NL_STORE, { settings: { ...NL_SETTINGS, documentType: 'sales-invoice', referenceFormat: 'INV-{orderId}' } });
    await run(ctx, [id]);
    const doc = expectOneDocument(FVR, `INV-${id}`, 2500, { pricesIncludeVat: true });
    expectLogged(ctx, id, doc, 'bon@example.nl');
    expect(doc.lines.map((l) => [text(l.ACCT_NR), l.AMOUNT, text(l.VAT_CODE), l.VAT_AMT])).toEqual([['9999', 25, '0', 0]]);
  });

  it('a non-EUR transactional currency: the invoice and a new debtor carry it, amounts as charged', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'oliver.smith@example.co.uk', first_name: 'Oliver', last_name: 'Smith', country_iso2: 'GB', zip: 'SW1A 1AA', city: 'London', street_1: '10 Downing Street' }), products: [product(NL_STORE, 'BEL-MESSING', 3)] });
    const order = await readOrder(world, NL_STORE, id);
    // The simulator keeps one currency per store; the shopper here paid in pounds (BigCommerce's transactional currency).
    const inPounds: Order = { ...order, currency_code: 'GBP', default_currency_code: 'GBP', currency_exchange_rate: '0.8500000000', store_default_to_transactional_exchange_rate: '0.8500000000' };
    const ctx = world.context(NL_STORE, { settings: { ...NL_SETTINGS, documentType: 'sales-invoice' } });
    const summary = await exportOrders(ctx, { orders: [inPounds] });
    expect(summary.created).toBe(1);
    const doc = expectOneDocument(FVR, `BC-${id}`, cents(Number(order.total_inc_tax)), { pricesIncludeVat: true });
    expectLogged(ctx, id, doc, 'oliver.smith@example.co.uk');
    expect(text(doc.header.CUR_CODE)).toBe('GBP');
    expect(doc.header.GROSS_FLG).toBe(true);
    expect(debtor(FVR, text(doc.header.SUB_NR))).toMatchObject({ CUR_CODE: 'GBP', CNT_CODE: 'GB', ADDRESS1: 'Downing Street 10' });
    // Domestic VAT charged to a consumer abroad keeps the domestic code.
    expect(doc.lines.map((l) => text(l.VAT_CODE))).toEqual(['2', '2']);
  });

  it('names and addresses in non-Latin scripts are kept, cut to AccountView\'s widths by character', async () => {
    const company = 'Κατασκευαστική Εταιρεία Παπαδόπουλος και Υιοί Ανώνυμη Εταιρεία';
    const id = createOrder(NL_STORE, {
      billing_address: { first_name: 'Αικατερίνη', last_name: 'Παπαδοπούλου', company, street_1: 'Οδός Ερμού 25', street_2: '', city: 'Αθήνα', zip: '105 63', country_iso2: 'GR', email: 'katerina@example.gr', phone: '+30 210 1234567' },
      shipping_addresses: [{ first_name: '山田', last_name: '太郎', company: '', street_1: '千代田区丸の内1-9-2', city: '東京', zip: '100-0005', country_iso2: 'JP', shipping_method: 'Internationaal', cost: 25 }],
      products: [product(NL_STORE, 'BEL-MESSING')],
    });
    const ctx = world.context(NL_STORE, { settings: { ...NL_SETTINGS, vatTable: { home: 'NL', rates: { '21': '2', '9': '1', '0': '0' }, euReverseCharge: '3', export: '4' } } });
    await run(ctx, [id]);
    const doc = expectOneDocument(FVR, `BC-${id}`, await totalOf(NL_STORE, id), { pricesIncludeVat: true });
    expectLogged(ctx, id, doc, 'katerina@example.gr');
    expectVatCodes(NL_STORE, id, FVR, doc, NL_CODES);
    const d = debtor(FVR, text(doc.header.RPL_INV));
    expect(d?.ACCT_NAME).toBe(Array.from(company).slice(0, 40).join('').trimEnd());
    expect(d).toMatchObject({ MAIN_CONT: 'Αικατερίνη Παπαδοπούλου', CITY: 'Αθήνα', ADDRESS1: 'Οδός Ερμού 25', SRC_CODE: 'KATERINA', CNT_CODE: 'GR' });
    const address = world.rows(FVR, 'DEL_ADDR').find((a) => text(a.REC_ID) === text(doc.header.DEL_CODE));
    expect(address).toMatchObject({ DEL_NAME: '山田 太郎', CITY: '東京', CNT_CODE: 'JP' });
  });

  it('a tax-exclusive store (Belgium): a sales invoice with net amounts, Belgian rates on the right codes, totalling total_inc_tax', async () => {
    const ctx = world.context(BE_STORE);
    await run(ctx, [101]);
    const doc = expectOneDocument(HANK, 'BC-101', await totalOf(BE_STORE, 101), { pricesIncludeVat: false });
    expectLogged(ctx, 101, doc, text(world.bc.orders.get(BE_STORE, 101)?.order.billing_address.email));
    expectVatCodes(BE_STORE, 101, HANK, doc, BE_CODES);
    expect(doc.header.GROSS_FLG).toBe(false);
    expect(text(doc.header.DJ_CODE)).toBe('VRK');
    expect(doc.header.CRED_DAYS).toBe(14);
    const byDesc = doc.lines.map((l) => [text(l.TRN_DESC), text(l.ACCT_NR), text(l.VAT_CODE)]);
    expect(byDesc).toEqual([
      [expect.stringContaining('GC-CUVEE-BLAUW-75'), '8000', '2'],
      [expect.stringContaining('KAAS-GC-500'), '8010', '1'],
      ['Korting PROEF5', '8000', '2'],
      ['Korting PROEF5', '8010', '1'],
      ['Verzending bpost', '8100', '2'],
    ]);
    const order = await readOrder(world, BE_STORE, 101);
    const vat = doc.lines.reduce((s, l) => s + cents(Number(l.VAT_AMT)), 0);
    expect(vat).toBe(cents(Number(order.total_tax)));
  });

  it('a tax-exclusive store as a sales order: net prices, AccountView adds VAT per line, the total still matches', async () => {
    const settings: OrderFlowSettingsInput = { ...BE_SETTINGS, documentType: 'sales-order' };
    const address = guest({ email: 'cafe@example.be', country_iso2: 'BE', zip: '2800', city: 'Mechelen', street_1: 'Grote Markt 1' });
    const id = createOrder(BE_STORE, {
      billing_address: address,
      products: [product(BE_STORE, 'GC-CUVEE-BLAUW-75', 3), product(BE_STORE, 'GC-GESCHENK', 1)],
      coupons: [{ code: 'PROEF5', type: 2, amount: 5 }],
      shipping_addresses: [{ shipping_method: 'Verzending bpost', cost: 8.26, tax_rate: 21 }],
    });
    const ctx = world.context(BE_STORE, { settings });
    const summary = await run(ctx, [id]);
    expect(summary.created).toBe(1);
    const doc = expectOneDocument(HANK, `BC-${id}`, await totalOf(BE_STORE, id), { pricesIncludeVat: false });
    expectLogged(ctx, id, doc, 'cafe@example.be');
    expectVatCodes(BE_STORE, id, HANK, doc, BE_CODES);
    const beer = world.bc.orders.get(BE_STORE, id)?.products[0];
    expect(doc.lines[0]).toMatchObject({ ART_CODE: 'GC-CUVEE-BLAUW-75', ORD_QTY: 3, ART_PX: Number(beer?.price_ex_tax) });

    // Cheese at 6 %: this administration's code 1 is 9 %, so AccountView would charge the wrong VAT.
    const cheese = createOrder(BE_STORE, { billing_address: address, products: [product(BE_STORE, 'KAAS-GC-500', 2)], shipping_addresses: [{ shipping_method: 'Verzending bpost', cost: 8.26, tax_rate: 21 }] });
    const wrong = world.context(BE_STORE, { settings });
    await run(wrong, [cheese]);
    expect(wrong.log.find('order', String(cheese))).toMatchObject({ outcome: 'failed', message: expect.stringContaining('is 9 % in AccountView, but BigCommerce charged 6 %') });
    expect(world.documents(HANK, `BC-${cheese}`)).toHaveLength(0);
  });
});

describe('statuses', () => {
  it('sends an order only in a selected status, and sends it once it gets there', async () => {
    const ctx = world.context(NL_STORE);
    await run(ctx, [110]);
    expect(ctx.log.find('order', '110')).toMatchObject({ outcome: 'skipped', message: expect.stringContaining('Awaiting Payment') });
    expect(world.documents(FVR, 'BC-110')).toHaveLength(0);

    const since = new Date(Date.now() - 1000);
    world.bc.orders.update(NL_STORE, 110, { status_id: 11 });
    const later = world.context(NL_STORE);
    const { nextCheckpoint, summary } = await pollOrders(later, { since });
    expect(summary.results.find((r) => r.orderId === 110)?.outcome).toBe('created');
    expect(nextCheckpoint.getTime()).toBeGreaterThanOrEqual(since.getTime());
    expectOneDocument(FVR, 'BC-110', await totalOf(NL_STORE, 110), { pricesIncludeVat: true });
  });
});

describe('an SKU AccountView does not know', () => {
  it('fails naming the SKU and the fix, then succeeds on a later poll once the article exists', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'wachten@example.nl' }), products: [product(NL_STORE, 'HELM-URBAN-L'), product(NL_STORE, 'BEL-MESSING')] });
    const ctx = world.context(NL_STORE);
    const first = await run(ctx, [id]);
    expect(first.failed).toBe(1);
    const record = ctx.log.find('order', String(id));
    expect(record?.message).toContain('HELM-URBAN-L');
    expect(record?.hint).toContain('Create article HELM-URBAN-L in AccountView, or map it');
    expect(record?.searchText).toContain('HELM-URBAN-L');
    expect(world.documents(FVR, `BC-${id}`)).toHaveLength(0);
    expect((await findIdMapEntry(world.database.db, NL_STORE, 'order', String(id)))?.state).toBe('failed');
    // Nothing else was written for it: no debtor before the articles are known.
    expect(ctx.log.find('debtor', 'wachten@example.nl')).toBeUndefined();

    await world.accountview(FVR).insert('AK1', { fields: { ART_CODE: 'HELM-URBAN-L', ART_DESC1: 'Fietshelm Urban L', VAT_CODE: '2' } });
    const poll = world.context(NL_STORE);
    const { summary } = await pollOrders(poll, { since: new Date() });
    expect(summary.results.find((r) => r.orderId === id)?.outcome).toBe('created');
    expectOneDocument(FVR, `BC-${id}`, await totalOf(NL_STORE, id), { pricesIncludeVat: true });
    expect((await findIdMapEntry(world.database.db, NL_STORE, 'order', String(id)))?.state).toBe('done');
  });

  it('fails on a VAT rate the settings have no code for, saying which', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest(), products: [{ ...product(NL_STORE, 'BEL-MESSING'), tax_rate: 19 }] });
    const ctx = world.context(NL_STORE);
    await run(ctx, [id]);
    expect(ctx.log.find('order', String(id))).toMatchObject({ outcome: 'failed', message: expect.stringContaining('19 %') });
  });
});

describe('idempotency', () => {
  it('the same export twice makes one document; without the id-map row still one', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'twice@example.nl' }), products: [product(NL_STORE, 'ENERGIE-24', 2)] });
    await run(world.context(NL_STORE), [id]);
    const again = world.context(NL_STORE);
    const second = await run(again, [id]);
    expect(second.skipped).toBe(1);
    expect(again.log.find('order', String(id))?.message).toContain('sent before');
    expect(world.documents(FVR, `BC-${id}`)).toHaveLength(1);

    expect(await deleteIdMapEntry(world.database.db, NL_STORE, 'order', String(id))).toBe(true);
    const lost = world.context(NL_STORE);
    const third = await run(lost, [id]);
    expect(third.results[0]?.outcome).toBe('skipped');
    expect(lost.log.find('order', String(id))?.message).toContain('already in AccountView');
    expect(world.documents(FVR, `BC-${id}`)).toHaveLength(1);
    expect((await findIdMapEntry(world.database.db, NL_STORE, 'order', String(id)))?.state).toBe('done');
  });

  it('two runs at once for the same new customer make one document per order and one debtor', async () => {
    const a = createOrder(NL_STORE, { billing_address: guest({ email: 'tegelijk@example.nl' }), products: [product(NL_STORE, 'BEL-MESSING')] });
    const b = createOrder(NL_STORE, { billing_address: guest({ email: 'tegelijk@example.nl' }), products: [product(NL_STORE, 'HELM-URBAN-M')] });
    await Promise.all([run(world.context(NL_STORE), [a, b]), run(world.context(NL_STORE), [b, a]), run(world.context(NL_STORE), [a])]);
    expect(world.documents(FVR, `BC-${a}`)).toHaveLength(1);
    expect(world.documents(FVR, `BC-${b}`)).toHaveLength(1);
    expect(world.rows(FVR, 'CONTACT').filter((c) => text(c.MAIL_BUS) === 'tegelijk@example.nl')).toHaveLength(1);
  });

  it('a retried run does not redo completed writes', async () => {
    const a = createOrder(NL_STORE, { billing_address: guest({ email: 'retry-a@example.nl' }), products: [product(NL_STORE, 'BEL-MESSING')] });
    const b = createOrder(NL_STORE, { billing_address: guest({ email: 'retry-b@example.nl' }), products: [product(NL_STORE, 'HELM-URBAN-S')] });
    const ctx = world.context(NL_STORE);
    // The worker dies after the first order was written.
    ctx.step.crashAt(`order-${b}:state`);
    await expect(run(ctx, [a, b])).rejects.toThrow('worker crashed');
    expect(world.documents(FVR, `BC-${a}`)).toHaveLength(1);
    const writes = () => world.av.requests.filter((r) => r.method === 'POST' && r.businessObject === 'SO1').length;
    const written = writes();
    // The same run, retried: saved steps come back, nothing is written twice, the log says the same.
    ctx.step.retry();
    const before = ctx.step.executed.length;
    const summary = await run(ctx, [a, b]);
    const retried = ctx.step.executed.slice(before);
    expect(retried.some((s) => s.startsWith(`order-${a}:`))).toBe(false);
    expect(retried).toContain(`order-${b}:create-document`);
    expect(writes()).toBe(written + 1);
    expect(summary.results.map((r) => [r.orderId, r.outcome])).toEqual([
      [a, 'created'],
      [b, 'created'],
    ]);
    expect(world.documents(FVR, `BC-${a}`)).toHaveLength(1);
    expect(world.documents(FVR, `BC-${b}`)).toHaveLength(1);
  });

  it('a store override of the mapping is applied', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'override@example.nl' }), products: [product(NL_STORE, 'BEL-MESSING')] });
    const ctx = world.context(NL_STORE, { mapping: { 'salesOrder.COMMENT2': "'Webshop ' & $orderId & ' via kanaal ' & $channelId" } });
    await run(ctx, [id]);
    expect(text(world.documents(FVR, `BC-${id}`)[0]?.header.COMMENT2)).toBe(`Webshop ${id} via kanaal 1`);
  });
});

describe('refunds and cancellations', () => {
  it('a partial refund credits only the refunded item, once, with a reference to the original', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'retour@example.nl' }), products: [product(NL_STORE, 'BEL-MESSING', 2), product(NL_STORE, 'BOEK-FIETSROUTES-NL')] });
    await run(world.context(NL_STORE), [id]);
    const original = world.documents(FVR, `BC-${id}`)[0];
    const bell = world.bc.orders.get(NL_STORE, id)?.products.find((p) => p.sku === 'BEL-MESSING');
    world.bc.orders.refund(NL_STORE, id, { items: [{ order_product_id: bell?.id ?? 0, quantity: 1 }], reason: 'Beschadigd' });

    const ctx = world.context(NL_STORE);
    const summary = await run(ctx, [id]);
    expect(summary.created).toBe(1);
    const credit = expectOneDocument(FVR, `BC-${id}-C1`, -1295, { pricesIncludeVat: true });
    expect(credit.lines.map((l) => [text(l.ART_CODE), l.ORD_QTY, l.ART_PX])).toEqual([['BEL-MESSING', -1, 12.95]]);
    expect(text(credit.header.COMMENT2)).toContain(`Credit op order ${text(original?.header.ORD_NR)}`);
    expect(text(credit.header.RPL_INV)).toBe(text(original?.header.RPL_INV));
    expect(ctx.log.find('refund', `${id}:C1`)).toMatchObject({ outcome: 'created', targetRef: text(credit.header.ORD_NR) });

    // Each refund once.
    const again = await run(world.context(NL_STORE), [id]);
    expect(again.created).toBe(0);
    expect(world.documents(FVR, `BC-${id}-C1`)).toHaveLength(1);

    // Then the shipping is refunded too: a second credit for just that.
    world.bc.orders.refund(NL_STORE, id, { shipping: true, reason: 'Verzending terug' });
    await run(world.context(NL_STORE), [id]);
    const shipping = expectOneDocument(FVR, `BC-${id}-C2`, -695, { pricesIncludeVat: true });
    expect(shipping.lines.map((l) => [text(l.ART_CODE), l.ORD_QTY])).toEqual([['VERZENDKOSTEN', -1]]);
  });

  it('a cancelled exported order is credited in full', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'annuleer@example.nl' }), products: [product(NL_STORE, 'ENERGIE-24'), product(NL_STORE, 'HELM-URBAN-M')], coupons: [{ code: 'LENTE', type: 2, amount: 5 }] });
    await run(world.context(NL_STORE), [id]);
    world.bc.orders.update(NL_STORE, id, { status_id: 5 });
    await run(world.context(NL_STORE), [id]);
    const credit = expectOneDocument(FVR, `BC-${id}-C1`, -(await totalOf(NL_STORE, id)), { pricesIncludeVat: true });
    expect(credit.lines.every((l) => Number(l.ORD_QTY) < 0)).toBe(true);
  });

  it('a refund by amount on a sales invoice: a negative line at the order\'s VAT rate', async () => {
    const ctx = world.context(BE_STORE, { settings: { ...BE_SETTINGS, statusIds: [11, 9, 2, 10, 14] } });
    const summary = await run(ctx, [104]);
    expect(summary.results.map((r) => [r.entity, r.outcome])).toEqual([
      ['order', 'created'],
      ['refund', 'created'],
    ]);
    expectOneDocument(HANK, 'BC-104', await totalOf(BE_STORE, 104), { pricesIncludeVat: false });
    const credit = expectOneDocument(HANK, 'BC-104-C1', -950, { pricesIncludeVat: false });
    expect(credit.lines.map((l) => [l.AMOUNT, l.VAT_AMT, text(l.VAT_CODE), text(l.ACCT_NR)])).toEqual([[-7.85, -1.65, '2', '8000']]);
    expect(text(credit.header.HDR_DESC)).toContain('Creditnota op factuur');
  });
});

describe('rounding', () => {
  async function offByOneCent(email: string): Promise<Order> {
    const id = createOrder(NL_STORE, { billing_address: guest({ email }), products: [product(NL_STORE, 'BEL-MESSING')] });
    const order = await readOrder(world, NL_STORE, id);
    // As when BigCommerce rounds the order total differently from its lines.
    return { ...order, total_inc_tax: (Number(order.total_inc_tax) + 0.01).toFixed(4) };
  }

  it('a cent of difference becomes an explicit rounding line', async () => {
    const order = await offByOneCent('afronding@example.nl');
    const ctx = world.context(NL_STORE);
    await exportOrders(ctx, { orders: [order] });
    const doc = expectOneDocument(FVR, `BC-${order.id}`, cents(Number(order.total_inc_tax)), { pricesIncludeVat: true });
    expect(doc.lines.at(-1)).toMatchObject({ ART_CODE: 'AFRONDING', ORD_QTY: 1, ART_PX: 0.01 });
    expect(ctx.log.find('order', String(order.id))?.message).toContain('rounding EUR 0.01');
  });

  it('or fails the order when the settings say so', async () => {
    const order = await offByOneCent('streng@example.nl');
    const ctx = world.context(NL_STORE, { settings: { ...NL_SETTINGS, roundingPolicy: 'fail' } });
    const summary = await exportOrders(ctx, { orders: [order] });
    expect(summary.failed).toBe(1);
    expect(ctx.log.find('order', String(order.id))?.message).toContain('rounding difference EUR 0.01');
    expect(world.documents(FVR, `BC-${order.id}`)).toHaveLength(0);
  });
});

describe('failures that are not the order\'s', () => {
  it('BigCommerce answering 5xx throws, for the engine to retry; nothing is marked failed', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'bc-down@example.nl' }), products: [product(NL_STORE, 'BEL-MESSING')] });
    world.bc.faults.add({ match: { method: 'GET', pathPrefix: `/stores/${NL_STORE}/v2/orders/${id}` }, kind: 'status', status: 503 });
    try {
      await expect(run(world.context(NL_STORE), [id])).rejects.toBeInstanceOf(BigCommerceError);
    } finally {
      world.bc.faults.clear();
    }
    expect(await findIdMapEntry(world.database.db, NL_STORE, 'order', String(id))).toBeUndefined();
  });

  it('AccountView unavailable throws, for the engine to retry; the retry then sends the order once', async () => {
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'av-down@example.nl' }), products: [product(NL_STORE, 'BEL-MESSING')] });
    const fault = world.av.faults.add({ match: { method: 'POST', businessObject: 'SO1' }, kind: 'status', status: 503 });
    const ctx = world.context(NL_STORE);
    try {
      await expect(run(ctx, [id])).rejects.toBeInstanceOf(AccountViewUnavailableError);
    } finally {
      world.av.faults.remove(fault);
    }
    expect(ctx.log.find('order', String(id))).toBeUndefined();
    ctx.step.retry();
    await run(ctx, [id]);
    expectOneDocument(FVR, `BC-${id}`, await totalOf(NL_STORE, id), { pricesIncludeVat: true });
  });
});

describe('customers', () => {
  it('books every order on one debtor in default-debtor mode', async () => {
    const catchAll = text(world.rows(FVR, 'CONTACT').find((c) => c.REC_BLK !== true && c.BLK_SP !== true)?.SUB_NR);
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'anoniem@example.nl' }), products: [product(NL_STORE, 'BEL-MESSING')] });
    const before = world.rows(FVR, 'CONTACT').length;
    const ctx = world.context(NL_STORE, { settings: { ...NL_SETTINGS, customerMode: 'default-debtor', defaultDebtor: catchAll } });
    await run(ctx, [id]);
    const doc = expectOneDocument(FVR, `BC-${id}`, await totalOf(NL_STORE, id), { pricesIncludeVat: true });
    expect(text(doc.header.RPL_INV)).toBe(catchAll);
    expect(world.rows(FVR, 'CONTACT')).toHaveLength(before);
  });

  it('reuses a delivery address it made before instead of adding it again', async () => {
    const elsewhere = { first_name: 'Oma', last_name: 'Bakker', street_1: 'Kerkstraat 5', city: 'Gouda', zip: '2801 AB', country_iso2: 'NL', shipping_method: 'PostNL', cost: 6.95 };
    const first = createOrder(NL_STORE, { billing_address: guest({ email: 'kleinkind@example.nl' }), shipping_addresses: [elsewhere], products: [product(NL_STORE, 'BEL-MESSING')] });
    const second = createOrder(NL_STORE, { billing_address: guest({ email: 'kleinkind@example.nl' }), shipping_addresses: [elsewhere], products: [product(NL_STORE, 'HELM-URBAN-M')] });
    await run(world.context(NL_STORE), [first]);
    await run(world.context(NL_STORE), [second]);
    const a = world.documents(FVR, `BC-${first}`)[0];
    const b = world.documents(FVR, `BC-${second}`)[0];
    expect(text(a?.header.DEL_CODE)).not.toBe('');
    expect(text(b?.header.DEL_CODE)).toBe(text(a?.header.DEL_CODE));
    expect(world.rows(FVR, 'DEL_ADDR').filter((r) => text(r.SUB_NR) === text(a?.header.RPL_INV))).toHaveLength(1);
  });
});

describe('the poll', () => {
  it('resumes from its checkpoint without logging unchanged orders again', async () => {
    const since = new Date(Date.now() - 1000);
    const id = createOrder(NL_STORE, { billing_address: guest({ email: 'poll@example.nl' }), products: [product(NL_STORE, 'BEL-MESSING')] });
    const first = await pollOrders(world.context(NL_STORE), { since });
    expect(first.summary.results.find((r) => r.orderId === id)?.outcome).toBe('created');
    const ctx = world.context(NL_STORE);
    const calls = world.bc.requests.length;
    const second = await pollOrders(ctx, { since: first.nextCheckpoint });
    // One list call for a short page: no second call just to find it empty.
    const lists = world.bc.requests.slice(calls).filter((r) => r.path === `/stores/${NL_STORE}/v2/orders`);
    expect(lists).toHaveLength(1);
    expect(lists[0]?.query).toMatchObject({ sort: 'date_modified:asc', limit: '250', include: 'consignments.line_items,fees', consignment_structure: 'object' });
    expect(second.summary.created).toBe(0);
    expect(ctx.log.find('order', String(id))).toBeUndefined();
    expect(world.documents(FVR, `BC-${id}`)).toHaveLength(1);
  });
});

describe('reading orders', () => {
  it('reads a burst of orders with one list call per 250 ids, with their lines and fees', async () => {
    const ids = [1, 2, 3].map((n) => createOrder(NL_STORE, { status_id: 7, billing_address: guest({ email: `burst${n}@example.nl` }), products: [product(NL_STORE, 'BEL-MESSING')] }));
    const calls = world.bc.requests.length;
    const summary = await run(world.context(NL_STORE), [...ids, ids[0] ?? 0]);
    expect(summary.results.map((r) => r.orderId)).toEqual(ids);
    const reads = world.bc.requests.slice(calls).filter((r) => r.path.startsWith(`/stores/${NL_STORE}/v2/orders`));
    expect(reads).toHaveLength(1);
    expect(reads[0]?.query).toMatchObject({ min_id: String(ids[0]), max_id: String(ids[2]), include: 'consignments.line_items,fees' });
  });
});

describe('stored state', () => {
  it('settings are validated, stored per store and read back with defaults', async () => {
    const db = world.database.db;
    expect(await readOrderSettings(db, NL_STORE)).toMatchObject({ ok: true, enabled: false, settings: { documentType: 'sales-order' } });
    expect(await saveOrderSettings(db, NL_STORE, { customerMode: 'default-debtor' })).toMatchObject({ ok: false, problems: [{ path: 'defaultDebtor' }] });
    expect(await saveOrderSettings(db, NL_STORE, { documentType: 'sales-invoice', journalCode: 'VK2' })).toMatchObject({ ok: true });
    await setOrderFlowState(db, NL_STORE, { enabled: true });
    const read = await readOrderSettings(db, NL_STORE);
    expect(read).toMatchObject({ ok: true, enabled: true, paused: false, settings: { documentType: 'sales-invoice', journalCode: 'VK2', statusIds: [11, 9, 2, 10] } });
    expect((await readOrderSettings(db, BE_STORE)).enabled).toBe(false);
  });

  it('a failure never hides an export that is done', async () => {
    const idMap = createIdMap(world.database.db, BE_STORE);
    await idMap.putDone({ entity: 'test', sourceId: '1', targetId: 'X', targetNumber: 'X' });
    await idMap.putFailed('test', '1', 'later problem');
    expect(await idMap.get('test', '1')).toMatchObject({ state: 'done', targetNumber: 'X', message: null });
    await idMap.putFailed('test', '2', 'first');
    await idMap.putFailed('test', '2', 'second');
    expect(await idMap.get('test', '2')).toMatchObject({ state: 'failed', message: 'second', attempts: 2 });
    expect((await idMap.listFailed('test', 10)).map((e) => e.sourceId)).toEqual(['2']);
    await idMap.putDone({ entity: 'test', sourceId: '2', targetNumber: 'Y' });
    expect(await idMap.listFailed('test', 10)).toEqual([]);
    expect((await idMap.listByPrefix('test', '2')).map((e) => e.targetNumber)).toEqual(['Y']);
  });
});
