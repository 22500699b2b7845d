import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import {
  APP_PORT,
  APP_URL,
  AV_CLIENT_ID,
  AV_CLIENT_SECRET,
  AV_PORT,
  AV_URL,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  CLIENT_ID,
  CLIENT_SECRET,
  SIM_PORT,
  SIM_URL,
  SMTP_PORT,
} from './tests/e2e/config';

// A fresh PGlite folder per run unless CI hands us a Postgres database.
const dataDir = process.env.DATABASE_URL ? '.data/e2e' : mkdtempSync(path.join(tmpdir(), 'avbc-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'tests/artifacts/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `npx tsx tests/simulators/bigcommerce/cli.ts --port ${SIM_PORT} --app-url ${APP_URL} --client-id ${CLIENT_ID} --client-secret ${CLIENT_SECRET}`,
      url: `${SIM_URL}/__sim/state`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx tsx tests/simulators/accountview/cli.ts --port ${AV_PORT} --client-id ${AV_CLIENT_ID} --client-secret ${AV_CLIENT_SECRET} --redirect-uri ${APP_URL}/api/accountview/callback`,
      url: `${AV_URL}/__sim/state`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // `next start` after `next build`: the production code path, with every production check on.
      command: `node node_modules/next/dist/bin/next start -p ${APP_PORT}`,
      url: `${APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        APP_URL,
        BIGCOMMERCE_CLIENT_ID: CLIENT_ID,
        BIGCOMMERCE_CLIENT_SECRET: CLIENT_SECRET,
        BIGCOMMERCE_LOGIN_URL: SIM_URL,
        BIGCOMMERCE_API_URL: SIM_URL,
        FRAME_ANCESTORS: SIM_URL,
        ACCOUNTVIEW_URL: AV_URL,
        ACCOUNTVIEW_CLIENT_ID: AV_CLIENT_ID,
        ACCOUNTVIEW_CLIENT_SECRET: AV_CLIENT_SECRET,
        ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
        NEXTAUTH_SECRET: 'e2e-nextauth-secret-0123456789abcdef',
        DATA_DIR: dataDir,
        NEXT_TELEMETRY_DISABLED: '1',
        LOG_LEVEL: 'warn',
        // Notification e-mails go to the SMTP server tests/e2e/notifications.spec.ts starts.
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        MAIL_FROM: 'AccountView app <noreply@e2e.test>',
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
    },
  ],
});
