// The disk fills up while an answer streams into the browser: the user sees why it stopped, keeps the
// text, and a reload shows the same, never "Duet is answering…" for an answer nothing writes.
// Needs root (it mounts a 3 MB tmpfs as the data folder); elsewhere it is skipped with the reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { expect, test, type Page } from './duet-test.js';

let root: string;
let dataDir: string;
let mounted = false;
let server: RunningServer | null = null;

test.beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-disk-'));
  dataDir = path.join(root, 'data');
  mkdirSync(dataDir);
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  if (mounted) execFileSync('umount', [dataDir]);
  mounted = false;
  rmSync(root, { recursive: true, force: true });
});

const assistantMessages = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');

test('a disk that fills up mid-answer stops it with the reason, keeps its text, and a reload shows the same', async ({ page }) => {
  const reason =
    process.platform !== 'linux' || process.getuid?.() !== 0
      ? 'mounting a small disk needs root on Linux'
      : spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3M', 'tmpfs', dataDir], { encoding: 'utf8' }).status === 0
        ? null
        : 'mount failed';
  test.skip(reason !== null, `Skipped the full-disk test: ${reason}.`);
  mounted = true;

  server = await startServer({ model: BENCH_MODEL_FILE, dataDir });
  await page.goto(server.url);
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill('Tell me a long story about a lighthouse');
  await composer.press('Enter');
  // A question sent while the model loads waits for it.
  const answer = assistantMessages(page).last();
  await expect(answer).toHaveAttribute('data-status', 'streaming', { timeout: 60_000 });
  await expect(answer.getByTestId('message-content')).not.toHaveText('', { timeout: 60_000 });

  // dd ends with "No space left on device" once the disk is full.
  spawnSync('dd', ['if=/dev/zero', `of=${path.join(dataDir, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });

  await expect(answer).toHaveAttribute('data-status', 'error', { timeout: 60_000 });
  await expect(answer.getByTestId('message-error')).toContainText(/disk is full/i);
  const kept = (await answer.getByTestId('message-content').textContent())?.trim() ?? '';
  expect(kept.length).toBeGreaterThan(0);

  await page.reload();
  await page.getByTestId('conversation-item').first().click();
  const reopened = assistantMessages(page).last();
  await expect(reopened).toHaveAttribute('data-status', 'error');
  await expect(reopened.getByTestId('message-error')).toContainText(/free some space/i);
  await expect(reopened.getByTestId('message-content')).toHaveText(kept);
  await expect(page.getByText('Duet is answering…')).toHaveCount(0);
  await expect(page.getByTestId('stop-button')).toHaveCount(0);
});
