import { describe, expect, it } from 'vitest';
import { diffRecords } from '@/lib/mapping-editor/diff';
import { cleanOverrides, editorFields, fieldKeyFor, restoreDefault } from '@/lib/mapping-editor/fields';
import { sourceFieldsOf } from '@/lib/mapping-editor/source-fields';
import { productMapping } from '@/lib/mapping/defaults/products';

describe('editor fields', () => {
  it('lists the products targets with their defaults and create-only / keep-updated modes', () => {
    const fields = editorFields('products');
    expect(fields.map((f) => f.key)).toEqual(productMapping.fields.map((f) => f.target));
    expect(fields.find((f) => f.key === 'description')).toMatchObject({ mode: 'create-only', required: false, defaultExpression: expect.stringContaining('ART_DESC1') });
    expect(fields.find((f) => f.key === 'price')).toMatchObject({ mode: 'always', required: true, type: 'number' });
  });

  it('keys orders fields by record, with line fields under `lines.`, and gives them no mode', () => {
    const fields = editorFields('orders');
    expect(fields.find((f) => f.key === 'salesOrder.COMMENT2')).toMatchObject({ group: 'Sales order', target: 'COMMENT2' });
    expect(fields.find((f) => f.key === 'salesInvoice.lines.AMOUNT')).toMatchObject({ group: 'Sales invoice lines', required: true });
    expect(fields.every((f) => f.mode === undefined)).toBe(true);
  });

  it('restores one field to its default and keeps the others', () => {
    expect(restoreDefault({ name: 'ART_CODE', sku: 'ART_CODE & "-X"' }, 'name')).toEqual({ sku: 'ART_CODE & "-X"' });
  });

  it('stores only what differs from the default, keeps removals, drops unknown keys', () => {
    const name = editorFields('products').find((f) => f.key === 'name')?.defaultExpression ?? '';
    expect(cleanOverrides('products', { name: ` ${name} `, meta_description: '', upc: ' ART_CODE ', nonsense: '1' })).toEqual({ meta_description: '', upc: 'ART_CODE' });
  });

  it('finds the field a mapping error names, preferring the one the merchant changed', () => {
    expect(fieldKeyFor('orders', 'lines[3].ORD_QTY')).toBe('salesOrder.lines.ORD_QTY');
    expect(fieldKeyFor('orders', 'COMMENT2')).toBe('salesOrder.COMMENT2');
    expect(fieldKeyFor('orders', 'SUB_NR', { 'salesInvoice.SUB_NR': '"1"' })).toBe('salesInvoice.SUB_NR');
    expect(fieldKeyFor('products', 'weight')).toBe('weight');
    expect(fieldKeyFor('products', undefined)).toBeUndefined();
  });
});

describe('source fields of a sample', () => {
  it('lists leaf paths as JSONata names them, first example kept, skipping what is asked', () => {
    const fields = sourceFieldsOf({ id: 7, billing_address: { city: 'Utrecht', zip: '3511 AB' }, products: [{ sku: 'A' }, { sku: 'B', qty: 2 }], IMG: 'xxx' }, { skip: ['IMG'] });
    expect(fields).toEqual([
      { path: 'id', example: '7' },
      { path: 'billing_address.city', example: '"Utrecht"' },
      { path: 'billing_address.zip', example: '"3511 AB"' },
      { path: 'products.sku', example: '"A"' },
      { path: 'products.qty', example: '2' },
    ]);
  });
});

describe('field-level diff', () => {
  it('names each changed, added and removed field by path', () => {
    const before = { 'Sales order': { fields: { COMMENT2: 'BigCommerce order 1', ORD_DATE: '2026-11-01' }, lines: [{ ART_CODE: 'A', ORD_QTY: 1 }] } };
    const after = { 'Sales order': { fields: { COMMENT2: 'Webshop 1', ORD_DATE: '2026-11-01', TO_EMAIL: 'a@b.nl' }, lines: [{ ART_CODE: 'A', ORD_QTY: 2 }] } };
    expect(diffRecords(before, after)).toEqual([
      { path: 'Sales order.fields.COMMENT2', before: '"BigCommerce order 1"', after: '"Webshop 1"' },
      { path: 'Sales order.lines[0].ORD_QTY', before: '1', after: '2' },
      { path: 'Sales order.fields.TO_EMAIL', after: '"a@b.nl"' },
    ]);
    expect(diffRecords(after, before).find((c) => c.path === 'Sales order.fields.TO_EMAIL')).toEqual({ path: 'Sales order.fields.TO_EMAIL', before: '"a@b.nl"' });
    expect(diffRecords(before, structuredClone(before))).toEqual([]);
  });
});
