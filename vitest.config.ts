import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/fixtures/global-setup.ts'],
    // Engine tests spawn llama.cpp workers; on 2 cores, one file at a time keeps them honest.
    fileParallelism: false,
    // node-llama-cpp's downloader (ipull) saves its progress with `void this._saveProgress()`: when a
    // test fills the disk mid-download that promise rejects with nobody to catch it. The download
    // itself fails with "the disk filled up" (asserted), and Duet's processes log such strays instead of
    // exiting (core/stray-rejections.ts, tested in serve-download.test.ts). Only that one is ignored.
    onUnhandledError: (error) => !(isEnospc(error) && (error.stack ?? '').includes('ipull')),
  },
});

function isEnospc(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOSPC';
}
