// `npm run serve -- --model <catalog id> --model-mirror URL`: Duet starts, downloads the model from
// the mirror with a progress bar on the terminal, loads it and answers; a failed download is
// explained on the terminal and Duet keeps running.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelStatus } from '../../src-main/contract/index.js';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { mirrorFile, startModelMirror, type ModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

const QWEN_PATH = 'Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf';
const temp = makeTempDir('serve-download');
const servers: RunningServer[] = [];
let mirror: ModelMirror | null = null;

afterAll(async () => {
  for (const server of servers) await server.stop();
  await mirror?.close();
  temp.remove();
});

describe('serve --model <catalog id>', () => {
  it('downloads from the mirror with a terminal progress bar, then loads the model', async () => {
    mirror = await startModelMirror([mirrorFile(QWEN_PATH, TINY_MODEL_FILE)]);
    const server = await startServer({ model: 'qwen2.5-0.5b-instruct', dataDir: `${temp.dir}/data-1`, args: ['--model-mirror', mirror.url] });
    servers.push(server);
    await server.waitForOutput(/Downloaded qwen2\.5-0\.5b-instruct to .*qwen2\.5-0\.5b-instruct-q4_k_m\.gguf/, 30_000);
    expect(server.output()).toMatch(/\[#+-*\]\s+\d+%\s+[\d.]+ MB \/ 0\.3 MB/);
    const client = new BridgeClient(server.url);
    await expect
      .poll(async () => ((await client.result('app.info')) as { ok: true; value: { model: ModelStatus } }).value.model.state, { timeout: 30_000 })
      .toBe('ready');
  });

  it('explains a failed download on the terminal and keeps running', async () => {
    mirror!.fault = { kind: 'status', status: 404 };
    const server = await startServer({ model: 'qwen2.5-0.5b-instruct', dataDir: `${temp.dir}/data-2`, args: ['--model-mirror', mirror!.url] });
    servers.push(server);
    await server.waitForOutput(/Duet could not download qwen2\.5-0\.5b-instruct: The model server 127\.0\.0\.1:\d+ has no file/, 30_000);
    expect((await new BridgeClient(server.url).result('app.info')).ok).toBe(true);
  });

  it('survives a disk that fills up mid-download, says so, and keeps running', async (context) => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      console.log('Skipped the disk-fills-up serve test: mounting a small disk needs root on Linux.');
      return context.skip();
    }
    const small = `${temp.dir}/small`;
    mkdirSync(small);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', small]).status !== 0) return context.skip();
    try {
      // A crawling download, so the disk can fill while it runs.
      mirror!.fault = { kind: 'slow', pieceBytes: 8 * 1024, everyMs: 100 };
      const server = await startServer({ model: 'qwen2.5-0.5b-instruct', dataDir: `${small}/data`, args: ['--model-mirror', mirror!.url] });
      servers.push(server);
      await server.waitForOutput(/\[#*-*\]\s+\d+%/, 30_000);
      // Another program takes the rest of the disk.
      spawnSync('sh', ['-c', `dd if=/dev/zero of=${small}/filler bs=64k 2>/dev/null`]);
      await server.waitForOutput(/Duet could not download qwen2\.5-0\.5b-instruct: .*disk/i, 60_000);
      expect(server.process.exitCode).toBeNull();
      expect((await new BridgeClient(server.url).result('app.info')).ok).toBe(true);
      await server.stop();
    } finally {
      spawnSync('umount', ['-l', small]);
    }
  });
});
