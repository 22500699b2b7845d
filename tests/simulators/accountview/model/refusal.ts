import { BUSINESS_REFUSALS_STATUS, ERROR_NUMBERS, MALFORMED_REQUEST_STATUS } from '../assumptions';

/** AccountView's business rules said no; rendered as the error body (with the status the assumptions give). */
export class AvRefusal extends Error {
  readonly status = BUSINESS_REFUSALS_STATUS;
  constructor(
    readonly number: (typeof ERROR_NUMBERS)[keyof typeof ERROR_NUMBERS],
    message: string,
  ) {
    super(message);
  }
}

/** The web layer could not make sense of the request. */
export class AvBadRequest extends Error {
  readonly status: number = MALFORMED_REQUEST_STATUS;
}
