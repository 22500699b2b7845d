import {
  MappingCompileError,
  MappingError,
  MappingEvaluationError,
  MappingLimitError,
  MappingTimeoutError,
} from './errors';
import { MapperFunctionError } from './functions/errors';
import type { Limits } from './limits';
import { SandboxStop } from './sandbox';
import { UnsafeRegexError } from './safe-regex';

/** JSONata throws plain objects, not Errors. */
interface JsonataFailure {
  code: string;
  message?: string;
  position?: number;
}

function isJsonataFailure(err: unknown): err is JsonataFailure {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string';
}

function where(position: number | undefined): string {
  return typeof position === 'number' ? ` (at character ${position})` : '';
}

export function compileFailure(err: unknown, target: string): MappingCompileError {
  if (err instanceof SandboxStop) return new MappingCompileError(target, err.message);
  if (isJsonataFailure(err)) {
    return new MappingCompileError(target, `${err.message ?? err.code}${where(err.position)}`, err.code, err.position);
  }
  // A deeply nested expression exhausts the parser's stack.
  if (err instanceof RangeError) return new MappingCompileError(target, 'the expression is nested too deeply to read');
  return new MappingCompileError(target, err instanceof Error ? err.message : String(err));
}

export function evaluationFailure(err: unknown, target: string, limits: Limits): MappingError {
  if (err instanceof MappingError) return err;
  if (err instanceof SandboxStop) {
    return err.limit === 'time'
      ? new MappingTimeoutError(target, limits.timeoutMs)
      : new MappingLimitError(target, err.limit, err.message);
  }
  if (err instanceof UnsafeRegexError) return new MappingLimitError(target, 'regex', err.message);
  if (err instanceof MapperFunctionError) return new MappingEvaluationError(target, err.message, undefined, undefined, { cause: err });
  if (isJsonataFailure(err)) {
    if (err.code === 'D2014' || err.code === 'D2015') {
      return new MappingLimitError(target, 'array', `the expression built a list longer than ${limits.maxArrayLength} items`);
    }
    return new MappingEvaluationError(target, `${err.message ?? err.code}${where(err.position)}`, err.code, err.position);
  }
  // "Invalid string length" and friends: the engine itself refused to grow something further.
  if (err instanceof RangeError) return new MappingLimitError(target, 'volume', `the expression grew too large (${err.message})`);
  const reason = err instanceof Error ? err.message : String(err);
  return new MappingEvaluationError(target, reason, undefined, undefined, { cause: err });
}
