// "Use a GGUF file I already have": headless, a browser tab cannot open the system's file dialog, so
// the page offers the path field and no "Choose file…" button. Where the page's API has the desktop
// picker (Electron's preload), the button shows and loads the file it returns. Electron itself cannot
// run here, so that case gives the page a window.duet that speaks to the real headless core over its
// HTTP bridge, with a chooseModelFile that answers the tiny model's path as the native dialog would.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import type { RunningServer } from '../support/headless-server.js';
import { expect, expectAnswer, test, type Page } from './duet-test.js';

let server: RunningServer | null = null;

test.beforeEach(async ({ dataDir, duet }) => {
  const home = path.join(dataDir, 'home');
  mkdirSync(home, { recursive: true });
  // No model, an empty data folder, and a home of its own (no real apps' models are found).
  server = await duet.start({
    model: null,
    dataDir: path.join(dataDir, 'data'),
    env: { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share') },
  });
});

async function askAndSeeAnswer(page: Page): Promise<void> {
  const composer = page.getByLabel('Message');
  await composer.fill('Hello');
  await composer.press('Enter');
  await expectAnswer(page.locator('[data-testid="message"][data-role="assistant"]').last(), TINY_GREETING_ANSWER, { timeout: 60_000 });
}

test('headless, the welcome screen has a path field and no Choose file button; the typed path loads', async ({ page }) => {
  await page.goto(server!.url);
  const own = page.getByRole('region', { name: 'Use a GGUF file I already have' });
  await expect(own.getByLabel('Model file')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose file…' })).toHaveCount(0);

  await own.getByLabel('Model file').fill(TINY_MODEL_FILE);
  await own.getByRole('button', { name: 'Load model' }).click();
  await expect(page.getByTestId('welcome')).toHaveCount(0, { timeout: 60_000 });
  await askAndSeeAnswer(page);
});

test('with the desktop picker, Choose file… loads the file the dialog returns; a cancelled dialog changes nothing', async ({ page }) => {
  const url = new URL(server!.url);
  const token = url.searchParams.get('token')!;
  await page.addInitScript(
    ({ token, modelFile }) => {
      // The preload's shape (call, subscribe, chooseModelFile) over the bridge of the real core.
      const answers = [null, modelFile];
      const w = window as unknown as Record<string, unknown>;
      w.duet = {
        call: (channel: string, request: unknown) =>
          fetch(`/api/call/${channel}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(request ?? {}),
          }).then((response) => response.json()),
        subscribe: (listener: (event: unknown) => void) => {
          const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
          source.onmessage = (message) => listener(JSON.parse(message.data as string));
          return () => source.close();
        },
        // The first click is cancelled, the second chooses the model.
        chooseModelFile: async () => {
          w.dialogsShown = ((w.dialogsShown as number | undefined) ?? 0) + 1;
          return answers.shift() ?? null;
        },
      };
    },
    { token, modelFile: TINY_MODEL_FILE },
  );
  await page.goto(`${url.origin}/`);

  const own = page.getByRole('region', { name: 'Use a GGUF file I already have' });
  const choose = own.getByRole('button', { name: 'Choose file…' });
  await expect(choose).toBeVisible();
  await choose.click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { dialogsShown?: number }).dialogsShown)).toBe(1);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(own.getByLabel('Model file')).toHaveValue('');

  await choose.click();
  await expect(page.getByTestId('welcome')).toHaveCount(0, { timeout: 60_000 });
  await askAndSeeAnswer(page);
});
