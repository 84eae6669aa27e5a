// Playwright's `test` with what most specs set up by hand before: a data folder of the test's own,
// and headless Duets started in it that are stopped (and whose output is printed, when the test
// failed) after the test, before the folder is removed.
import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../support/headless-server.js';

export { expect, type Locator, type Page } from '@playwright/test';

/** Starts headless Duets for one test; `dataDir` defaults to the test's own folder. */
export interface DuetStarter {
  start(options: Omit<ServerOptions, 'dataDir'> & { dataDir?: string }): Promise<RunningServer>;
}

export const test = base.extend<{ dataDir: string; duet: DuetStarter }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duet-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  duet: async ({ dataDir }, use, testInfo) => {
    const started: RunningServer[] = [];
    await use({
      async start(options) {
        const server = await startServer({ ...options, dataDir: options.dataDir ?? dataDir });
        started.push(server);
        return server;
      },
    });
    const failed = testInfo.status !== testInfo.expectedStatus;
    for (const server of started) {
      if (failed) console.error(`Duet's output (${testInfo.title}):\n${server.output()}`);
      await server.stop();
    }
  },
});
