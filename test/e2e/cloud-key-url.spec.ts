import path from 'node:path';
import { BridgeClient } from '../support/bridge-client.js';
import { expect, test } from './duet-test.js';

const KEY = 'sk-live-PastedIntoTheUrl77';

test('a key pasted into the cloud URL is moved to the key field and never saved with the URL', async ({ page, duet, dataDir }) => {
  const server = await duet.start({ model: null, env: { DUET_POLICY_FILE: path.join(dataDir, 'no-policy.json') } });
  await page.goto(server.url);
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

  const info = await new BridgeClient(server.url).call<unknown>('app.info');
  expect(JSON.stringify(info)).not.toContain(KEY);
  expect(server.output()).not.toContain(KEY);
});
