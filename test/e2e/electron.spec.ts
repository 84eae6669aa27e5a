// The desktop app end to end: Electron, the app:// window, the preload, IPC, the engine in a
// utility process and the tiny model. Runs only where an Electron binary is installed (none can be
// downloaded on the machines this project is built on); elsewhere it is skipped and says why.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuetApi } from '../../src-main/contract/api.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/**
 * Where the Electron binary is, or why there is none. Mirrors node_modules/electron/index.js
 * without calling it: that file starts a download when the binary is missing.
 */
function findElectronBinary(): { path: string } | { problem: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { problem: 'the electron package is not installed.' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return { path: path.join(override, relative ?? 'electron') };
  if (!relative) return { problem: 'node_modules/electron/path.txt is missing (the binary download never ran or failed).' };
  const binary = path.join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { problem: `${binary} does not exist.` };
}

function whyNotHere(): string | null {
  const found = findElectronBinary();
  if ('problem' in found) return `No Electron binary here: ${found.problem}`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display here for Electron: run the tests under xvfb-run (e.g. xvfb-run npx playwright test).';
  }
  return null;
}

const skipReason = whyNotHere();
if (skipReason) console.log(`electron.spec.ts skipped: ${skipReason}`);

const assistantMessages = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');

test.describe('the desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let dataDir: string;
  let app: ElectronApplication | null = null;

  test.beforeAll(() => {
    for (const built of ['dist-main/electron/main.js', 'dist-main/electron/preload.cjs', 'dist-renderer/index.html']) {
      if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run "npm run build" first.`);
    }
    if (!existsSync(TINY_MODEL_FILE)) throw new Error(`${TINY_MODEL_FILE} is missing: run "npm run fixtures" first.`);
    // better-sqlite3 for Electron's ABI (skips at once when up to date); its one-line reason is printed on failure.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'electron-native.mjs')], { cwd: ROOT, stdio: 'inherit' });
  });

  test.beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'duet-electron-e2e-'));
  });

  test.afterEach(async () => {
    await app?.close();
    app = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts the app on the test's data folder, with the tiny model unless `model` is null (the welcome screen). */
  async function launch({ model = path.resolve(TINY_MODEL_FILE) }: { model?: string | null } = {}): Promise<{ app: ElectronApplication; page: Page }> {
    // Electron as itself, not as Node (a parent shell may have set this).
    const env = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE'),
    );
    app = await electron.launch({ args: ['.', ...(model ? ['--model', model] : []), '--data', dataDir], cwd: ROOT, env });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page };
  }

  test('answers "Hello" with the local model, in a window served from app://', async () => {
    const { app, page } = await launch();
    expect(page.url()).toBe('app://duet/index.html');

    const composer = page.getByLabel('Message');
    await composer.fill('Hello');
    await composer.press('Enter');
    const answer = assistantMessages(page).last();
    await expect(answer.getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
    await expect(answer.getByTestId('route-badge')).toHaveText(/local/);

    // The model runs in a utility process named for it, not in the main process.
    const serviceNames = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().map((metric) => metric.name ?? ''));
    expect(serviceNames).toContain('Duet engine');
  });

  test('gives the page the contract and nothing else', async () => {
    const { app, page } = await launch();

    const facts = await page.evaluate(async () => {
      const duet = (window as unknown as { duet?: DuetApi }).duet;
      const info = await duet?.call('app.info', {});
      const unknown = await duet?.call('fs.readFile' as never, { path: '/etc/passwd' } as never);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScriptRan = true;';
      document.head.append(script);
      return {
        duetKeys: duet ? Object.keys(duet).sort() : null,
        requireType: typeof (globalThis as { require?: unknown }).require,
        processType: typeof (globalThis as { process?: unknown }).process,
        openedWindow: window.open('about:blank') === null ? null : 'a window',
        inlineScriptRan: (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan === true,
        dataDir: info?.ok ? (info.value as { dataDir: string }).dataDir : null,
        unknownCall: unknown?.ok === false ? unknown.error.code : 'answered',
      };
    });
    expect(facts.duetKeys).toEqual(['call', 'chooseModelFile', 'pathForFile', 'subscribe']);
    expect(facts.requireType).toBe('undefined');
    expect(facts.processType).toBe('undefined');
    expect(facts.openedWindow).toBeNull();
    expect(facts.inlineScriptRan).toBe(false);
    expect(facts.dataDir).toBe(path.resolve(dataDir));
    expect(facts.unknownCall).toBe('invalid_request');

    // Navigation away from the app is refused (http:, so nothing is handed to a browser either).
    await page.evaluate(() => {
      window.location.href = 'http://127.0.0.1:9/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://duet/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  test('Choose file… on the welcome screen opens the native dialog and loads the GGUF chosen there', async () => {
    const { app, page } = await launch({ model: null });
    // A test cannot click in the system's dialog: the main process's dialog answers as the user would.
    await app.evaluate(({ dialog }, file) => {
      dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [file] });
    }, path.resolve(TINY_MODEL_FILE));
    await page.getByRole('region', { name: 'Use a GGUF file I already have' }).getByRole('button', { name: 'Choose file…' }).click();
    await expect(page.getByTestId('welcome')).toHaveCount(0, { timeout: 60_000 });

    const composer = page.getByLabel('Message');
    await composer.fill('Hello');
    await composer.press('Enter');
    await expect(assistantMessages(page).last().getByTestId('message-content')).toHaveText(TINY_GREETING_ANSWER);
  });

  test('a second start with the same data folder hands over to the running app', async () => {
    const { app, page } = await launch();
    const found = findElectronBinary();
    if (!('path' in found)) throw new Error(found.problem);
    const args = ['.', '--model', path.resolve(TINY_MODEL_FILE), '--data', dataDir];
    if (process.platform === 'linux') args.push('--no-sandbox');
    const second = spawnSync(found.path, args, { cwd: ROOT, timeout: 30_000, encoding: 'utf8' });
    expect(second.status, `${second.stdout}${second.stderr}`).toBe(0);
    expect(app.windows()).toHaveLength(1);
    await expect(page.getByLabel('Message')).toBeVisible();
  });
});
