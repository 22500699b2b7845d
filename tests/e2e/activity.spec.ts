import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { APP_URL, ARTIFACTS, AV_URL, SIM_URL } from './config';
import { appFrame, chooseAdministration, salesOrderCount, startFresh } from './fresh-store';

/**
 * The activity log journey inside the control panel's cross-site iframe: an order fails because its
 * article is missing in AccountView; the merchant finds it by number, reads why, the bookkeeper
 * creates the article, and one click retries it to success. Then the dashboard (with the orders
 * coverage) and the retention setting, each page checked with axe-core.
 *
 * Needs the simulators' admin routes for orders and AccountView rows and the Overview's orders switch.
 */
const STORE = 'abc123def';
const OWNER = 1001;
const SKU = 'E2E-SLOT';
/** What a shopper or a product name may carry: shown as text everywhere, never run. */
const HOSTILE_NAME = 'Fietsslot <img src=x onerror=window.__xss=1> Deluxe';
const HOSTILE_COMPANY = `'); DROP TABLE sync_records;-- <script>window.__xss=2</script>`;
mkdirSync(ARTIFACTS, { recursive: true });


/**
 * axe-core on the app inside the iframe (the simulator's own page is not ours to check). After axe has
 * run, mouse clicks low in the frame were seen to land nowhere in headless Chromium, so links and
 * buttons there are activated from the keyboard, as a keyboard user does.
 */
async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).include(['[data-testid="app-frame"]', 'body']).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(violations, `axe on ${label}`).toEqual([]);
}

/** The app's document inside the control panel's iframe, for loading an address directly. */
function appPage(page: Page): Frame {
  const app = page.frames().find((f) => f.url().startsWith(APP_URL));
  if (!app) throw new Error('the app is not open in the control panel');
  return app;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

/** Opens the newest matching record (again, if a search still being applied took the page back). */
async function openFirstRecord(frame: FrameLocator) {
  await expect(async () => {
    await frame.getByTestId('search-results').getByTestId('record-link').first().press('Enter');
    await expect(frame.getByTestId('record-outcome')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

async function tab(frame: FrameLocator, name: string) {
  await frame.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
}

test.beforeAll(async ({ request }) => {
  await startFresh(request);
  // The shipping-costs article exists; the article of the webshop's new product does not (yet).
  const shipping = await request.post(`${AV_URL}/__sim/companies/FVR/AK1`, { data: { rows: [{ ART_CODE: 'VERZENDKOSTEN', ART_DESC1: 'Verzendkosten', VAT_CODE: '2' }] } });
  expect(shipping.status()).toBe(201);
});

test('find a failed order by number, read why, fix it in AccountView and retry it to success', async ({ page, request }) => {
  test.setTimeout(300_000);
  // Tall enough for the control panel's whole 800 px app frame: a click scrolled to the frame's bottom edge stays on screen.
  await page.setViewportSize({ width: 1280, height: 1024 });
  await page.goto(`${SIM_URL}/manage/${STORE}?user=${OWNER}`);
  await page.getByTestId('install-button').click();
  const frame = appFrame(page);

  // A fresh install may open the setup wizard; this journey sets up from the Overview instead.
  await expect(frame.getByTestId('greeting').first()).toBeVisible({ timeout: 30_000 });
  // (A click before the page has hydrated does nothing, so it is repeated until the wizard is gone.)
  await expect(async () => {
    if (await frame.getByTestId('setup-later').isVisible()) await frame.getByTestId('setup-later').click();
    await expect(frame.getByTestId('setup-later')).toHaveCount(0, { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(frame.getByTestId('orders-status')).toHaveText('Off', { timeout: 30_000 });
  await expect(frame.getByTestId('accountview-status')).toHaveText('Not connected', { timeout: 30_000 });
  const popupPromise = page.waitForEvent('popup');
  await frame.getByTestId('connect-accountview').click();
  const popup = await popupPromise;
  await popup.getByTestId('av-approve').click();
  await expect(frame.getByTestId('accountview-status')).toHaveText('Choose administration', { timeout: 20_000 });
  await chooseAdministration(frame);
  await frame.getByTestId('orders-switch').click();
  await expect(frame.getByTestId('orders-status')).toHaveText('On', { timeout: 20_000 });

  // A shopper orders the new product; AccountView has no article for its SKU, so the export fails.
  const placed = await request.post(`${SIM_URL}/__sim/stores/${STORE}/orders`, {
    data: { status_id: 11, billing_address: { company: HOSTILE_COMPANY }, products: [{ name: HOSTILE_NAME, sku: SKU, price: 39.95, tax_rate: 21, quantity: 1 }] },
  });
  expect(placed.status()).toBe(201);
  const orderId = ((await placed.json()) as { id: number }).id;

  // The merchant searches the log by order number and opens the failed record.
  await tab(frame, 'Activity log');
  await expect(frame.getByRole('heading', { name: 'Activity log' })).toBeVisible({ timeout: 30_000 });
  await frame.getByTestId('activity-search').fill(String(orderId));
  const results = frame.getByTestId('search-results');
  await expect(async () => {
    await frame.getByTestId('apply-filters').click();
    await expect(results.locator('tbody tr').first()).toContainText('Failed', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(frame.getByTestId('runs-table')).toBeVisible();
  await expectAccessible(page, 'activity log with a search');
  await shot(page, '30-activity-search-failed-order');

  await openFirstRecord(frame);
  const failure = frame.getByTestId('record-failure');
  await expect(failure).toContainText(SKU, { timeout: 30_000 });
  await expect(failure).toContainText('How to fix it:');
  await expect(frame.getByTestId('record-source')).toContainText(String(orderId));
  // Markup and SQL from the shop are shown as the text they are: nothing of it runs or becomes an element.
  await expect(frame.getByTestId('record-source')).toContainText(HOSTILE_NAME);
  await expect(frame.getByTestId('record-source')).toContainText(HOSTILE_COMPANY);
  await expect(frame.locator('img[src="x"]')).toHaveCount(0);
  expect(await frame.locator('body').evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expectAccessible(page, 'failed record');
  await shot(page, '31-record-why-it-failed');

  // The seeded administration has sales orders of its own; this order must not be among them yet.
  const before = await salesOrderCount(request);

  // The bookkeeper creates the article in AccountView; one click retries the order.
  const article = await request.post(`${AV_URL}/__sim/companies/FVR/AK1`, { data: { rows: [{ ART_CODE: SKU, ART_DESC1: 'Fietsslot Deluxe', VAT_CODE: '2' }] } });
  expect(article.status()).toBe(201);
  await frame.getByTestId('retry-record').click();
  await expect(frame.getByTestId('retry-record-result')).toContainText(`Order ${orderId} is being exported again.`, { timeout: 20_000 });
  await shot(page, '32-record-retried');
  await expect.poll(() => salesOrderCount(request), { timeout: 60_000, intervals: [1000] }).toBe(before + 1);

  // The log now shows the order created in AccountView, with its document number. (The search's
  // address is what a merchant would bookmark; the Activity log tab is the current one here.)
  await appPage(page).goto(`${APP_URL}/activity?q=${orderId}`);
  await expect(async () => {
    await frame.getByTestId('apply-filters').click();
    await expect(results.locator('tbody tr').first()).toContainText('Created', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await openFirstRecord(frame);
  await expect(frame.getByTestId('record-outcome')).toContainText('Created', { timeout: 30_000 });
  await expect(frame.getByTestId('record-target')).toBeVisible();
  await expect(frame.getByTestId('record-sent')).toContainText(SKU);
  await shot(page, '33-record-created');

  // The run page lists its records; the retry run names its trigger.
  await frame.getByRole('link', { name: /Orders → AccountView run of/ }).press('Enter');
  await expect(frame.getByText('Retry ·')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'run page');
  await shot(page, '34-retry-run');

  // Dashboard: charts, last success, no open failures, and the coverage of this week's orders.
  await tab(frame, 'Dashboard');
  await expect(frame.getByTestId('chart-orders')).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByTestId('last-success-orders')).toContainText('Last successful sync');
  await expect(frame.getByTestId('no-open-failures')).toBeVisible();
  await frame.getByTestId('coverage-check').press('Enter');
  await expect(frame.getByTestId('coverage-summary')).toContainText('none missing', { timeout: 30_000 });
  await expect(frame.getByTestId('coverage-table')).toContainText(`#${orderId}`);
  await expect(frame.getByTestId('coverage-table')).toContainText('In AccountView');
  await expectAccessible(page, 'dashboard');
  await shot(page, '35-dashboard');

  // Retention: refused at the field when out of range, saved when right.
  await appPage(page).goto(`${APP_URL}/settings/activity-log`);
  await expect(frame.getByTestId('retention-days')).toHaveValue('30', { timeout: 30_000 });
  // (Repeated until the freshly loaded page has hydrated and the save goes through its action.)
  await expect(async () => {
    await frame.getByTestId('retention-days').fill('0');
    await frame.getByTestId('save-retention').click();
    await expect(frame.getByText('Keep the log for at least 1 day.')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expectAccessible(page, 'retention with a field message');
  await frame.getByTestId('retention-days').fill('14');
  await frame.getByTestId('save-retention').click();
  await expect(frame.getByTestId('retention-result')).toContainText('older than 14 days', { timeout: 20_000 });
  await shot(page, '36-retention-saved');

  // The narrowest control panel: the app's frame 375 px wide (the simulator's sidebar takes the rest).
  await page.setViewportSize({ width: 800, height: 1024 });
  const wide = (await page.getByTestId('app-frame').boundingBox())?.width ?? 800;
  await page.setViewportSize({ width: Math.round(800 - wide + 375), height: 1024 });
  await expect.poll(async () => Math.round((await page.getByTestId('app-frame').boundingBox())?.width ?? 0)).toBe(375);
  await tab(frame, 'Activity log');
  await expect(frame.getByTestId('runs-table')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'activity log at 375 px');
  await page.getByTestId('app-frame').screenshot({ path: `${ARTIFACTS}/37-activity-375px.png` });
});
