import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, no model loads, no engine; `npm run test:unit`, seconds) and
// `integration` (real llama.cpp workers on the generated GGUF fixtures; `npm run test:integration`).
// `vitest run` with no --project runs both.
export default defineConfig({
  test: {
    environment: 'node',
    // node-llama-cpp's downloader (ipull) saves its progress with `void this._saveProgress()`: when a
    // test fills the disk mid-download that promise rejects with nobody to catch it. The download
    // itself fails with "the disk filled up" (asserted), and Duet's processes log such strays instead of
    // exiting (core/stray-rejections.ts, tested in serve-download.test.ts). Only that one is ignored.
    // Vitest reads this option from the root config only, so it stays here rather than in `integration`.
    onUnhandledError: (error) => !(isEnospc(error) && (error.stack ?? '').includes('ipull')),
    projects: [
      {
        extends: true,
        // The renderer's state classes use runes (`.svelte.ts`): the Svelte compiler turns them into
        // code, compiled for the browser as the app ships it (the default here would be the SSR build).
        plugins: [svelte({ configFile: false, dynamicCompileOptions: () => ({ generate: 'client' }) })],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Worker threads start faster than forked processes: about 20% off the whole project, which
          // must stay under 30 s. Nothing here needs a process of its own (the engine is integration's).
          pool: 'threads',
          // The files are pure code and leave no state behind them, so each thread keeps its modules
          // between files: the rule sets and weights are read once per thread, not once per file
          // (58 s → 21 s on 2 cores, most of it was importing).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The engine tests need the tiny GGUF models on disk before any test file runs.
          globalSetup: ['test/fixtures/global-setup.ts'],
          // Engine tests spawn llama.cpp workers; on 2 cores, one file at a time keeps them honest.
          fileParallelism: false,
        },
      },
    ],
  },
});

function isEnospc(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOSPC';
}
