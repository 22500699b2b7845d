/** The shapes of a data mapping: data a merchant can read, override and store. */

/** `always`: keep the target updated on every sync. `create-only`: set when the record is created, never overwritten. */
export type FieldMode = 'always' | 'create-only';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'any';

export interface FieldMapping {
  /** Where the value goes; dots nest (`address.street` → `{ address: { street } }`). */
  target: string;
  /** JSONata, evaluated on the input (or, for line fields, on one line with the input as `$root`). */
  expression: string;
  type?: FieldType;
  /** A required field that yields undefined, null or '' is a MappingTypeError naming the target. */
  required?: boolean;
  /** Defaults to `always`. */
  mode?: FieldMode;
  description?: string;
}

export interface RecordMapping {
  fields: FieldMapping[];
  /** Optional detail rows: `source` is a JSONata expression evaluated on the input that yields an array; each element is mapped with `fields` (the element is the context `$`; the whole input is bound as `$root`). */
  lines?: { source: string; fields: FieldMapping[] };
}

export interface MappingResult {
  record: Record<string, unknown>;
  lines: Array<Record<string, unknown>>;
}

export type EvaluationMode = 'create' | 'update';

export interface EvaluateOptions {
  /** In `update` mode, create-only fields are left out (and not evaluated). Defaults to `create`. */
  mode?: EvaluationMode;
}

export interface CompiledMapping {
  evaluate(input: unknown, bindings?: Record<string, unknown>, opts?: EvaluateOptions): Promise<MappingResult>;
}

/**
 * A function made available to expressions as `$name`. It receives the evaluated arguments only (never the
 * evaluator's environment), so it can expose no more than it closes over: give it data, not clients.
 */
export interface MapperFunction {
  implementation: (...args: never[]) => unknown;
  /** JSONata signature, e.g. `<s-n:s>`; checked by the evaluator before the call. */
  signature?: string;
}

export interface MapperOptions {
  /** Per expression. Default 250. */
  timeoutMs?: number;
  /** Nesting depth of the evaluator, which is what recursion consumes. Default 200. */
  maxDepth?: number;
  /** Longest string any step may produce. Default 1,000,000 characters. */
  maxStringLength?: number;
  /** Longest array any step may produce. Default 100,000 items. */
  maxArrayLength?: number;
  functions?: Record<string, MapperFunction>;
}

export type ProblemKind = 'input' | 'compile' | 'evaluation' | 'timeout' | 'limit' | 'type';

export interface MappingProblem {
  /** The field's target; line fields read `lines[2].ART_CODE` (evaluation) or `lines.ART_CODE` (compile). */
  target: string;
  /** Plain language, fit for the merchant's screen. */
  reason: string;
  kind: ProblemKind;
}

export type MappingValidation =
  | { ok: true; result: MappingResult }
  /** `result` holds what could be mapped, when the mapping compiled far enough to run. */
  | { ok: false; problems: MappingProblem[]; result?: MappingResult };

/** A store's own expressions by target, laid over the defaults. An empty expression removes an optional field. */
export type MappingOverrides = Partial<Record<string, string>>;
