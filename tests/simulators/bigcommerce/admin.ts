import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdminOrders, isAdminOrdersRoute } from './admin-orders';
import { createFaults, faultSpec } from './faults';
import { readBody, sendEmpty, sendJson } from './http';
import type { SimRuntime } from './runtime';

export const ADMIN_PREFIX = '/__sim/';

/** Test and demo hooks; real BigCommerce has nothing here. */
export async function handleAdmin(
  rt: SimRuntime,
  reset: () => void,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  if (isAdminOrdersRoute(req.method ?? 'GET', url.pathname)) return handleAdminOrders(rt, url.pathname, await readBody(req), res);
  switch (route) {
    case 'POST /__sim/reset':
      await readBody(req);
      reset();
      return sendJson(res, 200, { ok: true });
    case 'GET /__sim/requests':
      return sendJson(res, 200, rt.requests);
    case 'GET /__sim/state':
      return sendJson(res, 200, rt.state);
    case 'GET /__sim/faults':
      return sendJson(res, 200, rt.faults);
    case 'POST /__sim/faults': {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req)) as unknown;
      } catch {
        return sendJson(res, 400, { error: 'The body must be a fault as JSON' });
      }
      const parsed = faultSpec.safeParse(body);
      if (!parsed.success) return sendJson(res, 422, { error: 'Invalid fault', issues: parsed.error.issues });
      return sendJson(res, 201, { id: createFaults(rt).add(parsed.data) });
    }
    case 'DELETE /__sim/faults':
      await readBody(req);
      createFaults(rt).clear();
      return sendEmpty(res, 204);
    default:
      return sendJson(res, 404, { error: `No simulator admin route ${route}` });
  }
}
