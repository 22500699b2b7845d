import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { readFlowSettings, saveFlowSettings, setFlowState, type StoredFlowSettings } from '@/lib/db/queries/flow-settings';
import { flowSettings } from '@/lib/db/schema/orders';
import { customerFlowSettings } from '@/lib/flows/customers/settings';
import { orderFlowSettings } from '@/lib/flows/orders/settings';
import { productFlowSettings } from '@/lib/flows/products/settings';
import { stockFlowSettings } from '@/lib/flows/stock/settings';
import type { SetupFlow } from './progress';

/** Each flow's settings schema under the name its `flow_settings` row carries. */
export const FLOW_SCHEMAS = {
  orders: orderFlowSettings,
  products: productFlowSettings,
  stock: stockFlowSettings,
  customers: customerFlowSettings,
} as const satisfies Record<SetupFlow, z.ZodType>;

export const FLOW_TITLES: Record<SetupFlow, string> = {
  orders: 'Orders to AccountView',
  products: 'Products from AccountView',
  stock: 'Stock from AccountView',
  customers: 'Customers from AccountView',
};

export type FieldProblem = { path: string; message: string };
export type SaveResult = { ok: true } | { ok: false; problems: FieldProblem[] };

export function isSetupFlow(value: string): value is SetupFlow {
  return Object.hasOwn(FLOW_SCHEMAS, value);
}

export function readSettingsOf(db: Db, storeHash: string, flow: SetupFlow): Promise<StoredFlowSettings<unknown>> {
  return readFlowSettings(db, storeHash, flow, FLOW_SCHEMAS[flow]);
}

/** What the merchant saved for `flow`, as saved (defaults not filled in); `{}` when nothing. */
async function storedInput(db: Db, storeHash: string, flow: SetupFlow): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ settings: flowSettings.settings })
    .from(flowSettings)
    .where(and(eq(flowSettings.storeHash, storeHash), eq(flowSettings.flow, flow)))
    .limit(1);
  const settings = row?.settings;
  return settings && typeof settings === 'object' && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
}

/**
 * Saves the wizard's answers for `flow` over what the store saved before, so the options the wizard
 * does not ask about keep their stored value or their default (defaults are not frozen into the row).
 */
export async function saveAnswers(db: Db, storeHash: string, flow: SetupFlow, answers: Record<string, unknown>): Promise<SaveResult> {
  const merged = { ...(await storedInput(db, storeHash, flow)), ...answers };
  const saved = await saveFlowSettings(db, storeHash, flow, FLOW_SCHEMAS[flow], merged);
  return saved.ok ? { ok: true } : { ok: false, problems: saved.problems };
}

/** Saves the whole settings object of the settings page, validated by the flow's schema. */
export async function saveSettingsOf(db: Db, storeHash: string, flow: SetupFlow, input: unknown): Promise<SaveResult> {
  const saved = await saveFlowSettings(db, storeHash, flow, FLOW_SCHEMAS[flow], input);
  return saved.ok ? { ok: true } : { ok: false, problems: saved.problems };
}

export function setFlowSwitch(db: Db, storeHash: string, flow: SetupFlow, state: { enabled?: boolean; paused?: boolean }): Promise<void> {
  return setFlowState(db, storeHash, flow, state);
}
