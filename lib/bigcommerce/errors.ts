/** Errors from BigCommerce, named by what the caller can do about them. */

export class BigCommerceError extends Error {
  override name = 'BigCommerceError';
  /** Whether the same call may succeed later without anyone changing anything. */
  readonly retryable: boolean = false;
}

/** A non-2xx answer from the REST API, carrying BigCommerce's own error details. */
export class BigCommerceApiError extends BigCommerceError {
  override name = 'BigCommerceApiError';
  override readonly retryable: boolean;
  constructor(
    readonly status: number,
    readonly title: string,
    /** v3 `errors` map, or v2 `[{status, message}]` flattened to messages. */
    readonly details: Record<string, string>,
    readonly method: string,
    readonly path: string,
  ) {
    super(`BigCommerce ${method} ${path} answered ${status}: ${title}`);
    this.retryable = status === 429 || status >= 500;
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

/** BigCommerce could not be reached at all. */
export class BigCommerceUnavailableError extends BigCommerceError {
  override name = 'BigCommerceUnavailableError';
  override readonly retryable = true;
}
