import type { MappingOverrides } from '@/lib/mapping';
import { diffRecords, type FieldChange } from './diff';
import type { MapperFlow } from './fields';
import { openOrdersPreview, orderSettings, productSettings, runOrders, runProducts, type OrdersProposal, type ProductsProposal, type RecordRun } from './runs';
import { latestOrderIds } from './samples';

/** How many recent records a dry run replays. */
export const DRY_RUN_SIZE = 20;

/** One record replayed through the current and the proposed mapping/settings. */
export interface DryRunRecord {
  id: string;
  label: string;
  before: Pick<RecordRun, 'state' | 'message'>;
  after: Pick<RecordRun, 'state' | 'message' | 'hint' | 'fieldKey'>;
  changes: FieldChange[];
}

export type DryRun =
  | { ok: true; records: DryRunRecord[]; changed: number }
  /** Nothing replayed: the proposal is invalid (`fieldKey`/`problems` say where) or the store cannot be read. */
  | { ok: false; reason: string; hint: string; fieldKey?: string; problems?: string[] };

function compare(current: RecordRun[], proposed: RecordRun[]): DryRun {
  const byId = new Map(proposed.map((r) => [r.id, r]));
  const records = current.map((before): DryRunRecord => {
    const after = byId.get(before.id) ?? { ...before, state: 'skipped' as const, message: 'Not read with the proposed settings.', sent: {} };
    const outcome = (r: RecordRun) => ({ state: r.state, ...(r.message ? { message: r.message } : {}) });
    return {
      id: before.id,
      label: before.label,
      before: outcome(before),
      after: { ...outcome(after), ...(after.hint ? { hint: after.hint } : {}), ...(after.fieldKey ? { fieldKey: after.fieldKey } : {}) },
      changes: diffRecords(before.sent, after.sent),
    };
  });
  const changed = records.filter((r) => r.changes.length > 0 || r.before.state !== r.after.state || r.before.message !== r.after.message).length;
  return { ok: true, records, changed };
}

const INVALID_SETTINGS_HINT = 'Correct the settings named, then run the dry run again.';

/**
 * The latest 20 orders through the store's current orders mapping and settings, and through the proposed
 * ones; nothing is sent. Settings pages pass `settings` (the whole proposed input), the mapper `mapping`.
 */
export async function dryRunOrders(storeHash: string, proposal: OrdersProposal, size = DRY_RUN_SIZE): Promise<DryRun> {
  const opened = await openOrdersPreview(storeHash);
  if (!opened.ok) return opened;
  const settings = proposal.settings === undefined ? opened.ctx.settings : orderSettings(proposal.settings);
  if ('problems' in settings) return { ok: false, reason: 'The proposed settings are not valid.', hint: INVALID_SETTINGS_HINT, problems: settings.problems };
  const ids = await latestOrderIds(storeHash, size);
  const current = opened.ctx.mapping ?? {};
  const mapping: MappingOverrides = proposal.mapping ?? current;
  // Both sides at once: each is read-only, and together they take half the time.
  const [before, after] = await Promise.all([runOrders(opened.ctx, ids, current), runOrders({ ...opened.ctx, settings, mapping }, ids, mapping)]);
  return compare(before, after);
}

/** The 20 most recently changed articles through the current and the proposed products mapping and settings. */
export async function dryRunProducts(storeHash: string, proposal: ProductsProposal, size = DRY_RUN_SIZE): Promise<DryRun> {
  const settings = await productSettings(storeHash, proposal.settings);
  if ('problems' in settings) return { ok: false, reason: 'The proposed settings are not valid.', hint: INVALID_SETTINGS_HINT, problems: settings.problems };
  const before = await runProducts(storeHash, { limit: size });
  if (!before.ok) return before;
  // The same articles; one that proposed article groups leave out shows as "not read".
  const after = await runProducts(storeHash, { articleCodes: before.records.map((r) => r.id), settings, ...(proposal.mapping ? { mapping: proposal.mapping } : {}) });
  if (!after.ok) return after;
  return compare(before.records, after.records);
}

export function dryRun(storeHash: string, flow: MapperFlow, proposal: OrdersProposal | ProductsProposal): Promise<DryRun> {
  return flow === 'orders' ? dryRunOrders(storeHash, proposal as OrdersProposal) : dryRunProducts(storeHash, proposal as ProductsProposal);
}
