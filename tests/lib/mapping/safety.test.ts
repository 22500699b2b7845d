import { describe, expect, it } from 'vitest';
import {
  compileMapping,
  DEFAULT_LIMITS,
  MappingError,
  MappingLimitError,
  MappingTimeoutError,
  type MapperOptions,
} from '@/lib/mapping';
import { unsafeRegexReason } from '@/lib/mapping/safe-regex';

async function failure(expression: string, input: unknown = {}, options?: MapperOptions): Promise<{ err: unknown; ms: number }> {
  const mapping = compileMapping({ fields: [{ target: 'x', expression }] }, options);
  const started = performance.now();
  const err = await mapping.evaluate(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { err, ms: performance.now() - started };
}

const LIMIT = DEFAULT_LIMITS.timeoutMs;
// Wall-clock bounds here only prove that an expression stops instead of hanging (the test would time
// out at 30 s). They are loose on purpose: a loaded 2-core CI machine easily doubles any timing.
const STOPS_WITHIN = 10 * LIMIT;

describe('runaway expressions stop once the time limit is spent', () => {
  it.each([
    ['endless tail recursion', '( $f := function($x){ $f($x) }; $f(1) )'],
    ['an endless counting loop', '( $loop := function($i){ $loop($i + 1) }; $loop(0) )'],
    ['a loop that only builds small values', '( $loop := function($i, $acc){ $loop($i + 1, $acc ? $acc : "x") }; $loop(0, "") )'],
    ['recursion hidden in a parallel branch', '[1, ( $f := function($x){ [$x, $f($x)] }; $f(1) )]'],
  ])('%s', async (_label, expression) => {
    const { err, ms } = await failure(expression);
    expect(err).toBeInstanceOf(MappingError);
    expect((err as MappingError).target).toBe('x');
    if (err instanceof MappingTimeoutError) expect(ms).toBeGreaterThanOrEqual(LIMIT - 5);
    expect(ms).toBeLessThan(STOPS_WITHIN);
  });

  it('reports the limit in a MappingTimeoutError', async () => {
    const { err } = await failure('( $f := function($x){ $f($x) }; $f(1) )', {}, { timeoutMs: 60 });
    expect(err).toBeInstanceOf(MappingTimeoutError);
    expect(err).toMatchObject({ target: 'x', timeoutMs: 60, kind: 'timeout', reason: expect.stringMatching(/60 ms/) as unknown });
  });

  it('stops a store function that never returns', async () => {
    const never = { implementation: () => new Promise<never>(() => undefined) };
    const { err, ms } = await failure('$hang()', {}, { timeoutMs: 100, functions: { hang: never } });
    expect(err).toBeInstanceOf(MappingTimeoutError);
    expect(ms).toBeLessThan(STOPS_WITHIN);
  });

  it('gives each field its own time, so one slow field does not starve the next', async () => {
    const mapping = compileMapping(
      {
        fields: [
          { target: 'a', expression: '$sum([1..5000])' },
          { target: 'b', expression: '$sum([1..5000])' },
        ],
      },
      { timeoutMs: 1000 },
    );
    expect((await mapping.evaluate({})).record).toEqual({ a: 12502500, b: 12502500 });
  });
});

describe('deep recursion stops', () => {
  it('at the depth limit, long before the time limit', async () => {
    const { err, ms } = await failure('( $f := function($x){ 1 + $f($x) }; $f(1) )');
    expect(err).toBeInstanceOf(MappingLimitError);
    // The depth limit, not the clock, stopped it.
    expect(err).toMatchObject({ limit: 'depth', target: 'x' });
    expect(ms).toBeLessThan(STOPS_WITHIN);
  });

  it('allows honest recursion', async () => {
    const mapping = compileMapping({ fields: [{ target: 'x', expression: '( $fact := function($n){ $n <= 1 ? 1 : $n * $fact($n - 1) }; $fact(15) )' }] });
    expect((await mapping.evaluate({})).record.x).toBe(1307674368000);
  });

  it('does not count parallel branches as depth: a grouping over 500 lines is fine', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => ({ sku: `S${i}`, qty: i }));
    const mapping = compileMapping({ fields: [{ target: 'x', expression: '$count($keys(lines{ sku: $sum(qty) }))' }] });
    expect((await mapping.evaluate({ lines })).record.x).toBe(500);
  });

  it('follows maxDepth', async () => {
    const mapping = compileMapping({ fields: [{ target: 'x', expression: '( $fact := function($n){ $n <= 1 ? 1 : $n * $fact($n - 1) }; $fact(15) )' }] }, { maxDepth: 20 });
    await expect(mapping.evaluate({})).rejects.toMatchObject({ name: 'MappingLimitError', limit: 'depth' });
  });
});

describe('huge output is refused', () => {
  it.each([
    ['a long padding', '$pad("", 2000000)', 'string'],
    ['a joined text', '( $s := $pad("", 20000, "x"); $join([1..100].($s)) )', 'string'],
    ['a doubling string', '$reduce([1..40], function($a, $b){ $a & $a }, "x")', 'string'],
    ['a long range', '[1..200000]', 'array'],
    ['an appended list', '$append([1..60000], [1..60000])', 'array'],
    ['a replacement that multiplies text', '$replace($pad("", 500000, "a"), "a", "bbbbbbbbbb")', 'string'],
  ])('%s', async (_label, expression, limit) => {
    const { err, ms } = await failure(expression);
    expect(err).toBeInstanceOf(MappingLimitError);
    expect(err).toMatchObject({ target: 'x', limit });
    expect(ms).toBeLessThan(STOPS_WITHIN);
  });

  it('counts everything an expression builds, not just its result', async () => {
    // Each list stays under the limit, but together they would fill the memory inside the time limit.
    const { err } = await failure('$count($map([1..1000], function($v){ [1..1000] }))', {}, { maxArrayLength: 1000 });
    expect(err).toMatchObject({ name: 'MappingLimitError', limit: 'volume' });
  });

  it('follows maxStringLength and maxArrayLength', async () => {
    expect((await failure('$pad("", 101)', {}, { maxStringLength: 100 })).err).toMatchObject({ limit: 'string' });
    expect((await failure('[1..11]', {}, { maxArrayLength: 10 })).err).toMatchObject({ limit: 'array' });
    expect((await failure('[1..10].([1..10])', {}, { maxArrayLength: 50 })).err).toMatchObject({ limit: 'array' });
  });

  it('lets ordinary large values through', async () => {
    // A generous time limit: this is about size, and a loaded machine must not turn it into a timeout.
    const mapping = compileMapping(
      { fields: [{ target: 'x', expression: '( $s := $pad("", 300000, "x"); $length($join([$s, $s, $s])) )' }] },
      { timeoutMs: 5000 },
    );
    expect((await mapping.evaluate({})).record.x).toBe(900000);
  });
});

describe('regular expressions cannot hang the worker', () => {
  it.each([
    ['nested repetition', '$match(s, /(a+)+$/)', /may not itself contain a repetition/],
    ['repeated alternatives', '$contains(s, /(a|aa)*b/)', /may not itself contain a repetition or an alternative/],
    ['a backreference', '$replace(s, /(a)\\1/, "")', /backreferences are not allowed/],
    ['a very long pattern', `$contains(s, /${'a'.repeat(400)}/)`, /longer than 300 characters/],
  ])('refuses %s when the expression is compiled', (_label, expression, reason) => {
    const compile = () => compileMapping({ fields: [{ target: 'x', expression }] });
    expect(compile).toThrow(expect.objectContaining({ name: 'MappingCompileError', target: 'x', reason: expect.stringMatching(reason) as unknown }));
  });

  it.each([
    String.raw`^(\d{4})\s?([A-Z]{2})$`,
    String.raw`(?:ab)+`,
    String.raw`(a+)?`,
    String.raw`(foo|bar)`,
    String.raw`[(a+)+]`,
    String.raw`\(a+\)+`,
    String.raw`(?<street>.*?)\s+(?<nr>\d+)`,
  ])('accepts the safe pattern %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toBeUndefined();
  });

  it.each([String.raw`(a+)+`, String.raw`(a*)*`, String.raw`((a)+)+`, String.raw`(a{2,})+`, String.raw`(\s|\S)*`, String.raw`(a|b){2,5}`, String.raw`(a)\1`, String.raw`(?<x>a)\k<x>`])(
    'refuses the pattern %s',
    (pattern) => {
      expect(unsafeRegexReason(pattern)).toBeDefined();
    },
  );

  it('refuses to scan very long texts', async () => {
    const { err } = await failure('$contains(s, /b/)', { s: 'a'.repeat(20000) });
    expect(err).toMatchObject({ limit: 'regex' });
  });

  it('runs ordinary patterns', async () => {
    const mapping = compileMapping({
      fields: [
        { target: 'zip', expression: '$replace(zip, /\\s+/, "")' },
        { target: 'nl', expression: '$contains(zip, /^[1-9][0-9]{3} ?[A-Z]{2}$/)' },
        { target: 'digits', expression: '$match(phone, /(\\d+)/).match' },
      ],
    });
    const { record } = await mapping.evaluate({ zip: '1234 AB', phone: '+31 20 1234567' });
    expect(record).toEqual({ zip: '1234AB', nl: true, digits: ['31', '20', '1234567'] });
  });
});

describe('expressions reach nothing but their input and bindings', () => {
  it('has $eval switched off, however it is called', async () => {
    for (const expression of ['$eval("1 + 1")', '( $e := $eval; $e("1") )', '$map(["1"], $eval)']) {
      const { err } = await failure(expression);
      expect(err, expression).toMatchObject({ name: 'MappingEvaluationError', reason: expect.stringMatching(/\$eval is not available/) as unknown });
    }
  });

  it.each([
    'process',
    '$process',
    '$process.env',
    'require',
    '$require("fs")',
    '$import("fs")',
    'global',
    '$globalThis',
    '$.constructor',
    '$.__proto__',
    '"".constructor',
    '$lookup($, "constructor")',
    '$lookup({}, "__proto__")',
    '$uppercase.implementation',
    '$lookup($uppercase, "implementation")',
    '$spread($uppercase).implementation',
    '( $f := $spread($uppercase)[1].implementation; $f("x") )',
    '$keys($uppercase)',
    '$string($uppercase)',
    '$sift($, function($v, $k){ $k = "constructor" })',
    '$each($, function($v, $k){ $k })',
    '$string($$)',
  ])('%s', async (expression) => {
    const mapping = compileMapping({ fields: [{ target: 'x', expression }] });
    const outcome = await mapping.evaluate({ a: 1 }).then(
      (result) => result.record.x,
      (err: unknown) => err,
    );
    if (outcome instanceof Error) {
      expect(outcome).toBeInstanceOf(MappingError);
    } else {
      // Whatever came back is plain data from the input, never a live object of the host.
      expect(JSON.parse(JSON.stringify(outcome ?? null))).toEqual(outcome ?? null);
      expect(JSON.stringify(outcome ?? null)).not.toMatch(/pid|env|versions|native code/);
    }
  });

  it('refuses functions and class instances in the input and bindings', async () => {
    const mapping = compileMapping({ fields: [{ target: 'x', expression: '$f()' }] });
    await expect(mapping.evaluate({}, { f: () => process.pid })).rejects.toThrow(/\$f: holds a function/);
    await expect(mapping.evaluate({ nested: { f: () => 1 } })).rejects.toThrow(/input.nested.f: holds a function/);
    await expect(mapping.evaluate({ when: new Map() })).rejects.toThrow(/not plain data/);
    await expect(mapping.evaluate({}, { client: new (class Client {})() })).rejects.toThrow(/\$client/);
  });

  it('keeps a JSON "__proto__" key a key', async () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
    const mapping = compileMapping({ fields: [{ target: 'x', expression: '$keys($)' }, { target: 'y', expression: 'polluted' }] });
    const { record } = await mapping.evaluate(input);
    expect(record.x).toEqual(['__proto__', 'a']);
    expect(record.y).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses over-long expressions and nesting the parser cannot take', () => {
    expect(() => compileMapping({ fields: [{ target: 'x', expression: `"${'a'.repeat(30000)}"` }] })).toThrow(/longer than/);
    expect(() => compileMapping({ fields: [{ target: 'x', expression: `${'('.repeat(5000)}1${')'.repeat(5000)}` }] })).toThrow(
      expect.objectContaining({ name: 'MappingCompileError', target: 'x' }),
    );
  });
});
