import type { Field, Group } from './field-types';

/** Every option of the orders flow (lib/flows/orders/settings.ts), grouped as a merchant thinks of them. */
const SERVICE_LINES: { kind: string; label: string }[] = [
  { kind: 'shipping', label: 'Shipping costs' },
  { kind: 'handling', label: 'Handling costs' },
  { kind: 'wrapping', label: 'Gift wrapping' },
  { kind: 'fee', label: 'Fees and surcharges' },
  { kind: 'discount', label: 'Discounts and coupons' },
  { kind: 'giftCertificate', label: 'Gift certificates sold' },
  { kind: 'giftCertificatePayment', label: 'Gift certificates used to pay' },
  { kind: 'storeCredit', label: 'Store credit used to pay' },
  { kind: 'refund', label: 'Other refunded amounts' },
  { kind: 'rounding', label: 'Rounding differences' },
];

const serviceLineFields = (): Field[] =>
  SERVICE_LINES.flatMap(({ kind, label }): Field[] => [
    { kind: 'choice', path: `serviceLines.${kind}.article`, label: `${label}: article (sales orders)`, list: 'articles' },
    { kind: 'choice', path: `serviceLines.${kind}.account`, label: `${label}: ledger account (sales invoices)`, description: 'Empty: the revenue account of the line\'s VAT code.', list: 'ledgerAccounts', optional: true },
    {
      kind: 'map',
      path: `serviceLines.${kind}.articlesByVatCode`,
      label: `${label}: another article per VAT code`,
      description: 'For charges at several rates, e.g. a coupon on 21 % and 9 % goods.',
      key: { label: 'VAT code', list: 'vatCodes' },
      value: { label: 'Article', list: 'articles' },
    },
  ]);

export const ORDER_GROUPS: Group[] = [
  {
    title: 'Which orders, and how they are booked',
    fields: [
      { kind: 'multi-choice', path: 'statusIds', label: 'Send orders once they reach one of these statuses', list: 'orderStatuses' },
      {
        kind: 'radio',
        path: 'documentType',
        label: 'Book each order as',
        options: [
          { value: 'sales-order', label: 'Sales order (SO1)' },
          { value: 'sales-invoice', label: 'Sales invoice in a sales journal (DJ2)' },
        ],
      },
      { kind: 'text', path: 'journalCode', label: 'Sales journal', description: 'For sales invoices, e.g. VRK.' },
      { kind: 'text', path: 'orderIdField', label: 'Document field that carries the order number', description: 'An AccountView field name; COMMENT1 unless your bookkeeper uses it for something else.' },
      { kind: 'text', path: 'referenceFormat', label: 'Reference on the document', description: '{orderId} becomes the BigCommerce order number. Give each store its own prefix when several book into one administration.' },
    ],
  },
  {
    title: 'Debtors',
    fields: [
      {
        kind: 'radio',
        path: 'customerMode',
        label: 'Debtor of each order',
        options: [
          { value: 'match-or-create', label: 'Find the customer by e-mail, or create a debtor' },
          { value: 'default-debtor', label: 'Book every order on one debtor' },
        ],
      },
      { kind: 'text', path: 'defaultDebtor', label: 'Debtor number for every order', description: 'Needed when every order is booked on one debtor.' },
      { kind: 'choice', path: 'debtorAccount', label: 'Collective account for new debtors', description: "Empty: AccountView's default.", list: 'ledgerAccounts', optional: true },
    ],
  },
  {
    title: 'Articles and VAT',
    fields: [
      {
        kind: 'radio',
        path: 'articleMatch',
        label: 'Find the article of an order line',
        options: [
          { value: 'sku-then-ean', label: 'By SKU, then by EAN' },
          { value: 'sku', label: 'By SKU only' },
        ],
      },
      {
        kind: 'radio',
        path: 'articleVatCheck',
        label: "When the article's VAT code does not match the rate charged",
        options: [
          { value: 'fail', label: 'Stop the order and tell me' },
          { value: 'ignore', label: "Trust AccountView's VAT code" },
        ],
      },
      { kind: 'text', path: 'vatTable.home', label: 'Home country (two letters)', description: 'NL or BE.' },
      { kind: 'map', path: 'vatTable.rates', label: 'VAT rate → AccountView VAT code', key: { label: 'Rate (%)', type: 'text' }, value: { label: 'VAT code', list: 'vatCodes' } },
      { kind: 'choice', path: 'vatTable.euReverseCharge', label: 'VAT code for EU business customers (reverse charge)', list: 'vatCodes' },
      { kind: 'choice', path: 'vatTable.export', label: 'VAT code for sales outside the EU', list: 'vatCodes' },
      { kind: 'json', path: 'vatTable.countries', label: 'Rates per destination country (OSS)', description: 'As {"DE": {"19": "5"}}: country → rate → VAT code. Leave empty without OSS.' },
    ],
  },
  {
    title: 'Revenue accounts (sales invoices)',
    fields: [
      { kind: 'map', path: 'revenueAccounts', label: 'Revenue account per VAT code', key: { label: 'VAT code', list: 'vatCodes' }, value: { label: 'Ledger account', list: 'ledgerAccounts' } },
      { kind: 'choice', path: 'revenueAccount', label: 'Revenue account for everything else', list: 'ledgerAccounts' },
    ],
  },
  {
    title: 'Shipping, discounts and other charges',
    description: 'Each becomes a line with its own article (sales orders) or ledger account (sales invoices).',
    fields: [
      ...serviceLineFields(),
      {
        kind: 'map',
        path: 'shippingMethodMap',
        label: 'Shipping method → its own article or ledger account',
        description: '* means any other method. A method not listed, or a part left empty, uses "Shipping costs" above.',
        key: { label: 'BigCommerce shipping method', list: 'shippingMethods' },
        value: {
          label: 'Booked on',
          parts: [
            { name: 'article', label: 'Article (sales orders)', list: 'articles' },
            { name: 'account', label: 'Ledger account (sales invoices)', list: 'ledgerAccounts' },
          ],
        },
      },
    ],
  },
  {
    title: 'Totals and payments',
    fields: [
      {
        kind: 'radio',
        path: 'roundingPolicy',
        label: "When the document differs from BigCommerce's total by a few cents",
        options: [
          { value: 'line', label: 'Add a rounding line' },
          { value: 'fail', label: 'Stop the order and tell me' },
        ],
      },
      { kind: 'number', path: 'roundingTolerance', label: 'Largest difference a rounding line may absorb (EUR)', step: 0.01 },
      {
        kind: 'radio',
        path: 'paymentLines',
        label: 'Gift certificates and store credit used to pay',
        options: [
          { value: 'none', label: 'Note them on the document; the total stays what the order cost' },
          { value: 'lines', label: 'Add them as negative lines; the debtor owes only the rest' },
        ],
      },
      { kind: 'map', path: 'paymentMethodMap', label: 'Payment method → text on the document', description: '* means any other method.', key: { label: 'BigCommerce payment method', list: 'paymentMethods' }, value: { label: 'Text in AccountView', type: 'text' } },
      { kind: 'map', path: 'paymentTermMap', label: 'Payment method → payment term', description: '* means any other method. Prepaid methods: 0 days.', key: { label: 'BigCommerce payment method', list: 'paymentMethods' }, value: { label: 'Payment term', list: 'paymentTerms', numeric: true } },
    ],
  },
  {
    title: 'Refunds, cancellations and retries',
    fields: [
      { kind: 'toggle', path: 'credits.refunds', label: 'Refunds become credit documents' },
      { kind: 'toggle', path: 'credits.cancellations', label: 'Cancelled orders become credit documents' },
      { kind: 'number', path: 'retryFailedPerPoll', label: 'Failed orders offered again every 15 minutes', step: 1 },
    ],
  },
];
