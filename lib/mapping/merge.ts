import { MappingCompileError } from './errors';
import type { FieldMapping, MappingOverrides, RecordMapping } from './types';

/**
 * A store's overrides laid over the default mapping, by target. An override keeps the default's type, required
 * flag and mode, so the type check still holds for a merchant's expression. A target the defaults do not have is
 * added (untyped); an empty expression removes an optional field, and refuses to remove a required one.
 */
export function mergeMapping(
  defaults: RecordMapping,
  overrides: MappingOverrides = {},
  lineOverrides: MappingOverrides = {},
): RecordMapping {
  const merged: RecordMapping = { fields: mergeFields(defaults.fields, overrides, '') };
  if (defaults.lines) {
    merged.lines = { source: defaults.lines.source, fields: mergeFields(defaults.lines.fields, lineOverrides, 'lines.') };
  } else {
    const stray = Object.keys(lineOverrides).find((target) => lineOverrides[target] !== undefined);
    if (stray) throw new MappingCompileError(`lines.${stray}`, 'this mapping has no lines to override');
  }
  return merged;
}

function mergeFields(fields: FieldMapping[], overrides: MappingOverrides, prefix: string): FieldMapping[] {
  const merged: FieldMapping[] = [];
  for (const field of fields) {
    const expression = overrides[field.target];
    if (expression === undefined) {
      merged.push({ ...field });
    } else if (expression.trim() !== '') {
      merged.push({ ...field, expression });
    } else if (field.required) {
      throw new MappingCompileError(prefix + field.target, 'is required and cannot be left out; give it an expression');
    }
  }
  const known = new Set(fields.map((f) => f.target));
  for (const [target, expression] of Object.entries(overrides)) {
    if (expression !== undefined && expression.trim() !== '' && !known.has(target)) merged.push({ target, expression });
  }
  return merged;
}
