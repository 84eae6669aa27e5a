import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BridgeClient } from '../support/bridge-client.js';
import { startServer, type RunningServer } from '../support/headless-server.js';

const KEY = 'sk-live-PastedIntoTheUrl77';
let dataDir: string;
let server: RunningServer | null = null;

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-cloud-key-'));
  server = await startServer({ model: null, dataDir, env: { DUET_POLICY_FILE: path.join(dataDir, 'no-policy.json') } });
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

test('a key pasted into the cloud URL is moved to the key field and never saved with the URL', async ({ page }) => {
  await page.goto(server!.url);
  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');
  await settings.getByLabel('Provider').selectOption('custom');
  await settings.getByLabel('Endpoint URL').fill(`https://me:${KEY}@api.example.com/v1`);
  await settings.getByRole('textbox', { name: 'Model' }).fill('gpt-4o-mini');
  await settings.getByRole('button', { name: 'Save' }).click();

  await expect(settings.getByTestId('key-moved')).toBeVisible();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('https://api.example.com/v1');
  await expect(settings.getByLabel('API key')).toHaveValue(KEY);
  // Headless Duet never stores keys: it says where the key goes instead.
  await expect(settings.getByTestId('cloud-error')).toContainText('DUET_CLOUD_API_KEY');

  const info = await new BridgeClient(server!.url).call<unknown>('app.info');
  expect(JSON.stringify(info)).not.toContain(KEY);
  expect(server!.output()).not.toContain(KEY);
});
