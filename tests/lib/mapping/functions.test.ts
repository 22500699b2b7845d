import { describe, expect, it } from 'vitest';
import {
  cents,
  compileMapping,
  countryIso2,
  formatPostcode,
  nameSplit,
  roundHalfAwayFromZero,
  trimTo,
} from '@/lib/mapping';

/** Evaluates one expression the way a mapping field would. */
async function run(expression: string, input: unknown = {}, bindings?: Record<string, unknown>): Promise<unknown> {
  const { record } = await compileMapping({ fields: [{ target: 'value', expression }] }).evaluate(input, bindings);
  return record.value;
}

describe('formatPostcode', () => {
  it.each([
    ['1234AB', undefined, '1234 AB'],
    ['1234 ab', undefined, '1234 AB'],
    [' 1234  ab ', 'NL', '1234 AB'],
    ['1234ab', 'Netherlands', '1234 AB'],
    ['NL-1234AB', 'NL', '1234 AB'],
    ['1000', 'BE', '1000'],
    ['B-1000', 'Belgium', '1000'],
    ['1000', undefined, '1000'],
    ['10115', 'DE', '10115'],
    [' SW1A  1AA ', 'GB', 'SW1A 1AA'],
    ['1234AB', 'DE', '1234AB'],
    ['0123AB', 'NL', '0123AB'], // not a Dutch code (they never start with 0): left as typed
    ['12345', 'NL', '12345'],
  ])('%j in %j → %j', (code, country, expected) => {
    expect(formatPostcode(code, country)).toBe(expected);
  });

  it('passes undefined through', () => {
    expect(formatPostcode(undefined)).toBeUndefined();
  });

  it('works in expressions', async () => {
    expect(await run('$formatPostcode(zip, country)', { zip: '1234ab', country: 'Nederland' })).toBe('1234 AB');
  });
});

describe('$round: half away from zero', () => {
  it.each([
    [2.5, 0, 3],
    [3.5, 0, 4],
    [-2.5, 0, -3],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.045, 2, 1.05],
    [-1.005, 2, -1.01],
    [0.285, 2, 0.29],
    [1234.5678, 2, 1234.57],
    [-0.004, 2, 0],
    [15, -1, 20],
    [1e21, 2, 1e21],
    [1.23e-7, 2, 0],
  ])('round(%d, %d) = %d', (value, decimals, expected) => {
    expect(roundHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('never yields -0', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
  });

  it('replaces JSONata\'s banker\'s rounding in expressions', async () => {
    expect(await run('$round(2.5)')).toBe(3);
    expect(await run('$round(0.125, 2)')).toBe(0.13);
    expect(await run('$round(price * 1.21, 2)', { price: 10.05 })).toBe(12.16);
  });

  it('refuses a silly number of decimals with a plain message', async () => {
    await expect(run('$round(1, 1.5)')).rejects.toMatchObject({ name: 'MappingEvaluationError', target: 'value' });
  });
});

describe('$cents', () => {
  it.each([
    [12.345, 1235],
    [0.1 + 0.2, 30],
    [-1.005, -101],
    [19.99, 1999],
    [0, 0],
  ])('cents(%d) = %d', (value, expected) => {
    expect(cents(value)).toBe(expected);
  });

  it('works in expressions', async () => {
    await expect(run('$cents(total)', { total: '24.195' })).rejects.toMatchObject({ code: 'T0410' }); // text is not a number
    expect(await run('$cents($number(total))', { total: '24.195' })).toBe(2420);
  });
});

describe('$trimTo', () => {
  it.each([
    ['  Keizersgracht  ', 40, 'Keizersgracht'],
    ['A very long company name that goes on', 10, 'A very lon'],
    ['Line one\nline two', 40, 'Line one line two'],
    ['abc de', 4, 'abc'], // no trailing space where the cut falls
    ['😀😀😀', 2, '😀😀'], // never half a character
    ['', 5, ''],
  ])('%j to %d → %j', (value, width, expected) => {
    expect(trimTo(value, width)).toBe(expected);
  });

  it('turns numbers into text and passes undefined through', () => {
    expect(trimTo(12345, 3)).toBe('123');
    expect(trimTo(undefined, 3)).toBeUndefined();
  });

  it('works in expressions', async () => {
    expect(await run('$trimTo(company, 5)', { company: 'AccountView BV' })).toBe('Accou');
  });
});

describe('$nameSplit', () => {
  it.each([
    ['Jan van der Berg', 'Jan', 'van der Berg'],
    ['Jan Peter de Vries', 'Jan Peter', 'de Vries'],
    ["Anne van 't Hof", 'Anne', "van 't Hof"],
    ['Jan Berg', 'Jan', 'Berg'],
    ['J.P. van Dam', 'J.P.', 'van Dam'],
    ['Maria da Silva', 'Maria', 'da Silva'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Jansen', '', 'Jansen'],
    ['van Dijk', '', 'van Dijk'],
    ['Van der Berg', '', 'Van der Berg'],
    ['De Vries', 'De', 'Vries'], // "De" is also a first name; nothing tells them apart
    ['Berg, Jan van der', 'Jan', 'van der Berg'],
    ['  Jan   de  Wit ', 'Jan', 'de Wit'],
    ['', '', ''],
  ])('%j → %j + %j', (full, first, last) => {
    expect(nameSplit(full)).toEqual({ first, last });
  });

  it('works in expressions', async () => {
    expect(await run('$nameSplit(name).last', { name: 'Jan van der Berg' })).toBe('van der Berg');
  });
});

describe('$countryIso2', () => {
  it.each([
    ['Netherlands', 'NL'],
    ['The Netherlands', 'NL'],
    ['Nederland', 'NL'],
    ['Holland', 'NL'],
    ['Belgium', 'BE'],
    ['België', 'BE'],
    ['Belgique', 'BE'],
    ['Germany', 'DE'],
    ['Deutschland', 'DE'],
    ['Duitsland', 'DE'],
    ['France', 'FR'],
    ['Luxembourg', 'LU'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['Korea, Republic of', 'KR'],
    ['Iran, Islamic Republic of', 'IR'],
    ['Virgin Islands, U.S.', 'VI'],
    ['Czech Republic', 'CZ'],
    ["Cote d'Ivoire", 'CI'],
    ['Curaçao', 'CW'],
    ['St. Helena', 'SH'],
    ['Netherlands Antilles', 'CW'],
    ['AN', 'CW'],
    ['nl', 'NL'],
    ['be', 'BE'],
    ['EL', 'GR'],
    ['  netherlands  ', 'NL'],
  ])('%j → %j', (name, code) => {
    expect(countryIso2(name)).toBe(code);
  });

  it.each(['Atlantis', 'European Union', 'ZZ', 'XX', ''])('%j is not a country', (name) => {
    expect(countryIso2(name)).toBeUndefined();
  });

  it('works in expressions', async () => {
    expect(await run('$countryIso2(billing_address.country)', { billing_address: { country: 'Belgium' } })).toBe('BE');
  });
});
