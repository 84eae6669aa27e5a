// What a user sees of the administrator's model and history policy: downloads off (each Download
// button disabled and described by the reason), only approved model files load, the mirror field
// locked to the administrator's mirror, and how long history is kept. Real headless server, real
// policy file, Chromium.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLOUD_MODEL_FILE, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import type { RunningServer } from '../support/headless-server.js';
import { expect, test, type DuetStarter, type Locator, type Page } from './duet-test.js';

async function start(duet: DuetStarter, dataDir: string, policy: Record<string, unknown>): Promise<RunningServer> {
  const file = path.join(dataDir, 'policy.json');
  writeFileSync(file, JSON.stringify(policy));
  return duet.start({ model: null, dataDir: path.join(dataDir, 'data'), env: { DUET_POLICY_FILE: file } });
}

async function describedBy(element: Locator): Promise<string[]> {
  return ((await element.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
}

async function loadFile(page: Page, file: string): Promise<void> {
  const welcome = page.getByTestId('welcome');
  await welcome.getByLabel('Model file').fill(file);
  await welcome.getByRole('button', { name: 'Load model' }).click();
}

test('downloads off and approved models only: the welcome screen says why, and the approved file on disk loads', async ({ page, duet, dataDir }) => {
  const tinySha = createHash('sha256').update(readFileSync(TINY_MODEL_FILE)).digest('hex');
  const server = await start(duet, dataDir, { allowModelDownloads: false, allowedModelHashes: [tinySha], historyRetentionDays: 30 });
  await page.goto(server.url);
  const welcome = page.getByTestId('welcome');

  // Every Download button is disabled, and read with the reason shown above the list.
  const note = welcome.getByTestId('downloads-locked');
  await expect(note).toContainText('model downloads are turned off');
  const downloads = welcome.getByRole('button', { name: /^Download / });
  await expect(downloads.first()).toBeVisible();
  for (const button of await downloads.all()) {
    await expect(button).toBeDisabled();
    expect(await describedBy(button)).toContain(await note.getAttribute('id'));
  }

  // A file that is not approved is refused with the reason; the approved one loads.
  await loadFile(page, CLOUD_MODEL_FILE);
  await expect(welcome.getByRole('alert').first()).toContainText('cloud-chat.gguf is not an approved model');
  await loadFile(page, TINY_MODEL_FILE);
  await expect(welcome).toBeHidden({ timeout: 60_000 });

  // Settings: the mirror is locked with the reason, and History says how long it is kept.
  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');
  await expect(settings.getByTestId('mirror-locked')).toContainText('model downloads are turned off');
  await expect(settings.getByRole('button', { name: 'Use Hugging Face' })).toBeDisabled();
  await expect(settings.getByTestId('history-retention')).toHaveText(
    'Your administrator keeps history for 30 days: conversations with no activity for longer are deleted, pinned ones too.',
  );
});

test('the administrator’s mirror shows in the mirror field, locked, with the reason', async ({ page, duet, dataDir }) => {
  const server = await start(duet, dataDir, { modelMirror: 'https://models.example.internal/' });
  await page.goto(server.url);
  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');
  const field = settings.getByLabel('Download mirror');
  await expect(field).toHaveValue('https://models.example.internal/');
  await expect(field).toHaveAttribute('readonly', '');
  expect(await describedBy(field)).toContain('model-mirror-locked');
  await expect(settings.getByTestId('mirror-locked')).toContainText('every model download goes through https://models.example.internal/');
  await expect(settings.getByRole('button', { name: 'Use this mirror' })).toBeDisabled();
  await expect(settings.getByTestId('history-retention')).toHaveCount(0);
});
