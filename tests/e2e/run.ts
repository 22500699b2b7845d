import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH, hasChromium } from './config';

/**
 * `npm run test:e2e`: builds the app and drives it in a real Chromium. Without a Chromium the suite
 * reports itself skipped in one line, unless REQUIRE_E2E=1 (CI), where that is a failure.
 */
if (!hasChromium()) {
  const line = `e2e: skipped: no Chromium at ${CHROMIUM_PATH}. Install it with 'apt-get install -y chromium' or set CHROMIUM_PATH.`;
  if (process.env.REQUIRE_E2E === '1') {
    console.error(line.replace('skipped', 'FAILED (REQUIRE_E2E=1)'));
    process.exit(1);
  }
  console.log(line);
  process.exit(0);
}

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (process.env.E2E_SKIP_BUILD !== '1') run('node', ['node_modules/next/dist/bin/next', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
