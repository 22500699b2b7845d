import type { RecordMapping } from '../types';

/**
 * The orders flow's default mappings: JSONata that makes a BigCommerce order valid in AccountView out of
 * the box. A store changes any field by overriding its expression (see `ORDER_MAPPING_RECORDS` for the
 * keys), e.g. `{ "salesOrder.COMMENT2": "'Webshop ' & id" }` or `{ "salesInvoice.lines.TRN_DESC": "description" }`.
 *
 * Field widths are the AccountView column widths (ACCT_NAME 40, ADDRESS1 40, CITY 30 …): `$trimTo` fits
 * text in, counting characters (so names in any script are cut cleanly, never mid-character).
 *
 * What the expressions can use:
 * - `debtor`: the BigCommerce order (`billing_address.*`, `id`, …).
 * - `deliveryAddress`: one shipping consignment of the order (`first_name`, `street_1`, `zip`, …).
 * - `salesOrder` / `salesInvoice`: the BigCommerce order; lines come from `$lines` (see below).
 * - Bindings on every record: `$storeHash`, `$channelId`, `$orderId`, `$currency` (the currency the
 *   shopper paid in), `$reference` (the order reference written on the document), `$email`,
 *   `$paymentMethod` (mapped through the settings), `$paymentTermDays`, `$giftCertificateAmount` and
 *   `$storeCreditAmount` (what was paid that way; payments, not discounts), `$pricesIncludeVat` (the
 *   store's price basis), `$journalCode`, `$debtorAccount`, `$vatTable`, `$debtor` (SUB_NR),
 *   `$deliveryAddress` (DEL_ADDR.REC_ID or ''), `$credit` (`{ originalNumber, number }` on credit
 *   documents, absent otherwise).
 * - `$lines` / each line (`$` in line fields): `kind` (product, discount, shipping, handling, wrapping,
 *   fee, gift-certificate, gift-certificate-payment, store-credit, refund, rounding), `description`,
 *   `sku`, `ean`, `articleCode` (the matched AccountView article), `ledgerAccount`, `quantity`,
 *   `unitPrice` (in the store's price basis), `amount`, `amountInclVat`, `amountExclVat`, `vatAmount`,
 *   `vatRate`, `vatCode`, `country` (where the VAT is due; '' = domestic), `orderProductId`.
 */

/** Street, number and addition from a BigCommerce street line, joined the way AccountView shows them, plus `street_2`. */
const address1 = (prefix: string) =>
  `( $line := $trim(${prefix}street_1); $a := $splitAddress($line); ` +
  `$s := ($a.number != '' ? $a.street & ' ' & $a.number & ($a.addition = '' ? '' : $contains($a.addition, /^[0-9]/) ? '-' & $a.addition : ' ' & $a.addition) : $line); ` +
  `$extra := $trim(${prefix}street_2); ` +
  `$trimTo($extra != '' ? $s & ', ' & $extra : $s, 40) )`;

const postcode = (prefix: string) => `$trimTo($formatPostcode(${prefix}zip, ${prefix}country_iso2), 10)`;
const city = (prefix: string) => `$trimTo(${prefix}city, 30)`;
const country = (prefix: string) =>
  `$trimTo($trim(${prefix}country_iso2) != '' ? $uppercase($trim(${prefix}country_iso2)) : $countryIso2(${prefix}country), 3)`;
const fullName = (prefix: string) => `$trim($trim(${prefix}first_name) & ' ' & $trim(${prefix}last_name))`;

export const debtorMapping: RecordMapping = {
  fields: [
    {
      target: 'ACCT_NAME',
      expression:
        `( $company := $trim(billing_address.company); $person := ${fullName('billing_address.')}; ` +
        `$trimTo($company != '' ? $company : ($person != '' ? $person : $email), 40) )`,
      type: 'string',
      required: true,
      description: 'The company name for a business buyer, the person\'s name otherwise.',
    },
    {
      target: 'MAIN_CONT',
      expression: `$trim(billing_address.company) != '' ? $trimTo(${fullName('billing_address.')}, 40) : ''`,
      type: 'string',
      description: 'Contact person of a company debtor: the buyer.',
    },
    {
      target: 'MC_MAILB',
      expression: `$trim(billing_address.company) != '' ? $trimTo($email, 60) : ''`,
      type: 'string',
    },
    { target: 'MAIL_BUS', expression: '$trimTo($email, 60)', type: 'string', required: true, description: 'Debtors are matched on this e-mail address.' },
    { target: 'TEL_BUS', expression: '$trimTo(billing_address.phone, 20)', type: 'string' },
    { target: 'ADDRESS1', expression: address1('billing_address.'), type: 'string' },
    { target: 'POST_CODE', expression: postcode('billing_address.'), type: 'string' },
    { target: 'CITY', expression: city('billing_address.'), type: 'string' },
    { target: 'CNT_CODE', expression: country('billing_address.'), type: 'string' },
    { target: 'COUNTRY', expression: '$trimTo(billing_address.country, 30)', type: 'string' },
    {
      target: 'SRC_CODE',
      expression:
        `( $name := $trim(billing_address.company) != '' ? billing_address.company : billing_address.last_name; ` +
        `$code := $uppercase($replace($string($name), /[^A-Za-z0-9]/, '')); ` +
        `$trimTo($code != '' ? $code : $uppercase($replace($substringBefore($email, '@'), /[^A-Za-z0-9]/, '')), 10) )`,
      type: 'string',
      mode: 'create-only',
      description: 'Search code: the name in capitals (the e-mail name when the name has no Latin letters).',
    },
    { target: 'ACCT_NR', expression: `$debtorAccount != '' ? $debtorAccount`, type: 'string', mode: 'create-only', description: 'Collective account from the settings; empty lets AccountView choose.' },
    { target: 'CUR_CODE', expression: '$currency', type: 'string', mode: 'create-only' },
  ],
};

export const deliveryAddressMapping: RecordMapping = {
  fields: [
    { target: 'SUB_NR', expression: '$debtor', type: 'string', required: true },
    {
      target: 'DEL_NAME',
      expression:
        `( $company := $trim(company); $person := ${fullName('')}; ` +
        `$trimTo($company != '' ? $company & ($person != '' ? ' t.a.v. ' & $person : '') : $person, 40) )`,
      type: 'string',
    },
    { target: 'ADDRESS1', expression: address1(''), type: 'string' },
    { target: 'POST_CODE', expression: postcode(''), type: 'string' },
    { target: 'CITY', expression: city(''), type: 'string' },
    { target: 'CNT_CODE', expression: country(''), type: 'string' },
    { target: 'MAIL_BUS', expression: `$trimTo($lowercase($trim(email)) != '' ? $lowercase($trim(email)) : $email, 60)`, type: 'string' },
    { target: 'TEL_BUS', expression: '$trimTo(phone, 20)', type: 'string' },
  ],
};

export const salesOrderMapping: RecordMapping = {
  fields: [
    { target: 'ORD_DATE', expression: 'date_created', type: 'date' },
    { target: 'RPL_INV', expression: '$debtor', type: 'string', required: true, description: 'Invoice debtor (SUB_NR).' },
    { target: 'RPL_DEL', expression: '$debtor', type: 'string' },
    { target: 'DEL_CODE', expression: `$deliveryAddress != '' ? $deliveryAddress`, type: 'string', description: 'Delivery address (DEL_ADDR.REC_ID) when goods go elsewhere than the billing address.' },
    {
      target: 'COMMENT2',
      expression:
        `$trimTo($credit ? 'Credit op order ' & $credit.originalNumber & ' (BigCommerce ' & $orderId & ')' ` +
        `: 'BigCommerce order ' & $orderId & ($paymentMethod != '' ? ', ' & $paymentMethod : '') ` +
        `& ($giftCertificateAmount > 0 ? ', cadeaubon ' & $formatNumber($giftCertificateAmount, '0.00') : '') ` +
        `& ($storeCreditAmount > 0 ? ', tegoed ' & $formatNumber($storeCreditAmount, '0.00') : ''), 60)`,
      type: 'string',
    },
    { target: 'TO_EMAIL', expression: '$trimTo($email, 60)', type: 'string' },
  ],
  lines: {
    source: '$lines',
    fields: [
      { target: 'ART_CODE', expression: 'articleCode', type: 'string', required: true },
      { target: 'ORD_QTY', expression: 'quantity', type: 'number', required: true },
      { target: 'ART_PX', expression: '$round(unitPrice, 4)', type: 'number', description: 'Unit price in the store\'s price basis (incl. VAT when prices are entered with VAT).' },
    ],
  },
};

export const salesInvoiceMapping: RecordMapping = {
  fields: [
    { target: 'DJ_CODE', expression: '$journalCode', type: 'string', required: true },
    { target: 'SUB_NR', expression: '$debtor', type: 'string', required: true },
    { target: 'TRN_DATE', expression: 'date_created', type: 'date', required: true },
    {
      target: 'HDR_DESC',
      expression:
        `$trimTo($credit ? 'Creditnota op factuur ' & $credit.originalNumber ` +
        `: 'BigCommerce order ' & $orderId & ($paymentMethod != '' ? ', ' & $paymentMethod : ''), 40)`,
      type: 'string',
    },
    { target: 'GROSS_FLG', expression: '$pricesIncludeVat', type: 'boolean', description: 'Amounts include VAT when the store enters prices with VAT.' },
    { target: 'CUR_CODE', expression: '$currency', type: 'string' },
    { target: 'CRED_DAYS', expression: '$paymentTermDays', type: 'integer' },
  ],
  lines: {
    source: '$lines',
    fields: [
      { target: 'ACCT_NR', expression: 'ledgerAccount', type: 'string', required: true },
      { target: 'TRN_DESC', expression: `$trimTo((sku != '' ? sku & ' ' : '') & description, 40)`, type: 'string' },
      { target: 'AMOUNT', expression: '$round(amount, 2)', type: 'number', required: true },
      { target: 'VAT_CODE', expression: '$vatCode(vatRate, country)', type: 'string' },
      { target: 'VAT_AMT', expression: '$round(vatAmount, 2)', type: 'number' },
      { target: 'TRN_QTY', expression: 'quantity', type: 'number' },
    ],
  },
};

/** The records of the orders flow and their defaults; a store's override key is `<record>.<target>` or `<record>.lines.<target>`. */
export const ORDER_MAPPING_RECORDS = {
  debtor: debtorMapping,
  deliveryAddress: deliveryAddressMapping,
  salesOrder: salesOrderMapping,
  salesInvoice: salesInvoiceMapping,
} as const;

export type OrderMappingRecord = keyof typeof ORDER_MAPPING_RECORDS;
