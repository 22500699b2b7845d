/** Errors from BigCommerce, named by what the caller can do about them. */

export class BigCommerceError extends Error {
  override name = 'BigCommerceError';
  /** Whether the same call may succeed later without anyone changing anything. */
  readonly retryable: boolean = false;
}

/** One entry of a v2 error body: `[{"status": 404, "message": "The requested resource was not found."}]`. */
export interface V2ErrorItem {
  status?: number;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  /** v3 `title`, or the first v2 message. */
  title: string;
  /** v3 field errors, e.g. `{ name: 'Please provide a name.' }`; empty for v2 and for bodies without them. */
  errors?: Record<string, string>;
  /** v2 `[{status, message}]` as sent; empty for v3. */
  v2Errors?: V2ErrorItem[];
  method: string;
  path: string;
}

/** The statuses BigCommerce asks clients to retry with backoff (reference §2.0); 429 is handled by the limiter. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** A non-2xx answer from the REST API, carrying BigCommerce's own error details. */
export class BigCommerceApiError extends BigCommerceError {
  override name = 'BigCommerceApiError';
  override readonly retryable: boolean;
  readonly status: number;
  readonly title: string;
  readonly errors: Record<string, string>;
  readonly v2Errors: V2ErrorItem[];
  readonly method: string;
  readonly path: string;

  constructor(init: ApiErrorInit) {
    super(`BigCommerce ${init.method} ${init.path} answered ${init.status}: ${init.title}${describeFields(init.errors)}`);
    this.status = init.status;
    this.title = init.title;
    this.errors = init.errors ?? {};
    this.v2Errors = init.v2Errors ?? [];
    this.method = init.method;
    this.path = init.path;
    this.retryable = RETRYABLE_STATUSES.has(init.status);
  }
}

function describeFields(errors: Record<string, string> | undefined): string {
  const entries = Object.entries(errors ?? {});
  return entries.length === 0 ? '' : ` (${entries.map(([k, v]) => `${k}: ${v}`).join('; ')})`;
}

/** 401 or 403: the token was revoked (app uninstalled) or lacks a scope. Retrying cannot help; re-authorising can. */
export class BigCommerceAuthError extends BigCommerceApiError {
  override name = 'BigCommerceAuthError';
}

/** Still 429 after the client waited out every reset it was allowed to; the call was not carried out. */
export class BigCommerceRateLimitError extends BigCommerceApiError {
  override name = 'BigCommerceRateLimitError';
  constructor(
    init: ApiErrorInit,
    /** How long BigCommerce asked us to wait on the last 429. */
    readonly retryAfterMs: number,
  ) {
    super(init);
  }
}

/**
 * 207: BigCommerce saved the resource but not all of it (e.g. the inventory or the URL; reference §2.0).
 * Not retryable: the resource exists now, so a repeat would conflict. `data` holds what was saved.
 */
export class BigCommercePartialSuccessError extends BigCommerceApiError {
  override name = 'BigCommercePartialSuccessError';
  override readonly retryable = false;
  constructor(
    init: ApiErrorInit,
    readonly data: unknown,
  ) {
    super(init);
  }
}

/** The token exchange at login.bigcommerce.com refused the install (expired or reused code, bad client). */
export class TokenExchangeError extends BigCommerceError {
  override name = 'TokenExchangeError';
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`BigCommerce refused the install code (${status}): ${reason}`);
  }
}

/** A signed payload that is missing, forged, expired or meant for another app. */
export class SignedPayloadError extends BigCommerceError {
  override name = 'SignedPayloadError';
  constructor(
    readonly reason: 'missing' | 'malformed' | 'invalid' | 'expired' | 'replayed' | 'wrong-audience' | 'wrong-issuer' | 'wrong-subject',
    message: string,
  ) {
    super(message);
  }
}

/** BigCommerce could not be reached at all, or did not answer in time. */
export class BigCommerceUnavailableError extends BigCommerceError {
  override name = 'BigCommerceUnavailableError';
  override readonly retryable = true;
  readonly reason: 'network' | 'timeout';
  constructor(message: string, options: ErrorOptions & { reason?: 'network' | 'timeout' } = {}) {
    super(message, options);
    this.reason = options.reason ?? 'network';
  }
}

/** A 2xx answer whose body is not what the API documents; retrying will not change it. */
export class BigCommerceResponseError extends BigCommerceError {
  override name = 'BigCommerceResponseError';
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(`BigCommerce ${method} ${path}: ${message}`, options);
  }
}

/** The caller passed more items than one BigCommerce batch call accepts; chunk them first. */
export class BigCommerceBatchLimitError extends BigCommerceError {
  override name = 'BigCommerceBatchLimitError';
  constructor(
    readonly operation: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${operation} takes at most ${limit} items per call, got ${size}; split the batch`);
  }
}

/** The one place that decides whether a failed BigCommerce call is worth repeating later. */
export function isRetryable(error: unknown): boolean {
  return error instanceof BigCommerceError && error.retryable;
}
