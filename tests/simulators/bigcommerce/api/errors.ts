import type { z } from 'zod';
import type { ApiResponse, ApiVersion } from './route';

/** Thrown by route handlers; the router renders it in the error shape of the API version. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** V3 field errors, e.g. `{ name: 'Please provide a name.' }`. */
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

const STATUS_TYPE_URL = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

/** V2 errors are an array of `{status, message}`; V3 errors are one object (reference §2.0). */
export function errorResponse(version: ApiVersion, status: number, message: string, errors?: Record<string, string>): ApiResponse {
  if (version === 'v2') return { status, body: [{ status, message }] };
  return { status, body: { status, title: message, type: STATUS_TYPE_URL, ...(errors ? { errors } : {}) } };
}

/** Parse a query or body with zod, turning failures into the 422 BigCommerce answers for invalid input. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || what, i.message]));
  throw new ApiError(422, `The ${what} is not valid.`, errors);
}
