import { existsSync } from 'node:fs';

/** One place for what the end-to-end run needs to know about this machine. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

// Two different sites on loopback, as the control panel and the app are in production:
// Chromium treats both as secure contexts, so Secure+Partitioned cookies work over plain HTTP.
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 47311);
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 47312);
export const AV_PORT = Number(process.env.E2E_AV_PORT ?? 47313);
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
export const AV_URL = `http://127.0.0.1:${AV_PORT}`;
/** The notifications spec's own SMTP server (started by the spec); the app is pointed at it. */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? AV_PORT + 1);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const CLIENT_ID = 'e2e-client-id';
export const CLIENT_SECRET = 'e2e-client-secret';
export const AV_CLIENT_ID = 'e2e-av-client-id';
export const AV_CLIENT_SECRET = 'e2e-av-client-secret';
export const ARTIFACTS = 'tests/artifacts/e2e';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];
