import { planMapping, type Report } from './plan';
import { runPlan } from './run';
import type { CompiledMapping, MapperOptions, RecordMapping } from './types';

const throwFirst: Report = (problem) => {
  throw problem;
};

/**
 * Compiles every expression of `mapping` once, for evaluation on many inputs (also concurrently).
 * Throws a MappingCompileError naming the first target that cannot compile; `evaluate` throws the first
 * MappingError it meets (MappingEvaluationError, MappingTimeoutError, MappingLimitError, MappingTypeError).
 */
export function compileMapping(mapping: RecordMapping, options: MapperOptions = {}): CompiledMapping {
  const plan = planMapping(mapping, options, throwFirst);
  if (!plan) throw new Error('unreachable: planMapping reports before giving up');
  return {
    evaluate: (input, bindings, opts) => runPlan(plan, input, bindings, opts?.mode ?? 'create', throwFirst),
  };
}
