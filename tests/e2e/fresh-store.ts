import { expect, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { AV_URL, SIM_URL } from './config';

/** The store every journey installs into (the BigCommerce simulator's seed). */
export const E2E_STORE = 'abc123def';

/**
 * The app's database lives for the whole e2e run, so a journey that leaves the store installed (and
 * AccountView connected) would hand the next journey a store that is no longer fresh. Uninstalling
 * through the simulated control panel makes the app forget the store the way BigCommerce would; call
 * this before resetting the simulator (which would forget that the app is installed).
 */
export async function forgetStore(request: APIRequestContext): Promise<void> {
  const state = (await (await request.get(`${SIM_URL}/__sim/state`)).json()) as { stores?: Record<string, { installed?: boolean }> };
  const store = state.stores?.[E2E_STORE];
  if (!store?.installed) return;
  const answer = await request.post(`${SIM_URL}/manage/${E2E_STORE}/apps/uninstall`, { form: {} });
  expect(answer.status()).toBe(200);
}

/**
 * A fresh install opens the setup wizard (tests/e2e/setup-wizard.spec.ts walks it); journeys that set up
 * from the Overview leave it with "Set up later". A click before the page has hydrated does nothing, so
 * it is repeated until the wizard is gone.
 */
export async function leaveSetupWizard(frame: FrameLocator): Promise<void> {
  await expect(async () => {
    if (await frame.getByTestId('setup-later').isVisible()) await frame.getByTestId('setup-later').click();
    await expect(frame.getByTestId('setup-later')).toHaveCount(0, { timeout: 5_000 });
    await expect(frame.getByTestId('orders-status')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** The app inside the simulated control panel's iframe. */
export const appFrame = (page: Page): FrameLocator => page.frameLocator('[data-testid="app-frame"]');

/**
 * Picks the AccountView administration and confirms it, until the panel says Connected. With the
 * keyboard: after another journey's axe run, headless Chromium can send mouse clicks on the cross-site
 * frame to the control panel page instead, and a select that never opens fails the journey for nothing.
 */
export async function chooseAdministration(frame: FrameLocator, code = 'FVR'): Promise<void> {
  const select = frame.getByTestId('company-select');
  const wanted = new RegExp(`^${code}`);
  await expect(async () => {
    await select.focus({ timeout: 5_000 });
    if ((await select.getAttribute('aria-expanded')) !== 'true') await select.press('ArrowDown');
    const options = frame.getByRole('option');
    await expect(options.first()).toBeVisible({ timeout: 3_000 });
    const names = await options.allTextContents();
    const at = names.findIndex((name) => wanted.test(name.trim()));
    expect(at, `${code} among ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
    await options.nth(at).hover({ timeout: 2_000 }).catch(() => undefined);
    const highlighted = async () => (await options.nth(at).getAttribute('aria-selected')) === 'true';
    for (let i = 0; i < names.length && !(await highlighted()); i += 1) await select.press('ArrowDown');
    await select.press('Enter');
    await expect(select).toHaveValue(wanted, { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(async () => {
    const confirm = frame.getByTestId('choose-company');
    if (await confirm.isVisible()) await confirm.press('Enter', { timeout: 5_000 });
    await expect(frame.getByTestId('accountview-status')).toHaveText('Connected', { timeout: 10_000 });
  }).toPass({ timeout: 45_000 });
}

/**
 * A journey's fresh start: the app forgets the store (see `forgetStore`), then both simulators are
 * reset to their seeds (the BigCommerce one only, for journeys that never reach AccountView).
 */
export async function startFresh(request: APIRequestContext, options: { accountView?: boolean } = {}): Promise<void> {
  await forgetStore(request);
  await request.post(`${SIM_URL}/__sim/reset`);
  if (options.accountView !== false) await request.post(`${AV_URL}/__sim/reset`);
}

/** How many sales orders administration FVR holds in the AccountView simulator. */
export async function salesOrderCount(request: APIRequestContext): Promise<number> {
  const state = (await (await request.get(`${AV_URL}/__sim/state`)).json()) as { companies: { code: string; rows: Record<string, number> }[] };
  return state.companies.find((c) => c.code === 'FVR')?.rows.SO_HDR ?? 0;
}

