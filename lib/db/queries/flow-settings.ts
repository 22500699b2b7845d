import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { mappingOverridesSchema, type MappingOverrides } from '@/lib/mapping';
import type { Db } from '../client';
import { flowSettings } from '../schema/orders';

/**
 * Settings of every flow (orders, products, stock, customers) in `flow_settings`: one zod schema per
 * flow, the on/off and pause switches, and the store's mapping overrides for flows that map fields.
 */
export type StoredFlowSettings<T> =
  | { ok: true; settings: T; mapping: MappingOverrides; enabled: boolean; paused: boolean; updatedAt: Date | null }
  /** What is stored no longer passes the schema (e.g. after an upgrade): the flow must not guess. */
  | { ok: false; problems: { path: string; message: string }[]; enabled: boolean; paused: boolean };

function problemsOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** A store's settings for `flow` with every default filled in; a store without a row gets the defaults, switched off. */
export async function readFlowSettings<S extends z.ZodType>(db: Db, storeHash: string, flow: string, schema: S): Promise<StoredFlowSettings<z.output<S>>> {
  const [row] = await db
    .select()
    .from(flowSettings)
    .where(and(eq(flowSettings.storeHash, storeHash), eq(flowSettings.flow, flow)))
    .limit(1);
  const parsed = schema.safeParse(row?.settings ?? {});
  const enabled = row?.enabled ?? false;
  const paused = row?.paused ?? false;
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error), enabled, paused };
  // Overrides were checked when saved; a row that no longer parses as a plain map counts as none.
  const mapping = mappingOverridesSchema.safeParse(row?.mapping ?? {});
  return { ok: true, settings: parsed.data, mapping: mapping.success ? mapping.data : {}, enabled, paused, updatedAt: row?.updatedAt ?? null };
}

/** Validates and saves the settings as given (defaults are not frozen into the row); returns the problems instead when invalid. */
export async function saveFlowSettings<S extends z.ZodType>(
  db: Db,
  storeHash: string,
  flow: string,
  schema: S,
  input: unknown,
): Promise<{ ok: true; settings: z.output<S> } | { ok: false; problems: { path: string; message: string }[] }> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  await db
    .insert(flowSettings)
    .values({ storeHash, flow, settings: input as object })
    .onConflictDoUpdate({ target: [flowSettings.storeHash, flowSettings.flow], set: { settings: input as object, updatedAt: sql`now()` } });
  return { ok: true, settings: parsed.data };
}

/** Switches the flow on or off, or pauses it, without touching the settings. */
export async function setFlowState(db: Db, storeHash: string, flow: string, state: { enabled?: boolean; paused?: boolean }): Promise<void> {
  const set = {
    ...(state.enabled === undefined ? {} : { enabled: state.enabled }),
    ...(state.paused === undefined ? {} : { paused: state.paused }),
  };
  await db
    .insert(flowSettings)
    .values({ storeHash, flow, ...set })
    .onConflictDoUpdate({ target: [flowSettings.storeHash, flowSettings.flow], set: { ...set, updatedAt: sql`now()` } });
}

/** Replaces the store's mapping overrides for `flow`. Callers check them first; this only stores them. */
export async function saveFlowMapping(db: Db, storeHash: string, flow: string, overrides: MappingOverrides): Promise<void> {
  await db
    .insert(flowSettings)
    .values({ storeHash, flow, mapping: overrides })
    .onConflictDoUpdate({ target: [flowSettings.storeHash, flowSettings.flow], set: { mapping: overrides, updatedAt: sql`now()` } });
}
