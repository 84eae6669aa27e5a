// The model library in the browser: switching the active model while an answer streams (the answer
// stops and is kept, the next one comes from the new model in the same conversation), and removing
// a downloaded model with a confirmation, while models other apps left on disk are never offered
// for removal; and a download cut short by a restart offers "Resume (x of y)" on the welcome screen.
import { ask, expect, type Page, test } from './duet-test.js';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeTruncatedModel, writeUnloadableGguf } from '../fixtures/bad-models.js';
import { BENCH_MODEL_FILE, TINY_GREETING_ANSWER, TINY_MODEL_FILE, UNSURE_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { encodeGguf, gguf } from '../fixtures/gguf-writer.js';
import { buildTinyModel } from '../fixtures/tiny-model.js';
import { buildFakeApps } from '../support/fake-model-apps.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { startModelMirror, type ModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
let server: RunningServer | null = null;
let mirror: ModelMirror | null = null;

test.beforeEach(() => {
  temp = makeTempDir('e2e-library');
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  await mirror?.close();
  mirror = null;
  temp.remove();
});

const dataDir = (): string => path.join(temp.dir, 'data');
const home = (): string => path.join(temp.dir, 'home');

/** Puts a copy of a fixture model in the data folder's models/ folder, where Duet's downloads go. */
function download(fixture: string, name: string): string {
  const folder = path.join(dataDir(), 'models');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  copyFileSync(fixture, file);
  return file;
}

/** A server with `model` loaded (or none) and a home of its own (only the fake apps' models are found there). */
async function start(model: string | null, args: string[] = []): Promise<RunningServer> {
  mkdirSync(home(), { recursive: true });
  return startServer({
    model,
    dataDir: dataDir(),
    args,
    env: { HOME: home(), XDG_CONFIG_HOME: path.join(home(), '.config'), XDG_DATA_HOME: path.join(home(), '.local/share') },
  });
}

const answers = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');
const libraryItem = (page: Page, file: string) => page.getByTestId('library-dialog').getByTestId('library-model').filter({ hasText: file });

test('switches the model while an answer streams: it stops and is kept, and the next answer comes from the new model', async ({ page }) => {
  const second = download(TINY_MODEL_FILE, 'second-model.gguf');
  // The benchmark model answers slowly (random weights, a long answer): it is still streaming when the user switches.
  server = await start(BENCH_MODEL_FILE);
  await page.goto(server.url);
  await page.getByLabel('Show routing').check();

  await ask(page, 'Tell me a long story about a lighthouse');
  const first = answers(page).last();
  await expect(first).toHaveAttribute('data-status', 'streaming', { timeout: 60_000 });
  await expect(first.getByTestId('message-content')).not.toHaveText('', { timeout: 60_000 });

  await page.getByRole('button', { name: /^Models: duet-bench-q8/ }).click();
  const dialog = page.getByTestId('library-dialog');
  await expect(page.getByRole('dialog', { name: 'Models' })).toBeVisible();
  // The active model lives outside Duet's folder: marked active, used in place, not removable.
  const bench = libraryItem(page, BENCH_MODEL_FILE);
  await expect(bench.getByTestId('active-badge')).toHaveText('Active');
  await expect(bench).toContainText('Used in place; Duet never deletes it.');
  await expect(bench.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  // The downloaded one shows what its header says and where it lives.
  const next = libraryItem(page, second);
  await expect(next.getByTestId('library-facts')).toContainText('llama');
  await expect(next.getByTestId('library-path')).toHaveText(second);
  await expect(next.getByTestId('active-badge')).toHaveCount(0);

  await next.getByRole('button', { name: /^Use this model: duet-tiny-chat \(second-model\.gguf\)$/ }).click();
  await expect(next.getByTestId('active-badge')).toBeVisible({ timeout: 60_000 });
  await expect(bench.getByTestId('active-badge')).toHaveCount(0);
  await expect(page.getByTestId('model-status')).toContainText('duet-tiny-chat');
  await expect(page.getByTestId('library-switch-error')).toHaveCount(0);
  // How the active model runs is shown with it.
  await expect(next.getByTestId('model-backend')).not.toBeEmpty();
  await expect(next.getByTestId('model-context')).toContainText('tokens');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The answer in progress was stopped cleanly, its text kept.
  await expect(first).toHaveAttribute('data-status', 'stopped');
  await expect(first.getByTestId('message-note')).toHaveText('stopped');
  await expect(first.getByTestId('message-content')).not.toHaveText('');

  // The same conversation goes on with the new model.
  await ask(page, 'Hello');
  await expect(answers(page)).toHaveCount(2);
  const again = answers(page).last();
  await expect(again.getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER, { timeout: 60_000 });
  await expect(again.getByTestId('routing-details')).toContainText('duet-tiny-chat');
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
});

test('removes a downloaded model only after confirmation; models found on disk offer no Remove', async ({ page }) => {
  const active = download(TINY_MODEL_FILE, 'active-model.gguf');
  const spare = download(UNSURE_MODEL_FILE, 'spare-model.gguf');
  const apps = buildFakeApps(home());
  const unloadable = writeUnloadableGguf(path.join(dataDir(), 'models'));
  const truncated = writeTruncatedModel(path.join(dataDir(), 'models'));
  server = await start(active);
  await page.goto(server.url);

  await page.getByRole('button', { name: /^Models: duet-tiny-chat/ }).click();
  const dialog = page.getByTestId('library-dialog');
  const spareItem = libraryItem(page, spare);
  await expect(spareItem).toContainText('duet-unsure-chat');

  // A file that cannot be used says why instead of offering Use; it can still be removed.
  const broken = libraryItem(page, truncated);
  await expect(broken.getByTestId('library-problem')).toContainText('Cannot be used');
  await expect(broken.getByRole('button', { name: /^Use this model/ })).toHaveCount(0);
  await expect(broken.getByRole('button', { name: /^Remove/ })).toBeVisible();

  // A load that fails says why in the dialog, and the model that worked stays active.
  await libraryItem(page, unloadable)
    .getByRole('button', { name: /^Use this model/ })
    .click();
  await expect(dialog.getByTestId('library-switch-error')).toContainText(/Could not load .*unknown-architecture\.gguf/, { timeout: 60_000 });
  await expect(libraryItem(page, active).getByTestId('active-badge')).toBeVisible();
  await expect(page.getByTestId('model-status')).toContainText('duet-tiny-chat');

  // Cancelling the confirmation keeps the file.
  await spareItem.getByRole('button', { name: /^Remove duet-unsure-chat \(spare-model\.gguf\)/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove “spare-model.gguf”?' });
  await expect(confirm).toContainText(spare);
  const sizeText = `frees ${(statSync(spare).size / 1e6).toFixed(1)} MB`;
  await expect(confirm).toContainText(sizeText);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(spareItem).toBeVisible();
  expect(existsSync(spare)).toBe(true);

  // Confirmed, the file goes and the list no longer shows it.
  await spareItem.getByRole('button', { name: /^Remove duet-unsure-chat/ }).click();
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(spareItem).toHaveCount(0);
  expect(existsSync(spare)).toBe(false);
  await expect(libraryItem(page, active)).toBeVisible();

  // A model LM Studio downloaded is listed to use in place, never to remove.
  const found = dialog.getByRole('region', { name: 'Found on this computer' });
  const lmStudio = found.getByTestId('library-model').filter({ hasText: apps.lmStudio });
  await expect(lmStudio).toContainText('LM Studio');
  await expect(lmStudio).toContainText('Used in place; Duet never deletes it.');
  await expect(lmStudio.getByRole('button', { name: /^Use this model/ })).toBeVisible();
  await expect(found.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  // More models come from the catalog, right here.
  await dialog.getByRole('button', { name: 'Get more models' }).click();
  await expect(dialog.getByTestId('catalog-item').first()).toBeVisible({ timeout: 60_000 });
  expect(await dialog.getByTestId('catalog-item').count()).toBeGreaterThanOrEqual(6);

  // Removing the active model leaves none: the welcome screen offers the next one.
  await libraryItem(page, active)
    .getByRole('button', { name: /^Remove/ })
    .click();
  await expect(page.getByRole('alertdialog')).toContainText('It is the active model');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(existsSync(active)).toBe(false);
});

test('a download cut short by a restart of Duet offers to resume from what arrived, and finishes the file', async ({ page }) => {
  // Two starts of Duet, each checking the catalog's fit against the mirror before the buttons show.
  test.slow();
  // The tiny model made larger than the downloader's 5 MiB progress chunks (so that what arrived is on record) by a long description.
  const { metadata, tensors } = buildTinyModel();
  const bytes = encodeGguf({ ...metadata, 'general.description': gguf.string('padding '.repeat(3 * 1024 * 1024)) }, tensors);
  mirror = await startModelMirror([{ repoPath: 'Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf', bytes }]);
  server = await start(null, ['--model-mirror', mirror.url]);
  await page.goto(server.url);

  const qwen = page.getByTestId('catalog-item').filter({ has: page.getByRole('heading', { name: /Qwen 2\.5 0\.5B/ }) });
  const download = qwen.getByRole('button', { name: /^Download Qwen 2\.5 0\.5B/ });
  // Once the fit is known (it reads the file's header), a slow line, so that Duet quits with part of the file there.
  await expect(download).toBeVisible({ timeout: 60_000 });
  mirror.fault = { kind: 'slow', pieceBytes: 32 * 1024, everyMs: 20 };
  await download.click();
  await expect(qwen.getByRole('progressbar')).toBeVisible();
  // The downloader keeps the first chunks in memory: wait until part of the file is on disk.
  const partial = path.join(dataDir(), 'models', '.partial', 'qwen2.5-0.5b-instruct-q4_k_m.gguf.ipull');
  await expect.poll(() => existsSync(partial), { timeout: 60_000, intervals: [100] }).toBe(true);

  // Duet quits mid-download and starts again; the line is good again.
  await server.stop();
  mirror.fault = { kind: 'none' };
  server = await start(null, ['--model-mirror', mirror.url]);
  await page.goto(server.url);
  const resume = qwen.getByRole('button', { name: /^Resume \((\d+\.\d) MB of \d+ MB\) Qwen 2\.5 0\.5B/ });
  await expect(resume).toBeVisible({ timeout: 60_000 });
  const label = (await resume.textContent()) ?? '';
  expect(parseFloat(/\(([\d.]+) MB/.exec(label)![1]!)).toBeGreaterThanOrEqual(5);

  mirror.requests.length = 0;
  await resume.click();
  // Finished, verified and loaded: the chat answers with it.
  await expect(page.getByTestId('welcome')).toHaveCount(0, { timeout: 60_000 });
  const file = path.join(dataDir(), 'models', 'qwen2.5-0.5b-instruct-q4_k_m.gguf');
  expect(statSync(file).size).toBe(bytes.length);
  // It went on from what had arrived rather than from the first byte.
  expect(mirror.requests.some((request) => request.range !== null && !/^bytes=0-/.test(request.range))).toBe(true);
  await ask(page, 'Hello');
  await expect(answers(page).last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
});
