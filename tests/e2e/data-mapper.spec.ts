import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ARTIFACTS, SIM_URL } from './config';
import { appFrame, chooseAdministration, leaveSetupWizard, startFresh } from './fresh-store';

const STORE = 'abc123def';
mkdirSync(ARTIFACTS, { recursive: true });


// The second test works on the store the first one installed and connected.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await startFresh(request);
});

/**
 * axe-core on the app inside the control panel's iframe (the control panel itself is the simulator's).
 * After an analysis the frame no longer reacts to clicks, so each check ends what the page is used for.
 */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).include({ fromFrames: ['[data-testid="app-frame"]', 'body'] }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html}`).join(', ')}`)).toEqual([]);
}

/**
 * Clicks until `done` holds: a click that lands before the page has hydrated, or while a server answer
 * re-renders it, is lost; what the click should lead to is what the test waits for.
 */
async function clickUntil(target: Locator, done: () => Promise<void>, timeout = 45_000) {
  let attempt = 0;
  await expect(async () => {
    // Every other try presses Enter on the control instead: in headless Chromium a click low in the
    // cross-site frame is sometimes delivered nowhere, while the keyboard always reaches it.
    if (attempt++ % 2 === 0) await target.click({ timeout: 5_000 });
    else await target.press('Enter', { timeout: 5_000 });
    await done();
  }).toPass({ timeout });
}

/** The live preview has answered: until then its panel may still change height and move what is below it. */
async function previewSettled(page: Page) {
  await expect(appFrame(page).getByLabel('Updating the preview')).toHaveCount(0, { timeout: 30_000 });
}

async function openMapper(page: Page) {
  const frame = appFrame(page);
  await clickUntil(frame.getByRole('link', { name: 'Data mapper' }), () => expect(frame.getByTestId('no-mapping-note')).toBeVisible({ timeout: 5_000 }));
}

async function installAndConnect(page: Page) {
  await page.goto(`${SIM_URL}/manage/${STORE}`);
  await page.getByTestId('install-button').click();
  const frame = appFrame(page);
  await expect(frame.getByTestId('accountview-status')).toHaveText('Not connected', { timeout: 20_000 });
  await leaveSetupWizard(frame);
  // A click before the page has hydrated opens nothing: click again until the consent window opens.
  let popup: Page | undefined;
  await expect(async () => {
    const popupPromise = page.waitForEvent('popup', { timeout: 5_000 });
    await frame.getByTestId('connect-accountview').click();
    popup = await popupPromise;
  }).toPass({ timeout: 60_000 });
  await popup?.getByTestId('av-approve').click();
  await expect(frame.getByTestId('accountview-status')).toHaveText('Choose administration', { timeout: 20_000 });
  await chooseAdministration(frame);
}

async function openProductsMapping(page: Page) {
  const frame = appFrame(page);
  await openMapper(page);
  await clickUntil(frame.getByTestId('open-mapping-products'), () => expect(frame.getByRole('heading', { name: 'Products mapping' })).toBeVisible({ timeout: 5_000 }));
  await expect(frame.getByTestId('preview-sent')).toBeVisible({ timeout: 30_000 });
}

test('change a products mapping with live preview and dry run, refuse an invalid expression, save, see it take effect', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await installAndConnect(page);
  const frame = appFrame(page);

  await openMapper(page);
  await page.screenshot({ path: `${ARTIFACTS}/60-mapper-index.png`, fullPage: true });

  await clickUntil(frame.getByTestId('open-mapping-products'), () => expect(frame.getByRole('heading', { name: 'Products mapping' })).toBeVisible({ timeout: 5_000 }));
  await expect(frame.getByTestId('preview-sent')).toBeVisible({ timeout: 30_000 });
  const heading = await frame.getByRole('heading', { name: /^Preview on article / }).textContent();
  const code = (heading ?? '').replace(/^Preview on article /, '').trim();
  expect(code).not.toBe('');
  await page.screenshot({ path: `${ARTIFACTS}/61-products-mapping.png`, fullPage: true });

  // Build the new name with the field picker, then type the rest: the preview follows.
  const name = frame.getByTestId('expression-name');
  await name.fill('');
  await name.focus();
  await frame.getByTestId('field-picker').click();
  await frame.getByTestId('field-picker').fill('ART_CODE');
  await frame.getByRole('option', { name: /^ART_CODE/ }).first().click();
  await expect(name).toHaveValue('ART_CODE');
  await name.press('End');
  await name.pressSequentially(' & " – " & ART_DESC1');
  await expect(name).toHaveValue('ART_CODE & " – " & ART_DESC1');
  await expect(frame.getByTestId('preview-sent').locator('[data-field="name"]')).toContainText(`"${code} – `, { timeout: 20_000 });
  await expect(frame.getByTestId('field-name')).toContainText('changed');

  // Restoring a default puts the default expression back.
  const upc = frame.getByTestId('expression-upc');
  await upc.fill('ART_CODE');
  await expect(frame.getByTestId('field-upc')).toContainText('changed');
  await clickUntil(frame.getByTestId('restore-upc'), () => expect(upc).toHaveValue('EAN_CODE != "" ? EAN_CODE', { timeout: 2_000 }));

  // The long description is kept updated from now on.
  await frame.getByTestId('mode-description').click();
  await frame.getByRole('option', { name: /^Keep updated/ }).click();
  await page.screenshot({ path: `${ARTIFACTS}/62-live-preview.png`, fullPage: true });

  await previewSettled(page);
  await clickUntil(frame.getByTestId('dry-run'), () => expect(frame.getByTestId('dry-run')).toBeDisabled({ timeout: 2_000 }).catch(() => expect(frame.getByTestId('dry-run-result')).toBeVisible({ timeout: 1_000 })));
  await expect(frame.getByTestId('dry-run-result')).toContainText(/of the latest \d+ changed articles would be sent differently/, { timeout: 120_000 });
  await expect(frame.getByTestId(`dry-run-record-${code}`)).toContainText('Product.name');
  await frame.getByTestId('dry-run-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/63-dry-run.png`, fullPage: true });

  // An expression of the wrong type: shown at the field by the preview, and refused on save.
  const weight = frame.getByTestId('expression-weight');
  await weight.fill('"zwaar"');
  await expect(frame.getByTestId('field-weight')).toContainText(/expected a number/, { timeout: 20_000 });
  await previewSettled(page);
  await clickUntil(frame.getByTestId('save-mapping'), () => expect(frame.getByTestId('save-result')).toContainText('Not saved', { timeout: 30_000 }), 90_000);
  await expect(frame.getByTestId('field-weight')).toContainText(/weight.*expected a number/);
  await frame.getByTestId('field-weight').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/64-refused-at-field.png`, fullPage: true });

  await previewSettled(page);
  // Other fields stay editable and restorable after a refused save. (Clicking "Restore default" of the
  // refused field straight after the refusal was sometimes lost in this run; not understood yet.)
  await frame.getByTestId('expression-upc').fill('ART_CODE');
  await expect(frame.getByTestId('expression-upc')).toHaveValue('ART_CODE');
  await clickUntil(frame.getByTestId('restore-upc'), () => expect(frame.getByTestId('expression-upc')).toHaveValue('EAN_CODE != "" ? EAN_CODE', { timeout: 2_000 }), 15_000);
  await clickUntil(frame.getByTestId('restore-weight'), () => expect(weight).toHaveValue('WEIGHT > 0 ? WEIGHT : $defaultWeight', { timeout: 2_000 }));
  await previewSettled(page);
  await clickUntil(frame.getByTestId('save-mapping'), () => expect(frame.getByTestId('save-result')).toContainText('Saved.', { timeout: 30_000 }), 90_000);
  await page.screenshot({ path: `${ARTIFACTS}/65-saved.png`, fullPage: true });

  // Opened again: the saved mapping is what the editor and the preview use.
  await page.goto(`${SIM_URL}/manage/${STORE}/apps/open?user=1001`);
  await openProductsMapping(page);
  await expect(frame.getByTestId('expression-name')).toHaveValue('ART_CODE & " – " & ART_DESC1');
  await expect(frame.getByTestId('preview-sent').locator('[data-field="name"]')).toContainText(`"${code} – `, { timeout: 20_000 });
  await expect(frame.getByTestId('preview-sent').locator('[data-field="description"]')).toHaveCount(1);
  await expect(frame.getByTestId('save-mapping')).toBeDisabled();

  // The app at the control panel's narrowest: the frame itself 375 px wide (the simulator's sidebar stays as it is).
  // Chromium paints a frame only where the window shows it: a tall window for the whole page.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.getByTestId('app-frame').evaluate((element) => {
    (element as HTMLElement).style.width = '375px';
    (element as HTMLElement).style.height = '2200px';
  });
  await expect(frame.getByTestId('expression-name')).toBeVisible();
  await page.getByTestId('app-frame').screenshot({ path: `${ARTIFACTS}/66-products-mapping-375.png` });
  await expectAccessible(page);
});

test('the orders mapping previews on the latest order and shows an error at the field', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // The store installed and connected by the journey above.
  await page.goto(`${SIM_URL}/manage/${STORE}/apps/open?user=1001`);
  const frame = appFrame(page);
  await openMapper(page);
  await expectAccessible(page);
  await page.goto(`${SIM_URL}/manage/${STORE}/apps/open?user=1001`);
  await openMapper(page);
  await clickUntil(frame.getByTestId('open-mapping-orders'), () => expect(frame.getByRole('heading', { name: 'Orders mapping' })).toBeVisible({ timeout: 5_000 }));
  await expect(frame.getByRole('heading', { name: /^Preview on order \d+/ })).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByTestId('live-preview')).not.toBeEmpty({ timeout: 30_000 });
  const comment = frame.getByTestId('expression-salesOrder-COMMENT2');
  await comment.fill('"Webshop " & $orderId & (');
  await expect(frame.getByTestId('field-salesOrder-COMMENT2')).toContainText('Expected ")" before end of expression', { timeout: 20_000 });
  await expect(frame.getByTestId('live-preview')).toContainText('Expected ")"');
  await page.screenshot({ path: `${ARTIFACTS}/67-orders-mapping-error.png`, fullPage: true });
  await expectAccessible(page);
});
