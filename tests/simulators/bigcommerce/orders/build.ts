import { rfc2822, wholeSeconds } from '../dates';
import { distribute, taxOfExclusive, taxOfInclusive, toCents, v2Money, type Cents } from '../money';
import { nextId, stableUuid, type StoreData } from '../store-data';
import type { StoreInformation } from '../types';
import { countryName, TAX_CLASS, vatRate } from '../vat';
import { orderInput, type OrderInput, type OrderLineInput, type ShippingAddressInput } from './input';
import { paymentStatusFor, statusName } from './statuses';
import type { AppliedDiscount, BillingAddress, OrderAddress, OrderCoupon, OrderFee, OrderProduct, OrderShippingAddress, StoredOrder } from './types';

export interface OrderContext {
  info: StoreInformation;
  data: StoreData;
  nowMs: number;
}

/** One priced amount in the entered basis (inclusive or exclusive), split into ex, tax and inc. */
interface Split {
  ex: Cents;
  tax: Cents;
  inc: Cents;
}

function split(entered: Cents, ratePercent: number, inclusive: boolean): Split {
  if (inclusive) {
    const tax = taxOfInclusive(entered, ratePercent);
    return { ex: entered - tax, tax, inc: entered };
  }
  const tax = taxOfExclusive(entered, ratePercent);
  return { ex: entered, tax, inc: entered + tax };
}

function defaultBilling(countryCode: string): OrderAddress {
  if (countryCode === 'BE') {
    return {
      first_name: 'Tom', last_name: 'Peeters', company: '', street_1: 'Meir 50', street_2: '', city: 'Antwerpen',
      state: 'Antwerpen', zip: '2000', country: 'Belgium', country_iso2: 'BE', phone: '+32 3 226 45 10', email: 'tom.peeters@telenet.be',
    };
  }
  return {
    first_name: 'Lotte', last_name: 'Mulder', company: '', street_1: 'Lange Voorhout 12', street_2: '', city: 'Den Haag',
    state: 'Zuid-Holland', zip: '2514 ED', country: 'Netherlands', country_iso2: 'NL', phone: '+31 70 345 6789', email: 'lotte.mulder@ziggo.nl',
  };
}

function completeAddress(partial: Partial<OrderAddress> | undefined, fallback: OrderAddress): OrderAddress {
  const merged = { ...fallback, ...partial };
  // Only the ISO code given: spell the country as BigCommerce does.
  if (partial?.country_iso2 && !partial.country) merged.country = countryName(partial.country_iso2);
  return merged;
}

interface ResolvedLine extends OrderLineInput {
  cost_price: number;
  name: string;
  sku: string;
  price: number;
  tax_rate: number;
  type: 'physical' | 'digital' | 'giftcertificate';
}

/** Fills a line from the catalog when it names a product; without products, the store's first physical product. */
function resolveLines(ctx: OrderContext, lines: OrderLineInput[] | undefined): ResolvedLine[] {
  const country = ctx.info.country_code;
  const given = lines ?? [{ quantity: 1, address: 0, quantity_shipped: 0 }];
  return given.map((line) => {
    const product = line.product_id !== undefined
      ? ctx.data.products.find((p) => p.id === line.product_id)
      : lines === undefined ? ctx.data.products.find((p) => p.type === 'physical') : undefined;
    const variant = product?.variants.find((v) => v.id === line.variant_id);
    const type = line.type ?? (product?.type === 'digital' ? 'digital' : 'physical');
    return {
      ...line,
      product_id: product?.id ?? line.product_id ?? 0,
      variant_id: variant?.id ?? product?.base_variant.id ?? line.variant_id ?? 0,
      name: line.name ?? product?.name ?? 'Artikel',
      sku: line.sku ?? variant?.sku ?? product?.sku ?? '',
      price: line.price ?? variant?.price ?? product?.price ?? 10,
      tax_rate: line.tax_rate ?? (type === 'giftcertificate' ? 0 : vatRate(country, product?.tax_class_id ?? TAX_CLASS.default)),
      weight: line.weight ?? variant?.weight ?? product?.weight ?? 0,
      cost_price: variant?.cost_price ?? product?.cost_price ?? 0,
      upc: line.upc ?? product?.upc ?? '',
      type,
    };
  });
}

function couponDiscount(coupon: { type: number; amount: number; discount?: number | undefined }, subtotalEntered: Cents): Cents {
  if (coupon.discount !== undefined) return toCents(coupon.discount);
  if (coupon.type === 1) return Math.round((subtotalEntered * coupon.amount) / 100);
  if (coupon.type === 2) return Math.min(toCents(coupon.amount), subtotalEntered);
  throw new Error(`Coupon type ${coupon.type} needs an explicit discount`);
}

/** The store's coupon id; stable per code, as the same coupon keeps its id across orders. */
function couponId(code: string): number {
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) % 997;
  return hash + 1;
}

function moneyTriple(s: Split): { ex: string; inc: string; tax: string } {
  return { ex: v2Money(s.ex), inc: v2Money(s.inc), tax: v2Money(s.tax) };
}

/**
 * Builds a complete V2 order, consistent to the cent: line taxes are computed per line on the entered basis,
 * discounts are spread over lines in proportion to their value and taxed after the discount, and
 * `total_inc_tax - total_ex_tax = total_tax` holds exactly.
 */
export function buildOrder(ctx: OrderContext, raw: OrderInput = {}): StoredOrder {
  const input = orderInput.parse(raw);
  const inclusive = input.is_tax_inclusive_pricing ?? ctx.info.is_price_entered_with_tax;
  const createdMs = wholeSeconds(
    input.date_created === undefined ? ctx.nowMs : typeof input.date_created === 'number' ? input.date_created : Date.parse(input.date_created),
  );
  if (Number.isNaN(createdMs)) throw new Error(`Unreadable date_created ${String(input.date_created)}`);
  const id = nextId(ctx.data, 'order');
  const statusId = input.status_id ?? 11;
  statusName(statusId);

  const billingBase = completeAddress(input.billing_address, defaultBilling(ctx.info.country_code));
  const billing: BillingAddress = { ...billingBase, form_fields: [] };
  const lines = resolveLines(ctx, input.products);
  const physical = lines.filter((l) => l.type === 'physical');
  const shippingInputs: ShippingAddressInput[] = input.shipping_addresses
    ?? (physical.length > 0 ? [{ shipping_method: 'Verzending PostNL', cost: 6.95, tax_rate: 21 }] : []);
  if (physical.length > 0 && shippingInputs.length === 0) throw new Error('Physical products need a shipping address');

  const shippingAddresses: OrderShippingAddress[] = shippingInputs.map((s, index) => {
    const { shipping_method, cost, tax_rate, shipping_zone_name, ...fields } = s;
    const addr = completeAddress(fields, billingBase);
    const costSplit = moneyTriple(split(toCents(cost), tax_rate, inclusive));
    const items = physical.filter((l) => l.address === index);
    return {
      id: nextId(ctx.data, 'orderAddress'),
      order_id: id,
      ...addr,
      items_total: items.reduce((n, l) => n + l.quantity, 0),
      items_shipped: items.reduce((n, l) => n + l.quantity_shipped, 0),
      shipping_method,
      base_cost: v2Money(toCents(cost)),
      cost_ex_tax: costSplit.ex,
      cost_inc_tax: costSplit.inc,
      cost_tax: costSplit.tax,
      cost_tax_class_id: TAX_CLASS.shipping,
      base_handling_cost: v2Money(0),
      handling_cost_ex_tax: v2Money(0),
      handling_cost_inc_tax: v2Money(0),
      handling_cost_tax: v2Money(0),
      handling_cost_tax_class_id: TAX_CLASS.shipping,
      shipping_zone_id: addr.country_iso2 === ctx.info.country_code ? 1 : 2,
      shipping_zone_name: shipping_zone_name ?? (addr.country_iso2 === ctx.info.country_code ? addr.country : 'Europa'),
      form_fields: [],
    };
  });

  const lineEntered = lines.map((l) => toCents(l.price) * l.quantity);
  const subtotalEntered = lineEntered.reduce((a, b) => a + b, 0);
  const coupons = input.coupons.map((c) => ({ ...c, cents: couponDiscount(c, subtotalEntered) }));
  const couponShares = coupons.map((c) => distribute(c.cents, lineEntered));
  const manualShares = distribute(toCents(input.discount_amount), lineEntered);

  let discountedTax: Cents = 0;
  let discountedEntered: Cents = 0;
  const products: OrderProduct[] = lines.map((line, i) => {
    const unit = split(toCents(line.price), line.tax_rate, inclusive);
    const total = split(lineEntered[i] ?? 0, line.tax_rate, inclusive);
    const discounts: AppliedDiscount[] = coupons.map((c, k) => ({
      id: coupons.length > 1 ? `total-coupon-${k + 1}` : 'total-coupon',
      amount: v2Money(couponShares[k]?.[i] ?? 0),
      name: c.code,
      code: c.code,
      target: 'order' as const,
    }));
    if (input.discount_amount > 0) {
      discounts.push({ id: 'manual-discount', amount: v2Money(manualShares[i] ?? 0), name: 'Manual Discount', code: null, target: 'order' });
    }
    const lineDiscount = discounts.reduce((sum, d) => sum + toCents(Number(d.amount)), 0);
    const after = split((lineEntered[i] ?? 0) - lineDiscount, line.tax_rate, inclusive);
    discountedTax += after.tax;
    discountedEntered += inclusive ? after.inc : after.ex;
    const productId = nextId(ctx.data, 'orderProduct');
    const weight = (line.weight ?? 0).toFixed(4);
    // Cost prices are kept without VAT, whatever the store's price entry.
    const cost = split(toCents(line.cost_price), line.tax_rate, false);
    return {
      id: productId,
      order_id: id,
      product_id: line.product_id ?? 0,
      variant_id: line.variant_id ?? 0,
      order_pickup_method_id: 0,
      order_address_id: line.type === 'physical' ? (shippingAddresses[line.address]?.id ?? 0) : 0,
      name: line.name,
      name_customer: line.name,
      name_merchant: line.name,
      sku: line.sku,
      upc: line.upc ?? '',
      type: line.type,
      base_price: v2Money(toCents(line.price)),
      price_ex_tax: v2Money(unit.ex),
      price_inc_tax: v2Money(unit.inc),
      price_tax: v2Money(unit.tax),
      base_total: v2Money(lineEntered[i] ?? 0),
      total_ex_tax: v2Money(total.ex),
      total_inc_tax: v2Money(total.inc),
      total_tax: v2Money(total.tax),
      weight,
      width: '0.0000',
      height: '0.0000',
      depth: '0.0000',
      quantity: line.quantity,
      base_cost_price: v2Money(cost.ex),
      cost_price_inc_tax: v2Money(cost.inc),
      cost_price_ex_tax: v2Money(cost.ex),
      cost_price_tax: v2Money(cost.tax),
      is_refunded: false,
      quantity_refunded: 0,
      refund_amount: '0.0000',
      return_id: 0,
      wrapping_id: 0,
      wrapping_name: null,
      base_wrapping_cost: '0.0000',
      wrapping_cost_ex_tax: '0.0000',
      wrapping_cost_inc_tax: '0.0000',
      wrapping_cost_tax: '0.0000',
      wrapping_message: '',
      quantity_shipped: line.quantity_shipped,
      event_name: null,
      event_date: null,
      fixed_shipping_cost: '0.0000',
      ebay_item_id: '',
      ebay_transaction_id: '',
      option_set_id: null,
      parent_order_product_id: null,
      is_bundled_product: false,
      bin_picking_number: '',
      external_id: null,
      brand: line.brand ?? '',
      applied_discounts: discounts,
      product_options: [],
      configurable_fields: [],
      gift_certificate_id: line.type === 'giftcertificate' ? 1000 + productId : null,
      discounted_total_inc_tax: v2Money(after.inc),
    };
  });

  const orderCoupons: OrderCoupon[] = coupons.map((c) => ({
    id: nextId(ctx.data, 'orderCoupon'),
    coupon_id: couponId(c.code),
    order_id: id,
    code: c.code,
    amount: c.amount,
    type: c.type,
    discount: c.cents / 100,
  }));

  const fees: OrderFee[] = input.fees.map((f) => {
    const s = split(toCents(f.cost), f.tax_rate, inclusive);
    return {
      id: nextId(ctx.data, 'orderFee'),
      type: 'custom_fee',
      display_name_customer: f.name,
      display_name_merchant: f.name,
      source: 'v2',
      base_cost: v2Money(toCents(f.cost)),
      cost_ex_tax: v2Money(s.ex),
      cost_inc_tax: v2Money(s.inc),
      cost_tax: v2Money(s.tax),
      tax_class_id: null,
    };
  });

  const sumOf = (values: string[]) => values.reduce((sum, v) => sum + toCents(Number(v)), 0);
  const shipping = {
    base: sumOf(shippingAddresses.map((a) => a.base_cost)),
    ex: sumOf(shippingAddresses.map((a) => a.cost_ex_tax)),
    inc: sumOf(shippingAddresses.map((a) => a.cost_inc_tax)),
    tax: sumOf(shippingAddresses.map((a) => a.cost_tax)),
  };
  const feeTotals = { ex: sumOf(fees.map((f) => f.cost_ex_tax)), inc: sumOf(fees.map((f) => f.cost_inc_tax)), tax: sumOf(fees.map((f) => f.cost_tax)) };
  const subtotal = { ex: sumOf(products.map((p) => p.total_ex_tax)), inc: sumOf(products.map((p) => p.total_inc_tax)), tax: sumOf(products.map((p) => p.total_tax)) };
  const totalTax = discountedTax + shipping.tax + feeTotals.tax;
  const totalEntered = discountedEntered + (inclusive ? shipping.inc + feeTotals.inc : shipping.ex + feeTotals.ex);
  const total = inclusive ? { inc: totalEntered, ex: totalEntered - totalTax } : { ex: totalEntered, inc: totalEntered + totalTax };
  const paidOtherwise = toCents(input.gift_certificate_amount) + toCents(input.store_credit_amount);
  if (paidOtherwise > total.inc) throw new Error('Gift certificate and store credit exceed the order total');

  const digital = lines.every((l) => l.type !== 'physical');
  const created = rfc2822(createdMs);
  const currency = ctx.info.currency;
  return {
    createdMs,
    modifiedMs: createdMs,
    products,
    shippingAddresses,
    coupons: orderCoupons,
    fees,
    giftCertificateRecipients: Object.fromEntries(
      lines.flatMap((l, i) => (l.type === 'giftcertificate' ? [[String(products[i]?.id), l.recipient_email ?? billing.email]] : [])),
    ),
    order: {
      id,
      customer_id: input.customer_id,
      date_created: created,
      date_modified: created,
      date_shipped: [2, 10].includes(statusId) && !digital ? created : '',
      status_id: statusId,
      status: statusName(statusId),
      custom_status: statusName(statusId),
      subtotal_ex_tax: v2Money(subtotal.ex),
      subtotal_inc_tax: v2Money(subtotal.inc),
      subtotal_tax: v2Money(subtotal.tax),
      base_shipping_cost: v2Money(shipping.base),
      shipping_cost_ex_tax: v2Money(shipping.ex),
      shipping_cost_inc_tax: v2Money(shipping.inc),
      shipping_cost_tax: v2Money(shipping.tax),
      shipping_cost_tax_class_id: TAX_CLASS.shipping,
      base_handling_cost: '0.0000',
      handling_cost_ex_tax: '0.0000',
      handling_cost_inc_tax: '0.0000',
      handling_cost_tax: '0.0000',
      handling_cost_tax_class_id: TAX_CLASS.shipping,
      base_wrapping_cost: '0.0000',
      wrapping_cost_ex_tax: '0.0000',
      wrapping_cost_inc_tax: '0.0000',
      wrapping_cost_tax: '0.0000',
      wrapping_cost_tax_class_id: 3,
      total_ex_tax: v2Money(total.ex),
      total_inc_tax: v2Money(total.inc),
      total_tax: v2Money(totalTax),
      items_total: products.reduce((n, p) => n + p.quantity, 0),
      items_shipped: products.reduce((n, p) => n + p.quantity_shipped, 0),
      payment_method: input.payment_method ?? (statusId === 7 ? 'Bankoverschrijving' : 'iDEAL'),
      payment_provider_id: input.payment_provider_id ?? (statusId === 0 ? '' : `tr_${id.toString(36)}${createdMs.toString(36)}`),
      payment_status: input.payment_status ?? paymentStatusFor(statusId),
      refunded_amount: '0.0000',
      order_is_digital: digital,
      store_credit_amount: v2Money(toCents(input.store_credit_amount)),
      gift_certificate_amount: v2Money(toCents(input.gift_certificate_amount)),
      ip_address: input.ip_address,
      ip_address_v6: '',
      geoip_country: billing.country,
      geoip_country_iso2: billing.country_iso2,
      currency_id: 1,
      currency_code: currency,
      currency_exchange_rate: '1.0000000000',
      default_currency_id: 1,
      default_currency_code: currency,
      store_default_currency_code: currency,
      store_default_to_transactional_exchange_rate: '1.0000000000',
      staff_notes: input.staff_notes,
      customer_message: input.customer_message,
      discount_amount: v2Money(toCents(input.discount_amount)),
      coupon_discount: v2Money(coupons.reduce((sum, c) => sum + c.cents, 0)),
      shipping_address_count: shippingAddresses.length,
      is_deleted: false,
      ebay_order_id: '0',
      cart_id: input.cart_id ?? stableUuid(`cart:${ctx.info.id}:${id}:${createdMs}`),
      billing_address: billing,
      is_email_opt_in: input.is_email_opt_in,
      credit_card_type: null,
      order_source: input.order_source,
      channel_id: input.channel_id,
      external_source: input.external_source,
      external_id: null,
      external_merchant_id: null,
      tax_provider_id: 'BasicTaxProvider',
      customer_locale: input.customer_locale,
      external_order_id: input.external_order_id,
      is_tax_inclusive_pricing: inclusive,
    },
  };
}
