import { AccountViewApiError, AccountViewError, AccountViewUnavailableError } from './errors';
import { aspNetErrorBody, avErrorBody } from './schemas';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Names the call in errors, e.g. "GET AK1". */
  context: string;
}

export type HttpOutcome = { kind: 'ok'; status: number; body: unknown } | { kind: 'unauthorized' } | { kind: 'not-found' };

export interface HttpOptions {
  fetch: typeof fetch;
  timeoutMs: number;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** AccountView's error body when there is a non-empty message in it (an empty ErrorMessage means success). */
export function avError(body: unknown, status: number, context: string): AccountViewApiError | undefined {
  const parsed = avErrorBody.safeParse(body);
  if (!parsed.success || !parsed.data.ErrorMessage?.trim()) return undefined;
  const raw = parsed.data.ErrorNumbers;
  const numbers = (Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw]).map(Number).filter(Number.isFinite);
  return new AccountViewApiError(parsed.data.ErrorType ?? 'AccountViewError', numbers, parsed.data.ErrorMessage.trim(), status, context);
}

function refusal(status: number, body: unknown, context: string): AccountViewError {
  const av = avError(body, status, context);
  if (av) return av;
  const asp = aspNetErrorBody.safeParse(body);
  const message = asp.success ? asp.data.Message : `HTTP ${status}`;
  return new AccountViewApiError('HttpError', [], message, status, context);
}

/**
 * One HTTP exchange with AccountView, classified: 401 and 404 are outcomes the caller decides about; network
 * errors, timeouts, 408/429/5xx and unreadable bodies are AccountViewUnavailableError; error bodies (also in a
 * 200) are AccountViewApiError.
 */
export async function send(request: HttpRequest, options: HttpOptions): Promise<HttpOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    throw new AccountViewUnavailableError(`${request.context}: AccountView ${timedOut ? `did not answer within ${options.timeoutMs} ms` : 'could not be reached'}`, { cause });
  }
  const { status } = response;
  const body = parseJson(text);
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 408 || status === 429 || status >= 500) {
    throw new AccountViewUnavailableError(`${request.context}: AccountView answered ${status}`, { status });
  }
  if (status === 404 && body === undefined) return { kind: 'not-found' };
  if (status < 200 || status >= 300) throw refusal(status, body, request.context);
  if (body === undefined) {
    // A 200 whose body does not parse is a cut-off transfer far more often than a real answer.
    throw new AccountViewUnavailableError(`${request.context}: AccountView sent an unreadable answer`, { status });
  }
  const inBody = avError(body, status, request.context);
  if (inBody) throw inBody;
  return { kind: 'ok', status, body };
}
