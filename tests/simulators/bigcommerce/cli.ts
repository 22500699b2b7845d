import { parseArgs } from 'node:util';
import { DEFAULT_SCOPES } from './runtime';
import { startBigCommerceSimulator } from './server';
import { runUntilSignalled } from '../shared/process';

/** `npx tsx tests/simulators/bigcommerce/cli.ts --app-url http://localhost:3000 --client-id … --client-secret …` */
async function main(): Promise<{ stop(): Promise<void> }> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-url': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'webhook-retry-scale': { type: 'string' },
    },
  });
  const env = process.env;
  const port = Number(values.port ?? env.BC_SIM_PORT ?? 0);
  const clientId = values['client-id'] ?? env.BIGCOMMERCE_CLIENT_ID;
  const clientSecret = values['client-secret'] ?? env.BIGCOMMERCE_CLIENT_SECRET;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${values.port ?? env.BC_SIM_PORT}`);
  if (!clientId || !clientSecret) {
    throw new Error('Pass --client-id and --client-secret (or set BIGCOMMERCE_CLIENT_ID and BIGCOMMERCE_CLIENT_SECRET)');
  }
  // Same variable the app reads, so both sides agree on the scope string without extra flags.
  const scopes = env.BIGCOMMERCE_SCOPES?.split(/[\s,]+/).filter(Boolean);
  const simulator = await startBigCommerceSimulator({
    host: values.host,
    port,
    appUrl: values['app-url'] ?? env.APP_URL ?? 'http://localhost:3000',
    clientId,
    clientSecret,
    scopes: scopes && scopes.length > 0 ? scopes : [...DEFAULT_SCOPES],
    // E.g. 0.001 turns BigCommerce's 48-hour webhook retry schedule into under three minutes for a demo.
    webhookRetryScale: Number(values['webhook-retry-scale'] ?? env.BC_SIM_WEBHOOK_RETRY_SCALE ?? 1),
  });
  console.log(`BigCommerce simulator listening on ${simulator.url}`);

  return simulator;
}

runUntilSignalled(main);
