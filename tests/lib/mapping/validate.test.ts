import { describe, expect, it } from 'vitest';
import { validateMapping, type RecordMapping } from '@/lib/mapping';

const sample = {
  id: 101,
  billing_address: { street_1: 'Keizersgracht 123-A', zip: '1234ab', country: 'Netherlands', email: 'jan@example.nl' },
  products: [{ sku: 'A-1', quantity: 2 }, { quantity: 1 }],
};

describe('validateMapping', () => {
  it('returns the mapped sample when everything is fine', async () => {
    const mapping: RecordMapping = {
      fields: [
        { target: 'ADDRESS.ST_STREET', expression: '$splitAddress(billing_address.street_1).street', required: true },
        { target: 'POST_CODE', expression: '$formatPostcode(billing_address.zip)' },
      ],
    };
    expect(await validateMapping(mapping, sample)).toEqual({
      ok: true,
      result: { record: { ADDRESS: { ST_STREET: 'Keizersgracht' }, POST_CODE: '1234 AB' }, lines: [] },
    });
  });

  it('collects every problem, of every kind, instead of throwing', async () => {
    const mapping: RecordMapping = {
      fields: [
        { target: 'OK', expression: 'id', type: 'integer' },
        { target: 'BROKEN', expression: 'id +' },
        { target: 'MISSING', expression: 'billing_address.company', required: true },
        { target: 'WRONG_TYPE', expression: 'billing_address.email', type: 'number' },
        { target: 'FAILS', expression: '$substring(id, 1)' },
        { target: 'SLOW', expression: '( $f := function($x){ $f($x) }; $f(1) )' },
        { target: 'UNKNOWN_FN', expression: '$nope(id)' },
        { target: 'VAT', expression: '$vatCode(7, "NL")' },
      ],
      lines: { source: 'products', fields: [{ target: 'ART_CODE', expression: 'sku', required: true }] },
    };
    const validation = await validateMapping(mapping, sample, undefined, { timeoutMs: 50 });
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.problems.map((p) => [p.target, p.kind])).toEqual([
      ['BROKEN', 'compile'],
      ['MISSING', 'type'],
      ['WRONG_TYPE', 'type'],
      ['FAILS', 'evaluation'],
      ['SLOW', 'timeout'],
      ['UNKNOWN_FN', 'evaluation'],
      ['VAT', 'evaluation'],
      ['lines[1].ART_CODE', 'type'],
    ]);
    expect(validation.problems.every((p) => p.reason.length > 0)).toBe(true);
    // What could be mapped is shown anyway, for the preview.
    expect(validation.result).toEqual({ record: { OK: 101 }, lines: [{ ART_CODE: 'A-1' }, {}] });
  });

  it('reports a mapping that is not shaped like one', async () => {
    const validation = await validateMapping({ fields: [{ target: 'A' }] } as unknown as RecordMapping, sample);
    expect(validation).toMatchObject({ ok: false, problems: [{ target: 'A', kind: 'compile' }] });
    expect(await validateMapping(null as unknown as RecordMapping, sample)).toMatchObject({ ok: false, problems: [{ target: 'mapping' }] });
  });

  it('reports a sample or binding that is not plain data', async () => {
    const mapping: RecordMapping = { fields: [{ target: 'A', expression: '1' }] };
    expect(await validateMapping(mapping, { f: () => 1 })).toMatchObject({ ok: false, problems: [{ target: 'input.f', kind: 'input' }] });
    expect(await validateMapping(mapping, {}, { root: 1 })).toMatchObject({ ok: false, problems: [{ target: '$root', kind: 'input' }] });
  });

  it('reports duplicate and conflicting targets', async () => {
    const mapping: RecordMapping = {
      fields: [
        { target: 'A', expression: '1' },
        { target: 'A', expression: '2' },
        { target: 'B', expression: '{}' },
        { target: 'B.C', expression: '3' },
      ],
    };
    const validation = await validateMapping(mapping, {});
    expect(validation).toMatchObject({
      ok: false,
      problems: [
        { target: 'A', reason: 'is mapped more than once' },
        { target: 'B.C', reason: 'cannot be set inside "B", which is mapped as a whole' },
      ],
    });
  });

  it('uses the store\'s bindings and functions', async () => {
    const mapping: RecordMapping = { fields: [{ target: 'A', expression: '$twice($n)', type: 'integer' }] };
    const twice = { implementation: (n: number) => n * 2, signature: '<n:n>' };
    expect(await validateMapping(mapping, {}, { n: 21 }, { functions: { twice } })).toEqual({ ok: true, result: { record: { A: 42 }, lines: [] } });
  });
});
