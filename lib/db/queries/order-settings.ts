import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { orderFlowSettings, type OrderFlowSettings } from '@/lib/flows/orders/settings';
import { mappingOverridesSchema, type MappingOverrides } from '@/lib/mapping';
import type { Db } from '../client';
import { flowSettings } from '../schema/orders';

export const ORDERS_FLOW = 'orders';

export type StoredOrderSettings =
  | { ok: true; settings: OrderFlowSettings; mapping: MappingOverrides; enabled: boolean; paused: boolean; updatedAt: Date | null }
  /** What is stored no longer passes the schema (e.g. after an upgrade): the flow must not guess. */
  | { ok: false; problems: { path: string; message: string }[]; enabled: boolean; paused: boolean; raw: unknown };

function problemsOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** A store's order-flow settings with every default filled in; a store without a row gets the defaults, switched off. */
export async function readOrderSettings(db: Db, storeHash: string): Promise<StoredOrderSettings> {
  const [row] = await db
    .select()
    .from(flowSettings)
    .where(and(eq(flowSettings.storeHash, storeHash), eq(flowSettings.flow, ORDERS_FLOW)))
    .limit(1);
  const parsed = orderFlowSettings.safeParse(row?.settings ?? {});
  const enabled = row?.enabled ?? false;
  const paused = row?.paused ?? false;
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error), enabled, paused, raw: row?.settings };
  // Overrides were checked when saved; a row that no longer parses as a plain map counts as none.
  const mapping = mappingOverridesSchema.safeParse(row?.mapping ?? {});
  return { ok: true, settings: parsed.data, mapping: mapping.success ? mapping.data : {}, enabled, paused, updatedAt: row?.updatedAt ?? null };
}

/**
 * Validates and saves the settings (as given: defaults are not frozen into the row, so a later default
 * change reaches stores that never set that field). Returns the problems instead of saving when invalid.
 */
export async function saveOrderSettings(
  db: Db,
  storeHash: string,
  input: unknown,
): Promise<{ ok: true; settings: OrderFlowSettings } | { ok: false; problems: { path: string; message: string }[] }> {
  const parsed = orderFlowSettings.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  await db
    .insert(flowSettings)
    .values({ storeHash, flow: ORDERS_FLOW, settings: input as object })
    .onConflictDoUpdate({
      target: [flowSettings.storeHash, flowSettings.flow],
      set: { settings: input as object, updatedAt: sql`now()` },
    });
  return { ok: true, settings: parsed.data };
}

/** Switches the flow on or off, or pauses it, without touching the settings. */
export async function setOrderFlowState(db: Db, storeHash: string, state: { enabled?: boolean; paused?: boolean }): Promise<void> {
  const set = {
    ...(state.enabled === undefined ? {} : { enabled: state.enabled }),
    ...(state.paused === undefined ? {} : { paused: state.paused }),
  };
  await db
    .insert(flowSettings)
    .values({ storeHash, flow: ORDERS_FLOW, ...set })
    .onConflictDoUpdate({ target: [flowSettings.storeHash, flowSettings.flow], set: { ...set, updatedAt: sql`now()` } });
}

/**
 * Replaces the store's mapping overrides. Callers check them first (lib/flows/orders/mapping-check.ts):
 * this only stores what it is given.
 */
export async function saveOrderMapping(db: Db, storeHash: string, overrides: MappingOverrides): Promise<void> {
  await db
    .insert(flowSettings)
    .values({ storeHash, flow: ORDERS_FLOW, mapping: overrides })
    .onConflictDoUpdate({ target: [flowSettings.storeHash, flowSettings.flow], set: { mapping: overrides, updatedAt: sql`now()` } });
}
