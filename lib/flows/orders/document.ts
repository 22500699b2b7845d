import type { Cents, OrderLine, OrderView } from './order-source';
import { lineLabel } from './order-source';
import { lookupMap, vatCodeFor, type OrderFlowSettings, type ServiceLineKind } from './settings';
import { detectRate, observedRate, splitExclusive, splitInclusive } from './vat';

/**
 * The lines of an AccountView document, worked out from a BigCommerce order before any mapping: one per
 * product, then discounts per VAT rate, shipping per consignment, handling, wrapping, fees and (when
 * asked) payments by gift certificate or store credit. Amounts are exact copies of BigCommerce's, so
 * the lines add up to `total_inc_tax`; whatever AccountView's own rounding changes is caught later.
 */

export type LineKind = 'product' | 'discount' | 'shipping' | 'handling' | 'wrapping' | 'fee' | 'gift-certificate' | 'gift-certificate-payment' | 'store-credit' | 'refund' | 'rounding';

/** The settings entry each non-product kind takes its article and account from. */
export const SERVICE_KIND: Record<Exclude<LineKind, 'product'>, ServiceLineKind> = {
  discount: 'discount',
  shipping: 'shipping',
  handling: 'handling',
  wrapping: 'wrapping',
  fee: 'fee',
  'gift-certificate': 'giftCertificate',
  'gift-certificate-payment': 'giftCertificatePayment',
  'store-credit': 'storeCredit',
  refund: 'refund',
  rounding: 'rounding',
};

/** One document line as the mapping sees it (`$lines`): amounts in currency units, signed (credits are negative). */
export interface DocLine {
  kind: LineKind;
  description: string;
  /** BigCommerce SKU and EAN/UPC (product lines). */
  sku: string;
  ean: string;
  /** AccountView ART_CODE: the matched article for products, the configured one for other lines. */
  articleCode: string;
  /** AccountView ledger account (ACCT_NR) for sales invoices. */
  ledgerAccount: string;
  quantity: number;
  /** Per unit, in the store's price basis (incl. VAT when prices are entered with VAT), up to 4 decimals; never negative for credits (the quantity is). */
  unitPrice: number;
  /** quantity × unitPrice, in the store's price basis. */
  amount: number;
  amountInclVat: number;
  amountExclVat: number;
  vatAmount: number;
  vatRate: number;
  vatCode: string;
  /** Country the VAT is due for: ship-to for goods sent, billing otherwise. */
  country: string;
  orderProductId: number | null;
}

/** Cents-exact amounts behind a line. */
interface Money {
  ex: Cents;
  inc: Cents;
  tax: Cents;
}

export interface DocumentDraft {
  lines: DocLine[];
  /** What the document must total, incl. VAT, in cents (negative for credits). */
  targetCents: Cents;
  /** Lines that still need their AccountView article (product lines). */
  productLines: DocLine[];
}

export type DraftResult = { ok: true; draft: DocumentDraft } | { ok: false; problems: string[]; hints: string[] };

const euros = (c: Cents) => Math.round(c) / 100;

interface Basis {
  inclusive: boolean;
  settings: OrderFlowSettings;
}

function serviceTarget(settings: OrderFlowSettings, kind: Exclude<LineKind, 'product'>, vatCode: string, shippingMethod: string): { article: string; account: string } {
  const entry = settings.serviceLines[SERVICE_KIND[kind]];
  // A shipping method of its own (e.g. pick-up points on another revenue account) wins over the general shipping line.
  const own = kind === 'shipping' ? lookupMap(settings.shippingMethodMap, shippingMethod) : undefined;
  return {
    article: own?.article || (entry.articlesByVatCode[vatCode] ?? entry.article),
    account: own?.account || entry.account || revenueAccount(settings, vatCode),
  };
}

export function revenueAccount(settings: OrderFlowSettings, vatCode: string): string {
  return settings.revenueAccounts[vatCode] ?? settings.revenueAccount;
}

function line(
  basis: Basis,
  fields: {
    kind: LineKind;
    description: string;
    quantity: number;
    money: Money;
    rate: number;
    vatCode: string;
    country: string;
    unitPrice?: number;
    sku?: string;
    ean?: string;
    orderProductId?: number | null;
    /** BigCommerce's shipping method of a shipping line ('' when the order names none). */
    shippingMethod?: string;
  },
): DocLine {
  const { kind, money, quantity } = fields;
  const amountCents = basis.inclusive ? money.inc : money.ex;
  const target = kind === 'product' ? { article: '', account: revenueAccount(basis.settings, fields.vatCode) } : serviceTarget(basis.settings, kind, fields.vatCode, fields.shippingMethod ?? '');
  const unitPrice = fields.unitPrice ?? (quantity === 0 ? 0 : Math.round((Math.abs(amountCents) / Math.abs(quantity)) * 100) / 10_000);
  return {
    kind,
    description: fields.description,
    sku: fields.sku ?? '',
    ean: fields.ean ?? '',
    articleCode: target.article,
    ledgerAccount: target.account,
    quantity,
    unitPrice,
    amount: euros(amountCents),
    amountInclVat: euros(money.inc),
    amountExclVat: euros(money.ex),
    vatAmount: euros(money.tax),
    vatRate: fields.rate,
    vatCode: fields.vatCode,
    country: fields.country,
    orderProductId: fields.orderProductId ?? null,
  };
}

function negate(m: Money): Money {
  return { ex: -m.ex, inc: -m.inc, tax: -m.tax };
}

/** Country the VAT of a product line is due for. */
function lineCountry(order: OrderView, item: OrderLine): string {
  const consignment = order.shipping.find((s) => s.id === item.order_address_id);
  return (consignment?.country_iso2 || order.billing.country_iso2 || '').toUpperCase();
}

const VAT_HINT = 'Add the rate to the VAT table in the order settings (or correct the tax class in BigCommerce).';

class Problems {
  readonly list: string[] = [];
  readonly hints: string[] = [];
  add(message: string, hint = VAT_HINT) {
    if (!this.list.includes(message)) this.list.push(message);
    if (!this.hints.includes(hint)) this.hints.push(hint);
  }
  result(): { ok: false; problems: string[]; hints: string[] } {
    return { ok: false, problems: this.list, hints: [...this.hints, 'The order is sent again automatically on a later run.'] };
  }
}

function rateOf(settings: OrderFlowSettings, problems: Problems, what: string, country: string, money: Money): { rate: number; vatCode: string } | undefined {
  const rate = detectRate(settings.vatTable, country, money);
  if (rate === undefined) {
    problems.add(
      `BigCommerce charged ${observedRate(money)} VAT on ${what}${country ? ` (${country})` : ''}, and the VAT table in the settings has no AccountView VAT code for that rate.`,
    );
    return undefined;
  }
  const vatCode = vatCodeFor(settings.vatTable, rate, country);
  if (vatCode === undefined) {
    problems.add(`The VAT table in the settings has no AccountView VAT code for ${rate} %${country ? ` in ${country}` : ''} (needed for ${what}).`);
    return undefined;
  }
  return { rate, vatCode };
}

/** Tax of a product line after its discounts, recovered from BigCommerce's discounted total. */
function discountOf(item: OrderLine, rate: number, inclusive: boolean): Money {
  const discounts = item.applied_discounts.reduce((sum, d) => sum + d.amount, 0);
  if (item.discounted_total_inc_tax === undefined) {
    if (discounts === 0) return { ex: 0, inc: 0, tax: 0 };
    const after = inclusive ? splitInclusive(item.total_inc_tax - discounts, rate) : splitExclusive(item.total_ex_tax - discounts, rate);
    return { ex: item.total_ex_tax - after.ex, inc: item.total_inc_tax - after.inc, tax: item.total_tax - after.tax };
  }
  const afterInc = item.discounted_total_inc_tax;
  const dInc = item.total_inc_tax - afterInc;
  if (dInc === 0) return { ex: 0, inc: 0, tax: 0 };
  // Exclusive stores enter the discount without VAT, so the net after discount is exact; inclusive ones split the gross.
  const afterTax = inclusive ? splitInclusive(afterInc, rate).tax : afterInc - (item.total_ex_tax - discounts);
  const dTax = item.total_tax - afterTax;
  return { ex: dInc - dTax, inc: dInc, tax: dTax };
}

interface Charge {
  key: string;
  kind: 'shipping' | 'handling' | 'wrapping' | 'fee';
  description: string;
  /** BigCommerce's shipping method name (shipping only; '' otherwise or when the order names none). */
  shippingMethod: string;
  money: Money;
  country: string;
}

/** Shipping per consignment (or the order's total when the consignments do not add up to it), handling, wrapping, fees. */
export function chargesOf(order: OrderView): Charge[] {
  const billingCountry = (order.billing.country_iso2 || '').toUpperCase();
  const charges: Charge[] = [];
  const perConsignment = order.shipping.filter((s) => s.cost.inc !== 0 || s.cost.ex !== 0);
  const consignmentSum = perConsignment.reduce((sum, s) => sum + s.cost.inc, 0);
  if (consignmentSum === order.shippingTotal.inc && perConsignment.length > 0) {
    for (const s of perConsignment) {
      charges.push({ key: `shipping:${s.id}`, kind: 'shipping', description: s.shippingMethod || 'Verzendkosten', shippingMethod: s.shippingMethod || '', money: s.cost, country: (s.country_iso2 || billingCountry).toUpperCase() });
    }
  } else if (order.shippingTotal.inc !== 0 || order.shippingTotal.ex !== 0) {
    const country = (order.shipping[0]?.country_iso2 || billingCountry).toUpperCase();
    charges.push({ key: 'shipping', kind: 'shipping', description: order.shipping[0]?.shippingMethod || 'Verzendkosten', shippingMethod: order.shipping[0]?.shippingMethod || '', money: order.shippingTotal, country });
  }
  const firstShipCountry = (order.shipping[0]?.country_iso2 || billingCountry).toUpperCase();
  if (order.handling.inc !== 0 || order.handling.ex !== 0) {
    charges.push({ key: 'handling', kind: 'handling', description: 'Behandelkosten', shippingMethod: '', money: order.handling, country: firstShipCountry });
  }
  if (order.wrapping.inc !== 0 || order.wrapping.ex !== 0) {
    charges.push({ key: 'wrapping', kind: 'wrapping', description: 'Cadeauverpakking', shippingMethod: '', money: order.wrapping, country: firstShipCountry });
  }
  for (const fee of order.fees) {
    if (fee.cost.inc === 0 && fee.cost.ex === 0) continue;
    charges.push({ key: `fee:${fee.id}`, kind: 'fee', description: fee.name || 'Toeslag', shippingMethod: '', money: fee.cost, country: firstShipCountry });
  }
  return charges;
}

function isGiftCertificate(item: OrderLine): boolean {
  return item.type === 'giftcertificate';
}

/** The document lines of an order, before articles are matched. */
export function draftOrderDocument(order: OrderView, settings: OrderFlowSettings, inclusive: boolean): DraftResult {
  const basis: Basis = { inclusive, settings };
  const problems = new Problems();
  const lines: DocLine[] = [];
  const discountGroups = new Map<string, { money: Money; rate: number; vatCode: string; country: string; names: Set<string> }>();

  for (const item of order.lines) {
    const gift = isGiftCertificate(item);
    // Gift certificates are outside VAT wherever the buyer lives: domestic "no VAT", never reverse charge.
    const country = gift ? '' : lineCountry(order, item);
    const money: Money = { ex: item.total_ex_tax, inc: item.total_inc_tax, tax: item.total_tax };
    const vat = rateOf(settings, problems, `line ${lineLabel(item)}`, country, money);
    if (!vat) continue;
    if (!gift && item.sku.trim() === '') {
      problems.add(
        `Line "${item.name}" has no SKU in BigCommerce, so no AccountView article can be found for it.`,
        `Give the product a SKU in BigCommerce that matches an AccountView article code.`,
      );
      continue;
    }
    lines.push(
      line(basis, {
        kind: gift ? 'gift-certificate' : 'product',
        description: item.name,
        quantity: item.quantity,
        money,
        ...vat,
        country,
        unitPrice: inclusive ? item.price_inc_tax : item.price_ex_tax,
        sku: gift ? '' : item.sku.trim(),
        ean: item.upc.trim(),
        orderProductId: item.id,
      }),
    );
    const discount = discountOf(item, vat.rate, inclusive);
    if (discount.inc !== 0 || discount.ex !== 0) {
      const key = `${vat.vatCode}|${country}`;
      const group = discountGroups.get(key) ?? { money: { ex: 0, inc: 0, tax: 0 }, ...vat, country, names: new Set<string>() };
      group.money = { ex: group.money.ex + discount.ex, inc: group.money.inc + discount.inc, tax: group.money.tax + discount.tax };
      for (const d of item.applied_discounts) if (d.amount !== 0) group.names.add(d.code || d.name);
      discountGroups.set(key, group);
    }
  }
  for (const group of discountGroups.values()) {
    const names = [...group.names].filter((n) => n !== '');
    lines.push(
      line(basis, {
        kind: 'discount',
        description: names.length > 0 ? `Korting ${names.join(', ')}` : 'Korting',
        quantity: 1,
        money: negate(group.money),
        rate: group.rate,
        vatCode: group.vatCode,
        country: group.country,
        unitPrice: euros(inclusive ? -group.money.inc : -group.money.ex),
      }),
    );
  }
  for (const charge of chargesOf(order)) {
    const vat = rateOf(settings, problems, charge.description, charge.country, charge.money);
    if (!vat) continue;
    lines.push(line(basis, { kind: charge.kind, description: charge.description, quantity: 1, money: charge.money, ...vat, country: charge.country, shippingMethod: charge.shippingMethod }));
  }

  let targetCents = order.total.inc;
  if (settings.paymentLines === 'lines') {
    // Payments carry no VAT; "domestic" keeps them off the reverse-charge code.
    const country = '';
    const zeroCode = vatCodeFor(settings.vatTable, 0, country);
    const payments: [LineKind, Cents, string][] = [
      ['gift-certificate-payment', order.giftCertificateAmount, 'Betaald met cadeaubon'],
      ['store-credit', order.storeCreditAmount, 'Betaald met tegoed'],
    ];
    for (const [kind, amount, description] of payments) {
      if (amount === 0) continue;
      if (zeroCode === undefined) {
        problems.add('The VAT table in the settings has no AccountView VAT code for 0 %, which payments by gift certificate or store credit need.');
        continue;
      }
      lines.push(line(basis, { kind, description, quantity: 1, money: { ex: -amount, inc: -amount, tax: 0 }, rate: 0, vatCode: zeroCode, country, unitPrice: euros(-amount) }));
      targetCents -= amount;
    }
  }
  if (problems.list.length > 0) return problems.result();
  return { ok: true, draft: { lines, targetCents, productLines: lines.filter((l) => l.kind === 'product') } };
}

// ─── Credits ──────────────────────────────────────────────────────────────────────────────────────

/** What has been (or should be) credited for an order, cumulatively. Stored with each credit in the id-map. */
export interface CreditState {
  total: Cents;
  lines: Record<string, { qty: number; inc: Cents }>;
  charges: Record<string, Cents>;
}

export const NOTHING_CREDITED: CreditState = { total: 0, lines: {}, charges: {} };

/** The whole order undone (a cancellation). */
export function fullCredit(order: OrderView): CreditState {
  const lines: CreditState['lines'] = {};
  for (const item of order.lines) {
    lines[String(item.id)] = { qty: item.quantity, inc: item.discounted_total_inc_tax ?? item.total_inc_tax };
  }
  const charges: CreditState['charges'] = {};
  for (const c of chargesOf(order)) charges[c.key] = c.money.inc;
  return { total: order.total.inc, lines, charges };
}

/**
 * What BigCommerce has refunded so far: items by quantity and amount. V2 orders do not say what else a
 * refund covered, so the rest is read as whole charges (shipping, handling, wrapping, fees, in that order,
 * each only when the rest covers all of it: "refund the shipping"), and what is left after that as a
 * plain amount (a goodwill refund, e.g. for a broken bottle).
 */
export function refundedCredit(order: OrderView): CreditState {
  const lines: CreditState['lines'] = {};
  let itemsTotal = 0;
  for (const item of order.lines) {
    if (item.quantity_refunded === 0 && item.refund_amount === 0) continue;
    lines[String(item.id)] = { qty: item.quantity_refunded, inc: item.refund_amount };
    itemsTotal += item.refund_amount;
  }
  let rest = Math.max(0, order.refunded - itemsTotal);
  const charges: CreditState['charges'] = {};
  for (const c of chargesOf(order)) {
    if (c.money.inc <= 0 || c.money.inc > rest) continue;
    charges[c.key] = c.money.inc;
    rest -= c.money.inc;
  }
  return { total: order.refunded, lines, charges };
}

/** The larger of two credit states, entry by entry: a cancellation after partial refunds credits what is left. */
export function mergeCredit(a: CreditState, b: CreditState): CreditState {
  const lines: CreditState['lines'] = { ...a.lines };
  for (const [id, v] of Object.entries(b.lines)) {
    const prev = lines[id];
    lines[id] = prev ? { qty: Math.max(prev.qty, v.qty), inc: Math.max(prev.inc, v.inc) } : v;
  }
  const charges: CreditState['charges'] = { ...a.charges };
  for (const [k, v] of Object.entries(b.charges)) charges[k] = Math.max(charges[k] ?? 0, v);
  return { total: Math.max(a.total, b.total), lines, charges };
}

/** The lines of a credit document for what `target` credits beyond `done`: negative quantities and amounts. */
export function draftCreditDocument(order: OrderView, settings: OrderFlowSettings, inclusive: boolean, done: CreditState, target: CreditState): DraftResult {
  const basis: Basis = { inclusive, settings };
  const problems = new Problems();
  const lines: DocLine[] = [];
  let covered = 0;
  let dominant: { rate: number; vatCode: string; country: string; inc: Cents } | undefined;

  for (const item of order.lines) {
    const gift = isGiftCertificate(item);
    const country = gift ? '' : lineCountry(order, item);
    const vat = rateOf(settings, problems, `line ${lineLabel(item)}`, country, { ex: item.total_ex_tax, inc: item.total_inc_tax, tax: item.total_tax });
    if (!vat) continue;
    if (!gift && (!dominant || item.total_inc_tax > dominant.inc)) dominant = { ...vat, country, inc: item.total_inc_tax };
    const want = target.lines[String(item.id)];
    if (!want) continue;
    const had = done.lines[String(item.id)] ?? { qty: 0, inc: 0 };
    const qty = Math.max(0, want.qty - had.qty);
    const inc = Math.max(0, want.inc - had.inc);
    if (qty === 0 && inc === 0) continue;
    const money = splitInclusive(inc, vat.rate);
    const units = qty === 0 ? 1 : qty;
    lines.push(
      line(basis, {
        kind: gift ? 'gift-certificate' : 'product',
        description: item.name,
        quantity: -units,
        money: negate(money),
        ...vat,
        country,
        unitPrice: Math.round(((inclusive ? money.inc : money.ex) / units) * 100) / 10_000,
        sku: gift ? '' : item.sku.trim(),
        ean: item.upc.trim(),
        orderProductId: item.id,
      }),
    );
    covered += inc;
  }
  for (const charge of chargesOf(order)) {
    const amount = Math.max(0, (target.charges[charge.key] ?? 0) - (done.charges[charge.key] ?? 0));
    if (amount === 0) continue;
    const vat = rateOf(settings, problems, charge.description, charge.country, charge.money);
    if (!vat) continue;
    lines.push(line(basis, { kind: charge.kind, description: charge.description, quantity: -1, money: negate(splitInclusive(amount, vat.rate)), ...vat, country: charge.country, shippingMethod: charge.shippingMethod }));
    covered += amount;
  }
  const totalCents = target.total - done.total;
  const rest = totalCents - covered;
  if (rest > 0) {
    const vat = dominant ?? (() => {
      const vatCode = vatCodeFor(settings.vatTable, 0, '');
      return vatCode === undefined ? undefined : { rate: 0, vatCode, country: '', inc: 0 };
    })();
    if (!vat) problems.add('The VAT table in the settings has no AccountView VAT code for 0 %, which a refunded amount needs.');
    else lines.push(line(basis, { kind: 'refund', description: 'Terugbetaling', quantity: -1, money: negate(splitInclusive(rest, vat.rate)), rate: vat.rate, vatCode: vat.vatCode, country: vat.country }));
  }
  if (problems.list.length > 0) return problems.result();
  return { ok: true, draft: { lines, targetCents: -totalCents, productLines: lines.filter((l) => l.kind === 'product') } };
}

/** A line that absorbs a difference of a few cents, at the domestic VAT code for 0 %. */
export function roundingLine(settings: OrderFlowSettings, inclusive: boolean, diffCents: Cents): DocLine | undefined {
  const country = '';
  const vatCode = vatCodeFor(settings.vatTable, 0, country);
  if (vatCode === undefined) return undefined;
  return line({ inclusive, settings }, {
    kind: 'rounding',
    description: 'Afronding',
    quantity: 1,
    money: { ex: diffCents, inc: diffCents, tax: 0 },
    rate: 0,
    vatCode,
    country,
    unitPrice: euros(diffCents),
  });
}
