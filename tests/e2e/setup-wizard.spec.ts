import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { APP_URL, ARTIFACTS, AV_URL, SIM_URL } from './config';
import { appFrame, chooseAdministration, salesOrderCount, startFresh } from './fresh-store';

const STORE = 'abc123def';
const OWNER = 1001;
mkdirSync(ARTIFACTS, { recursive: true });


/** Accessibility of the app inside the control panel's iframe (the simulator's own page is not ours to check). */
async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).include(['[data-testid="app-frame"]', 'body']).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(violations, `axe on ${label}`).toEqual([]);
  // AxeBuilder opens and closes a page of its own to finish a cross-origin run; until the control panel
  // is in front again, headless Chromium sends clicks on the app's iframe to the control panel page.
  await page.bringToFront();
}

/**
 * The visible control panel. Not `fullPage`: the app's iframe has a fixed height, so a taller capture
 * shows nothing more, and the temporary resize left headless Chromium sending the next clicks on the
 * cross-site iframe to the control panel page instead.
 */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

async function placeOrder(request: APIRequestContext): Promise<number> {
  const response = await request.post(`${SIM_URL}/__sim/stores/${STORE}/orders`, {
    data: { status_id: 11, products: [{ name: 'Fietsbel messing', sku: 'E2E-BEL', price: 12.95, tax_rate: 21, quantity: 2 }] },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

test.beforeAll(async ({ request }) => {
  await startFresh(request);
  // What the bookkeeper has in AccountView: the webshop's article and the shipping-costs article.
  const articles = await request.post(`${AV_URL}/__sim/companies/FVR/AK1`, {
    data: { rows: [{ ART_CODE: 'E2E-BEL', ART_DESC1: 'Fietsbel messing', VAT_CODE: '2' }, { ART_CODE: 'VERZENDKOSTEN', ART_DESC1: 'Verzendkosten', VAT_CODE: '2' }] },
  });
  expect(articles.status()).toBe(201);
});

test('the whole setup wizard, from a fresh install to a first exported order, leaving halfway and coming back', async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${SIM_URL}/manage/${STORE}?user=${OWNER}`);
  await page.getByTestId('install-button').click();
  const frame = appFrame(page);

  // Step 1: the first load after install lands on the wizard.
  await expect(frame.getByTestId('setup-step')).toContainText('Step 1 of 5', { timeout: 30_000 });
  await expect(frame.getByTestId('accountview-status')).toHaveText('Not connected');
  await expect(frame.getByTestId('setup-next')).toBeDisabled();
  await expectAccessible(page, 'step 1');
  await shot(page, '50-setup-connect');

  const popupPromise = page.waitForEvent('popup');
  await frame.getByTestId('connect-accountview').click();
  const popup = await popupPromise;
  await popup.getByTestId('av-approve').click();
  await expect(frame.getByTestId('accountview-status')).toHaveText('Choose administration', { timeout: 20_000 });
  await chooseAdministration(frame);
  await frame.getByTestId('setup-next').click();

  // Step 2 is reached; the merchant leaves here and comes back later.
  await expect(frame.getByTestId('setup-step')).toContainText('Step 2 of 5', { timeout: 20_000 });
  await page.goto(`${SIM_URL}/manage/${STORE}?user=${OWNER}`);
  await page.getByTestId('open-app').click();
  await expect(frame.getByTestId('setup-step')).toContainText('Step 2 of 5', { timeout: 30_000 });
  await expect(frame.getByTestId('flow-orders')).toBeChecked();

  // Step 2: orders is ticked already; stock and products too.
  await frame.getByText('Stock from AccountView').click();
  await frame.getByText('Products from AccountView').click();
  await expect(frame.getByTestId('flow-products')).toBeChecked();
  await expectAccessible(page, 'step 2');
  await shot(page, '51-setup-flows');
  await frame.getByTestId('setup-next').click();
  await expect(frame.getByTestId('setup-step')).toContainText('Step 3 of 5', { timeout: 20_000 });
  await expect(frame.getByText('Stock shown in your store')).toBeVisible();

  // Step 3: a wrong answer is refused at its field; defaults are pre-filled.
  await expect(frame.getByTestId('documentType-sales-order')).toBeChecked();
  await expect(frame.getByTestId('calculation-available')).toBeChecked();
  // Products: the tax class the shop charges per VAT code, offered from the store's class names (9 % → "Laag tarief").
  await expect(frame.getByTestId('products-taxClass-1')).toHaveValue('Laag tarief');
  await expect(frame.getByTestId('products-taxClass-2')).toHaveValue("The store's default class");
  await frame.getByTestId('products-taxClass-1').scrollIntoViewIfNeeded();
  await shot(page, '52-setup-questions-tax-classes');
  await frame.getByText('Book every order on one debtor').click();
  await frame.getByTestId('setup-next').click();
  await expect(frame.getByText('Choose the debtor every order is booked on')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'step 3 with a field message');
  await shot(page, '53-setup-question-refused');
  await frame.getByText('Find the customer by e-mail, or create a debtor').click();
  await frame.getByTestId('setup-next').click();

  // Step 4: the latest real order, shown exactly as it would be sent, and nothing sent.
  await expect(frame.getByTestId('setup-step')).toContainText('Step 4 of 5', { timeout: 20_000 });
  const tested = await placeOrder(request);
  // The administration has sales orders of its own already: what counts is that none is added.
  const documentsBefore = await salesOrderCount(request);
  await frame.getByTestId('test-order').click();
  const preview = frame.getByTestId('order-preview');
  await expect(preview).toContainText(`order ${tested} would send. Nothing was sent.`, { timeout: 30_000 });
  await expect(preview).toContainText('Sales order (SO1)');
  await expect(preview).toContainText(`BC-${tested}`);
  await expect(preview).toContainText('E2E-BEL');
  expect(await salesOrderCount(request)).toBe(documentsBefore);
  await expectAccessible(page, 'step 4');
  await shot(page, '54-setup-test-order');
  await frame.getByTestId('setup-next').click();

  // Step 5: switch on; the next order arrives in AccountView by itself.
  await expect(frame.getByTestId('setup-step')).toContainText('Step 5 of 5', { timeout: 20_000 });
  await expectAccessible(page, 'step 5');
  await shot(page, '55-setup-switch-on');
  await frame.getByTestId('switch-on').click();
  await expect(frame.getByTestId('setup-done')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'finished');

  await placeOrder(request);
  await expect.poll(() => salesOrderCount(request), { timeout: 60_000, intervals: [1000] }).toBeGreaterThan(documentsBefore);
  await frame.getByTestId('setup-home').click();
  await expect(frame.getByTestId('orders-status')).toHaveText('On', { timeout: 20_000 });
  await shot(page, '56-setup-finished-home');
  // The wizard in an iframe as narrow as the control panel's on a phone. Last, because after a resize
  // headless Chromium sends clicks on the cross-site iframe to the control panel page instead.
  const iframe = page.getByTestId('app-frame');
  await iframe.evaluate((f, url) => {
    f.setAttribute('style', 'width:375px;height:800px');
    f.setAttribute('src', url);
  }, `${APP_URL}/setup`);
  await expect(frame.getByTestId('setup-done')).toBeVisible({ timeout: 30_000 });
  await iframe.screenshot({ path: `${ARTIFACTS}/57-setup-done-375px.png` });
});

test('a flow settings page refuses a wrong value at its field, and finds an article beyond the first 200', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${SIM_URL}/manage/${STORE}?user=${OWNER}`);
  await page.getByTestId('open-app').click();
  const frame = appFrame(page);
  await expect(frame.getByTestId('orders-status')).toHaveText('On', { timeout: 30_000 });
  // Straight to Settings in the app's iframe (the section tabs are another page's subject).
  await page.getByTestId('app-frame').evaluate((f, url) => f.setAttribute('src', url), `${APP_URL}/settings`);
  await expect(frame.getByTestId('settings-link-orders')).toBeVisible({ timeout: 30_000 });
  await frame.getByTestId('settings-link-orders').click();
  const reference = frame.getByLabel('Reference on the document');
  await expect(reference).toHaveValue('BC-{orderId}', { timeout: 30_000 });
  // Retried until the page is interactive: typing before React has taken over the page is lost.
  await expect(async () => {
    await reference.fill('WEB-');
    await frame.getByTestId('settings-save').click();
    await expect(frame.getByText('must contain {orderId}')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(frame.getByTestId('settings-saved')).toHaveCount(0);
  await shot(page, '58-settings-orders-refused');
  await reference.fill('WEB-{orderId}');
  // Before saving, the dry run replays the latest orders through the proposed settings: the new
  // reference changes what every one of them would carry.
  await frame.getByTestId('settings-dry-run').click();
  await expect(frame.getByTestId('dry-run-result')).toContainText(/of the latest \d+ orders would be sent differently/, { timeout: 60_000 });
  await expect(frame.getByTestId('dry-run-result')).toContainText('WEB-');
  await frame.getByTestId('dry-run-result').scrollIntoViewIfNeeded();
  await shot(page, '5a-settings-orders-dry-run');
  await frame.getByTestId('settings-save').click();
  await expect(frame.getByTestId('settings-saved')).toBeVisible({ timeout: 20_000 });
  await expect(frame.getByText('must contain {orderId}')).toHaveCount(0);
  await shot(page, '59-settings-orders-saved');

  // An administration of more than 200 articles: the pickers hold the first 200 (and the ones in use);
  // any other is found by search and can then be chosen in every article field.
  const filler = Array.from({ length: 210 }, (_, i) => ({ ART_CODE: `AAA-${String(i + 1).padStart(3, '0')}`, ART_DESC1: `Vulartikel ${i + 1}`, VAT_CODE: '2' }));
  const added = await request.post(`${AV_URL}/__sim/companies/FVR/AK1`, { data: { rows: [...filler, { ART_CODE: 'ZZ-EXPRES', ART_DESC1: 'Expresbezorging', VAT_CODE: '2' }] } });
  expect(added.ok()).toBe(true);
  await page.getByTestId('app-frame').evaluate((f, url) => f.setAttribute('src', url), `${APP_URL}/settings/orders`);
  const shippingArticle = frame.getByTestId('field-serviceLines-shipping-article');
  await expect(reference).toHaveValue('WEB-{orderId}', { timeout: 30_000 });
  await expect(async () => {
    await shippingArticle.click();
    await expect(frame.getByRole('option', { name: /^AAA-001/ })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(frame.getByRole('option', { name: /^ZZ-EXPRES/ })).toHaveCount(0);
  await shippingArticle.press('Escape');
  const search = frame.getByTestId('article-search');
  await expect(async () => {
    await search.fill('expres');
    await search.press('Enter');
    await expect(frame.getByTestId('article-search-answer')).toHaveText('1 article(s) found; choose them in the article fields below.', { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    await shippingArticle.click();
    await frame.getByRole('option', { name: /^ZZ-EXPRES/ }).click({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(shippingArticle).toHaveValue(/^ZZ-EXPRES/);
  await shot(page, '5b-settings-article-found');
  await frame.getByTestId('settings-save').click();
  await expect(frame.getByTestId('settings-saved')).toBeVisible({ timeout: 20_000 });
  // Checked last: after AxeBuilder's own page has opened and closed, headless Chromium may send clicks
  // on the cross-site iframe to the control panel page.
  await reference.fill('WEB-');
  await frame.getByTestId('settings-save').click();
  await expect(frame.getByText('must contain {orderId}')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'orders settings with a field message');
});
