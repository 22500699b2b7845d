import { z } from 'zod';
import { partialSuccessError } from './error-body';
import { BigCommerceResponseError } from './errors';
import type { ApiResponse } from './request';

const v3Envelope = z.object({ data: z.unknown() });

/**
 * The `data` of a v3 answer `{data, meta}`. A 207 (saved, but not all of it) becomes an error that
 * still carries the data, so it cannot pass for a full success.
 */
export function v3Data(response: ApiResponse, method: string, path: string): unknown {
  const parsed = v3Envelope.safeParse(response.body);
  if (!parsed.success) throw new BigCommerceResponseError('the answer has no data', method, path, { cause: parsed.error });
  if (response.status === 207) throw partialSuccessError(response.body, parsed.data.data, method, path);
  return parsed.data.data;
}

export function v3Array(response: ApiResponse, method: string, path: string): unknown[] {
  const data = v3Data(response, method, path);
  if (!Array.isArray(data)) throw new BigCommerceResponseError('the answer data is not a list', method, path);
  return data;
}

/**
 * The one place an answer becomes a generated spec type without a runtime check. The client only
 * passes these shapes through; fields it reads itself (paging, envelopes, store info) go through zod.
 */
export function specShaped<T>(value: unknown): T {
  return value as T;
}

const v2ObjectBody = z.looseObject({});

/** An answer that must be one unwrapped object (a v2 order, an inventory transaction). */
export function objectBody(response: ApiResponse, method: string, path: string): Record<string, unknown> {
  const parsed = v2ObjectBody.safeParse(response.body);
  if (!parsed.success) throw new BigCommerceResponseError('the answer is not an object', method, path, { cause: parsed.error });
  return parsed.data;
}
