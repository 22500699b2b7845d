import { coerce, isEmpty } from './coerce';
import { MappingError, MappingTypeError } from './errors';
import type { Plan, PlannedField, Report } from './plan';
import { toPlainData } from './plain-data';
import { fromJsonata } from './result-value';
import { setAt } from './targets';
import { evaluationFailure } from './translate';
import type { EvaluationMode, MappingResult } from './types';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Evaluates a compiled plan. Field problems go to `report`; a bad input or binding throws a MappingError. */
export async function runPlan(
  plan: Plan,
  input: unknown,
  bindings: Record<string, unknown> | undefined,
  mode: EvaluationMode,
  report: Report,
): Promise<MappingResult> {
  const data = toPlainData(input, 'input');
  const vars = prepareBindings(bindings, data);
  const record = await mapFields(plan, plan.fields, data, vars, mode, '', report);
  const lines: Array<Record<string, unknown>> = [];
  if (!plan.lines) return { record, lines };

  let source: unknown;
  try {
    const plain = fromJsonata(await plan.lines.source.evaluate(data, vars));
    if (!plain.ok) throw new MappingTypeError('lines.source', plain.reason);
    source = plain.value;
  } catch (err) {
    report(evaluationFailure(err, 'lines.source', plan.limits));
    return { record, lines };
  }
  // JSONata unwraps a one-item list to the item itself, so a single object is a single line.
  const items = source === undefined ? [] : Array.isArray(source) ? source : [source];
  for (const [i, item] of items.entries()) {
    lines.push(await mapFields(plan, plan.lines.fields, item, vars, mode, `lines[${i}].`, report));
  }
  return { record, lines };
}

async function mapFields(
  plan: Plan,
  fields: PlannedField[],
  context: unknown,
  vars: Record<string, unknown>,
  mode: EvaluationMode,
  prefix: string,
  report: Report,
): Promise<Record<string, unknown>> {
  const record: Record<string, unknown> = {};
  for (const { field, path, expression } of fields) {
    if (mode === 'update' && field.mode === 'create-only') continue;
    const target = prefix + field.target;
    let raw: unknown;
    try {
      raw = await expression.evaluate(context, vars);
    } catch (err) {
      report(evaluationFailure(err, target, plan.limits));
      continue;
    }
    const plain = fromJsonata(raw);
    const typed = plain.ok ? coerce(plain.value, field.type) : plain;
    if (!typed.ok) {
      report(new MappingTypeError(target, typed.reason, field.type));
    } else if (field.required && isEmpty(typed.value)) {
      report(new MappingTypeError(target, 'is required, but the expression gave no value', field.type));
    } else if (typed.value !== undefined) {
      setAt(record, path, typed.value);
    }
  }
  return record;
}

/** Bindings become `$name` in expressions; the whole input is always `$root`. */
function prepareBindings(bindings: Record<string, unknown> | undefined, root: unknown): Record<string, unknown> {
  // No prototype: a binding called `__proto__` stays a binding.
  const vars: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(bindings ?? {})) {
    if (!IDENTIFIER.test(name)) throw new MappingError(`$${name}`, 'is not a valid binding name');
    if (name === 'root') throw new MappingError('$root', 'is reserved: it always holds the whole input');
    vars[name] = toPlainData(value, `$${name}`);
  }
  vars.root = root;
  return vars;
}
