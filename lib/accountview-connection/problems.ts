import { AccountViewAuthError, AccountViewError } from '@/lib/accountview';

/** What went wrong with AccountView, said so a merchant knows what to do next. */
export interface AccountViewProblem {
  message: string;
  hint: string;
  /** AccountView no longer accepts our tokens: only a new consent helps. */
  needsReconnect: boolean;
}

export class ConnectError extends Error {
  override name = 'ConnectError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly problem: Omit<AccountViewProblem, 'needsReconnect'>,
  ) {
    super(problem.message);
  }
}

export class NotConfiguredError extends Error {
  override name = 'NotConfiguredError';
  constructor() {
    super('This installation has no AccountView.net app registration (ACCOUNTVIEW_CLIENT_ID / ACCOUNTVIEW_CLIENT_SECRET).');
  }
}

export class NotConnectedError extends Error {
  override name = 'NotConnectedError';
  constructor() {
    super('AccountView is not connected.');
  }
}

export function describeAccountViewProblem(error: unknown): AccountViewProblem | undefined {
  if (error instanceof AccountViewAuthError) {
    return { message: error.userMessage, hint: error.hint, needsReconnect: true };
  }
  if (error instanceof AccountViewError) {
    return { message: error.userMessage, hint: error.hint, needsReconnect: false };
  }
  if (error instanceof NotConnectedError) {
    return { message: error.message, hint: 'Click "Connect AccountView" first.', needsReconnect: false };
  }
  return undefined;
}
