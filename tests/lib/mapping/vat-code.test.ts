import { describe, expect, it } from 'vitest';
import { compileMapping, DEFAULT_VAT_TABLE, vatCode, VatCodeError, type VatTable } from '@/lib/mapping';

const OSS: VatTable = {
  ...DEFAULT_VAT_TABLE,
  countries: { BE: { '21': '5', '6': '6' }, DE: { '19': '7' } },
};

describe('vatCode with the default table', () => {
  it.each([
    [21, 'NL', '2'],
    [9, 'NL', '1'],
    [0, 'NL', '0'],
    [21, undefined, '2'], // no country: a domestic sale
    [21, '', '2'],
    ['21', 'NL', '2'],
    ['9%', 'Netherlands', '1'],
    [20.996, 'NL', '2'], // a rate computed from rounded amounts
    [0, 'BE', '3'], // EU business customer: reverse charge
    [0, 'Germany', '3'],
    [0, 'US', '4'], // outside the EU: export
    [0, 'CH', '4'],
    [0, 'GB', '4'],
    [21, 'BE', '2'], // Dutch VAT charged abroad (below the OSS threshold)
    [9, 'US', '1'],
  ])('%j %% in %j → %j', (rate, country, code) => {
    expect(vatCode(rate, country)).toBe(code);
  });

  it('passes an undefined rate through', () => {
    expect(vatCode(undefined, 'NL')).toBeUndefined();
  });

  it.each([
    [7, 'NL', /no AccountView VAT code for 7% in NL/],
    [19, 'DE', /no AccountView VAT code for 19% in DE/],
    [21, 'Atlantis', /"Atlantis" is not a country/],
    ['high', 'NL', /"high" is not a VAT percentage/],
    [-1, 'NL', /not a VAT percentage/],
  ])('refuses %j %% in %j with a message that says what to do', (rate, country, message) => {
    expect(() => vatCode(rate, country)).toThrow(VatCodeError);
    expect(() => vatCode(rate, country)).toThrow(message);
  });
});

describe('vatCode with a store table', () => {
  it.each([
    [21, 'BE', '5'], // OSS: the destination's own rate and code
    [6, 'BE', '6'],
    [19, 'DE', '7'],
    [0, 'BE', '3'], // entries for a country do not hide reverse charge
    [21, 'NL', '2'],
  ])('%j %% in %j → %j', (rate, country, code) => {
    expect(vatCode(rate, country, OSS)).toBe(code);
  });

  it('supports a Belgian administration', () => {
    const belgian = { home: 'be', rates: { '21': 'B21', '6': 'B6', '0': 'B0' }, euReverseCharge: 'ICL', export: 'EXP' };
    expect(vatCode(6, 'BE', belgian)).toBe('B6');
    expect(vatCode(0, 'NL', belgian)).toBe('ICL');
    expect(vatCode(0, 'NO', belgian)).toBe('EXP');
  });

  it('refuses a malformed table, naming what is wrong', () => {
    expect(() => vatCode(21, 'NL', { home: 'Netherlands', rates: {} })).toThrow(/VAT table is not valid.*home/);
  });
});

describe('$vatCode in expressions', () => {
  const mapping = compileMapping({
    fields: [{ target: 'VAT_CODE', expression: '$vatCode(rate, country)', required: true }],
    lines: { source: 'lines', fields: [{ target: 'VAT_CODE', expression: '$vatCode(rate, $root.country)' }] },
  });

  it('uses the default table when the store gives none', async () => {
    const { record } = await mapping.evaluate({ rate: 9, country: 'NL', lines: [] });
    expect(record).toEqual({ VAT_CODE: '1' });
  });

  it('takes the store table from the $vatTable binding, for lines too', async () => {
    const result = await mapping.evaluate({ rate: 21, country: 'BE', lines: [{ rate: 6 }] }, { vatTable: OSS });
    expect(result).toEqual({ record: { VAT_CODE: '5' }, lines: [{ VAT_CODE: '6' }] });
  });

  it('accepts the table as third argument', async () => {
    const explicit = compileMapping({ fields: [{ target: 'v', expression: '$vatCode(19, "DE", $tables.oss)' }] });
    expect((await explicit.evaluate({}, { tables: { oss: OSS } })).record).toEqual({ v: '7' });
  });

  it('turns an unmapped rate into an evaluation error naming the field', async () => {
    await expect(mapping.evaluate({ rate: 7, country: 'NL', lines: [] })).rejects.toMatchObject({
      name: 'MappingEvaluationError',
      target: 'VAT_CODE',
      reason: expect.stringMatching(/add the rate to the VAT table/) as unknown,
    });
  });
});
