import jsonata from 'jsonata';

import type { MappingLimit } from './errors';
import type { Limits } from './limits';
import { MAX_EXPRESSION_LENGTH, VOLUME_FACTOR } from './limits';
import { GuardedRegExp, unsafeRegexReason } from './safe-regex';

/** Thrown from the evaluator's hooks; translated into a MappingTimeoutError or MappingLimitError with the target. */
export class SandboxStop extends Error {
  override name = 'SandboxStop';
  constructor(
    readonly limit: MappingLimit | 'time',
    message: string,
  ) {
    super(message);
  }
}

/** A function as the evaluator sees it; `this` is JSONata's focus (input and environment), for our own functions only. */
export interface SandboxFunction {
  implementation: (this: jsonata.Focus, ...args: never[]) => unknown;
  signature?: string;
}

export interface SandboxedExpression {
  evaluate(input: unknown, bindings: Record<string, unknown>): Promise<unknown>;
}

interface Run {
  startedAt: number;
  /** Nesting along one chain of calls: what recursion grows. */
  depth: number;
  /** Counted entries per expression node not yet matched by an exit of that node. */
  open: Map<object, number>;
  /** Every step entered and not yet left, across parallel branches: what memory grows with. */
  live: number;
  items: number;
  chars: number;
}

/** The evaluator's frame. JSONata gives every frame of one evaluation the same `base`. */
interface HookEnvironment {
  base?: object;
  /** Set by JSONata while it starts the 2nd, 3rd… branch of an array or object constructor. */
  isParallelCall?: boolean;
}

/**
 * JSONata starts the branches of `[a, b, c]` and of `{key: value}` grouping concurrently, so a plain counter of
 * open steps adds up siblings (a grouping over 100 lines looks 300 deep). Depth therefore skips the branches
 * JSONata flags as parallel, as its own test-suite does; `live` still counts everything, under a looser cap, so
 * recursion hidden inside parallel branches cannot grow without bound either.
 */
const LIVE_FACTOR = 50;

const ENTRY = Symbol.for('jsonata.__evaluate_entry');
const EXIT = Symbol.for('jsonata.__evaluate_exit');

/**
 * Compiles `text` so that every evaluation is time-boxed and size-capped. This is the "timeboxExpression" technique
 * of JSONata's own test-suite: hooks run on entry to and exit from every node of the expression tree, so even an
 * endless recursion (which JSONata runs as a loop of microtasks that no timer can interrupt) is stopped at its next
 * step. State is kept per evaluation (keyed by the evaluation's base frame), so one compiled expression can be
 * evaluated concurrently.
 *
 * Throws JSONata's own error object for syntax errors, and a SandboxStop for an over-long expression or a regex
 * that could backtrack without end.
 */
export function compileExpression(
  text: string,
  limits: Limits,
  functions: Record<string, SandboxFunction>,
): SandboxedExpression {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new SandboxStop('string', `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  }
  // The guard subclasses RegExp but with a narrower constructor than RegExpConstructor's call signatures.
  const RegexEngine = GuardedRegExp as unknown as RegExpConstructor;
  const expression = jsonata(text, { RegexEngine, sequence: limits.maxArrayLength });
  // Regexes are literals in JSONata, so a dangerous one is refused here, where the merchant is still editing.
  const unsafe = findUnsafeRegex(expression.ast());
  if (unsafe) throw new SandboxStop('regex', unsafe);
  const runs = new WeakMap<object, Run>();

  const runOf = (environment: HookEnvironment): Run => {
    // Fail closed: without a per-evaluation frame we could not tell evaluations apart, so nothing may run.
    const key = environment.base;
    if (!key) throw new SandboxStop('depth', 'the expression evaluator is not the expected version; refusing to run');
    let run = runs.get(key);
    if (!run) {
      run = { startedAt: Date.now(), depth: 0, open: new Map(), live: 0, items: 0, chars: 0 };
      runs.set(key, run);
    }
    return run;
  };

  const onEntry = (node: object, _input: unknown, environment: HookEnvironment): void => {
    const run = runOf(environment);
    if (Date.now() - run.startedAt > limits.timeoutMs) throw new SandboxStop('time', 'time limit');
    run.live += 1;
    if (run.live > limits.maxDepth * LIVE_FACTOR) {
      throw new SandboxStop('depth', `the expression keeps more than ${limits.maxDepth * LIVE_FACTOR} steps open at once`);
    }
    if (environment.isParallelCall) return;
    run.depth += 1;
    run.open.set(node, (run.open.get(node) ?? 0) + 1);
    if (run.depth > limits.maxDepth) {
      throw new SandboxStop('depth', `the expression nests or recurses deeper than ${limits.maxDepth} steps`);
    }
  };

  const onExit = (node: object, _input: unknown, environment: HookEnvironment, result: unknown): void => {
    const run = runOf(environment);
    run.live -= 1;
    // Match by node rather than by invocation: the parallel flag may have changed since this step began. Every
    // counted entry is still matched once all steps of that node are done.
    const open = run.open.get(node) ?? 0;
    if (open > 0) {
      run.open.set(node, open - 1);
      run.depth -= 1;
    }
    checkSize(result, run, limits);
  };

  assignHook(expression, ENTRY, onEntry);
  assignHook(expression, EXIT, onExit);
  for (const [name, fn] of Object.entries(functions)) {
    expression.registerFunction(name, fn.implementation as (this: jsonata.Focus, ...args: unknown[]) => unknown, fn.signature);
  }

  return {
    evaluate: (input, bindings) => withDeadline(expression.evaluate(input, bindings), limits.timeoutMs),
  };
}

function findUnsafeRegex(node: unknown, seen = new Set<object>()): string | undefined {
  if (typeof node !== 'object' || node === null || seen.has(node)) return undefined;
  seen.add(node);
  if (node instanceof RegExp) return unsafeRegexReason(node.source);
  for (const child of Array.isArray(node) ? node : Object.values(node)) {
    const found = findUnsafeRegex(child, seen);
    if (found) return found;
  }
  return undefined;
}

function checkSize(result: unknown, run: Run, limits: Limits): void {
  if (typeof result === 'string') {
    if (result.length > limits.maxStringLength) {
      throw new SandboxStop('string', `the expression built a text of ${result.length} characters; the limit is ${limits.maxStringLength}`);
    }
    run.chars += result.length;
    if (run.chars > limits.maxStringLength * VOLUME_FACTOR) {
      throw new SandboxStop('volume', 'the expression handled too much text in total');
    }
  } else if (Array.isArray(result)) {
    if (result.length > limits.maxArrayLength) {
      throw new SandboxStop('array', `the expression built a list of ${result.length} items; the limit is ${limits.maxArrayLength}`);
    }
    run.items += result.length;
    if (run.items > limits.maxArrayLength * VOLUME_FACTOR) {
      throw new SandboxStop('volume', 'the expression handled too many list items in total');
    }
  }
}

// JSONata's typings only admit string names, but its hooks are looked up by symbol (which is also why no
// expression can shadow or read them: `$name := …` can only bind strings).
function assignHook(expression: jsonata.Expression, key: symbol, hook: (...args: never[]) => void): void {
  (expression.assign as unknown as (name: symbol, value: unknown) => void)(key, hook);
}

/**
 * The hooks only run between steps. A function that awaits something slow never reaches a step, so a timer covers
 * that case; the abandoned evaluation then stops at its next step, because its time is up there too.
 */
async function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SandboxStop('time', 'time limit')), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
