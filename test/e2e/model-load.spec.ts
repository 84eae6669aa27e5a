import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { expect, test } from './duet-test.js';

test('a failed load from the banner is explained once, and a good file loads after it', async ({ page, duet, dataDir }) => {
  const server = await duet.start({ model: null });
  await page.goto(server.url);
  const empty = path.join(dataDir, 'empty.gguf');
  writeFileSync(empty, '');

  await page.getByLabel(/model file/i).fill(empty);
  await page.getByRole('button', { name: /load model/i }).click();
  // The call's error and the model's status say the same thing: shown once, not twice.
  await expect(page.getByText(/is not a GGUF model file: it is empty/)).toHaveCount(1);

  await page.getByLabel(/model file/i).fill(TINY_MODEL_FILE);
  await page.getByRole('button', { name: /load model/i }).click();
  await expect(page.getByTestId('model-banner')).toHaveCount(0);
  const composer = page.getByLabel('Message');
  await composer.fill('Hello');
  await composer.press('Enter');
  await expect(page.locator('[data-testid="message"][data-role="assistant"]').last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
});

test('a path being typed stays when the model changes state meanwhile, and Load loads what was typed', async ({ page, context, duet, dataDir }) => {
  const server = await duet.start({ model: null });
  await page.goto(server.url);
  const empty = path.join(dataDir, 'other.gguf');
  writeFileSync(empty, '');
  await page.getByLabel(/model file/i).fill(TINY_MODEL_FILE);

  // Another tab tries a file that fails: every open tab hears of the model's new state.
  const other = await context.newPage();
  await other.goto(server.url);
  await other.getByLabel(/model file/i).fill(empty);
  await other.getByRole('button', { name: /load model/i }).click();
  await expect(page.getByTestId('model-error')).toContainText('other.gguf');

  await expect(page.getByLabel(/model file/i)).toHaveValue(TINY_MODEL_FILE);
  await page.getByRole('button', { name: /load model/i }).click();
  await expect(page.getByTestId('welcome')).toBeHidden();
});
