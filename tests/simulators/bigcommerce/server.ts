import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { handleApiRequest } from './api/router';
import { handleControlPanel } from './control-panel/routes';
import { applyFault, createFaults } from './faults';
import { issueGrant } from './grants';
import { queryObject, sendJson } from './http';
import { handleTokenRequest } from './oauth-token';
import { createOrdersHelper } from './orders/helper';
import { createRuntime, type SimRuntime } from './runtime';
import { signPayload } from './signed-payload';
import { resetState } from './state';
import type { BigCommerceSimulator, BigCommerceSimulatorOptions } from './types';
import { cancelDeliveries, settleDeliveries } from './webhooks/delivery';
import { listen } from '../shared/process';

function record(rt: SimRuntime, req: IncomingMessage, res: ServerResponse, url: URL): void {
  // Admin calls stay out of the log: reading the log must not change it.
  if (url.pathname.startsWith(ADMIN_PREFIX)) return;
  const at = new Date(rt.now()).toISOString();
  const entry = () => ({ method: req.method ?? 'GET', path: url.pathname, query: queryObject(url.searchParams), at });
  let logged = false;
  res.on('finish', () => {
    logged = true;
    rt.requests.push({ ...entry(), status: res.statusCode });
  });
  // A dropped connection never finishes; it is logged with status 0 so tests can still count the call.
  res.on('close', () => {
    if (!logged) rt.requests.push({ ...entry(), status: 0 });
  });
}

async function dispatch(rt: SimRuntime, reset: () => void, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  record(rt, req, res, url);
  if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(rt, reset, req, res, url);
  if (await applyFault(rt, req, res, url)) return;
  if (url.pathname === '/oauth2/token') return handleTokenRequest(rt, req, res);
  if (url.pathname.startsWith('/stores/')) return handleApiRequest(rt, req, res, url);
  return handleControlPanel(rt, req, res, url);
}

/**
 * One server plays login.bigcommerce.com, api.bigcommerce.com and the merchant's control panel,
 * so the app can be installed and opened locally with no BigCommerce account.
 */
export async function startBigCommerceSimulator(o: BigCommerceSimulatorOptions): Promise<BigCommerceSimulator> {
  const rt = createRuntime(o);
  const reset = (): void => {
    cancelDeliveries(rt);
    resetState(rt.state, rt.seeds);
    rt.requests.length = 0;
    rt.faults.length = 0;
  };

  const server = createServer((req, res) => {
    dispatch(rt, reset, req, res).catch((err: unknown) => {
      console.error('[bigcommerce-simulator]', err);
      if (res.headersSent) return void res.end();
      sendJson(res, 500, { error: 'simulator_error', error_description: err instanceof Error ? err.message : String(err) });
    });
  });

  const host = o.host ?? '127.0.0.1';
  const url = await listen(server, host, o.port ?? 0);
  rt.baseUrl = url;

  return {
    url,
    loginUrl: url,
    apiUrl: url,
    controlPanelUrl: url,
    state: rt.state,
    requests: rt.requests,
    reset,
    signPayload: (storeHash, userId, overrides) => signPayload(rt, storeHash, userId, overrides),
    issueGrant: (storeHash, userId) => issueGrant(rt, storeHash, userId),
    orders: createOrdersHelper(rt),
    faults: createFaults(rt),
    webhooks: { settle: (timeoutMs) => settleDeliveries(rt, timeoutMs) },
    stores: {
      update(storeHash, info) {
        const store = rt.state.stores[storeHash];
        if (!store) throw new Error(`Unknown store ${storeHash}`);
        Object.assign(store.info, info);
        return store.info;
      },
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        cancelDeliveries(rt);
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers and fetch keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
