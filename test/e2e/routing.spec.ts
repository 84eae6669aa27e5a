import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLOUD_GREETING_ANSWER, TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { startLoopbackCloud, type LoopbackCloud } from '../support/loopback-cloud.js';

let dataDir: string;
let server: RunningServer | null = null;
let cloud: LoopbackCloud | null = null;

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-routing-'));
  cloud = await startLoopbackCloud();
  server = await startServer({
    model: TINY_MODEL_FILE,
    dataDir,
    env: { DUET_CLOUD_BASE_URL: cloud.baseUrl, DUET_CLOUD_MODEL: cloud.model, DUET_POLICY_FILE: path.join(dataDir, 'no-policy.json') },
  });
});

test.afterEach(async () => {
  await server?.stop();
  await cloud?.stop();
  server = null;
  cloud = null;
  rmSync(dataDir, { recursive: true, force: true });
});

const lastAnswer = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]').last();

async function ask(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel('Message');
  await composer.fill(text);
  await composer.press('Enter');
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
  await page.getByLabel('Routing mode').selectOption('cloud');
  await ask(page, 'Hello');
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(CLOUD_GREETING_ANSWER);
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText('cloud');
});

test('a message with an e-mail address stays local, for privacy', async ({ page }) => {
  await page.goto(server!.url);
  await page.getByLabel('Routing mode').selectOption('cloud');
  await ask(page, 'Hello, my address is jane.doe@example.com');
  await expect(lastAnswer(page).getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  await expect(lastAnswer(page).getByTestId('route-badge')).toHaveText('local');
  await page.getByLabel('Show routing').check();
  await expect(lastAnswer(page).getByTestId('routing-details').locator('li[data-code="privacy"]')).toContainText('privacy');
});

test('when the cloud goes away mid-conversation, the answer falls back to local with its badge', async ({ page }) => {
  await page.goto(server!.url);
  await page.getByLabel('Routing mode').selectOption('cloud');
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
