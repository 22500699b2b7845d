import { MappingError, type MappingOverrides } from '@/lib/mapping';
import { orderMappings } from './mappings';
import { previewOrders, type PreviewContext } from './preview';

export interface MappingProblem {
  /** `<record>.<target>` when the problem names a field. */
  target?: string;
  reason: string;
}

export type MappingCheck = { ok: true; checkedOn: number[] } | { ok: false; problems: MappingProblem[] };

/**
 * Checks a store's mapping overrides before they are saved: every expression must compile, and the
 * whole mapping must apply to real sample orders (run through the flow as a preview, nothing sent)
 * without a mapping error — an expression that yields the wrong type is refused with its reason.
 * Problems that are not the mapping's (an unknown SKU in the sample) do not block saving.
 */
export async function checkOrderMapping(ctx: PreviewContext, overrides: MappingOverrides, sampleOrderIds: number[]): Promise<MappingCheck> {
  try {
    orderMappings(overrides);
  } catch (error) {
    if (error instanceof MappingError) return { ok: false, problems: [{ target: error.target, reason: error.reason }] };
    throw error;
  }
  if (sampleOrderIds.length === 0) return { ok: true, checkedOn: [] };
  const preview = await previewOrders({ ...ctx, mapping: overrides }, sampleOrderIds);
  const problems = preview.summary.results
    .filter((r) => r.cause === 'mapping')
    .map((r) => ({ reason: r.message ?? `The mapping could not be applied to order ${r.orderId}.` }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, checkedOn: sampleOrderIds };
}
