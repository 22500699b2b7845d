import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, AV_URL, SIM_URL } from './config';
import { appFrame, chooseAdministration, startFresh } from './fresh-store';

const STORE = 'abc123def';
mkdirSync(ARTIFACTS, { recursive: true });


test.beforeAll(async ({ request }) => {
  await startFresh(request);
});

/**
 * Runs "Test connection" until its answer is the one expected. The test only reads, so repeating it is
 * harmless. Pressed with the keyboard, like every control of this journey once a consent window has been
 * open: after one, headless Chromium may stop delivering mouse clicks to the app's cross-site iframe
 * (seen in CI after the activity journey), while the keyboard always reaches the focused control.
 */
async function testConnection(page: Page, expected: string | RegExp) {
  const frame = appFrame(page);
  await expect(async () => {
    const button = frame.getByTestId('test-connection');
    await expect(button).toBeEnabled({ timeout: 10_000 });
    await button.press('Enter');
    await expect(frame.getByTestId('test-result')).toContainText(expected, { timeout: 15_000 });
  }).toPass({ timeout: 60_000 });
}

/** Clicks "Connect" in the app and returns AccountView's consent window. */
async function openConsent(page: Page) {
  // Repeated until the window opens: a click before the page has hydrated opens nothing.
  let popup: Page | undefined;
  await expect(async () => {
    const popupPromise = page.waitForEvent('popup', { timeout: 5_000 });
    await appFrame(page).getByTestId('connect-accountview').press('Enter', { timeout: 5_000 });
    popup = await popupPromise;
  }).toPass({ timeout: 60_000 });
  if (!popup) throw new Error('the consent window did not open');
  await expect(popup.getByTestId('av-approve')).toBeVisible({ timeout: 20_000 });
  return popup;
}

test('connect AccountView, choose the company, test the connection, recover and disconnect', async ({ page, request }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${SIM_URL}/manage/${STORE}`);
  await page.getByTestId('install-button').click();
  const frame = appFrame(page);
  await expect(frame.getByTestId('accountview-status')).toHaveText('Not connected', { timeout: 20_000 });

  // Refused consent: the window says what to do, the app stays unconnected.
  let popup = await openConsent(page);
  await popup.screenshot({ path: `${ARTIFACTS}/10-accountview-consent.png`, fullPage: true });
  await popup.getByTestId('av-deny').click();
  await expect(popup.getByRole('heading')).toContainText(/not approved/i);
  await popup.screenshot({ path: `${ARTIFACTS}/11-consent-refused.png`, fullPage: true });
  await popup.close();
  await expect(frame.getByTestId('accountview-status')).toHaveText('Not connected');

  // Approved consent: the window closes itself and the app moves on to choosing the administration.
  popup = await openConsent(page);
  await popup.getByTestId('av-approve').click();
  await expect(frame.getByTestId('accountview-status')).toHaveText('Choose administration', { timeout: 20_000 });
  await page.screenshot({ path: `${ARTIFACTS}/12-choose-company.png`, fullPage: true });

  await chooseAdministration(frame);
  await expect(frame.getByTestId('accountview-company')).toContainText('FVR');

  await testConnection(page, '240 debtors');
  await page.screenshot({ path: `${ARTIFACTS}/13-connection-tested.png`, fullPage: true });

  // AccountView down: a plain message, the connection itself is kept.
  await request.post(`${AV_URL}/__sim/faults`, { data: { kind: 'status', status: 503 } });
  await testConnection(page, /reach|unavailable/i);
  await page.screenshot({ path: `${ARTIFACTS}/14-accountview-unreachable.png`, fullPage: true });
  await request.delete(`${AV_URL}/__sim/faults`);

  // Consent revoked in AccountView: the app says so and offers to reconnect.
  await request.post(`${AV_URL}/__sim/revoke-consent`, { data: {} });
  await request.post(`${AV_URL}/__sim/expire-access-tokens`, { data: {} });
  await testConnection(page, /reconnect/i);
  await page.goto(`${SIM_URL}/manage/${STORE}/apps/open?user=1001`);
  await expect(frame.getByTestId('accountview-status')).toHaveText('Needs attention', { timeout: 20_000 });
  await expect(frame.getByTestId('connect-accountview')).toHaveText('Reconnect AccountView');
  await page.screenshot({ path: `${ARTIFACTS}/15-needs-reconnect.png`, fullPage: true });

  popup = await openConsent(page);
  await popup.getByTestId('av-approve').click();
  await expect(frame.getByTestId('accountview-status')).toHaveText('Choose administration', { timeout: 20_000 });
  await frame.getByTestId('disconnect-accountview').press('Enter');
  await expect(frame.getByTestId('accountview-status')).toHaveText('Not connected', { timeout: 20_000 });
  await page.screenshot({ path: `${ARTIFACTS}/16-disconnected.png`, fullPage: true });
});
