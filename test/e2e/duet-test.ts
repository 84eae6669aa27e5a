// Playwright's `test` with what most specs set up by hand before: a data folder of the test's own,
// and headless Duets started in it that are stopped after the test, before the folder is removed.
// When a test fails, the output of every Duet it started and what the page logged (console,
// uncaught errors, failed requests) are printed: a flake seen once in CI must say why.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serversStarted, startServer, type RunningServer, type ServerOptions } from '../support/headless-server.js';

export { expect, type Locator, type Page } from '@playwright/test';

/** Starts headless Duets for one test; `dataDir` defaults to the test's own folder. */
export interface DuetStarter {
  start(options: Omit<ServerOptions, 'dataDir'> & { dataDir?: string }): Promise<RunningServer>;
}

/** Milliseconds since the test began, to line the page's log up with Duet's output. */
function since(start: number): string {
  return `+${((Date.now() - start) / 1000).toFixed(2)}s`;
}

export const test = base.extend<{ dataDir: string; duet: DuetStarter; serverOutput: void }>({
  // Every spec gets it: a failed test prints the output of each Duet it started, however it started it.
  serverOutput: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, use, testInfo) => {
      const before = serversStarted().length;
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      for (const server of serversStarted().slice(before)) console.error(`Duet's output (${testInfo.title}):\n${server.output()}`);
    },
    { auto: true },
  ],
  page: async ({ page }, use, testInfo) => {
    const start = Date.now();
    const log: string[] = [];
    page.on('console', (message) => log.push(`${since(start)} console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => log.push(`${since(start)} pageerror: ${error.stack ?? error.message}`));
    page.on('requestfailed', (request) => log.push(`${since(start)} requestfailed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && log.length > 0) console.error(`The page's log (${testInfo.title}):\n${log.join('\n')}`);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  duet: async ({ dataDir }, use) => {
    const started: RunningServer[] = [];
    await use({
      async start(options) {
        const server = await startServer({ ...options, dataDir: options.dataDir ?? dataDir });
        started.push(server);
        return server;
      },
    });
    // The serverOutput fixture prints what they said if the test failed.
    for (const server of started) await server.stop();
  },
});

/**
 * Waits for `message` (a `data-testid="message"` element) to end complete with `text`. A failure
 * says how it ended instead (still streaming, stopped, or an error and its words), not only that the
 * text was not there.
 */
export async function expectAnswer(message: Locator, text: string, options: { timeout?: number } = {}): Promise<void> {
  const ending = (): Promise<{ status: string | undefined; content: string; error: string | null }> =>
    message.evaluate((element: HTMLElement) => ({
      status: element.dataset.status,
      content: element.querySelector('[data-testid="message-content"]')?.textContent?.trim() ?? '',
      error: element.querySelector('[data-testid="message-error"]')?.textContent?.trim() ?? null,
    }));
  await expect.poll(ending, { timeout: options.timeout ?? 20_000 }).toEqual({ status: 'complete', content: text, error: null });
}

/**
 * Types `text` into the composer and sends it with Enter, as a user does once the button says Send
 * again: while an answer is still streaming (its text may all be shown before it is complete), Enter
 * sends nothing.
 */
export async function ask(page: Page, text: string): Promise<void> {
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill(text);
  await expect(page.getByTestId('send-button')).toBeEnabled();
  await composer.press('Enter');
}
