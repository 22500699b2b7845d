import { BigCommerceBatchLimitError } from './errors';

/** Items per call that BigCommerce accepts; the limits live only in the docs' prose, not in the specs. */
export const BATCH_LIMITS = {
  products: 10,
  variants: 50,
  customers: 10,
  inventoryItems: 2000,
} as const;

/** Refuses an oversized batch before it costs a request and a 413; chunking is the caller's decision. */
export function checkBatch(operation: string, size: number, limit: number): void {
  if (size > limit) throw new BigCommerceBatchLimitError(operation, size, limit);
}

/** A resource id for a URL path; anything else would let a bad value change which resource is addressed. */
export function idSegment(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`Not a BigCommerce id: ${String(id)}`);
  return String(id);
}
