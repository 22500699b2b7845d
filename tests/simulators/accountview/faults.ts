import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ASP_NET_MESSAGES, ERROR_NUMBERS, IIS_UNAVAILABLE_PAGE, UNAUTHORIZED_BODY } from './assumptions';
import { avErrorBody } from './api/av-error';
import { sendHtml, sendJson, sendText } from './http';
import type { SimRuntime } from './runtime';
import type { Fault, FaultControl, FaultSpec } from './types';

/** The body of `POST /__sim/faults`, checked like any other input. */
export const faultSpecSchema = z.object({
  match: z
    .object({ method: z.string().min(1).optional(), pathPrefix: z.string().min(1).optional(), businessObject: z.string().min(1).optional() })
    .optional(),
  kind: z.enum(['status', 'slow', 'drop', 'malformed', 'error-in-200']),
  status: z.number().int().min(100).max(599).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
});

export function createFaultControl(rt: SimRuntime): FaultControl {
  return {
    add(spec: FaultSpec): string {
      const parsed = faultSpecSchema.parse(spec);
      const id = randomUUID();
      rt.faults.push({ ...parsed, id, hits: 0 });
      return id;
    },
    remove(id: string): void {
      const i = rt.faults.findIndex((f) => f.id === id);
      if (i >= 0) rt.faults.splice(i, 1);
    },
    clear(): void {
      rt.faults.length = 0;
    },
    list: () => rt.faults.map((f) => ({ ...f })),
  };
}

export interface RequestInfo {
  method: string;
  /** Lower-cased path. */
  path: string;
  businessObject?: string;
}

function applies(rt: SimRuntime, fault: Fault, info: RequestInfo): boolean {
  const m = fault.match ?? {};
  if (m.method && m.method.toUpperCase() !== info.method) return false;
  if (m.pathPrefix && !info.path.startsWith(m.pathPrefix.toLowerCase())) return false;
  if (m.businessObject && m.businessObject.toUpperCase() !== info.businessObject?.toUpperCase()) return false;
  if (fault.times !== undefined && fault.hits >= fault.times) return false;
  return fault.probability === undefined || rt.random.next() < fault.probability;
}

function sendStatus(res: ServerResponse, status: number): void {
  if (status === 401) return sendJson(res, 401, UNAUTHORIZED_BODY, { 'WWW-Authenticate': 'Bearer' });
  if (status === 429) return sendJson(res, 429, { Message: 'Too many requests.' }, { 'Retry-After': '1' });
  if (status === 500) return sendJson(res, 500, { Message: ASP_NET_MESSAGES.serverError });
  // PAS treats a bare 404 on a read as "no such record"; send one without a body.
  if (status === 404) return sendText(res, 404, '', 'text/plain; charset=utf-8');
  // What IIS/HTTP.SYS answers when the application pool or the customer's AccountView is down.
  if (status > 500) return sendHtml(res, status, IIS_UNAVAILABLE_PAGE(status));
  sendJson(res, status, avErrorBody(`Gesimuleerde fout ${status}.`));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Applies the first fault that matches; true when it answered (or dropped) the request itself. */
export async function applyFault(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, info: RequestInfo): Promise<boolean> {
  const fault = rt.faults.find((f) => applies(rt, f, info));
  if (!fault) return false;
  fault.hits += 1;
  switch (fault.kind) {
    case 'status':
      sendStatus(res, fault.status ?? 503);
      return true;
    case 'slow':
      await sleep(fault.delayMs ?? 2000);
      return res.destroyed;
    case 'drop':
      req.socket.destroy();
      return true;
    case 'malformed':
      sendText(res, 200, '{"ARTICLE":[{"ART_CODE":"FIETS-00', 'application/json; charset=utf-8');
      return true;
    case 'error-in-200':
      sendJson(res, 200, avErrorBody('Er is een interne fout opgetreden in AccountView. Probeer het later opnieuw.', [ERROR_NUMBERS.internal]));
      return true;
  }
}
