import { ask, expect, type Page, test } from './duet-test.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DIFFICULTY_THRESHOLD, expectedLocalShare } from '../../src-main/router/difficulty.js';
import { CLOUD_GREETING_ANSWER, TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';

let dataDir: string;
let server: RunningServer | null = null;
let cloud: LoopbackCloud | null = null;

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-routing-'));
  // One cloud for the file (it loads a model: 3 s), reset for each test; a test that stopped it gets a new one.
  cloud ??= await startLoopbackCloud();
  cloud.setFault({ kind: 'none' });
  server = await startServer({
    model: TINY_MODEL_FILE,
    dataDir,
    env: { DUET_CLOUD_BASE_URL: cloud.baseUrl, DUET_CLOUD_MODEL: cloud.model, DUET_POLICY_FILE: path.join(dataDir, 'no-policy.json') },
  });
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

test.afterAll(async () => {
  await cloud?.stop();
  cloud = null;
});

const lastAnswer = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]').last();

/**
 * Picks Cloud in the header and waits until Duet has saved it: the save and a question typed at once
 * travel on separate requests, which may reach Duet in either order (a person is never that quick).
 */
async function chooseCloudMode(page: Page): Promise<void> {
  await page.getByLabel('Routing mode').selectOption('cloud');
  const client = new BridgeClient(server!.url);
  await expect.poll(async () => (await client.call<{ settings: { mode: string } }>('app.info')).settings.mode).toBe('cloud');
}

test('a greeting is answered locally, and its badge tells why', async ({ page }) => {
  await page.goto(server!.url);
  await ask(page, 'Hello');
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  const badge = lastAnswer(page).getByTestId('route-badge');
  await expect(badge).toHaveText('local');
  await badge.click();
  await expect(lastAnswer(page).getByTestId('route-reasons').locator('li[data-code="easy"]')).toBeVisible();
});

test('Cloud only mode answers from the cloud, with its badge', async ({ page }) => {
  await page.goto(server!.url);
  await chooseCloudMode(page);
  await ask(page, 'Hello');
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(CLOUD_GREETING_ANSWER);
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText('cloud');
});

test('a message with an e-mail address stays local, for privacy', async ({ page }) => {
  await page.goto(server!.url);
  await chooseCloudMode(page);
  await ask(page, 'Hello, my address is jane.doe@example.com');
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText('local');
  await page.getByLabel('Show routing').check();
  await expect(lastAnswer(page).getByTestId('routing-details').locator('li[data-code="privacy"]')).toContainText('privacy');
});

test('when the cloud goes away mid-conversation, the answer falls back to local with its badge', async ({ page }) => {
  await page.goto(server!.url);
  await chooseCloudMode(page);
  await ask(page, 'Hello');
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(CLOUD_GREETING_ANSWER);
  await expect(lastAnswer(page)).toHaveAttribute('data-status', 'complete');

  await cloud!.stop();
  cloud = null;
  await ask(page, 'Hello again');
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText('cloud unavailable → local');
  // The question is kept.
  await expect(page.locator('[data-testid="message"][data-role="user"]').last()).toContainText('Hello again');
});

test('the cost-vs-quality slider says what share of questions it keeps local, live while dragging', async ({ page }) => {
  const percent = (t: number): number => Math.round(expectedLocalShare(t)! * 100);
  await page.goto(server!.url);
  await page.getByTestId('open-settings').click();
  const slider = page.getByLabel('Cost vs quality');
  const expected = page.getByTestId('expected-local-share');
  await expect(expected).toHaveText(`Expected: ${percent(DEFAULT_DIFFICULTY_THRESHOLD)}% answered locally`);
  // A new user has asked nothing yet: the estimate says it comes from benchmark questions.
  await expect(page.getByTestId('expected-local-share-source')).toHaveText('on benchmark questions; from your own once you have asked 100');
  await expect(slider).toHaveAttribute('aria-describedby', /\bcost-quality-expected\b/);
  await expect(slider).toHaveAccessibleDescription(/Expected: \d+% answered locally/);
  // An input event alone (a drag in progress, nothing saved yet) already moves the estimate.
  await slider.evaluate((el: HTMLInputElement) => {
    el.value = '0.3';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(expected).toHaveText(`Expected: ${percent(0.3)}% answered locally`);
  await slider.fill('0.1');
  await expect(page.getByTestId('threshold-value')).toHaveText('0.10');
  await expect(expected).toHaveText(`Expected: ${percent(0.1)}% answered locally`);
});

test('Strict privacy, switched on in Settings, keeps a named person’s age local where the standard level sends it', async ({ page }) => {
  const question = 'Hello, please write a birthday card for my colleague Anna Berg, who turns 34 on Friday';
  await page.goto(server!.url);
  await chooseCloudMode(page);
  await ask(page, question);
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText('cloud');

  await page.getByTestId('open-settings').click();
  const strict = page.getByTestId('privacy-strict');
  await expect(strict).not.toBeChecked();
  await strict.check();
  const client = new BridgeClient(server!.url);
  await expect.poll(async () => (await client.call<{ settings: { privacyLevel: string } }>('app.info')).settings.privacyLevel).toBe('strict');
  await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close', exact: true }).click();

  await ask(page, question);
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText('local');
  await page.getByLabel('Show routing').check();
  await expect(lastAnswer(page).getByTestId('routing-details').locator('li[data-code="privacy"]')).toContainText("a named person's personal details");
});
