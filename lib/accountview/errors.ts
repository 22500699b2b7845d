/** Errors from AccountView, named by what the merchant or the caller can do about them. */

export interface AccountViewErrorDetails {
  status?: number;
  retryable?: boolean;
  userMessage?: string;
  hint?: string;
  cause?: unknown;
}

export class AccountViewError extends Error {
  override name = 'AccountViewError';
  /** HTTP status, when AccountView answered at all. */
  readonly status: number | undefined;
  /** Whether the same call may succeed later without anyone changing anything. */
  readonly retryable: boolean;
  /** One sentence for the merchant's activity log. */
  readonly userMessage: string;
  /** What to do about it, in plain language. */
  readonly hint: string;

  constructor(message: string, details: AccountViewErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.retryable = details.retryable ?? false;
    this.userMessage = details.userMessage ?? 'Something went wrong while talking to AccountView.';
    this.hint = details.hint ?? 'Try again later. If it keeps happening, contact support with the time it happened.';
  }
}

export type AuthFailure = 'not-connected' | 'refresh-refused' | 'code-refused' | 'client-refused' | 'rejected';

const AUTH_TEXT: Record<AuthFailure, { userMessage: string; hint: string }> = {
  'not-connected': { userMessage: 'AccountView is not connected.', hint: 'Click "Connect AccountView" and approve access.' },
  'refresh-refused': {
    userMessage: 'AccountView no longer accepts the connection.',
    hint: 'Access may have been withdrawn in AccountView.net, or it expired. Reconnect AccountView in the app and approve access again.',
  },
  rejected: {
    userMessage: 'AccountView no longer accepts the connection.',
    hint: 'Reconnect AccountView in the app and approve access again.',
  },
  'code-refused': {
    userMessage: 'AccountView did not accept the sign-in.',
    hint: 'The sign-in took too long or was used twice. Click "Connect AccountView" again.',
  },
  'client-refused': {
    userMessage: "AccountView does not recognise this app's registration.",
    hint: 'The AccountView client id or secret of this installation is wrong. Contact support.',
  },
};

/** AccountView refused our credentials: only a new consent (or fixed app credentials) helps. */
export class AccountViewAuthError extends AccountViewError {
  override name = 'AccountViewAuthError';
  constructor(
    readonly reason: AuthFailure,
    message: string,
    details: Pick<AccountViewErrorDetails, 'status' | 'cause'> = {},
  ) {
    super(message, { ...details, retryable: false, ...AUTH_TEXT[reason] });
  }
}

/** The person at the consent page clicked Deny (or AccountView sent another error back instead of a code). */
export class AccountViewConsentRefusedError extends AccountViewError {
  override name = 'AccountViewConsentRefusedError';
  constructor(readonly reason: string) {
    super(`AccountView consent was not given: ${reason}`, {
      retryable: false,
      userMessage: 'The connection to AccountView was not approved.',
      hint:
        reason === 'access_denied'
          ? 'Click "Connect AccountView" again and choose "Toestaan" (Allow) on the AccountView page.'
          : 'Click "Connect AccountView" again. If AccountView keeps refusing, check that your AccountView user may use API apps.',
    });
  }
}

export class AccountViewCompanyNotFoundError extends AccountViewError {
  override name = 'AccountViewCompanyNotFoundError';
  constructor(
    readonly code: string,
    readonly availableCodes: readonly string[],
  ) {
    super(`No AccountView company with code "${code}" (available: ${availableCodes.join(', ') || 'none'})`, {
      retryable: false,
      userMessage: `There is no AccountView company with code "${code}".`,
      hint:
        availableCodes.length > 0
          ? `This AccountView login can use: ${availableCodes.join(', ')}. Pick one of these codes.`
          : 'This AccountView login has no companies. Sign in with a user that has access to your administration.',
    });
  }
}

/** Network failure, timeout, 5xx or a garbled answer: AccountView (or the customer's installation behind it) is down. */
export class AccountViewUnavailableError extends AccountViewError {
  override name = 'AccountViewUnavailableError';
  constructor(message: string, details: Pick<AccountViewErrorDetails, 'status' | 'cause'> = {}) {
    super(message, {
      ...details,
      retryable: true,
      userMessage: 'AccountView could not be reached.',
      hint: 'AccountView.net or your AccountView installation may be offline. The app tries again automatically; if it keeps failing, check that AccountView is running.',
    });
  }
}

/** AccountView answered with `{ErrorType, ErrorNumbers, ErrorMessage}` (possibly inside an HTTP 200) or another refusal. */
export class AccountViewApiError extends AccountViewError {
  override name = 'AccountViewApiError';
  constructor(
    readonly errorType: string,
    readonly errorNumbers: readonly number[],
    readonly errorMessage: string,
    status: number,
    readonly context: string,
  ) {
    super(`AccountView refused ${context} (${status}, ${errorType}${errorNumbers.length ? ` ${errorNumbers.join(',')}` : ''}): ${errorMessage}`, {
      status,
      retryable: false,
      userMessage: `AccountView refused the request: ${errorMessage}`,
      hint:
        status === 403
          ? 'The connection was approved without permission for this. Reconnect AccountView and approve changing data.'
          : 'The message is AccountView\'s own. Check the record it names in AccountView, then try again.',
    });
  }
}

/** The one place that decides retry vs give up. */
export function isRetryable(error: unknown): boolean {
  return error instanceof AccountViewError && error.retryable;
}
