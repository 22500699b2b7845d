import type { ServerResponse } from 'node:http';
import { ERROR_TYPE } from '../assumptions';
import { sendJson } from '../http';
import { AvBadRequest, AvRefusal } from '../model/refusal';

/** AccountView's error body (reference §3.4, GO `ErrorResponse`). */
export function avErrorBody(message: string, numbers: number[] | null = null) {
  return { ErrorType: ERROR_TYPE, ErrorNumbers: numbers, ErrorMessage: message };
}

export function sendAvError(res: ServerResponse, status: number, message: string, numbers: number[] | null = null): void {
  sendJson(res, status, avErrorBody(message, numbers));
}

/** Renders refusals and bad requests thrown by handlers; anything else is a simulator bug and is rethrown. */
export function sendThrown(res: ServerResponse, err: unknown): void {
  if (err instanceof AvRefusal) return sendAvError(res, err.status, err.message, [err.number]);
  if (err instanceof AvBadRequest) return sendAvError(res, err.status, err.message);
  throw err;
}
