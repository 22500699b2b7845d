import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

// Uses the build the e2e run made; no browser needed, but it belongs with the `next start` checks.
test('a production server without its keys refuses to start and names each missing one', async () => {
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', '47399'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 30_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code).toBe(1);
  for (const key of ['BIGCOMMERCE_CLIENT_ID', 'BIGCOMMERCE_CLIENT_SECRET', 'APP_URL', 'ENCRYPTION_KEY', 'NEXTAUTH_SECRET']) {
    expect(output).toContain(`${key} is not set`);
  }
});
