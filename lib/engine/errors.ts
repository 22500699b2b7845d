/** Errors of the engine itself, and the one place that decides whether a failure is worth retrying. */

export class EngineError extends Error {
  override name = 'EngineError';
  readonly retryable: boolean = false;
}

/** An event whose name is unknown or whose data does not match its schema. */
export class InvalidEventError extends EngineError {
  override name = 'InvalidEventError';
  constructor(
    readonly eventName: string,
    readonly problems: string[],
  ) {
    super(`Event "${eventName}" is not valid: ${problems.join('; ')}`);
  }
}

/** A flow logged a record the activity log cannot hold: a bug in the flow, so retrying will not help. */
export class InvalidRecordError extends EngineError {
  override name = 'InvalidRecordError';
  constructor(readonly problems: string[]) {
    super(`A record for the activity log is not valid: ${problems.join('; ')}`);
  }
}

/** Work for a store that is not (or no longer) installed. */
export class UnknownStoreError extends EngineError {
  override name = 'UnknownStoreError';
  constructor(readonly storeHash: string) {
    super(`Store ${storeHash} is not installed.`);
  }
}

/** A job names a handler this version of the app does not have (renamed or removed since it was queued). */
export class UnknownHandlerError extends EngineError {
  override name = 'UnknownHandlerError';
  constructor(readonly handlerId: string) {
    super(`This version of the app has no "${handlerId}" task; the queued work cannot run.`);
  }
}

/** The runner was stopped while it had work going; another runner (or this one, restarted) resumes it. */
export class RunnerStoppedError extends EngineError {
  override name = 'RunnerStoppedError';
  constructor() {
    super('The runner is stopped.');
  }
}

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

/**
 * Thrown errors are retried unless they say otherwise: the clients' typed errors carry `retryable`
 * (false for a refused token or invalid data), and Inngest's NonRetriableError means the same.
 * A plain Error (a bug, a dropped connection) is retried, since a later attempt may succeed.
 */
export function isRetryable(error: unknown): boolean {
  if (field(error, 'retryable') === false) return false;
  return field(error, 'name') !== 'NonRetriableError';
}

/** How long the failing system asked us to wait, when it said (a 429's reset time). */
export function retryAfterMs(error: unknown): number | undefined {
  const value = field(error, 'retryAfterMs');
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The error in plain words for the activity log: the clients' user message and hint when they have one. */
export function describeError(error: unknown): string {
  const userMessage = field(error, 'userMessage');
  const hint = field(error, 'hint');
  if (typeof userMessage === 'string' && userMessage) {
    return typeof hint === 'string' && hint ? `${userMessage} ${hint}` : userMessage;
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
