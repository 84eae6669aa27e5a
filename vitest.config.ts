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
  },
});
