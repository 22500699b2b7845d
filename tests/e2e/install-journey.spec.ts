import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { APP_URL, ARTIFACTS, SIM_URL } from './config';
import { appFrame, leaveSetupWizard, startFresh } from './fresh-store';

const STORE = 'abc123def';
const OWNER = 1001;
const STAFF = 1002;

mkdirSync(ARTIFACTS, { recursive: true });

async function controlPanel(page: Page, userId: number) {
  await page.goto(`${SIM_URL}/manage/${STORE}?user=${userId}`);
}


test.beforeAll(async ({ request }) => {
  await startFresh(request, { accountView: false });
});

test('install, load, second user, remove user and uninstall inside the control panel iframe', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 900 });

  // Install: the simulator hands the app a grant code in the iframe; the app exchanges it and signs the owner in.
  await controlPanel(page, OWNER);
  await page.getByTestId('install-button').click();
  await expect(appFrame(page).getByTestId('greeting')).toHaveText('Welcome, Fietsenwinkel De Vries', { timeout: 20_000 });
  await expect(appFrame(page).getByText('Signed in as eigenaar@fietsenwinkel.nl (store owner)')).toBeVisible();
  await expect(appFrame(page).getByTestId('accountview-status')).toHaveText('Not connected');
  // The first load lands in the setup wizard (tests/e2e/setup-wizard.spec.ts walks it); this journey skips it.
  await leaveSetupWizard(appFrame(page));
  // The install registered the order webhooks; "Repair webhooks" confirms them.
  await expect(appFrame(page).getByTestId('orders-status')).toHaveText('Off');
  await appFrame(page).getByTestId('repair-webhooks').click();
  await expect(appFrame(page).getByTestId('repair-result')).toHaveText('All 3 order webhooks are active.', { timeout: 20_000 });
  await page.screenshot({ path: `${ARTIFACTS}/01-installed-owner.png`, fullPage: true });

  // The session cookie lives in the control panel's partition, with the attributes a cross-site iframe needs.
  const session = (await context.cookies(APP_URL)).find((c) => c.name === 'avbc.session');
  expect(session).toMatchObject({ sameSite: 'None', secure: true, httpOnly: true });
  expect(session?.partitionKey).toBe('http://127.0.0.1');

  // A later visit by a second store user comes through the load callback.
  await controlPanel(page, STAFF);
  await page.getByTestId('open-app').click();
  await expect(appFrame(page).getByTestId('greeting')).toHaveText('Welcome, Fietsenwinkel De Vries', { timeout: 20_000 });
  await expect(appFrame(page).getByText('Signed in as boekhouder@fietsenwinkel.nl')).toBeVisible();
  await expect(appFrame(page).getByText('(store owner)')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/02-second-user.png`, fullPage: true });

  // The owner removes the second user: the app is told and that user's session stops working at once.
  await controlPanel(page, OWNER);
  await page.getByTestId(`remove-user-${STAFF}`).click();
  await expect(page.getByTestId('cp-message')).toContainText('200');

  // The browser still holds the removed user's session cookie; framing the app under the control
  // panel's site again sends it, and the app must refuse it.
  await page.goto(`${SIM_URL}/manage/${STORE}?user=${STAFF}`);
  await page.evaluate((url) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('data-testid', 'app-frame');
    frame.src = url;
    frame.style.cssText = 'width:100%;height:600px;border:0';
    document.body.prepend(frame);
  }, `${APP_URL}/`);
  await expect(appFrame(page).first().getByText('You are not signed in')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('app-frame').first().screenshot({ path: `${ARTIFACTS}/03-removed-user.png` });

  // The owner uninstalls: the app answers 2xx and forgets the store.
  await controlPanel(page, OWNER);
  await page.getByTestId('uninstall-button').click();
  await expect(page.getByTestId('cp-message')).toContainText('200');
  await expect(page.getByTestId('install-button')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/04-uninstalled.png`, fullPage: true });

  const state = await (await page.request.get(`${SIM_URL}/__sim/state`)).json();
  expect(state.appCallbacks.map((c: { kind: string; status: number }) => [c.kind, c.status])).toEqual([
    ['remove-user', 200],
    ['uninstall', 200],
  ]);
});

test('the app refuses to be framed by anyone but the control panel', async ({ request }) => {
  const response = await request.get(`${APP_URL}/session-ended`);
  expect(response.headers()['content-security-policy']).toBe(`frame-ancestors ${SIM_URL}`);
});

test('a stale or forged load shows a short human page, not the app', async ({ page }) => {
  await page.goto(`${APP_URL}/api/bigcommerce/load?signed_payload_jwt=not-a-token`);
  await expect(page.getByRole('heading')).toHaveText('The signed payload is not a valid token');
  await expect(page.getByText('Open the app again from your BigCommerce control panel.')).toBeVisible();
});

test('the webhook endpoint refuses forged and malformed deliveries without a body', async ({ request }) => {
  const forged = await request.post(`${APP_URL}/api/webhooks/bigcommerce`, {
    headers: { 'x-avbc-webhook-secret': 'guess' },
    data: { scope: 'store/order/created', store_id: '1', data: { type: 'order', id: 1 }, hash: 'h', created_at: 1, producer: 'stores/abc123def' },
  });
  expect([401, 404]).toContain(forged.status());
  expect(await forged.text()).toBe('');
  const malformed = await request.post(`${APP_URL}/api/webhooks/bigcommerce`, { headers: { 'content-type': 'application/json' }, data: '{"scope":' });
  expect(malformed.status()).toBe(400);
});
