import type { Group } from './field-types';

/** Every option of the products, stock and customers flows (lib/flows/{products,stock,customers}/settings.ts). */
export const PRODUCT_GROUPS: Group[] = [
  {
    title: 'Which articles',
    fields: [
      { kind: 'text-list', path: 'articleGroups', label: 'Only these article groups', description: 'Group codes separated by commas; empty: every article.' },
      { kind: 'toggle', path: 'hideBlocked', label: 'Hide products whose article is blocked' },
      { kind: 'toggle', path: 'hideGone', label: 'Hide products whose article is gone from AccountView' },
      { kind: 'number', path: 'fullReadEveryHours', label: 'Read every article at least every … hours', description: 'Gone articles are noticed on a full read.', step: 1 },
      { kind: 'text', path: 'variantGroupField', label: 'Article field that groups variants', description: 'Articles with the same value become one product with variants; empty: every article becomes a product.' },
      {
        kind: 'json',
        path: 'variantOptions',
        label: 'Article fields that are the options of a variant family',
        description: 'A list of { "field": AccountView field, "name": option name shown in the store }, e.g. [{ "field": "VAR_SIZE", "name": "Size" }].',
      },
    ],
  },
  {
    title: 'Prices, VAT and weight',
    fields: [
      { kind: 'text', path: 'currency', label: "Currency of AccountView's prices", description: 'A store with another default currency is not synced.' },
      { kind: 'map', path: 'vatRates', label: 'VAT code → percentage', description: "Used when AccountView's VAT table has no percentage.", key: { label: 'VAT code', list: 'vatCodes' }, value: { label: 'Percentage', type: 'number' } },
      {
        kind: 'map',
        path: 'taxClasses',
        label: 'VAT code → BigCommerce tax class',
        description: "The class your store charges for the article's VAT, e.g. 9 % → Reduced. A code without one keeps the store's default class.",
        key: { label: 'VAT code', list: 'vatCodes' },
        value: { label: 'Tax class', list: 'taxClasses', numeric: true },
      },
      { kind: 'number', path: 'defaultWeight', label: 'Weight for articles without one', step: 0.001 },
    ],
  },
  {
    title: 'Categories',
    fields: [
      { kind: 'toggle', path: 'categories', label: 'Article groups become categories' },
      { kind: 'number', path: 'categoryParentId', label: 'Parent category id for the group categories', description: '0: top level.', step: 1 },
    ],
  },
  {
    title: 'Fields and reading',
    fields: [
      {
        kind: 'map',
        path: 'fieldModes',
        label: 'Set on create only, or keep updated, per field',
        description: 'E.g. description → always makes AccountView own the long description.',
        key: { label: 'Product field', type: 'text' },
        value: { label: 'create-only or always', type: 'text' },
      },
      { kind: 'number', path: 'pageSize', label: 'Articles read per page', step: 10 },
    ],
  },
];

export const STOCK_GROUPS: Group[] = [
  {
    title: 'Stock',
    fields: [
      {
        kind: 'radio',
        path: 'calculation',
        label: 'Stock shown in your store',
        options: [
          { value: 'available', label: 'Available: on the shelf minus reserved (QTY_AVAIL)' },
          { value: 'technical', label: 'Everything on the shelf (QTY_TECH)' },
          { value: 'available-plus-ordered', label: 'Available plus on purchase order' },
        ],
      },
      { kind: 'toggle', path: 'manageStock', label: 'Let BigCommerce track stock for synced products' },
      { kind: 'number', path: 'locationId', label: 'BigCommerce inventory location id', description: '1 is the default location.', step: 1 },
    ],
  },
];

export const CUSTOMER_GROUPS: Group[] = [
  {
    title: 'Customers',
    fields: [
      { kind: 'toggle', path: 'includeAddresses', label: "The debtor's address becomes the customer's billing address" },
      { kind: 'number', path: 'customerGroupId', label: 'Customer group id for new customers', description: 'Empty: no group.', step: 1 },
    ],
  },
];
