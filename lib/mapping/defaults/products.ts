import type { RecordMapping } from '../types';

/**
 * The products flow's default mapping: an AccountView article (AK1/ARTICLE row, columns by name) →
 * a BigCommerce product (`POST`/`PUT /v3/catalog/products` fields). A store overrides a field by target,
 * e.g. `{ "name": "ART_DESC1 & ' ' & ART_DESC2" }`.
 *
 * `create-only` fields are set when the product is created (or adopted: then never) and left alone
 * afterwards, so what the merchant writes in BigCommerce survives; `always` fields follow AccountView.
 *
 * Bindings: `$pricesIncludeVat` (the store enters prices with VAT), `$vatRate` (percentage of the
 * article's VAT code), `$taxClassId` (the BigCommerce tax class the products settings give the article's
 * VAT code; none: the field is left out and the store's default class applies), `$defaultWeight` (for articles without a weight), `$hideBlocked`.
 * AccountView columns an expression names (upper-case words outside quotes) are the ones read.
 *
 * Variant families (articles sharing the products setting `variantGroupField`) go through the same
 * mapping: the family's product takes the record of its main (or first) article with `sku` set to the
 * family's code, and each other article becomes a variant taking `sku`, `upc`/`gtin`, `price`, `weight`
 * and, from `is_visible`, "purchasing disabled" (lib/flows/products/family-plan.ts).
 */
export const productMapping: RecordMapping = {
  fields: [
    { target: 'name', expression: '$trimTo(ART_DESC1 != "" ? ART_DESC1 : ART_CODE, 250)', type: 'string', required: true, mode: 'always' },
    { target: 'sku', expression: 'ART_CODE', type: 'string', required: true, mode: 'always' },
    { target: 'upc', expression: 'EAN_CODE != "" ? EAN_CODE', type: 'string', mode: 'always', description: 'EAN-13 barcode.' },
    { target: 'gtin', expression: 'EAN_CODE != "" ? EAN_CODE', type: 'string', mode: 'always' },
    {
      target: 'description',
      // The storefront renders this as HTML: AccountView's plain text is escaped, never run.
      expression: '"<p>" & $escapeHtml(ART_DESC1) & "</p>" & (ART_DESC2 != "" ? "<p>" & $escapeHtml(ART_DESC2) & "</p>" : "")',
      type: 'string',
      mode: 'create-only',
      description: 'Long description: written once, so the merchant can improve it in BigCommerce.',
    },
    { target: 'meta_description', expression: 'ART_DESC2', type: 'string', mode: 'always', description: 'Short description.' },
    {
      target: 'price',
      expression: '$round(PX_SELL * ($pricesIncludeVat ? 1 + $vatRate / 100 : 1), 2)',
      type: 'number',
      required: true,
      mode: 'always',
      description: 'PX_SELL excludes VAT; converted to how the store enters prices.',
    },
    {
      target: 'tax_class_id',
      expression: '$taxClassId',
      type: 'number',
      mode: 'always',
      description: "The tax class of the article's VAT code (products settings: VAT code → tax class).",
    },
    { target: 'weight', expression: 'WEIGHT > 0 ? WEIGHT : $defaultWeight', type: 'number', required: true, mode: 'always' },
    { target: 'is_visible', expression: '$hideBlocked ? $not(REC_BLK = true) : true', type: 'boolean', mode: 'always' },
    {
      target: 'custom_fields',
      expression: 'UNIT_CODE != "" ? [{ "name": "Eenheid", "value": UNIT_CODE }] : []',
      type: 'any',
      mode: 'always',
      description: 'Article properties as custom fields (name → value).',
    },
  ],
};
