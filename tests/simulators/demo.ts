import { spawn } from 'node:child_process';
import { developmentSecrets } from '@/lib/env';
import { startAccountViewSimulator } from './accountview';
import { startBigCommerceSimulator } from './bigcommerce';

/**
 * `npm run demo`: the whole app on one machine with nothing but Node. The BigCommerce simulator plays
 * the control panel and login.bigcommerce.com on 127.0.0.1; the app runs on localhost (another site,
 * as in production) on PGlite under .data/, and an AccountView.net simulator plays the consent page and
 * API. The client ids and secrets are generated once under .data/ and handed to both sides.
 */
const APP_PORT = Number(process.env.PORT ?? 3000);
const SIM_PORT = Number(process.env.BC_SIM_PORT ?? 4010);
const AV_PORT = Number(process.env.AV_SIM_PORT ?? 4020);
const APP_URL = `http://localhost:${APP_PORT}`;
const dataDir = process.env.DATA_DIR ?? '.data';

const secrets = developmentSecrets(dataDir);
const sim = await startBigCommerceSimulator({
  port: SIM_PORT,
  appUrl: APP_URL,
  clientId: secrets.BIGCOMMERCE_CLIENT_ID,
  clientSecret: secrets.BIGCOMMERCE_CLIENT_SECRET,
});

const accountView = await startAccountViewSimulator({
  port: AV_PORT,
  clients: [
    {
      clientId: secrets.ACCOUNTVIEW_CLIENT_ID,
      clientSecret: secrets.ACCOUNTVIEW_CLIENT_SECRET,
      redirectUris: [`${APP_URL}/api/accountview/callback`],
      name: 'AccountView connector (demo)',
    },
  ],
});

const mode = process.argv.includes('--dev') ? 'dev' : 'start';
const next = (args: string[]) =>
  spawn(process.execPath, ['node_modules/next/dist/bin/next', ...args], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...secrets,
      APP_URL,
      DATA_DIR: dataDir,
      BIGCOMMERCE_LOGIN_URL: sim.loginUrl,
      BIGCOMMERCE_API_URL: sim.apiUrl,
      FRAME_ANCESTORS: sim.controlPanelUrl,
      ACCOUNTVIEW_URL: accountView.url,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });

async function waitFor(child: ReturnType<typeof next>): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

if (mode === 'start') {
  console.log('Building the app (next build)…');
  const built = await waitFor(next(['build']));
  if (built !== 0) process.exit(built);
}
const app = next(mode === 'dev' ? ['dev', '-p', String(APP_PORT)] : ['start', '-p', String(APP_PORT)]);

console.log(`
  AccountView ⇄ BigCommerce demo
  ─────────────────────────────────────────────────────────────
  Open the simulated BigCommerce control panel:  ${sim.controlPanelUrl}
  Click "Install" on Fietsenwinkel De Vries, then "Connect AccountView" in the app.
  AccountView simulator (consent page, API):     ${accountView.url}
  App: ${APP_URL} (embedded database in ${dataDir}/pglite)
  Stop with Ctrl+C.
`);

const stop = async () => {
  app.kill('SIGTERM');
  await Promise.all([sim.stop(), accountView.stop()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
app.on('exit', async (code) => {
  await Promise.all([sim.stop(), accountView.stop()]);
  process.exit(code ?? 0);
});
