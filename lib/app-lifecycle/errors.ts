import {
  BigCommerceUnavailableError,
  SignedPayloadError,
  TokenExchangeError,
} from '@/lib/bigcommerce';

/** A callback arrived without the parameters BigCommerce always sends. */
export class CallbackInputError extends Error {
  override name = 'CallbackInputError';
}

/** BigCommerce granted fewer scopes than the app is registered with. */
export class ScopeMismatchError extends Error {
  override name = 'ScopeMismatchError';
  constructor(readonly missing: string[]) {
    super(`The install did not grant these scopes: ${missing.join(', ')}`);
  }
}

/** A load, uninstall or remove_user for a store that has not installed the app (or has uninstalled it). */
export class StoreNotInstalledError extends Error {
  override name = 'StoreNotInstalledError';
  constructor(readonly storeHash: string) {
    super(`Store ${storeHash} has not installed the app`);
  }
}

export interface CallbackProblem {
  status: number;
  code: string;
  title: string;
  /** What the merchant can do about it, in plain language. */
  hint: string;
}

/** One place decides what each failure means to the person or server that called us. */
export function describeCallbackError(error: unknown): CallbackProblem | undefined {
  if (error instanceof CallbackInputError) {
    return { status: 400, code: 'bad_request', title: error.message, hint: 'Open the app from your BigCommerce control panel.' };
  }
  if (error instanceof SignedPayloadError) {
    const status = error.reason === 'missing' ? 400 : 401;
    return { status, code: `signed_payload_${error.reason.replace('-', '_')}`, title: error.message, hint: 'Open the app again from your BigCommerce control panel.' };
  }
  if (error instanceof StoreNotInstalledError) {
    return { status: 404, code: 'store_not_installed', title: 'This store has not installed the app', hint: 'Install AccountView connector from the BigCommerce App Marketplace first.' };
  }
  if (error instanceof ScopeMismatchError) {
    return { status: 400, code: 'scope_mismatch', title: error.message, hint: 'Start the install again and accept all permissions the app asks for.' };
  }
  if (error instanceof TokenExchangeError) {
    // BigCommerce refusing our own client id or secret is our configuration, not the merchant's doing.
    if (error.status === 401 || error.status === 403) {
      return { status: 502, code: 'app_credentials_refused', title: 'BigCommerce refused the app\'s credentials', hint: 'This is a problem on our side; please contact support.' };
    }
    return { status: 400, code: 'install_code_refused', title: 'This install link has expired or was already used', hint: 'Start the install again from your BigCommerce control panel.' };
  }
  if (error instanceof BigCommerceUnavailableError) {
    return { status: 502, code: 'bigcommerce_unavailable', title: 'BigCommerce could not be reached', hint: 'Wait a minute and try again.' };
  }
  return undefined;
}
