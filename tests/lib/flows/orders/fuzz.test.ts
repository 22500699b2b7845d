import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultOrderFlowSettings } from '@/lib/flows/orders';
import { draftOrderDocument, roundingLine, type DocLine } from '@/lib/flows/orders/document';
import { orderMappings } from '@/lib/flows/orders/mappings';
import { parseOrder } from '@/lib/flows/orders/order-source';
import { roundHalfAway } from '@/lib/flows/orders/vat';

/**
 * Generated BigCommerce orders through the order mapping: BigCommerce's own arithmetic (four-decimal
 * unit prices, line totals, tax per line, a two-decimal order total) for Dutch VAT rates, in stores
 * that enter prices with and without VAT. Invariants: the document AccountView receives totals the
 * order to the cent (with at most a rounding line inside the tolerance), every line item is on it
 * once with its quantity, and nothing throws — not even on input that is not an order at all.
 */
// FUZZ_RUNS=5000 for a deeper search; 300 keeps CI at about a second.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const RATES = [21, 9, 0] as const;
const settings = defaultOrderFlowSettings();
const address = {
  first_name: 'Jan', last_name: 'Jansen', company: '', street_1: 'Dorpsstraat 1', street_2: '', city: 'Zeist',
  state: '', zip: '3701 AA', country: 'Netherlands', country_iso2: 'NL', phone: '', email: 'jan@example.nl',
};

const money4 = (value: number) => value.toFixed(4);
/** BigCommerce rounds money to four decimals on every stored figure. */
const r4 = (value: number) => Math.round(value * 10_000) / 10_000;

const lineSpec = fc.record({
  cents: fc.integer({ min: 1, max: 250_000 }),
  rate: fc.constantFrom(...RATES),
  quantity: fc.integer({ min: 1, max: 40 }),
  discountCents: fc.nat({ max: 2_000 }),
});
const orderSpec = fc.record({
  inclusive: fc.boolean(),
  lines: fc.array(lineSpec, { minLength: 1, maxLength: 12 }),
  shippingCents: fc.nat({ max: 2_500 }),
  shippingRate: fc.constantFrom(21, 9),
});

type OrderSpec = typeof orderSpec extends fc.Arbitrary<infer T> ? T : never;

/** The order BigCommerce would send for the spec: prices entered `inclusive` of VAT or not. */
function bigCommerceOrder(spec: OrderSpec, id: number) {
  let ex = 0;
  let inc = 0;
  const items = spec.lines.map((l, i) => {
    const entered = l.cents / 100;
    const priceEx = r4(spec.inclusive ? entered / (1 + l.rate / 100) : entered);
    const priceInc = r4(spec.inclusive ? entered : entered * (1 + l.rate / 100));
    const totalEx = r4(priceEx * l.quantity);
    const totalInc = r4(priceInc * l.quantity);
    // A coupon in whole cents on the line, in the store's price basis, never more than half the line.
    const discount = Math.min(l.discountCents, Math.floor((spec.inclusive ? totalInc : totalEx) * 50)) / 100;
    const discountedInc = r4(spec.inclusive ? totalInc - discount : (totalEx - discount) * (1 + l.rate / 100));
    ex += spec.inclusive ? discountedInc / (1 + l.rate / 100) : totalEx - discount;
    inc += discountedInc;
    return {
      id: i + 1, product_id: i + 1, sku: `SKU-${i + 1}`, name: `Artikel ${i + 1}`, upc: '', type: 'physical', quantity: l.quantity,
      order_address_id: 1, price_ex_tax: money4(priceEx), price_inc_tax: money4(priceInc), total_ex_tax: money4(totalEx),
      total_inc_tax: money4(totalInc), total_tax: money4(totalInc - totalEx), discounted_total_inc_tax: money4(discountedInc),
      applied_discounts: discount > 0 ? [{ id: 'c', amount: money4(discount), name: 'ACTIE', code: 'ACTIE', target: 'order' }] : [],
      quantity_refunded: 0, refund_amount: '0.0000',
    };
  });
  const ship = spec.shippingCents / 100;
  const shipEx = r4(spec.inclusive ? ship / (1 + spec.shippingRate / 100) : ship);
  const shipInc = r4(spec.inclusive ? ship : ship * (1 + spec.shippingRate / 100));
  ex += shipEx;
  inc += shipInc;
  return {
    id, status_id: 11, status: 'Awaiting Fulfillment', customer_id: 0,
    date_created: 'Tue, 06 Jan 2026 09:12:44 +0000', date_modified: 'Tue, 06 Jan 2026 09:12:44 +0000',
    currency_code: 'EUR', default_currency_code: 'EUR', store_default_currency_code: 'EUR',
    is_tax_inclusive_pricing: spec.inclusive,
    shipping_cost_ex_tax: money4(shipEx), shipping_cost_inc_tax: money4(shipInc), shipping_cost_tax: money4(shipInc - shipEx),
    total_ex_tax: money4(ex), total_inc_tax: (Math.round(inc * 100) / 100).toFixed(2), total_tax: money4(inc - ex),
    billing_address: address,
    consignments: {
      shipping: [{ id: 1, ...address, shipping_method: 'PostNL', cost_ex_tax: shipEx, cost_inc_tax: shipInc, cost_tax: r4(shipInc - shipEx), line_items: items }],
      pickups: [], downloads: [], email: { gift_certificates: [] },
    },
    fees: [],
  };
}

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0);

/** What AccountView adds up on a sales order: Σ quantity × price, plus VAT per line when prices exclude it. */
function salesOrderTotal(mappedLines: Record<string, unknown>[], lines: DocLine[], inclusive: boolean): number {
  return mappedLines.reduce<number>((sum, l, i) => {
    const net = roundHalfAway(num(l.ORD_QTY) * num(l.ART_PX) * 100);
    return sum + net + (inclusive ? 0 : roundHalfAway((net * (lines[i]?.vatRate ?? 0)) / 100));
  }, 0);
}

function bindings(order: { id: number }, inclusive: boolean, lines: DocLine[]) {
  return {
    storeHash: 'fuzz', channelId: 1, orderId: order.id, currency: 'EUR', reference: `BC-${order.id}`, email: address.email,
    paymentMethod: '', paymentTermDays: 0, giftCertificateAmount: 0, storeCreditAmount: 0, pricesIncludeVat: inclusive,
    journalCode: settings.journalCode, debtorAccount: settings.debtorAccount, vatTable: settings.vatTable,
    debtor: 'JANSEN', deliveryAddress: '', lines,
  };
}

describe('order mapping over generated orders', () => {
  const mapping = orderMappings(undefined).salesOrder.compiled;

  it('totals BigCommerce’s figure to the cent and carries every line once', async () => {
    let id = 100;
    await fc.assert(
      fc.asyncProperty(orderSpec, async (spec) => {
        const raw = bigCommerceOrder(spec, (id += 1));
        const parsed = parseOrder(raw);
        expect(parsed.ok, parsed.ok ? '' : parsed.problem).toBe(true);
        if (!parsed.ok) return;
        const drafted = draftOrderDocument(parsed.order, settings, spec.inclusive);
        expect(drafted.ok, drafted.ok ? '' : drafted.problems.join('; ')).toBe(true);
        if (!drafted.ok) return;
        const { draft } = drafted;

        // Every line item once, with its quantity, as a product line.
        const products = draft.lines.filter((l) => l.kind === 'product');
        expect(products.map((l) => [l.orderProductId, l.quantity])).toEqual(raw.consignments.shipping[0]!.line_items.map((l) => [l.id, l.quantity]));
        // The lines themselves add up to the order total within the rounding tolerance.
        const lineCents = draft.lines.reduce((s, l) => s + Math.round(l.amountInclVat * 100), 0);
        expect(draft.targetCents).toBe(Math.round(Number(raw.total_inc_tax) * 100));
        expect(Math.abs(draft.targetCents - lineCents)).toBeLessThanOrEqual(Math.round(settings.roundingTolerance * 100));

        // As AccountView will add the mapped document up: equal, once a rounding line takes the difference.
        // The flow matches each product line to its AccountView article (by SKU here).
        const lines = draft.lines.map((l) => (l.kind === 'product' ? { ...l, articleCode: l.sku } : l));
        let mapped = await mapping.evaluate(raw, bindings(raw, spec.inclusive, lines));
        const diff = draft.targetCents - salesOrderTotal(mapped.lines, lines, spec.inclusive);
        expect(Math.abs(diff)).toBeLessThanOrEqual(Math.round(settings.roundingTolerance * 100));
        if (diff !== 0) {
          const rounding = roundingLine(settings, spec.inclusive, diff);
          expect(rounding).toBeDefined();
          lines.push(rounding!);
          mapped = await mapping.evaluate(raw, bindings(raw, spec.inclusive, lines));
        }
        expect(salesOrderTotal(mapped.lines, lines, spec.inclusive)).toBe(draft.targetCents);
        expect(mapped.lines).toHaveLength(lines.length);
      }),
      { numRuns: RUNS },
    );
  }, 30_000);

  it('answers anything that is not an order with a problem, never an exception', () => {
    const mutated = fc
      .tuple(orderSpec, fc.constantFrom('total_inc_tax', 'consignments', 'billing_address', 'id', 'fees', 'status_id'), fc.anything())
      .map(([spec, key, value]) => ({ ...bigCommerceOrder(spec, 7), [key]: value }));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), mutated), (raw) => {
        const parsed = parseOrder(raw);
        if (!parsed.ok) {
          expect(parsed.problem.length).toBeGreaterThan(0);
          return;
        }
        const drafted = draftOrderDocument(parsed.order, settings, true);
        if (!drafted.ok) expect(drafted.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});
