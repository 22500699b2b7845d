import { describe, expect, it } from 'vitest';
import { MappingCompileError } from '@/lib/mapping';
import { defaultOrderFlowSettings, orderFlowSettings, splitOverrides } from '@/lib/flows/orders';
import { draftCreditDocument, draftOrderDocument, fullCredit, NOTHING_CREDITED, refundedCredit } from '@/lib/flows/orders/document';
import { parseOrder, type OrderView } from '@/lib/flows/orders/order-source';
import { lookupMap, vatCodeFor } from '@/lib/flows/orders/settings';
import { detectRate } from '@/lib/flows/orders/vat';

/** The pure parts of the orders flow: settings, VAT rates, the document lines an order becomes. */

const address = { first_name: 'Jan', last_name: 'Jansen', company: '', street_1: 'Dorpsstraat 1', street_2: '', city: 'Zeist', state: '', zip: '3701 AA', country: 'Netherlands', country_iso2: 'NL', phone: '', email: 'jan@example.nl' };

/** A V2 order as BigCommerce sends it with consignments, money as four-decimal strings. */
function orderJson(overrides: Record<string, unknown> = {}, lines: Record<string, unknown>[] = [], shippingCost = { ex: '0.0000', inc: '0.0000', tax: '0.0000' }) {
  return {
    id: 500,
    status_id: 11,
    status: 'Awaiting Fulfillment',
    customer_id: 0,
    date_created: 'Tue, 06 Jan 2026 09:12:44 +0000',
    date_modified: 'Tue, 06 Jan 2026 09:12:44 +0000',
    currency_code: 'EUR',
    default_currency_code: 'EUR',
    store_default_currency_code: 'EUR',
    shipping_cost_ex_tax: shippingCost.ex,
    shipping_cost_inc_tax: shippingCost.inc,
    shipping_cost_tax: shippingCost.tax,
    billing_address: address,
    consignments: {
      shipping: [{ id: 1, ...address, shipping_method: 'PostNL', cost_ex_tax: Number(shippingCost.ex), cost_inc_tax: Number(shippingCost.inc), cost_tax: Number(shippingCost.tax), line_items: lines }],
      pickups: [],
      downloads: [],
      email: { gift_certificates: [] },
    },
    fees: [],
    ...overrides,
  };
}

function line(id: number, sku: string, q: number, ex: string, inc: string, extra: Record<string, unknown> = {}) {
  const total = (s: string) => (Number(s) * q).toFixed(4);
  return {
    id,
    sku,
    name: sku,
    upc: '',
    type: 'physical',
    quantity: q,
    order_address_id: 1,
    price_ex_tax: ex,
    price_inc_tax: inc,
    total_ex_tax: total(ex),
    total_inc_tax: total(inc),
    total_tax: (Number(total(inc)) - Number(total(ex))).toFixed(4),
    applied_discounts: [],
    quantity_refunded: 0,
    refund_amount: '0.0000',
    ...extra,
  };
}

function view(json: unknown): OrderView {
  const parsed = parseOrder(json);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.order;
}

describe('settings', () => {
  it('defaults to the brief: paid statuses, sales orders, match-or-create, the PHP client\'s COMMENT1 for the order id', () => {
    const s = defaultOrderFlowSettings();
    expect(s.statusIds).toEqual([11, 9, 2, 10]);
    expect(s).toMatchObject({ documentType: 'sales-order', journalCode: 'VRK', orderIdField: 'COMMENT1', referenceFormat: 'BC-{orderId}', customerMode: 'match-or-create', articleMatch: 'sku-then-ean', roundingPolicy: 'line', paymentLines: 'none' });
    expect(s.serviceLines.rounding).toEqual({ article: 'AFRONDING', account: '8900', articlesByVatCode: {} });
    expect(s.vatTable).toMatchObject({ home: 'NL', rates: { '21': '2', '9': '1', '0': '0' } });
  });

  it('refuses what cannot work', () => {
    expect(orderFlowSettings.safeParse({ customerMode: 'default-debtor' }).success).toBe(false);
    expect(orderFlowSettings.safeParse({ customerMode: 'default-debtor', defaultDebtor: '10001' }).success).toBe(true);
    expect(orderFlowSettings.safeParse({ referenceFormat: 'BC-' }).success).toBe(false);
    expect(orderFlowSettings.safeParse({ orderIdField: 'comment 1' }).success).toBe(false);
    expect(orderFlowSettings.parse({ orderIdField: 'comment2' }).orderIdField).toBe('COMMENT2');
  });

  it('maps payment methods case-insensitively with a fallback', () => {
    const s = defaultOrderFlowSettings();
    expect(lookupMap(s.paymentTermMap, 'ideal')).toBe(0);
    expect(lookupMap(s.paymentTermMap, 'Bankoverschrijving')).toBe(14);
    expect(lookupMap(s.paymentTermMap, 'Klarna')).toBe(14);
    expect(lookupMap(s.paymentMethodMap, 'credit card')).toBe('Creditcard');
  });

  it('keys store overrides by record and line', () => {
    const split = splitOverrides({ 'salesOrder.COMMENT2': "'x'", 'salesInvoice.lines.TRN_DESC': 'description' });
    expect(split.salesOrder.header).toEqual({ COMMENT2: "'x'" });
    expect(split.salesInvoice.lines).toEqual({ TRN_DESC: 'description' });
    expect(() => splitOverrides({ COMMENT2: "'x'" })).toThrow(MappingCompileError);
  });
});

describe('VAT rates from amounts', () => {
  const table = defaultOrderFlowSettings().vatTable;
  it('finds the rate that reproduces BigCommerce\'s tax, either way of rounding', () => {
    expect(detectRate(table, 'NL', { ex: 1070, inc: 1295, tax: 225 })).toBe(21);
    expect(detectRate(table, 'NL', { ex: 2289, inc: 2495, tax: 206 })).toBe(9);
    expect(detectRate(table, 'NL', { ex: 5, inc: 6, tax: 1 })).toBe(21);
    expect(detectRate(table, 'NL', { ex: 2500, inc: 2500, tax: 0 })).toBe(0);
  });
  it('gives up on a rate the table does not know', () => {
    expect(detectRate(table, 'NL', { ex: 1000, inc: 1190, tax: 190 })).toBeUndefined();
  });
  it('chooses codes for the destination: OSS rates first, reverse charge and export at 0 % abroad', () => {
    const oss = { ...table, countries: { BE: { '21': 'B21', '6': 'B6' } } };
    expect(vatCodeFor(oss, 6, 'BE')).toBe('B6');
    expect(vatCodeFor(oss, 21, 'DE')).toBe('2');
    expect(vatCodeFor(table, 0, 'BE')).toBe('3');
    expect(vatCodeFor(table, 0, 'US')).toBe('4');
    expect(vatCodeFor(table, 0, '')).toBe('0');
    expect(vatCodeFor(table, 19, 'NL')).toBeUndefined();
  });
});

describe('document lines', () => {
  const settings = defaultOrderFlowSettings();

  it('copy BigCommerce\'s amounts and add up to total_inc_tax', () => {
    const json = orderJson(
      { total_ex_tax: '30.4600', total_inc_tax: '35.85', total_tax: '5.39' },
      [line(1, 'A', 2, '10.7025', '12.9500'), line(2, 'B', 1, '2.7523', '3.0000')],
      { ex: '5.7438', inc: '6.9500', tax: '1.2062' },
    );
    const draft = draftOrderDocument(view(json), settings, true);
    if (!draft.ok) throw new Error(draft.problems.join());
    expect(draft.draft.lines.map((l) => [l.kind, l.sku, l.quantity, l.unitPrice, l.vatRate, l.vatCode])).toEqual([
      ['product', 'A', 2, 12.95, 21, '2'],
      ['product', 'B', 1, 3, 9, '1'],
      ['shipping', '', 1, 6.95, 21, '2'],
    ]);
    expect(draft.draft.targetCents).toBe(3585);
    expect(Math.round(draft.draft.lines.reduce((s, l) => s + l.amountInclVat, 0) * 100)).toBe(3585);
  });

  it('split a discount by VAT rate, from the discounted totals (tax-exclusive store)', () => {
    // 10.00 at 21 % and 10.00 at 9 %, a 2.00 coupon split 1.00/1.00: after discount 9.00 + 1.89 and 9.00 + 0.81.
    const lines = [
      line(1, 'A', 1, '10.0000', '12.1000', { applied_discounts: [{ id: 'c', amount: '1.0000', name: 'TIEN', code: 'TIEN', target: 'order' }], discounted_total_inc_tax: '10.8900' }),
      line(2, 'B', 1, '10.0000', '10.9000', { applied_discounts: [{ id: 'c', amount: '1.0000', name: 'TIEN', code: 'TIEN', target: 'order' }], discounted_total_inc_tax: '9.8100' }),
    ];
    const draft = draftOrderDocument(view(orderJson({ total_ex_tax: '18.0000', total_inc_tax: '20.7000', total_tax: '2.7000' }, lines)), settings, false);
    if (!draft.ok) throw new Error(draft.problems.join());
    const discounts = draft.draft.lines.filter((l) => l.kind === 'discount');
    expect(discounts.map((l) => [l.description, l.amount, l.vatAmount, l.vatCode])).toEqual([
      ['Korting TIEN', -1, -0.21, '2'],
      ['Korting TIEN', -1, -0.09, '1'],
    ]);
    expect(Math.round(draft.draft.lines.reduce((s, l) => s + l.amountInclVat, 0) * 100)).toBe(2070);
  });

  it('with payment lines, take gift certificates and store credit off what the debtor owes', () => {
    const json = orderJson({ total_inc_tax: '25.9000', gift_certificate_amount: '10.0000', store_credit_amount: '5.0000' }, [line(1, 'A', 2, '10.7025', '12.9500')]);
    const draft = draftOrderDocument(view(json), { ...settings, paymentLines: 'lines' }, true);
    if (!draft.ok) throw new Error(draft.problems.join());
    expect(draft.draft.lines.slice(1).map((l) => [l.kind, l.articleCode, l.amount, l.vatCode])).toEqual([
      ['gift-certificate-payment', 'CADEAUBON-INW', -10, '0'],
      ['store-credit', 'TEGOED', -5, '0'],
    ]);
    expect(draft.draft.targetCents).toBe(1090);
  });

  it('make handling, gift wrapping and fees lines of their own', () => {
    const json = orderJson(
      {
        total_inc_tax: '23.9500',
        handling_cost_ex_tax: '2.0000', handling_cost_inc_tax: '2.4200', handling_cost_tax: '0.4200',
        wrapping_cost_ex_tax: '1.0000', wrapping_cost_inc_tax: '1.2100', wrapping_cost_tax: '0.2100',
        fees: [{ id: 7, type: 'custom_fee', display_name_merchant: 'Verzekering', display_name_customer: 'Verzekering', cost_ex_tax: '5.0000', cost_inc_tax: '6.0500', cost_tax: '1.0500' }],
      },
      [line(1, 'A', 1, '11.5702', '14.0000')],
    );
    const draft = draftOrderDocument(view(json), settings, true);
    if (!draft.ok) throw new Error(draft.problems.join());
    expect(draft.draft.lines.map((l) => [l.kind, l.articleCode, l.amount])).toEqual([
      ['product', '', 14],
      ['handling', 'BEHANDELKOSTEN', 2.42],
      ['wrapping', 'INPAKKOSTEN', 1.21],
      ['fee', 'TOESLAG', 6.05],
    ]);
  });

  it('say which line has no SKU or an unknown rate', () => {
    const json = orderJson({ total_inc_tax: '11.90' }, [line(1, '', 1, '10.0000', '11.9000', { name: 'Maatwerk' })]);
    const draft = draftOrderDocument(view(json), settings, true);
    expect(draft.ok).toBe(false);
    if (draft.ok) return;
    expect(draft.problems.join(' ')).toContain('19 %');
  });
});

describe('credits', () => {
  const settings = defaultOrderFlowSettings();
  const lines = [line(1, 'A', 2, '10.7025', '12.9500', { discounted_total_inc_tax: '25.9000' })];
  const shipping = { ex: '5.7438', inc: '6.9500', tax: '1.2062' };

  it('credit one refunded item at its refunded amount', () => {
    const refunded = [{ ...lines[0], quantity_refunded: 1, refund_amount: '12.9500' }];
    const order = view(orderJson({ total_inc_tax: '32.85', refunded_amount: '12.9500' }, refunded, shipping));
    const target = refundedCredit(order);
    expect(target).toEqual({ total: 1295, lines: { '1': { qty: 1, inc: 1295 } }, charges: {} });
    const draft = draftCreditDocument(order, settings, true, NOTHING_CREDITED, target);
    if (!draft.ok) throw new Error(draft.problems.join());
    expect(draft.draft.lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.amount, l.vatAmount])).toEqual([['product', -1, 12.95, -12.95, -2.25]]);
    expect(draft.draft.targetCents).toBe(-1295);
  });

  it('read a refund of exactly the shipping as shipping, and any other amount as a plain refund', () => {
    const shippingOnly = view(orderJson({ total_inc_tax: '32.85', refunded_amount: '6.9500' }, lines, shipping));
    expect(refundedCredit(shippingOnly).charges).toEqual({ 'shipping:1': 695 });
    const goodwill = view(orderJson({ total_inc_tax: '32.85', refunded_amount: '5.0000' }, lines, shipping));
    expect(refundedCredit(goodwill)).toEqual({ total: 500, lines: {}, charges: {} });
    const draft = draftCreditDocument(goodwill, settings, true, NOTHING_CREDITED, refundedCredit(goodwill));
    if (!draft.ok) throw new Error(draft.problems.join());
    expect(draft.draft.lines.map((l) => [l.kind, l.quantity, l.amount, l.vatRate])).toEqual([['refund', -1, -5, 21]]);
  });

  it('credit only what earlier credits did not cover', () => {
    const order = view(orderJson({ total_inc_tax: '32.85', status_id: 5 }, lines, shipping));
    const earlier = { total: 695, lines: {}, charges: { 'shipping:1': 695 } };
    const draft = draftCreditDocument(order, settings, true, earlier, fullCredit(order));
    if (!draft.ok) throw new Error(draft.problems.join());
    expect(draft.draft.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([['product', -2, -25.9]]);
    expect(draft.draft.targetCents).toBe(-2590);
  });
});

describe('shipping method map', () => {
  const lines = [line(1, 'A', 2, '10.7025', '12.9500')];
  const shipping = { ex: '5.7438', inc: '6.9500', tax: '1.2062' };
  const order = (method: string) => {
    const json = orderJson({ total_ex_tax: '27.1488', total_inc_tax: '32.8500', total_tax: '5.7012' }, lines, shipping);
    json.consignments.shipping[0] = { ...json.consignments.shipping[0]!, shipping_method: method };
    return view(json);
  };
  const settings = orderFlowSettings.parse({
    shippingMethodMap: { 'PostNL Pakket': { article: 'VERZEND-PNL', account: '8110' }, 'Afhalen': { account: '8120' }, '*': { article: 'VERZEND-OVERIG' } },
  });
  const shippingLine = (method: string, s = settings) => {
    const draft = draftOrderDocument(order(method), s, true);
    if (!draft.ok) throw new Error(draft.problems.join());
    return draft.draft.lines.find((l) => l.kind === 'shipping');
  };

  it('is empty by default, and refuses a method with neither an article nor an account', () => {
    expect(defaultOrderFlowSettings().shippingMethodMap).toEqual({});
    expect(shippingLine('PostNL', defaultOrderFlowSettings())).toMatchObject({ articleCode: 'VERZENDKOSTEN', ledgerAccount: '8100' });
    const refused = orderFlowSettings.safeParse({ shippingMethodMap: { PostNL: {} } });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['shippingMethodMap', 'PostNL']);
    expect(orderFlowSettings.safeParse({ shippingMethodMap: { PostNL: { article: 'X'.repeat(21) } } }).success).toBe(false);
    // An added row whose method was never chosen says so at the field.
    const emptyRow = orderFlowSettings.safeParse({ shippingMethodMap: { '': { article: 'VERZENDKOSTEN' } } });
    expect(emptyRow.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['shippingMethodMap', 'Choose a shipping method in every row, or remove the empty row']]);
  });

  it('books a mapped method on its own article and account, matched case-insensitively', () => {
    expect(shippingLine('postnl pakket')).toMatchObject({ description: 'postnl pakket', articleCode: 'VERZEND-PNL', ledgerAccount: '8110', amount: 6.95 });
  });

  it('keeps the shipping line\'s own article or account for a part the method leaves empty', () => {
    expect(shippingLine('Afhalen')).toMatchObject({ articleCode: 'VERZENDKOSTEN', ledgerAccount: '8120' });
  });

  it('falls back to * for any other method, then to the shipping line', () => {
    expect(shippingLine('DHL')).toMatchObject({ articleCode: 'VERZEND-OVERIG', ledgerAccount: '8100' });
    const withoutStar = orderFlowSettings.parse({ shippingMethodMap: { 'PostNL Pakket': { article: 'VERZEND-PNL' } } });
    expect(shippingLine('DHL', withoutStar)).toMatchObject({ articleCode: 'VERZENDKOSTEN', ledgerAccount: '8100' });
  });

  it('leaves every other charge alone, and credits shipping on the mapped account', () => {
    const draft = draftOrderDocument(order('PostNL Pakket'), settings, true);
    if (!draft.ok) throw new Error(draft.problems.join());
    expect(draft.draft.lines.filter((l) => l.kind === 'product').map((l) => l.ledgerAccount)).toEqual(['8000']);
    const credit = draftCreditDocument(order('PostNL Pakket'), settings, true, NOTHING_CREDITED, fullCredit(order('PostNL Pakket')));
    if (!credit.ok) throw new Error(credit.problems.join());
    expect(credit.draft.lines.filter((l) => l.kind === 'shipping').map((l) => [l.quantity, l.amount, l.articleCode, l.ledgerAccount])).toEqual([[-1, -6.95, 'VERZEND-PNL', '8110']]);
  });
});
