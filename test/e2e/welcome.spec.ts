// First run in the browser: with no model, the welcome screen offers the catalog (with fit badges),
// downloads from the loopback mirror with a moving progress bar and chats with the result, explains
// a failed download with a Retry, and uses a model LM Studio left on disk where it lies.
import { ask, expect, type Page, test } from './duet-test.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { buildFakeApps } from '../support/fake-model-apps.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { mirrorFile, startModelMirror, type ModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

const QWEN_PATH = 'Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf';
const QWEN_NAME = /Qwen 2\.5 0\.5B/;

let temp: ReturnType<typeof makeTempDir>;
let server: RunningServer | null = null;
let mirror: ModelMirror | null = null;

test.beforeEach(async () => {
  temp = makeTempDir('e2e-welcome');
  mirror = await startModelMirror([mirrorFile(QWEN_PATH, TINY_MODEL_FILE)]);
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  await mirror?.close();
  mirror = null;
  temp.remove();
});

/** A server with an empty data folder, no model, the mirror as its hub, and a home of its own (no real apps' models). */
async function startFresh(): Promise<RunningServer> {
  const home = path.join(temp.dir, 'home');
  mkdirSync(home, { recursive: true });
  return startServer({
    model: null,
    dataDir: path.join(temp.dir, 'data'),
    args: ['--model-mirror', mirror!.url],
    env: { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share') },
  });
}

const lastAnswer = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]').last().getByTestId('message-content');
const qwenItem = (page: Page) => page.getByTestId('catalog-item').filter({ has: page.getByRole('heading', { name: QWEN_NAME }) });

test('downloads a recommended model from the welcome screen and chats with it, no path typed', async ({ page }) => {
  server = await startFresh();
  await page.goto(server.url);

  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('heading', { name: 'Recommended for this computer' })).toBeVisible();
  await expect(page.getByTestId('catalog-item').first()).toBeVisible();
  expect(await page.getByTestId('catalog-item').count()).toBeGreaterThanOrEqual(6);
  // The fit comes from the file's header on the mirror.
  await expect(qwenItem(page).getByTestId('fit-badge')).toHaveText('Fits');
  await expect(qwenItem(page).getByTestId('fit-detail')).toContainText(/context \d+K? tokens/);
  await expect(qwenItem(page)).toContainText('Apache');

  // A slow line, so the bar is seen moving.
  mirror!.fault = { kind: 'slow', pieceBytes: 8 * 1024, everyMs: 100 };
  await qwenItem(page)
    .getByRole('button', { name: /^Download Qwen 2\.5 0\.5B/ })
    .click();
  const bar = qwenItem(page).getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect(qwenItem(page).getByTestId('download-bytes')).toContainText(/of 0\.\d MB/);
  const valueNow = async (): Promise<number> => Number((await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null)) ?? -1);
  await expect.poll(valueNow, { intervals: [50] }).toBeGreaterThan(0);
  const first = await valueNow();
  await expect.poll(valueNow, { intervals: [50] }).toBeGreaterThan(first);

  // Verified, loaded, and the chat is ready: the welcome screen makes way.
  await expect(welcome).toHaveCount(0, { timeout: 60_000 });
  await ask(page, 'Hello');
  await expect(lastAnswer(page)).toHaveText(TINY_GREETING_ANSWER);
});

test('a failed download names the cause and offers a Retry that then succeeds', async ({ page }) => {
  server = await startFresh();
  await page.goto(server.url);
  await expect(qwenItem(page).getByTestId('fit-badge')).toHaveText('Fits');

  // The core asks the mirror before its downloader starts, and answers the click with the failure.
  mirror!.fault = { kind: 'status', status: 404 };
  await qwenItem(page)
    .getByRole('button', { name: /^Download Qwen 2\.5 0\.5B/ })
    .click();
  await expect(qwenItem(page).getByTestId('download-error')).toContainText(/has no file/);
  await expect(qwenItem(page).getByRole('progressbar')).toHaveCount(0);

  mirror!.fault = { kind: 'none' };
  await qwenItem(page)
    .getByRole('button', { name: /^Retry Qwen 2\.5 0\.5B/ })
    .click();
  await expect(page.getByTestId('welcome')).toHaveCount(0, { timeout: 60_000 });
  await ask(page, 'Hello');
  await expect(lastAnswer(page)).toHaveText(TINY_GREETING_ANSWER);
});

test('when no fit can be checked (the model server is down), the reason is said once, not on every model', async ({ page }) => {
  mirror!.fault = { kind: 'status', status: 500 };
  server = await startFresh();
  await page.goto(server.url);

  await expect(page.getByTestId('fit-unchecked')).toHaveText(/^Could not check which models fit this computer: .*HTTP 500/);
  await expect(qwenItem(page).getByTestId('fit-badge')).toHaveText('Fit unknown');
  await expect(qwenItem(page).getByTestId('fit-detail')).toHaveText('Fit not checked (see above)');
  // Downloading is still offered: the fit is advice, not a gate.
  await expect(qwenItem(page).getByRole('button', { name: /^Download Qwen 2\.5 0\.5B/ })).toBeEnabled();
});

test('a download can be cancelled: the bar goes and the model can be downloaded again', async ({ page }) => {
  server = await startFresh();
  await page.goto(server.url);
  await expect(qwenItem(page).getByTestId('fit-badge')).toHaveText('Fits');

  // A crawling line, so the download is still running when Cancel is pressed.
  mirror!.fault = { kind: 'slow', pieceBytes: 1024, everyMs: 200 };
  await qwenItem(page)
    .getByRole('button', { name: /^Download Qwen 2\.5 0\.5B/ })
    .click();
  await expect(qwenItem(page).getByRole('progressbar')).toBeVisible();
  await qwenItem(page)
    .getByRole('button', { name: /^Cancel the download of Qwen 2\.5 0\.5B/ })
    .click();
  await expect(qwenItem(page).getByRole('progressbar')).toHaveCount(0);
  await expect(qwenItem(page).getByRole('button', { name: /^Download Qwen 2\.5 0\.5B/ })).toBeEnabled();
  await expect(qwenItem(page).getByTestId('download-error')).toHaveCount(0);
  // Nothing was loaded: the welcome screen stays.
  await expect(page.getByTestId('welcome')).toBeVisible();
});

test('a model LM Studio downloaded is found and used in place', async ({ page }) => {
  const apps = buildFakeApps(path.join(temp.dir, 'home'));
  server = await startFresh();
  await page.goto(server.url);

  const found = page.getByRole('region', { name: 'Found on this computer' });
  const lmStudio = found.getByTestId('found-model').filter({ hasText: apps.lmStudio });
  await expect(lmStudio).toContainText('LM Studio');
  // Broken files and projectors beside it are not offered.
  await expect(found.getByTestId('found-model').filter({ hasText: /mmproj|Broken|absurd|huge-key/ })).toHaveCount(0);
  await lmStudio.getByRole('button', { name: /^Use .* from LM Studio$/ }).click();

  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await ask(page, 'Hello');
  await expect(lastAnswer(page)).toHaveText(TINY_GREETING_ANSWER);
});
