import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { ASP_NET_MESSAGES } from './assumptions';
import { handleApi } from './api/router';
import { applyFault, createFaultControl, type RequestInfo } from './faults';
import { BodyTooLargeError, readBody, sendJson } from './http';
import { handleAuthorize } from './oauth/authorize';
import { handleToken } from './oauth/token-endpoint';
import { expireAccessTokens, issueCode, revokeConsent } from './oauth/tokens';
import { createRandom } from './random';
import { createRuntime, type SimRuntime } from './runtime';
import { resetState } from './state';
import type { AccountViewSimulator, AccountViewSimulatorOptions } from './types';
import { listen } from '../shared/process';

/** BusinessObject from the query or, for writes, the JSON body; only for recording and fault matching. */
function businessObjectOf(url: URL, rawBody: string): string | undefined {
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === 'businessobject') return v.trim().toUpperCase();
  if (!rawBody.trimStart().startsWith('{')) return undefined;
  try {
    const body = JSON.parse(rawBody) as unknown;
    if (body === null || typeof body !== 'object') return undefined;
    const entry = Object.entries(body).find(([k]) => k.toLowerCase() === 'businessobject');
    return typeof entry?.[1] === 'string' ? entry[1].trim().toUpperCase() : undefined;
  } catch {
    return undefined;
  }
}

function record(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, url: URL, info: RequestInfo, rawBody: string): void {
  const at = new Date(rt.now()).toISOString();
  const company = req.headers['x-company'];
  const grantType = info.path === '/api/v3/token' ? (new URLSearchParams(rawBody).get('grant_type') ?? undefined) : undefined;
  // 'close' fires for answered and for dropped requests alike; a dropped one is recorded with status 0.
  res.on('close', () => {
    rt.requests.push({
      method: info.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: res.writableFinished ? res.statusCode : 0,
      at,
      ...(typeof company === 'string' ? { company } : {}),
      ...(info.businessObject ? { businessObject: info.businessObject } : {}),
      ...(grantType ? { grantType } : {}),
    });
  });
}

async function dispatch(rt: SimRuntime, reset: () => void, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(rt, reset, req, res, url);
  // IIS does not care about path case or a trailing slash (reference §1).
  const path = url.pathname.toLowerCase().replace(/(.)\/+$/, '$1');
  let rawBody: string;
  try {
    rawBody = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendJson(res, 413, { Message: err.message });
    throw err;
  }
  const info: RequestInfo = { method: (req.method ?? 'GET').toUpperCase(), path, businessObject: businessObjectOf(url, rawBody) };
  record(rt, req, res, url, info, rawBody);
  if (await applyFault(rt, req, res, info)) return;

  if (path === '/ams/authorize.aspx') return handleAuthorize(rt, req, res, url, rawBody);
  if (path === '/api/v3/token') return handleToken(rt, req, res, rawBody);
  if (path.startsWith('/api/v3/')) return handleApi(rt, req, res, path.slice('/api/v3'.length), url, rawBody);
  sendJson(res, 404, { Message: ASP_NET_MESSAGES.notFound(url.pathname) });
}

/**
 * One server plays www.accountview.net: the consent page (`/ams/authorize.aspx`), the token endpoint and the
 * v3 API over a seeded Dutch administration per company, with faults on demand.
 */
export async function startAccountViewSimulator(o: AccountViewSimulatorOptions): Promise<AccountViewSimulator> {
  const rt = createRuntime(o);
  const reset = (): void => {
    resetState(rt.state, rt.pristine);
    rt.requests.length = 0;
    rt.faults.length = 0;
    rt.random = createRandom(rt.seed);
  };

  const server = createServer((req, res) => {
    dispatch(rt, reset, req, res).catch((err: unknown) => {
      console.error('[accountview-simulator]', err);
      if (res.headersSent) return void res.end();
      sendJson(res, 500, { Message: ASP_NET_MESSAGES.serverError, ExceptionMessage: err instanceof Error ? err.message : String(err) });
    });
  });

  const host = o.host ?? '127.0.0.1';
  const url = await listen(server, host, o.port ?? 0);

  return {
    url,
    state: rt.state,
    requests: rt.requests,
    reset,
    faults: createFaultControl(rt),
    revokeConsent: (clientId) => revokeConsent(rt, clientId),
    expireAccessTokens: () => expireAccessTokens(rt),
    issueCode: (input) => issueCode(rt, input),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // fetch keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
