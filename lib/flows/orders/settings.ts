import { z } from 'zod';
import { DEFAULT_VAT_TABLE, vatCode, vatTableSchema, type VatTable } from '@/lib/mapping';

/**
 * Everything a merchant can set for the orders flow, with defaults that work against a plain Dutch
 * AccountView administration (VAT codes 0/1/2, sales journal VRK, revenue 8000/8010). One schema: the
 * settings page, the stored JSON and the flow all go through it.
 */

/** BigCommerce's fixed status ids (reference §2.1). */
export const ORDER_STATUS = {
  incomplete: 0,
  pending: 1,
  shipped: 2,
  partiallyShipped: 3,
  refunded: 4,
  cancelled: 5,
  declined: 6,
  awaitingPayment: 7,
  awaitingPickup: 8,
  awaitingShipment: 9,
  completed: 10,
  awaitingFulfillment: 11,
  manualVerificationRequired: 12,
  disputed: 13,
  partiallyRefunded: 14,
} as const;

/** Paid and not undone: Awaiting Fulfillment, Awaiting Shipment, Shipped, Completed. */
export const DEFAULT_STATUS_IDS = [
  ORDER_STATUS.awaitingFulfillment,
  ORDER_STATUS.awaitingShipment,
  ORDER_STATUS.shipped,
  ORDER_STATUS.completed,
];

const avCode = (max: number) => z.string().trim().max(max);

/** A charge or correction that is not a product: an article (sales order) or a ledger account (sales invoice). */
const serviceLine = (article: string, account: string) =>
  z
    .object({
      /** SO_LINE.ART_CODE on sales orders; the article's VAT code in AccountView must fit the charge. */
      article: avCode(20).default(article),
      /** DJ_LINE.ACCT_NR on sales invoices; empty: the revenue account of the line's VAT code. */
      account: avCode(10).default(account),
      /** Per AccountView VAT code, for sales orders whose charge comes at several rates (e.g. a coupon on 21 % and 9 % goods). */
      articlesByVatCode: z.record(z.string(), avCode(20)).default({}),
    })
    .prefault({});

/** Where one shipping method books; an empty field keeps the shipping line's own. */
const shippingTarget = z
  .object({
    article: avCode(20).optional(),
    account: avCode(10).optional(),
  })
  .refine((t) => Boolean(t.article || t.account), 'Choose an article, a ledger account or both');

export const orderFlowSettings = z
  .object({
    /** Orders are sent once they reach one of these statuses. */
    statusIds: z.array(z.number().int().min(0).max(1000)).min(1).default(DEFAULT_STATUS_IDS),
    /** `sales-order`: SO1 (SO_HDR/SO_LINE). `sales-invoice`: a DJ2 booking (DJ_PAGE/DJ_LINE) in `journalCode`. */
    documentType: z.enum(['sales-order', 'sales-invoice']).default('sales-order'),
    journalCode: avCode(3).min(1).default('VRK'),
    /**
     * The header field that carries the BigCommerce order id (SO_HDR / DJ_PAGE). Before creating, the
     * flow reads AccountView filtered on it, so nothing is created twice even if the app's database
     * lost its record. COMMENT1 is where the PHP client (running in production) puts the webshop id.
     */
    orderIdField: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9_]*$/, 'must be an AccountView field name')
      .default('COMMENT1'),
    /**
     * What is written in `orderIdField`: `{orderId}` is replaced by the BigCommerce order id. Give each
     * store its own prefix when several stores book into one administration.
     */
    referenceFormat: z
      .string()
      .trim()
      .max(40)
      .refine((s) => s.includes('{orderId}'), 'must contain {orderId}')
      .default('BC-{orderId}'),
    /** `match-or-create`: find the debtor by e-mail, update or create it. `default-debtor`: book every order on one debtor. */
    customerMode: z.enum(['default-debtor', 'match-or-create']).default('match-or-create'),
    /** SUB_NR of the catch-all debtor (required for `default-debtor`). */
    defaultDebtor: avCode(10).default(''),
    /** Collective account (ACCT_NR) for new debtors; empty: AccountView's default. */
    debtorAccount: avCode(10).default(''),
    /** How an order line finds its article: by SKU (= ART_CODE), then by EAN (= EAN_CODE) for the rest. */
    articleMatch: z.enum(['sku', 'sku-then-ean']).default('sku-then-ean'),
    /**
     * Sales orders carry no VAT per line: AccountView computes it from the article's VAT code. `fail` stops
     * an order whose article has another VAT code than the rate BigCommerce charged maps to, or whose VAT
     * code has another percentage in AccountView's VAT table (read once per run). `ignore` trusts AccountView.
     */
    articleVatCheck: z.enum(['fail', 'ignore']).default('fail'),
    /**
     * BigCommerce VAT rate (+ destination country) → AccountView VAT code: the mapping's `$vatCode` table
     * (home country's rates, reverse charge and export codes, per-country rates for OSS).
     */
    vatTable: vatTableSchema.default(DEFAULT_VAT_TABLE),
    /** Revenue account per AccountView VAT code for product lines of sales invoices; `revenueAccount` for the rest. */
    revenueAccounts: z.record(z.string(), avCode(10)).default({ '2': '8000', '1': '8010', '0': '8020', '3': '8030', '4': '8040' }),
    revenueAccount: avCode(10).min(1).default('8000'),
    serviceLines: z
      .object({
        shipping: serviceLine('VERZENDKOSTEN', '8100'),
        handling: serviceLine('BEHANDELKOSTEN', '8100'),
        wrapping: serviceLine('INPAKKOSTEN', ''),
        fee: serviceLine('TOESLAG', ''),
        discount: serviceLine('KORTING', ''),
        /** Gift certificates sold: a liability, not revenue. */
        giftCertificate: serviceLine('CADEAUBON', '9999'),
        /** Gift certificates and store credit used to pay (only with `paymentLines: 'lines'`). */
        giftCertificatePayment: serviceLine('CADEAUBON-INW', '9999'),
        storeCredit: serviceLine('TEGOED', '9999'),
        /** A refunded amount that is not an item or shipping (a goodwill refund). */
        refund: serviceLine('RETOUR', ''),
        /** Must carry VAT code "none" in AccountView: it only absorbs cents. */
        rounding: serviceLine('AFRONDING', '8900'),
      })
      .prefault({}),
    /** `line`: a difference of at most `roundingTolerance` between the document and BigCommerce's total becomes a rounding line. `fail`: the order fails instead. */
    roundingPolicy: z.enum(['line', 'fail']).default('line'),
    roundingTolerance: z.number().min(0).max(1).default(0.05),
    /**
     * Gift certificates and store credit are payments, not discounts: by default the document totals
     * BigCommerce's `total_inc_tax` and they are noted on it. `lines` adds them as negative lines, so the
     * debtor only owes what is still to be paid.
     */
    paymentLines: z.enum(['none', 'lines']).default('none'),
    /** BigCommerce payment method (case-insensitive; `*` = any other) → the text AccountView shows. */
    paymentMethodMap: z
      .record(z.string(), z.string().max(40))
      .default({ 'Credit Card': 'Creditcard', iDEAL: 'iDEAL', PayPal: 'PayPal', Bankoverschrijving: 'Bankoverschrijving', 'Bank Deposit': 'Bankoverschrijving', Manual: 'Handmatig', cash: 'Contant' }),
    /** BigCommerce payment method (case-insensitive; `*` = any other) → payment term in days (CRED_DAYS). Prepaid methods: 0. */
    paymentTermMap: z
      .record(z.string(), z.number().int().min(0).max(365))
      .default({ '*': 14, 'Credit Card': 0, iDEAL: 0, PayPal: 0, 'Test Payment Gateway': 0, Bankoverschrijving: 14, 'Bank Deposit': 14, Manual: 30 }),
    /**
     * BigCommerce shipping method (case-insensitive; `*` = any other) → the article (sales orders) and/or
     * ledger account (sales invoices) its shipping line books on instead of `serviceLines.shipping`.
     * Empty: every method books on the shipping line.
     */
    shippingMethodMap: z.record(z.string(), shippingTarget).default({}),
    /** Refunds and cancellations of exported orders become credit documents. */
    credits: z
      .object({ refunds: z.boolean().default(true), cancellations: z.boolean().default(true) })
      .prefault({}),
    /** How many failed orders a poll offers again. */
    retryFailedPerPoll: z.number().int().min(0).max(250).default(50),
  })
  .superRefine((s, ctx) => {
    if (s.customerMode === 'default-debtor' && s.defaultDebtor === '') {
      ctx.addIssue({ code: 'custom', path: ['defaultDebtor'], message: 'Choose the debtor every order is booked on' });
    }
    // Checked here rather than on the record's keys: zod reports a refused key only as "Invalid key in record".
    if (Object.keys(s.shippingMethodMap).some((method) => method.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['shippingMethodMap'], message: 'Choose a shipping method in every row, or remove the empty row' });
    }
  });

export type OrderFlowSettings = z.output<typeof orderFlowSettings>;
export type OrderFlowSettingsInput = z.input<typeof orderFlowSettings>;
export type ServiceLineKind = keyof OrderFlowSettings['serviceLines'];

/** Every default; what a store that never opened the settings page runs with. */
export function defaultOrderFlowSettings(): OrderFlowSettings {
  return orderFlowSettings.parse({});
}

/** The key of a case-insensitive map that matches `value`, then `*`. */
export function lookupMap<T>(map: Readonly<Record<string, T>>, value: string): T | undefined {
  const wanted = value.trim().toLowerCase();
  for (const [key, mapped] of Object.entries(map)) if (key.trim().toLowerCase() === wanted) return mapped;
  return map['*'];
}

/** The AccountView VAT code for a rate in a country ('' = domestic), or undefined when the table has none. */
export function vatCodeFor(table: VatTable, rate: number, country: string): string | undefined {
  try {
    return vatCode(rate, country, table);
  } catch {
    return undefined;
  }
}

/** The rates a sale to `country` can carry: the destination's own (OSS) and the home country's. */
export function vatRatesFor(table: VatTable, country: string): number[] {
  const iso = country.trim().toUpperCase();
  const own = table.countries?.[iso] ?? {};
  return [...new Set([...Object.keys(own), ...Object.keys(table.rates)].map(Number).filter(Number.isFinite))];
}
