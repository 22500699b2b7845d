import type { FieldType, ProblemKind } from './types';

/** Base of every mapping failure. `target` names the field, so the activity log can say which one to fix. */
export class MappingError extends Error {
  override name = 'MappingError';
  readonly kind: ProblemKind = 'input';

  constructor(
    readonly target: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(target ? `${target}: ${reason}` : reason, options);
  }
}

/** The expression (or the target) cannot be compiled: a syntax error, a bad target name, a duplicate. */
export class MappingCompileError extends MappingError {
  override name = 'MappingCompileError';
  override readonly kind: ProblemKind = 'compile';
  constructor(
    target: string,
    reason: string,
    /** JSONata's error code (`S0201`…), when JSONata raised it. */
    readonly code?: string,
    /** Character offset in the expression, when known. */
    readonly position?: number,
  ) {
    super(target, reason);
  }
}

/** The expression compiled but failed on this input. */
export class MappingEvaluationError extends MappingError {
  override name = 'MappingEvaluationError';
  override readonly kind: ProblemKind = 'evaluation';
  constructor(
    target: string,
    reason: string,
    readonly code?: string,
    readonly position?: number,
    options?: { cause?: unknown },
  ) {
    super(target, reason, options);
  }
}

/** The expression ran longer than its time limit: an endless loop or runaway recursion. */
export class MappingTimeoutError extends MappingEvaluationError {
  override name = 'MappingTimeoutError';
  override readonly kind: ProblemKind = 'timeout';
  constructor(
    target: string,
    readonly timeoutMs: number,
  ) {
    super(target, `the expression ran longer than ${timeoutMs} ms and was stopped; check for an endless loop or recursion`);
  }
}

export type MappingLimit = 'depth' | 'string' | 'array' | 'volume' | 'regex';

/** The expression went past a size or depth limit that protects the worker. */
export class MappingLimitError extends MappingEvaluationError {
  override name = 'MappingLimitError';
  override readonly kind: ProblemKind = 'limit';
  constructor(
    target: string,
    readonly limit: MappingLimit,
    reason: string,
  ) {
    super(target, reason);
  }
}

/** The value has the wrong type for its field, or a required field is empty. */
export class MappingTypeError extends MappingError {
  override name = 'MappingTypeError';
  override readonly kind: ProblemKind = 'type';
  constructor(
    target: string,
    reason: string,
    readonly expected?: FieldType,
  ) {
    super(target, reason);
  }
}
