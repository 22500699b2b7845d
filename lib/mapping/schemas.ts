import { z } from 'zod';

import type { FieldMapping, RecordMapping } from './types';

/** For mappings read from storage or a form: parse before compiling. */
export const fieldTypeSchema = z.enum(['string', 'number', 'integer', 'boolean', 'date', 'any']);
export const fieldModeSchema = z.enum(['always', 'create-only']);

export const fieldMappingSchema: z.ZodType<FieldMapping> = z.object({
  target: z.string(),
  expression: z.string(),
  type: fieldTypeSchema.optional(),
  required: z.boolean().optional(),
  mode: fieldModeSchema.optional(),
  description: z.string().optional(),
});

export const recordMappingSchema: z.ZodType<RecordMapping> = z.object({
  fields: z.array(fieldMappingSchema),
  lines: z.object({ source: z.string(), fields: z.array(fieldMappingSchema) }).optional(),
});

/** A store's overrides: target → expression. */
export const mappingOverridesSchema = z.record(z.string(), z.string());
