import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { insert } from './api/write';
import { sendJson } from './http';
import { wallClock } from './local-time';
import { DATA_OBJECTS } from './model/data-objects';
import { AvRefusal } from './model/refusal';
import type { SimRuntime } from './runtime';
import type { Row } from './types';

/**
 * `POST /__sim/companies/{code}/{businessObject}` with `{ rows: [...] }`: what a bookkeeper types into
 * AccountView itself (an article for a webshop SKU, a debtor), for end-to-end tests and the demo. It goes
 * through the same insert rules as the API, so a row the API would refuse is refused here too (422).
 */
const PATH = /^\/__sim\/companies\/([^/]+)\/([A-Za-z0-9]+)$/;
const body = z.object({ rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))).min(1) });

export function isAdminRowsRoute(method: string, pathname: string): boolean {
  return method === 'POST' && PATH.test(pathname);
}

export function handleAdminRows(rt: SimRuntime, pathname: string, raw: unknown, res: ServerResponse): void {
  const [, code = '', object = ''] = PATH.exec(pathname) ?? [];
  const company = rt.state.companies.find((c) => c.code.toLowerCase() === decodeURIComponent(code).toLowerCase());
  const bo = DATA_OBJECTS.get(object.toUpperCase());
  if (!company || !bo) return sendJson(res, 404, { error: `No company ${code} or business object ${object}` });
  const parsed = body.safeParse(raw);
  if (!parsed.success) return sendJson(res, 400, { error: 'invalid body', issues: parsed.error.issues });
  try {
    const headers = parsed.data.rows.map((values, i) => ({ link: null, rowId: String(i + 1), values: values as Row }));
    insert({ bo, headers, lines: [] }, company, wallClock(rt.now()));
    return sendJson(res, 201, { ok: true, inserted: headers.length });
  } catch (error) {
    if (error instanceof AvRefusal) return sendJson(res, 422, { error: error.message });
    throw error;
  }
}
