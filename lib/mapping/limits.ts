import type { MapperOptions } from './types';

export interface Limits {
  timeoutMs: number;
  maxDepth: number;
  maxStringLength: number;
  maxArrayLength: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  timeoutMs: 250,
  maxDepth: 200,
  maxStringLength: 1_000_000,
  maxArrayLength: 100_000,
};

/**
 * Every step's result counts against a volume budget of this many times the single-value limits. Without it an
 * expression could stay under each limit and still allocate gigabytes inside its time limit, e.g. by building a
 * 100k array on every iteration of `$map`.
 */
export const VOLUME_FACTOR = 50;

/** Regular expressions run synchronously, out of reach of the time limit: keep their inputs small. */
export const MAX_REGEX_SUBJECT = 10_000;
export const MAX_REGEX_PATTERN = 300;

/** Longest expression text we parse; mapping expressions are a few lines, not programs. */
export const MAX_EXPRESSION_LENGTH = 20_000;

/** Input and bindings nest no deeper than this (orders are about 5 levels deep). */
export const MAX_DATA_DEPTH = 64;

export function resolveLimits(options: MapperOptions = {}): Limits {
  return {
    timeoutMs: positive(options.timeoutMs, DEFAULT_LIMITS.timeoutMs),
    maxDepth: positive(options.maxDepth, DEFAULT_LIMITS.maxDepth),
    maxStringLength: positive(options.maxStringLength, DEFAULT_LIMITS.maxStringLength),
    maxArrayLength: positive(options.maxArrayLength, DEFAULT_LIMITS.maxArrayLength),
  };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
