import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { flowSettings } from '@/lib/db/schema/orders';
import { mappingOverridesSchema, type MappingOverrides } from '@/lib/mapping';
import { productFlowSettings, type ProductFlowSettings } from './settings';

export const PRODUCTS_FLOW = 'products';

export type StoredProductSettings =
  | { ok: true; settings: ProductFlowSettings; mapping: MappingOverrides; enabled: boolean; paused: boolean }
  /** What is stored no longer passes the schema: the flow must not guess. */
  | { ok: false; problems: { path: string; message: string }[]; enabled: boolean; paused: boolean };

/** A store's products settings with defaults filled in; a store without a row gets the defaults, switched off. */
export async function readProductSettings(db: Db, storeHash: string): Promise<StoredProductSettings> {
  const [row] = await db
    .select()
    .from(flowSettings)
    .where(and(eq(flowSettings.storeHash, storeHash), eq(flowSettings.flow, PRODUCTS_FLOW)))
    .limit(1);
  const enabled = row?.enabled ?? false;
  const paused = row?.paused ?? false;
  const parsed = productFlowSettings.safeParse(row?.settings ?? {});
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })), enabled, paused };
  }
  const mapping = mappingOverridesSchema.safeParse(row?.mapping ?? {});
  return { ok: true, settings: parsed.data, mapping: mapping.success ? mapping.data : {}, enabled, paused };
}
