import type { z } from 'zod';

import { MappingCompileError, type MappingError } from './errors';
import { builtInFunctions, RESERVED_FUNCTION_NAMES } from './functions';
import { type Limits, resolveLimits } from './limits';
import { compileExpression, type SandboxedExpression, type SandboxFunction } from './sandbox';
import { recordMappingSchema } from './schemas';
import { conflictingTargets, parseTarget } from './targets';
import { compileFailure } from './translate';
import type { FieldMapping, MapperFunction, MapperOptions } from './types';

export interface PlannedField {
  field: FieldMapping;
  path: string[];
  expression: SandboxedExpression;
}

/** A mapping with every expression compiled; fields that failed to compile were reported and are left out. */
export interface Plan {
  limits: Limits;
  fields: PlannedField[];
  lines?: { source: SandboxedExpression; fields: PlannedField[] };
}

/** Receives each problem; compileMapping's throws, validateMapping's collects. */
export type Report = (problem: MappingError) => void;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function planMapping(mapping: unknown, options: MapperOptions, report: Report): Plan | undefined {
  const parsed = recordMappingSchema.safeParse(mapping);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(new MappingCompileError(issueTarget(issue, mapping), issue.message));
    return undefined;
  }
  const limits = resolveLimits(options);
  const functions = { ...builtInFunctions(limits), ...storeFunctions(options.functions, report) };
  const compile = (fields: FieldMapping[], prefix: string): PlannedField[] =>
    planFields(fields, prefix, limits, functions, report);

  const plan: Plan = { limits, fields: compile(parsed.data.fields, '') };
  const lines = parsed.data.lines;
  if (lines) {
    const source = compileOne(lines.source, 'lines.source', limits, functions, report);
    const fields = compile(lines.fields, 'lines.');
    if (source) plan.lines = { source, fields };
  }
  return plan;
}

function planFields(
  fields: FieldMapping[],
  prefix: string,
  limits: Limits,
  functions: Record<string, SandboxFunction>,
  report: Report,
): PlannedField[] {
  const clashes = new Map(conflictingTargets(fields.map((f) => f.target)).map((c) => [c.target, c.reason]));
  const planned: PlannedField[] = [];
  for (const field of fields) {
    const name = prefix + field.target;
    const target = parseTarget(field.target);
    if ('reason' in target) {
      report(new MappingCompileError(name, target.reason));
      continue;
    }
    const clash = clashes.get(field.target);
    if (clash) {
      report(new MappingCompileError(name, clash));
      clashes.delete(field.target); // reported once; a duplicate's other occurrence still runs during validation
      continue;
    }
    const expression = compileOne(field.expression, name, limits, functions, report);
    if (expression) planned.push({ field, path: target.path, expression });
  }
  return planned;
}

function compileOne(
  text: string,
  target: string,
  limits: Limits,
  functions: Record<string, SandboxFunction>,
  report: Report,
): SandboxedExpression | undefined {
  if (text.trim() === '') {
    report(new MappingCompileError(target, 'the expression is empty'));
    return undefined;
  }
  try {
    return compileExpression(text, limits, functions);
  } catch (err) {
    report(compileFailure(err, target));
    return undefined;
  }
}

/** A store's functions get their arguments and nothing else: `this` would be the evaluator's environment. */
function storeFunctions(custom: Record<string, MapperFunction> | undefined, report: Report): Record<string, SandboxFunction> {
  const out: Record<string, SandboxFunction> = {};
  for (const [name, fn] of Object.entries(custom ?? {})) {
    if (!IDENTIFIER.test(name) || RESERVED_FUNCTION_NAMES.has(name)) {
      report(new MappingCompileError(`$${name}`, 'cannot be used as a function name'));
      continue;
    }
    const call = fn.implementation as (...args: unknown[]) => unknown;
    out[name] = {
      implementation: ((...args: unknown[]) => call(...args)) as SandboxFunction['implementation'],
      signature: fn.signature,
    };
  }
  return out;
}

/** Names a structural problem by the field's target when the field has one. */
function issueTarget(issue: z.core.$ZodIssue, mapping: unknown): string {
  const path = issue.path;
  const [list, index] = path[0] === 'lines' ? [path[1], path[2]] : [path[0], path[1]];
  const fields =
    path[0] === 'lines'
      ? (mapping as { lines?: { fields?: unknown } } | undefined)?.lines?.fields
      : (mapping as { fields?: unknown } | undefined)?.fields;
  if (list === 'fields' && typeof index === 'number' && Array.isArray(fields)) {
    const target: unknown = (fields[index] as { target?: unknown } | undefined)?.target;
    if (typeof target === 'string' && target !== '') return `${path[0] === 'lines' ? 'lines.' : ''}${target}`;
  }
  return path.length === 0 ? 'mapping' : path.map(String).join('.');
}
