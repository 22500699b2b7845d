import { describe, expect, it } from 'vitest';
import {
  compileMapping,
  MappingCompileError,
  MappingError,
  MappingTypeError,
  type FieldMapping,
  type FieldType,
  type RecordMapping,
} from '@/lib/mapping';

function one(field: Omit<FieldMapping, 'target'>): RecordMapping {
  return { fields: [{ target: 'value', ...field }] };
}

async function value(field: Omit<FieldMapping, 'target'>, input: unknown = {}): Promise<unknown> {
  return (await compileMapping(one(field)).evaluate(input)).record.value;
}

describe('compileMapping: compile errors name the target', () => {
  it.each([
    ['ACCT_NAME', 'first_name &', /Unexpected end of expression|Expected/],
    ['ACCT_NAME', '$substring(name, 0', /Expected/],
    ['ACCT_NAME', '"unterminated', /String literal must be terminated/],
    ['ACCT_NAME', '   ', /the expression is empty/],
  ])('%s: %j', (target, expression, reason) => {
    const compile = () => compileMapping({ fields: [{ target: 'OK', expression: '1' }, { target, expression }] });
    expect(compile).toThrow(MappingCompileError);
    try {
      compile();
    } catch (err) {
      expect(err).toMatchObject({ target, reason: expect.stringMatching(reason) as unknown });
    }
  });

  it('gives JSONata\'s code and the position in the expression', () => {
    try {
      compileMapping(one({ expression: 'a +* b' }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(MappingCompileError);
      expect(err).toMatchObject({ code: 'S0201', position: 6, reason: 'Syntax error: "b" (at character 6)' });
    }
  });

  it('names line fields and the line source', () => {
    expect(() => compileMapping({ fields: [], lines: { source: 'items', fields: [{ target: 'QTY', expression: 'quantity +' }] } })).toThrow(
      expect.objectContaining({ target: 'lines.QTY' }),
    );
    expect(() => compileMapping({ fields: [], lines: { source: 'items[', fields: [] } })).toThrow(
      expect.objectContaining({ target: 'lines.source' }),
    );
  });

  it.each([
    [['a.', 'x'], 'a.'],
    [['a b'], 'a b'],
    [['__proto__.polluted'], '__proto__.polluted'],
    [['constructor'], 'constructor'],
    [['', 'x'], ''],
  ])('refuses unusable targets %j', (targets, bad) => {
    const mapping = { fields: targets.map((target) => ({ target, expression: '1' })) };
    expect(() => compileMapping(mapping)).toThrow(expect.objectContaining({ name: 'MappingCompileError', target: bad }));
  });

  it('refuses a target mapped twice, and a target inside another', () => {
    expect(() => compileMapping({ fields: [{ target: 'A', expression: '1' }, { target: 'A', expression: '2' }] })).toThrow(
      /A: is mapped more than once/,
    );
    expect(() =>
      compileMapping({ fields: [{ target: 'address', expression: '{}' }, { target: 'address.street', expression: '"x"' }] }),
    ).toThrow(/address.street: cannot be set inside "address"/);
  });

  it('refuses a mapping that is not shaped like one, naming the field', () => {
    const broken = { fields: [{ target: 'ACCT_NAME', expression: 42 }] } as unknown as RecordMapping;
    expect(() => compileMapping(broken)).toThrow(expect.objectContaining({ name: 'MappingCompileError', target: 'ACCT_NAME' }));
    expect(() => compileMapping({} as RecordMapping)).toThrow(expect.objectContaining({ target: 'fields' }));
  });

  it('refuses store functions with reserved or odd names', () => {
    const implementation = () => 1;
    expect(() => compileMapping(one({ expression: '1' }), { functions: { eval: { implementation } } })).toThrow(/\$eval/);
    expect(() => compileMapping(one({ expression: '1' }), { functions: { 'a-b': { implementation } } })).toThrow(/\$a-b/);
  });
});

describe('types', () => {
  const cases: Array<[FieldType, unknown, unknown]> = [
    ['string', 'abc', 'abc'],
    ['string', 12.5, '12.5'],
    ['string', true, 'true'],
    ['string', '', ''],
    ['number', 12.5, 12.5],
    ['number', '12.50', 12.5],
    ['number', ' -3 ', -3],
    ['number', '1e3', 1000],
    ['number', '', undefined],
    ['integer', 3, 3],
    ['integer', '42', 42],
    ['integer', 3.0, 3],
    ['boolean', true, true],
    ['boolean', 'false', false],
    ['boolean', 'Ja', true],
    ['boolean', 0, false],
    ['date', '2024-05-14', '2024-05-14'],
    ['date', '2024-05-14T09:34:00Z', '2024-05-14T09:34:00Z'],
    ['date', '2024-05-14T09:34:00', '2024-05-14T09:34:00'],
    ['date', '2024-05-14T09:34:00.123+02:00', '2024-05-14T09:34:00.123+02:00'],
    ['date', 'Tue, 20 Nov 2012 00:00:00 +0000', '2012-11-20T00:00:00.000Z'], // BigCommerce v2
    ['date', 'Tue, 20 Nov 2012 14:00:00 +0100', '2012-11-20T13:00:00.000Z'],
    ['any', { a: [1, 'b'] }, { a: [1, 'b'] }],
    ['number', null, null],
  ];
  it.each(cases)('%s: %j → %j', async (type, given, expected) => {
    expect(await value({ expression: 'v', type }, { v: given })).toEqual(expected);
  });

  const refused: Array<[FieldType, unknown, RegExp]> = [
    ['string', { a: 1 }, /expected text, got an object/],
    ['string', [1, 2], /expected text, got a list of 2/],
    ['number', 'twelve', /expected a number, got "twelve"/],
    ['number', '1,50', /expected a number/],
    ['number', true, /expected a number, got true/],
    ['integer', 2.5, /expected a whole number, got 2.5/],
    ['integer', '2.5', /expected a whole number/],
    ['boolean', 'maybe', /expected true or false/],
    ['boolean', 2, /expected true or false/],
    ['date', '2024-02-30', /expected a date/],
    ['date', '14-05-2024', /expected a date/],
    ['date', 'yesterday', /expected a date/],
    ['date', 1715678040000, /expected a date, got 1715678040000/],
    ['number', `${'1'.repeat(100_000)}x`, /expected a number/], // refused at once, not after backtracking
  ];
  it.each(refused)('%s refuses %j', async (type, given, reason) => {
    const err: unknown = await value({ expression: 'v', type }, { v: given }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MappingTypeError);
    expect(err).toMatchObject({ target: 'value', expected: type, reason: expect.stringMatching(reason) as unknown });
  });

  it('refuses a function as a value', async () => {
    await expect(value({ expression: 'function($x){ $x }' })).rejects.toThrow(/gave a function/);
    await expect(value({ expression: '$uppercase' })).rejects.toThrow(/gave a function/);
  });

  it('keeps JSONata\'s lists as plain arrays', async () => {
    const v = await value({ expression: 'items.sku' }, { items: [{ sku: 'A' }, { sku: 'B' }] });
    expect(v).toEqual(['A', 'B']);
    expect(Object.keys(v as object)).toEqual(['0', '1']); // no `sequence` marker leaks out
  });
});

describe('required', () => {
  it.each([
    ['missing path', 'nothing.here', {}],
    ['null', 'v', { v: null }],
    ['empty text', 'v', { v: '' }],
    ['blank text', 'v', { v: '   ' }],
  ])('%s is a MappingTypeError naming the target', async (_label, expression, input) => {
    const mapping = compileMapping({ fields: [{ target: 'contact.ACCT_NAME', expression, required: true }] });
    await expect(mapping.evaluate(input)).rejects.toMatchObject({
      name: 'MappingTypeError',
      target: 'contact.ACCT_NAME',
      reason: 'is required, but the expression gave no value',
    });
  });

  it('allows 0 and false', async () => {
    expect(await value({ expression: '0', required: true })).toBe(0);
    expect(await value({ expression: 'false', required: true })).toBe(false);
  });

  it('leaves an optional field that yields nothing out of the record', async () => {
    const { record } = await compileMapping({ fields: [{ target: 'A', expression: 'missing' }, { target: 'B', expression: '1' }] }).evaluate({});
    expect(record).toEqual({ B: 1 });
    expect('A' in record).toBe(false);
  });
});

describe('create-only vs keep updated', () => {
  const mapping = compileMapping({
    fields: [
      { target: 'ACCT_NAME', expression: 'name', mode: 'always' },
      { target: 'ART_DESC1', expression: 'description', mode: 'create-only' },
      { target: 'SRC_CODE', expression: '"-"' },
      // A create-only field is not even evaluated on update, so it cannot fail there.
      { target: 'DEB_NR', expression: '$error("only on create")', mode: 'create-only' },
    ],
  });
  const input = { name: 'Jansen BV', description: 'Enriched in BigCommerce' };

  it('sets every field on create (the default)', async () => {
    await expect(mapping.evaluate(input)).rejects.toThrow(/DEB_NR: only on create/);
  });

  it('leaves create-only fields out on update', async () => {
    const { record } = await mapping.evaluate(input, {}, { mode: 'update' });
    expect(record).toEqual({ ACCT_NAME: 'Jansen BV', SRC_CODE: '-' });
  });
});

describe('dotted targets', () => {
  it('build nested objects, and only where a value exists', async () => {
    const mapping = compileMapping({
      fields: [
        { target: 'address.street', expression: '"Keizersgracht"' },
        { target: 'address.geo.lat', expression: '52.37' },
        { target: 'address.geo.lng', expression: '4.89' },
        { target: 'contact.phone', expression: 'phone' },
        { target: 'name', expression: '"Jan"' },
      ],
    });
    expect((await mapping.evaluate({})).record).toEqual({
      address: { street: 'Keizersgracht', geo: { lat: 52.37, lng: 4.89 } },
      name: 'Jan',
    });
  });
});

describe('lines', () => {
  const order = {
    id: 101,
    customer: { email: 'jan@example.nl' },
    products: [
      { sku: 'A-1', quantity: 2, price_inc_tax: 12.1 },
      { sku: 'B-2', quantity: 1, price_inc_tax: 5 },
    ],
  };
  const mapping = compileMapping({
    fields: [{ target: 'COMMENT1', expression: '"BC-" & $string(id)' }],
    lines: {
      source: 'products',
      fields: [
        { target: 'ART_CODE', expression: 'sku', required: true },
        { target: 'ORD_QTY', expression: 'quantity', type: 'number' },
        { target: 'ART_PX', expression: '$round(price_inc_tax / 1.21, 2)', type: 'number' },
        { target: 'ref', expression: '$root.id & "/" & $root.customer.email' },
        { target: 'HeaderId', expression: '$header' },
      ],
    },
  });

  it('maps each element with the element as context and the input as $root', async () => {
    const result = await mapping.evaluate(order, { header: 'H1' });
    expect(result).toEqual({
      record: { COMMENT1: 'BC-101' },
      lines: [
        { ART_CODE: 'A-1', ORD_QTY: 2, ART_PX: 10, ref: '101/jan@example.nl', HeaderId: 'H1' },
        { ART_CODE: 'B-2', ORD_QTY: 1, ART_PX: 4.13, ref: '101/jan@example.nl', HeaderId: 'H1' },
      ],
    });
  });

  it('treats a single object as one line and nothing as no lines', async () => {
    expect((await mapping.evaluate({ ...order, products: order.products[0] })).lines).toHaveLength(1);
    expect((await mapping.evaluate({ id: 1 })).lines).toEqual([]);
  });

  it('names the line in errors', async () => {
    const broken = { ...order, products: [order.products[0], { quantity: 1 }] };
    await expect(mapping.evaluate(broken)).rejects.toMatchObject({ name: 'MappingTypeError', target: 'lines[1].ART_CODE' });
  });

  it('honours create-only on line fields', async () => {
    const withMode = compileMapping({
      fields: [],
      lines: { source: 'products', fields: [{ target: 'ART_CODE', expression: 'sku' }, { target: 'DESC', expression: 'sku', mode: 'create-only' }] },
    });
    expect((await withMode.evaluate(order, {}, { mode: 'update' })).lines).toEqual([{ ART_CODE: 'A-1' }, { ART_CODE: 'B-2' }]);
  });
});

describe('bindings and inputs', () => {
  it('exposes bindings as $name and the input as $root in header fields too', async () => {
    const mapping = compileMapping({
      fields: [
        { target: 'a', expression: '$settings.debtorAccount' },
        { target: 'b', expression: '$root.id' },
      ],
    });
    expect((await mapping.evaluate({ id: 7 }, { settings: { debtorAccount: '1300' } })).record).toEqual({ a: '1300', b: 7 });
  });

  it('turns Dates in the input into ISO text', async () => {
    const when = new Date('2024-05-14T09:34:00Z');
    expect(await value({ expression: 'at', type: 'date' }, { at: when })).toBe('2024-05-14T09:34:00.000Z');
  });

  it('reserves $root and refuses odd binding names', async () => {
    const mapping = compileMapping(one({ expression: '1' }));
    await expect(mapping.evaluate({}, { root: 1 })).rejects.toThrow(MappingError);
    await expect(mapping.evaluate({}, { 'not-a-name': 1 })).rejects.toThrow(/not a valid binding name/);
  });

  it('runs store functions with their arguments only', async () => {
    let hadThis: boolean | undefined;
    const mapping = compileMapping(one({ expression: '$shout(name)' }), {
      functions: {
        shout: {
          implementation: function (this: unknown, s: string) {
            hadThis = this !== undefined;
            return `${s.toUpperCase()}!`;
          },
          signature: '<s:s>',
        },
      },
    });
    expect((await mapping.evaluate({ name: 'jan' })).record).toEqual({ value: 'JAN!' });
    expect(hadThis).toBe(false);
  });

  it('can be evaluated concurrently', async () => {
    const mapping = compileMapping({
      fields: [{ target: 'n', expression: '$sum([1..$root.n])' }],
      lines: { source: '[1..$root.n]', fields: [{ target: 'x', expression: '$ * 2' }] },
    });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => mapping.evaluate({ n: i + 1 })));
    results.forEach((result, i) => {
      const n = i + 1;
      expect(result.record.n).toBe((n * (n + 1)) / 2);
      expect(result.lines).toHaveLength(n);
    });
  });
});
