import { describe, expect, it } from 'vitest';
import { compileMapping, splitAddress } from '@/lib/mapping';

describe('splitAddress', () => {
  it.each([
    ['Keizersgracht 123-A', 'Keizersgracht', '123', 'A'],
    ['Keizersgracht 123 A', 'Keizersgracht', '123', 'A'],
    ['Keizersgracht 123A', 'Keizersgracht', '123', 'A'],
    ['Keizersgracht 123', 'Keizersgracht', '123', ''],
    ['Laan van Meerdervoort 1004 bis', 'Laan van Meerdervoort', '1004', 'bis'],
    ['1e Helmersstraat 5 hs', '1e Helmersstraat', '5', 'hs'],
    ['Straat 12 bus 3', 'Straat', '12', 'bus 3'],
    ['Rue de la Loi 16 bte 5', 'Rue de la Loi', '16', 'bte 5'],
    ['Plein 1940-1945 10', 'Plein 1940-1945', '10', ''],
    ['Plein 40-45 12-2', 'Plein 40-45', '12', '2'],
    ['Straat 12/3', 'Straat', '12', '3'],
    ['Keizersgracht 123-2 hoog', 'Keizersgracht', '123', '2 hoog'],
    ['Keizersgracht 123 1hg', 'Keizersgracht', '123', '1hg'],
    ['Keizersgracht 123 II', 'Keizersgracht', '123', 'II'],
    ['Keizersgracht 123 A 1hg', 'Keizersgracht', '123', 'A 1hg'],
    ['Weg 12 b.3', 'Weg', '12', 'b.3'],
    ['Keizersgracht, 123', 'Keizersgracht', '123', ''],
    ['  Keizersgracht   123   a ', 'Keizersgracht', '123', 'a'],
    ['221B Baker Street', 'Baker Street', '221', 'B'],
    ['Dorpsstraat', 'Dorpsstraat', '', ''],
    ['1e Helmersstraat', '1e Helmersstraat', '', ''],
    ['Plein 1940-1945', 'Plein 1940-1945', '', ''],
    ['', '', '', ''],
  ])('%j → %j %j %j', (line, street, number, addition) => {
    expect(splitAddress(line)).toEqual({ street, number, addition });
  });

  it('passes undefined through, as JSONata functions do', () => {
    expect(splitAddress(undefined)).toBeUndefined();
  });

  it('does not try to split text far longer than a street line', () => {
    const long = `${'Straat 1 '.repeat(100)}12`;
    expect(splitAddress(long)).toEqual({ street: long.trim(), number: '', addition: '' });
  });

  it('is available to expressions, reading the context when called without an argument', async () => {
    const mapping = compileMapping({
      fields: [
        { target: 'ST_STREET', expression: '$splitAddress(street_1).street' },
        { target: 'ST_NR', expression: 'street_1.$splitAddress().number' },
        { target: 'ST_EXTRA', expression: '$splitAddress(street_1).addition' },
      ],
    });
    const { record } = await mapping.evaluate({ street_1: 'Keizersgracht 123-A' });
    expect(record).toEqual({ ST_STREET: 'Keizersgracht', ST_NR: '123', ST_EXTRA: 'A' });
  });
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('splitAddress round-trips generated lines', () => {
  const WORDS = ['Keizersgracht', 'Laan', 'van', 'Meerdervoort', 'Dorpsstraat', 'Rue', 'de', 'la', 'Loi', 'Oude', 'Nieuwe',
    "'s-Gravenweg", 'Sint', 'Jansstraat', 'Avenue', 'Louise', 'Hoofdweg', 'Plein', 'Oranje-Nassaulaan', 'Ter', 'Aa', 'Kerkpad'];
  // [text as written after the number, what splitAddress should report]
  const ADDITIONS: Array<(r: () => number) => [string, string]> = [
    () => ['', ''],
    (r) => {
      const letter = pick(r, ['A', 'B', 'C', 'a', 'h', 'bis', 'ter', 'hs', 'II', 'III', 'zw', 'rd']);
      const sep = pick(r, ['', ' ', '-']);
      return [`${sep}${letter}`, letter];
    },
    (r) => {
      const n = String(1 + Math.floor(r() * 300));
      return [`${pick(r, ['-', '/'])}${n}`, n];
    },
    (r) => {
      const box = `${pick(r, ['bus', 'bte', 'box'])} ${1 + Math.floor(r() * 99)}`;
      return [` ${box}`, box];
    },
    (r) => {
      const floor = pick(r, ['1hg', '2 hoog', '3e verd', '2h']);
      return [` ${floor}`, floor];
    },
    () => ['-2 hoog', '2 hoog'],
  ];

  function pick<T>(r: () => number, items: readonly T[]): T {
    return items[Math.floor(r() * items.length)] as T;
  }

  it('finds the number and addition of 1,000 random lines', () => {
    const r = random(20240514);
    for (let i = 0; i < 1000; i++) {
      const words = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, WORDS));
      if (r() < 0.2) words.unshift(pick(r, ['1e', '2e', '3e']));
      if (r() < 0.2) words.push(pick(r, ['1940-1945', '40-45']));
      const street = words.join(' ');
      const number = String(1 + Math.floor(r() * 9999));
      const [written, addition] = pick(r, ADDITIONS)(r);
      const spaces = r() < 0.2 ? '  ' : ' ';
      const line = `${street}${spaces}${number}${written}`;
      expect(splitAddress(line), line).toEqual({ street, number, addition });
    }
  });
});
