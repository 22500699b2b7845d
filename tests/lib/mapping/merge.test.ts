import { describe, expect, it } from 'vitest';
import { compileMapping, MappingCompileError, mergeMapping, type RecordMapping } from '@/lib/mapping';

const defaults: RecordMapping = {
  fields: [
    { target: 'RPL_INV', expression: '$debtor', required: true },
    { target: 'COMMENT1', expression: '"BC-" & $string(id)', type: 'string' },
    { target: 'COMMENT2', expression: 'customer_message', type: 'string', mode: 'create-only', description: 'Customer note' },
  ],
  lines: {
    source: 'products',
    fields: [
      { target: 'ART_CODE', expression: 'sku', required: true },
      { target: 'ORD_QTY', expression: 'quantity', type: 'number' },
    ],
  },
};

describe('mergeMapping', () => {
  it('replaces expressions by target and keeps type, required, mode and description', () => {
    const merged = mergeMapping(defaults, { COMMENT2: '$trimTo(customer_message, 40)' });
    expect(merged.fields[2]).toEqual({
      target: 'COMMENT2',
      expression: '$trimTo(customer_message, 40)',
      type: 'string',
      mode: 'create-only',
      description: 'Customer note',
    });
    expect(merged.fields.slice(0, 2)).toEqual(defaults.fields.slice(0, 2));
  });

  it('adds targets the defaults do not have, after the defaults', () => {
    const merged = mergeMapping(defaults, { A8_INV_NR: 'id' });
    expect(merged.fields.map((f) => f.target)).toEqual(['RPL_INV', 'COMMENT1', 'COMMENT2', 'A8_INV_NR']);
    expect(merged.fields[3]).toEqual({ target: 'A8_INV_NR', expression: 'id' });
  });

  it('removes an optional field given an empty expression, and refuses to remove a required one', () => {
    expect(mergeMapping(defaults, { COMMENT2: '  ' }).fields.map((f) => f.target)).toEqual(['RPL_INV', 'COMMENT1']);
    expect(() => mergeMapping(defaults, { RPL_INV: '' })).toThrow(MappingCompileError);
    expect(() => mergeMapping(defaults, {}, { ART_CODE: '' })).toThrow(expect.objectContaining({ target: 'lines.ART_CODE' }));
  });

  it('ignores undefined overrides', () => {
    expect(mergeMapping(defaults, { COMMENT1: undefined })).toEqual(defaults);
  });

  it('overrides line fields separately from header fields of the same name', () => {
    const merged = mergeMapping(defaults, { ORD_QTY: '1' }, { ORD_QTY: 'quantity * 2' });
    expect(merged.lines?.fields[1]).toEqual({ target: 'ORD_QTY', expression: 'quantity * 2', type: 'number' });
    expect(merged.lines?.source).toBe('products');
    expect(merged.fields.find((f) => f.target === 'ORD_QTY')).toEqual({ target: 'ORD_QTY', expression: '1' });
  });

  it('refuses line overrides for a mapping without lines', () => {
    expect(() => mergeMapping({ fields: [] }, {}, { ART_CODE: 'sku' })).toThrow(/lines.ART_CODE: this mapping has no lines/);
  });

  it('does not change the defaults', () => {
    const before = JSON.stringify(defaults);
    mergeMapping(defaults, { COMMENT1: 'x', NEW: 'y' }, { ART_CODE: 'ean' });
    expect(JSON.stringify(defaults)).toBe(before);
  });

  it('keeps the type check for a merchant\'s expression', async () => {
    const merged = mergeMapping(defaults, {}, { ORD_QTY: '"two"' });
    const mapping = compileMapping(merged);
    await expect(mapping.evaluate({ products: [{ sku: 'A' }] }, { debtor: '10001' })).rejects.toMatchObject({
      name: 'MappingTypeError',
      target: 'lines[0].ORD_QTY',
    });
  });
});
