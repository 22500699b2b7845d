import { getDatabase } from '@/lib/db/client';
import { readFlowSettings, saveFlowMapping, saveFlowSettings } from '@/lib/db/queries/flow-settings';
import { readOrderSettings } from '@/lib/db/queries/order-settings';
import { orderMappings } from '@/lib/flows/orders';
import { updateOrderMapping } from '@/lib/flows/orders/handlers';
import { productFlowSettings, PRODUCTS_FLOW } from '@/lib/flows/products';
import { MappingCompileError, type FieldMode, type MappingOverrides } from '@/lib/mapping';
import { cleanOverrides, editorFields, fieldKeyFor, type EditorField, type MapperFlow } from './fields';
import { openOrdersPreview, runOrders, runProducts, type RecordRun } from './runs';
import { latestOrderIds, loadSample, type Sample } from './samples';

/** A change in the editor: expressions by field key and, for products, "on create only / keep updated" by target. */
export interface MappingProposal {
  mapping: MappingOverrides;
  fieldModes?: Record<string, FieldMode>;
}

export interface FieldProblem {
  /** The editor field the reason belongs to; absent when it concerns the whole mapping. */
  fieldKey?: string;
  reason: string;
}

export interface EditorData {
  flow: MapperFlow;
  fields: EditorField[];
  /** The store's saved expressions by field key. */
  mapping: MappingOverrides;
  /** Products: the saved per-field modes (over the defaults). */
  fieldModes: Record<string, FieldMode>;
  sample: Sample;
}

/** What the editor page starts with: the fields, the store's saved overrides, and a real sample record. */
export async function loadEditor(storeHash: string, flow: MapperFlow): Promise<EditorData> {
  const { db } = await getDatabase();
  const sample = await loadSample(storeHash, flow);
  if (flow === 'orders') {
    const stored = await readOrderSettings(db, storeHash);
    return { flow, fields: editorFields(flow), mapping: stored.ok ? stored.mapping : {}, fieldModes: {}, sample };
  }
  const stored = await readFlowSettings(db, storeHash, PRODUCTS_FLOW, productFlowSettings);
  return { flow, fields: editorFields(flow), mapping: stored.ok ? stored.mapping : {}, fieldModes: stored.ok ? stored.settings.fieldModes : {}, sample };
}

export type LivePreview = { ok: true; record: RecordRun } | { ok: false; reason: string; hint: string; problems: FieldProblem[] };

const NO_SAMPLE: LivePreview = { ok: false, reason: 'There is no record to preview on yet.', hint: 'Place a test order (orders) or add an article in AccountView (products), then try again.', problems: [] };

function compileProblem(flow: MapperFlow, mapping: MappingOverrides): FieldProblem | undefined {
  if (flow !== 'orders') return undefined;
  try {
    orderMappings(mapping);
    return undefined;
  } catch (error) {
    if (!(error instanceof MappingCompileError)) throw error;
    return { fieldKey: fieldKeyFor('orders', error.target, mapping), reason: error.reason };
  }
}

/**
 * The proposed mapping run on a real record (nothing sent): the sample the editor shows (order id or article
 * code), else the latest one. Gives what would be sent, or what fails and where.
 */
export async function previewMapping(storeHash: string, flow: MapperFlow, proposal: MappingProposal, sampleId?: string): Promise<LivePreview> {
  const mapping = cleanOverrides(flow, proposal.mapping);
  const compile = compileProblem(flow, mapping);
  if (compile) return { ok: false, reason: compile.reason, hint: 'Correct the expression; nothing was sent.', problems: [compile] };
  if (flow === 'orders') {
    const opened = await openOrdersPreview(storeHash);
    if (!opened.ok) return { ...opened, problems: [] };
    const ids = sampleId && /^\d+$/.test(sampleId) ? [Number(sampleId)] : await latestOrderIds(storeHash, 1);
    if (ids.length === 0) return NO_SAMPLE;
    const [record] = await runOrders({ ...opened.ctx, mapping }, ids, mapping);
    return record ? { ok: true, record } : NO_SAMPLE;
  }
  const settings = await productSettingsWith(storeHash, proposal.fieldModes);
  const runs = await runProducts(storeHash, { ...(sampleId ? { articleCodes: [sampleId] } : { limit: 1 }), mapping, settings });
  if (!runs.ok) return { ok: false, reason: runs.reason, hint: runs.hint, problems: [{ ...(runs.fieldKey ? { fieldKey: runs.fieldKey } : {}), reason: runs.reason }] };
  const [record] = runs.records;
  return record ? { ok: true, record } : NO_SAMPLE;
}

async function productSettingsWith(storeHash: string, fieldModes: Record<string, FieldMode> | undefined) {
  const stored = await readFlowSettings((await getDatabase()).db, storeHash, PRODUCTS_FLOW, productFlowSettings);
  const settings = stored.ok ? stored.settings : productFlowSettings.parse({});
  return fieldModes ? { ...settings, fieldModes: cleanModes(fieldModes) } : settings;
}

/** Modes equal to the default's are not stored: a later change of the default then still applies. */
function cleanModes(modes: Record<string, FieldMode>): Record<string, FieldMode> {
  const defaults = new Map(editorFields('products').map((f) => [f.key, f.mode]));
  return Object.fromEntries(Object.entries(modes).filter(([key, mode]) => defaults.has(key) && defaults.get(key) !== mode));
}

/** Articles a products mapping is checked on before it is saved. */
const PRODUCT_CHECK_SIZE = 5;

export type SaveResult = { ok: true; checkedOn: number; mapping: MappingOverrides } | { ok: false; problems: FieldProblem[] };

/**
 * Checks every expression and saves. Orders: through updateOrderMapping (compiled, then run on the latest
 * order). Products: compiled, then run on the latest changed articles; a mapping error on any of them
 * refuses the save. The reason comes back at the field it concerns.
 */
export async function saveMapping(storeHash: string, flow: MapperFlow, proposal: MappingProposal): Promise<SaveResult> {
  const mapping = cleanOverrides(flow, proposal.mapping);
  if (flow === 'orders') {
    const check = await updateOrderMapping(storeHash, mapping);
    if (check.ok) return { ok: true, checkedOn: check.checkedOn.length, mapping };
    return { ok: false, problems: check.problems.map((p) => orderProblem(p, mapping)) };
  }
  const settings = await productSettingsWith(storeHash, proposal.fieldModes);
  const runs = await runProducts(storeHash, { limit: PRODUCT_CHECK_SIZE, mapping, settings });
  if (!runs.ok) return { ok: false, problems: [{ ...(runs.fieldKey ? { fieldKey: runs.fieldKey } : {}), reason: runs.reason }] };
  const problems = problemsByField(runs.records);
  if (problems.length > 0) return { ok: false, problems };
  const { db } = await getDatabase();
  await saveFlowMapping(db, storeHash, PRODUCTS_FLOW, mapping);
  if (proposal.fieldModes) {
    const saved = await saveFlowSettings(db, storeHash, PRODUCTS_FLOW, productFlowSettings, settings);
    if (!saved.ok) return { ok: false, problems: saved.problems.map((p) => ({ reason: `${p.path}: ${p.message}` })) };
  }
  return { ok: true, checkedOn: runs.records.length, mapping };
}

function orderProblem(problem: { target?: string; reason: string }, mapping: MappingOverrides): FieldProblem {
  const target = problem.target ?? /: ([A-Za-z_][\w.[\]]*): /.exec(problem.reason)?.[1];
  const fieldKey = fieldKeyFor('orders', target, mapping);
  return fieldKey ? { fieldKey, reason: problem.reason } : { reason: problem.reason };
}

/** One problem per field: the first article's reason, and how many more it failed on. */
function problemsByField(records: RecordRun[]): FieldProblem[] {
  const byField = new Map<string, RecordRun[]>();
  for (const record of records) if (record.fieldKey) byField.set(record.fieldKey, [...(byField.get(record.fieldKey) ?? []), record]);
  return [...byField].map(([fieldKey, [first, ...more]]) => ({
    fieldKey,
    reason: `${first?.label}: ${first?.message ?? 'the expression failed'}${more.length > 0 ? ` (and ${more.length} more article${more.length > 1 ? 's' : ''})` : ''}`,
  }));
}
