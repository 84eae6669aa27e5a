// What a user sees of the administrator's cloud policy in Settings: locked controls with their
// reason (visible and described to screen readers), the allowed endpoints, the monthly spend against
// the cap, and a policy that could not be read. Real headless server, real policy file, Chromium.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningServer } from '../support/headless-server.js';
import { expect, test, type DuetStarter, type Locator } from './duet-test.js';

/** Starts Duet with `policy` as its managed policy file's text, and a cloud endpoint saved at `cloudUrl`. */
async function start(duet: DuetStarter, dataDir: string, policy: string, cloudUrl: string): Promise<RunningServer> {
  const file = path.join(dataDir, 'policy.json');
  writeFileSync(file, policy);
  return duet.start({ model: null, env: { DUET_POLICY_FILE: file }, args: ['--cloud-url', cloudUrl, '--cloud-model', 'gpt-4o-mini'] });
}

/** The ids an element's aria-describedby names. */
async function describedBy(element: Locator): Promise<string[]> {
  return ((await element.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
}

test('the administrator’s endpoint list, privacy level and monthly cap show where the user would change them', async ({ page, duet, dataDir }) => {
  // The saved endpoint (127.0.0.1:9, where nothing listens) predates the list: it must be shown as not used.
  const server = await start(
    duet,
    dataDir,
    JSON.stringify({ allowedCloudEndpoints: ['https://api.openai.com'], privacyLevel: 'strict', monthlyCloudSpendCapUsd: 5 }),
    'http://127.0.0.1:9/v1',
  );
  await page.goto(server.url);
  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');

  // Strict privacy: on, locked, and the reason is both visible and read with the switch.
  const strict = settings.getByTestId('privacy-strict');
  await expect(strict).toBeChecked();
  await expect(strict).toBeDisabled();
  await expect(settings.getByTestId('privacy-strict-lock')).toContainText('Set by your administrator');
  expect(await describedBy(strict)).toContain('privacy-strict-lock');

  // The cloud form: the allowed endpoints (described on the URL field), why the saved one is not used, spend vs cap.
  await expect(settings.getByTestId('policy-endpoints')).toContainText('https://api.openai.com');
  expect(await describedBy(settings.getByLabel('Endpoint URL'))).toContain('cloud-policy-endpoints');
  await expect(settings.getByTestId('policy-blocked')).toContainText('http://127.0.0.1:9');
  await expect(settings.getByTestId('policy-budget')).toContainText('$0.00');
  await expect(settings.getByTestId('policy-budget')).toContainText('$5.00');
  await expect(settings.getByTestId('cloud-status')).toHaveCount(0);

  // Saving an endpoint off the list is refused, naming the allowed one; one on it is taken.
  await settings.getByLabel('Provider').selectOption('custom');
  await settings.getByLabel('Endpoint URL').fill('https://elsewhere.example.org/v1');
  await settings.getByRole('textbox', { name: 'Model' }).fill('gpt-4o-mini');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByTestId('cloud-error')).toContainText('https://api.openai.com');
  await settings.getByLabel('Endpoint URL').fill('https://api.openai.com/v1');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByTestId('cloud-error')).toHaveCount(0);
  await expect(settings.getByTestId('policy-blocked')).toHaveCount(0);
});

test('a policy that could not be read says so in Settings → Routing and on the locked cloud form', async ({ page, duet, dataDir }) => {
  const server = await start(duet, dataDir, '{ "allowCloud": tru', 'https://api.openai.com/v1');
  await page.goto(server.url);
  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');

  const routing = settings.locator('section[aria-labelledby="routing-title"]');
  await expect(routing.getByTestId('policy-problem')).toContainText('policy.json');
  const cloudForm = settings.locator('section[aria-labelledby="cloud-title"]');
  await expect(cloudForm.getByTestId('policy-problem')).toContainText('policy.json');
  // Every field is disabled by the form's fieldset, which names the lock and the problem to screen readers.
  await expect(cloudForm.getByLabel('Endpoint URL')).toBeDisabled();
  await expect(cloudForm.getByRole('button', { name: 'Save' })).toBeDisabled();
  expect(await describedBy(cloudForm.locator('fieldset'))).toEqual(['cloud-locked', 'cloud-policy-problem']);
});
