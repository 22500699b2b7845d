import { parseArgs } from 'node:util';
import { startAccountViewSimulator } from './server';
import { runUntilSignalled } from '../shared/process';

/**
 * `npx tsx tests/simulators/accountview/cli.ts --port 4020 --client-id … --client-secret … --redirect-uri http://localhost:3000/api/accountview/callback`
 */
async function main(): Promise<{ stop(): Promise<void> }> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      seed: { type: 'string' },
    },
  });
  const env = process.env;
  const port = Number(values.port ?? env.AV_SIM_PORT ?? 0);
  const clientId = values['client-id'] ?? env.ACCOUNTVIEW_CLIENT_ID;
  const clientSecret = values['client-secret'] ?? env.ACCOUNTVIEW_CLIENT_SECRET;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${values.port ?? env.AV_SIM_PORT}`);
  if (!clientId || !clientSecret) {
    throw new Error('Pass --client-id and --client-secret (or set ACCOUNTVIEW_CLIENT_ID and ACCOUNTVIEW_CLIENT_SECRET)');
  }
  const redirectUris = values['redirect-uri'] ?? [`${env.APP_URL ?? 'http://localhost:3000'}/api/accountview/callback`];
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`Invalid seed: ${values.seed}`);

  const simulator = await startAccountViewSimulator({ host: values.host, port, clients: [{ clientId, clientSecret, redirectUris }], seed });
  console.log(`AccountView simulator listening on ${simulator.url}`);

  return simulator;
}

runUntilSignalled(main);
