import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { createFaultControl, faultSpecSchema } from './faults';
import { handleAdminRows, isAdminRowsRoute } from './admin-rows';
import { readBody, sendJson } from './http';
import { expireAccessTokens, revokeConsent } from './oauth/tokens';
import type { SimRuntime } from './runtime';

export const ADMIN_PREFIX = '/__sim/';

/** `/__sim/state`: counts, not thousands of rows. */
export function stateSummary(rt: SimRuntime) {
  const now = rt.now();
  return {
    companies: rt.state.companies.map((c) => ({
      id: c.id,
      code: c.code,
      description: c.description,
      rows: Object.fromEntries(Object.entries(c.tables).map(([table, rows]) => [table, rows.length])),
    })),
    codes: rt.state.codes.filter((c) => !c.used && c.expiresAt > now).length,
    activeAccessTokens: rt.state.accessTokens.filter((t) => !t.revoked && t.expiresAt > now).length,
    activeRefreshTokens: rt.state.refreshTokens.filter((t) => t.status === 'active').length,
    faults: rt.faults,
    requests: rt.requests.length,
  };
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Test and demo hooks; AccountView has nothing here. */
export async function handleAdmin(rt: SimRuntime, reset: () => void, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const faults = createFaultControl(rt);
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  const faultId = /^DELETE \/__sim\/faults\/([^/]+)$/.exec(route)?.[1];
  if (faultId) {
    faults.remove(decodeURIComponent(faultId));
    return sendJson(res, 200, { ok: true });
  }
  if (isAdminRowsRoute(req.method ?? 'GET', url.pathname)) return handleAdminRows(rt, url.pathname, await jsonBody(req), res);
  switch (route) {
    case 'POST /__sim/reset':
      await readBody(req);
      reset();
      return sendJson(res, 200, { ok: true });
    case 'GET /__sim/requests':
      return sendJson(res, 200, rt.requests);
    case 'GET /__sim/state':
      return sendJson(res, 200, stateSummary(rt));
    case 'GET /__sim/faults':
      return sendJson(res, 200, faults.list());
    case 'POST /__sim/faults': {
      const parsed = faultSpecSchema.safeParse(await jsonBody(req));
      if (!parsed.success) return sendJson(res, 400, { error: 'invalid fault', issues: parsed.error.issues });
      return sendJson(res, 201, { id: faults.add(parsed.data) });
    }
    case 'DELETE /__sim/faults':
      faults.clear();
      return sendJson(res, 200, { ok: true });
    case 'POST /__sim/revoke-consent': {
      const parsed = z.object({ clientId: z.string().min(1).optional() }).safeParse(await jsonBody(req));
      if (!parsed.success) return sendJson(res, 400, { error: 'invalid body', issues: parsed.error.issues });
      revokeConsent(rt, parsed.data.clientId);
      return sendJson(res, 200, { ok: true });
    }
    case 'POST /__sim/expire-access-tokens':
      await readBody(req);
      expireAccessTokens(rt);
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { error: `No simulator admin route ${route}` });
  }
}
