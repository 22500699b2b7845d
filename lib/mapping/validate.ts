import { MappingError } from './errors';
import { planMapping, type Report } from './plan';
import { runPlan } from './run';
import type { MapperOptions, MappingProblem, MappingResult, MappingValidation, RecordMapping } from './types';

/**
 * Compiles `mapping`, evaluates it on `sample` (in create mode, so every field runs) and checks every field's
 * type, collecting all problems instead of stopping at the first. For the settings screen's "test on a recent
 * order": it never throws for a bad mapping, expression or sample.
 */
export async function validateMapping(
  mapping: RecordMapping,
  sample: unknown,
  bindings?: Record<string, unknown>,
  options: MapperOptions = {},
): Promise<MappingValidation> {
  const problems: MappingProblem[] = [];
  const collect: Report = (problem) => {
    problems.push(toProblem(problem));
  };
  let result: MappingResult | undefined;
  try {
    const plan = planMapping(mapping, options, collect);
    if (plan) result = await runPlan(plan, sample, bindings, 'create', collect);
  } catch (err) {
    problems.push(toProblem(err));
  }
  if (problems.length === 0 && result) return { ok: true, result };
  return result ? { ok: false, problems, result } : { ok: false, problems };
}

function toProblem(err: unknown): MappingProblem {
  if (err instanceof MappingError) return { target: err.target, reason: err.reason, kind: err.kind };
  return { target: '', reason: err instanceof Error ? err.message : String(err), kind: 'evaluation' };
}
