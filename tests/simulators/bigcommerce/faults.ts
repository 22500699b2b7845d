import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { errorResponse } from './api/errors';
import { sendJson } from './http';
import { RATE_WINDOW_MS } from './rate-limit';
import type { SimRuntime } from './runtime';

export const faultSpec = z.object({
  match: z
    .object({
      method: z.string().transform((m) => m.toUpperCase()).optional(),
      /**
       * Compared with the path after `/stores/{hash}` (e.g. `/v2/orders`), or with the whole path when it
       * starts with `/stores/` or `/oauth2/`. Without it, the fault hits every REST API request.
       */
      pathPrefix: z.string().startsWith('/').optional(),
      storeHash: z.string().optional(),
    })
    .default({}),
  kind: z.enum(['status', 'slow', 'drop', 'malformed', 'rate-limit-burst']),
  /** For `status`; 500 by default. */
  status: z.number().int().min(400).max(599).optional(),
  /** For `slow`; the request is then handled normally. */
  delayMs: z.number().int().nonnegative().optional(),
  /** How many requests the fault hits before it is used up; unlimited by default. */
  times: z.number().int().positive().optional(),
  /** Chance per matching request, 0..1; 1 by default. */
  probability: z.number().min(0).max(1).optional(),
});

export type FaultSpec = z.input<typeof faultSpec>;
export type Fault = z.output<typeof faultSpec> & { id: string; hits: number };

export interface FaultsHelper {
  /** Returns the fault's id. */
  add(spec: FaultSpec): string;
  clear(): void;
  list(): Fault[];
}

const API_PATH = /^\/stores\/([^/]+)(\/.*)?$/;

function matches(fault: Fault, method: string, pathname: string): boolean {
  const m = API_PATH.exec(pathname);
  const { match } = fault;
  if (match.method && match.method !== method) return false;
  if (match.storeHash && match.storeHash !== m?.[1]) return false;
  if (!match.pathPrefix) return m !== null;
  if (match.pathPrefix.startsWith('/stores/') || match.pathPrefix.startsWith('/oauth2/')) return pathname.startsWith(match.pathPrefix);
  return m !== null && (m[2] ?? '/').startsWith(match.pathPrefix);
}

export function createFaults(rt: SimRuntime): FaultsHelper {
  return {
    add(spec) {
      const fault: Fault = { ...faultSpec.parse(spec), id: randomUUID(), hits: 0 };
      rt.faults.push(fault);
      return fault.id;
    },
    clear() {
      rt.faults.length = 0;
    },
    list() {
      return [...rt.faults];
    },
  };
}

/** Picks the first matching fault that fires this time, and uses it up by one. */
function takeFault(rt: SimRuntime, method: string, pathname: string): Fault | undefined {
  for (const fault of rt.faults) {
    if (!matches(fault, method, pathname)) continue;
    if (fault.probability !== undefined && Math.random() >= fault.probability) continue;
    fault.hits += 1;
    if (fault.times !== undefined && fault.hits >= fault.times) rt.faults.splice(rt.faults.indexOf(fault), 1);
    return fault;
  }
  return undefined;
}

function versionOf(pathname: string): 'v2' | 'v3' {
  return /^\/stores\/[^/]+\/v3(\/|$)/.test(pathname) ? 'v3' : 'v2';
}

/**
 * Applies an injected fault. Returns true when the request has been answered (or dropped) and must not
 * be handled further; `slow` only delays.
 */
export async function applyFault(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const fault = takeFault(rt, req.method ?? 'GET', url.pathname);
  if (!fault) return false;
  switch (fault.kind) {
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
      return false;
    case 'drop':
      // What a reset connection looks like to the client: no status line at all.
      req.socket.destroy();
      return true;
    case 'malformed': {
      const body = versionOf(url.pathname) === 'v3' ? '{"data":[{"id":1,"name":"Fietsb' : '[{"id":100,"customer_id":';
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
      return true;
    }
    case 'rate-limit-burst': {
      const resetMs = fault.delayMs ?? RATE_WINDOW_MS;
      const error = errorResponse(versionOf(url.pathname), 429, "Too many requests: the store's API quota is used up.");
      sendJson(res, 429, error.body, {
        'X-Rate-Limit-Time-Window-Ms': String(RATE_WINDOW_MS),
        'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
        'X-Rate-Limit-Requests-Quota': String(rt.rateLimitQuota),
        'X-Rate-Limit-Requests-Left': '0',
        'X-Retry-After': String(Math.ceil(resetMs / 1000)),
      });
      return true;
    }
    case 'status': {
      const status = fault.status ?? 500;
      const error = errorResponse(versionOf(url.pathname), status, status >= 500 ? 'Internal Server Error' : 'Injected fault');
      sendJson(res, status, error.body);
      return true;
    }
  }
}
