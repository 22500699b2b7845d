import type jsonata from 'jsonata';

import type { Limits } from '../limits';
import type { SandboxFunction } from '../sandbox';
import { countryIso2 } from './countries';
import { MapperFunctionError } from './errors';
import { cents, roundHalfAwayFromZero } from './money';
import { nameSplit } from './name-split';
import { formatPostcode } from './postcode';
import { splitAddress } from './split-address';
import { escapeHtml, padWithin, trimTo } from './text';
import { vatCode } from './vat-code';

export class EvalDisabledError extends MapperFunctionError {
  override name = 'EvalDisabledError';
  constructor() {
    super('$eval is not available in mappings; write the expression out instead');
  }
}

function fn<A extends unknown[]>(implementation: (...args: A) => unknown, signature: string): SandboxFunction {
  return { implementation: implementation as unknown as SandboxFunction['implementation'], signature };
}

/**
 * Registered on every expression. `round` replaces JSONata's banker's rounding, `pad` gets a size check and `eval`
 * is switched off: it would let data (an order note, say) become code that our compile-time checks never saw.
 */
export function builtInFunctions(limits: Limits): Record<string, SandboxFunction> {
  return {
    splitAddress: fn(splitAddress, '<s-:o>'),
    formatPostcode: fn(formatPostcode, '<s-s?:s>'),
    vatCode: {
      signature: '<(ns)s?o?:s>',
      implementation: function (this: jsonata.Focus, rate: number | string | undefined, country?: string, table?: unknown) {
        return vatCode(rate, country, table ?? this.environment.lookup('vatTable'));
      } as unknown as SandboxFunction['implementation'],
    },
    round: fn(roundHalfAwayFromZero, '<n-n?:n>'),
    cents: fn(cents, '<n-:n>'),
    trimTo: fn(trimTo, '<(snb)-n:s>'),
    escapeHtml: fn(escapeHtml, '<(snb)-:s>'),
    nameSplit: fn(nameSplit, '<s-:o>'),
    countryIso2: fn(countryIso2, '<s-:s>'),
    pad: fn(padWithin(limits.maxStringLength), '<s-ns?:s>'),
    eval: fn(() => {
      throw new EvalDisabledError();
    }, '<sx?:x>'),
  };
}

/** Names a store's own functions may not take. */
export const RESERVED_FUNCTION_NAMES: ReadonlySet<string> = new Set(['eval', 'pad']);
