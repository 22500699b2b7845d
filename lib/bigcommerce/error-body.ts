import { z } from 'zod';
import {
  BigCommerceApiError,
  BigCommerceAuthError,
  BigCommercePartialSuccessError,
  BigCommerceRateLimitError,
  type ApiErrorInit,
} from './errors';
import { v2ErrorBody, v3ErrorBody } from './schemas';

/** Reads either error shape: v3 `{status, title, errors: {field: message}}` or v2 `[{status, message}]`. */
export function describeErrorBody(status: number, body: unknown): Pick<ApiErrorInit, 'title' | 'errors' | 'v2Errors'> {
  const v3 = v3ErrorBody.safeParse(body);
  if (v3.success && (v3.data.title !== undefined || v3.data.errors !== undefined)) {
    const errors = Object.fromEntries(Object.entries(v3.data.errors ?? {}).map(([k, v]) => [k, fieldMessage(v)]));
    return { title: v3.data.title ?? `HTTP ${status}`, errors };
  }
  const v2 = v2ErrorBody.safeParse(body);
  if (v2.success && v2.data.length > 0) {
    const v2Errors = v2.data.map((e) => (e.status === undefined ? { message: e.message } : { status: e.status, message: e.message }));
    return { title: v2Errors.map((e) => e.message).join('; '), v2Errors };
  }
  return { title: `HTTP ${status}` };
}

// v3 usually sends strings, but some endpoints nest arrays or objects per field.
function fieldMessage(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The error class for a non-2xx answer, so callers can branch with `instanceof` instead of on numbers. */
export function apiErrorFor(status: number, body: unknown, method: string, path: string): BigCommerceApiError {
  const init: ApiErrorInit = { status, method, path, ...describeErrorBody(status, body) };
  if (status === 401 || status === 403) return new BigCommerceAuthError(init);
  return new BigCommerceApiError(init);
}

export function rateLimitError(body: unknown, method: string, path: string, retryAfterMs: number): BigCommerceRateLimitError {
  return new BigCommerceRateLimitError({ status: 429, method, path, ...describeErrorBody(429, body) }, retryAfterMs);
}

/** A 207 body is `{data, errors: {status, title, errors}}`: the problem sits one level down. */
export function partialSuccessError(body: unknown, data: unknown, method: string, path: string): BigCommercePartialSuccessError {
  const nested = multiStatusBody.safeParse(body);
  const problem = describeErrorBody(207, nested.success ? nested.data.errors : body);
  return new BigCommercePartialSuccessError({ status: 207, method, path, ...problem }, data);
}

const multiStatusBody = z.object({ errors: z.unknown() });
