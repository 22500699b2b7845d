import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http';
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
  switch (route) {
    case 'POST /__sim/reset':
      await readBody(req);
      reset();
      return sendJson(res, 200, { ok: true });
    case 'GET /__sim/requests':
      return sendJson(res, 200, rt.requests);
    case 'GET /__sim/state':
      return sendJson(res, 200, rt.state);
    default:
      return sendJson(res, 404, { error: `No simulator admin route ${route}` });
  }
}
