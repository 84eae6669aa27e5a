// Downloads from a real HTTP mirror on 127.0.0.1 through node-llama-cpp's downloader: progress,
// resume after a dropped connection and after a restart, and each fault's message, never leaving a
// file where models are looked for unless its SHA-256 matched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogEntry, DownloadState } from '../../src-main/contract/index.js';
import { DownloadManager } from '../../src-main/models/download-manager.js';
import { SERVER_ERROR_RETRIES } from '../../src-main/models/download-probe.js';
import { TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { encodeGguf } from '../fixtures/gguf-writer.js';
import { buildTinyModel } from '../fixtures/tiny-model.js';
import { mirrorFile, sha256Of, startModelMirror, type ModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

const TINY = readFileSync(TINY_MODEL_FILE);
const REPO_FILE = 'duet-test/Tiny-Chat-GGUF/tiny-chat-Q8_0.gguf';
/**
 * The downloader (ipull) keeps progress in 5 MiB chunks, so resuming shows only on a larger file: the
 * tiny model's header and tensors plus a 12 MiB tensor of random values (a real GGUF file, not loadable).
 */
function largeGguf(): Buffer {
  const { metadata, tensors } = buildTinyModel();
  const values = new Float32Array(3 * 1024 * 1024).map(() => Math.random());
  return encodeGguf(metadata, [...tensors, { name: 'duet.padding', dims: [values.length], type: 'F32', data: new Uint8Array(values.buffer) }]);
}
const LARGE = largeGguf();

/** A catalog entry for the tiny fixture model as the mirror serves it. */
function tinyEntry(overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id: 'tiny-chat',
    name: 'Tiny Chat',
    uri: `hf:${REPO_FILE}`,
    fileName: 'tiny-chat-Q8_0.gguf',
    sizeBytes: TINY.length,
    quantization: 'Q8_0',
    parameters: '0.1M',
    contextLength: 256,
    languages: ['en'],
    license: 'MIT',
    sha256: sha256Of(TINY),
    description: '',
    ...overrides,
  };
}

let mirror: ModelMirror | null = null;
let temp: ReturnType<typeof makeTempDir> | null = null;
const managers: DownloadManager[] = [];

afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.close();
  await mirror?.close();
  mirror = null;
  temp?.remove();
  temp = null;
});

async function setUp(entry = tinyEntry(), options: { published?: string | null; stallMs?: number; recheckMs?: number; bytes?: Buffer } = {}) {
  const bytes = options.bytes ?? TINY;
  mirror = await startModelMirror([{ ...mirrorFile(REPO_FILE, TINY_MODEL_FILE), bytes, publishedSha256: options.published }]);
  temp = makeTempDir('download');
  const modelsDir = path.join(temp.dir, 'models');
  const events: DownloadState[] = [];
  const make = (hub: string | null = mirror!.url) => {
    const manager = new DownloadManager({
      modelsDir,
      catalog: () => [entry],
      hub: () => hub,
      // Long enough that a busy 2-core machine never looks like a stalled server; the stall test sets its own.
      stallMs: options.stallMs ?? 10_000,
      ...(options.recheckMs ? { recheckMs: options.recheckMs } : {}),
      onChange: (s) => events.push(s),
    });
    managers.push(manager);
    return manager;
  };
  return { modelsDir, events, make, manager: make() };
}

/** The .gguf files a library scan of the models folder would find (the partial folder is not one). */
function modelFiles(modelsDir: string): string[] {
  return existsSync(modelsDir) ? readdirSync(modelsDir).filter((name) => name.endsWith('.gguf')) : [];
}

describe('downloading a catalog model', () => {
  it('shows progress and accepts the file once its SHA-256 matches', async () => {
    const { manager, events, modelsDir } = await setUp();
    expect(manager.start('tiny-chat').phase).toBe('queued');
    const done = await manager.wait('tiny-chat');
    expect(done.error).toBeNull();
    expect(done.phase).toBe('done');
    expect(done.path).toBe(path.join(modelsDir, 'tiny-chat-Q8_0.gguf'));
    expect(readFileSync(done.path!).equals(TINY)).toBe(true);
    const progress = events.filter((e) => e.phase === 'downloading');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.totalBytes).toBe(TINY.length);
    expect(events.some((e) => e.phase === 'verifying')).toBe(true);
    expect(mirror!.requests.some((r) => r.path.endsWith('/resolve/main/tiny-chat-Q8_0.gguf'))).toBe(true);

    // Asking again for a model already in the folder downloads nothing.
    const asked = mirror!.requests.length;
    expect(manager.start('tiny-chat')).toMatchObject({ phase: 'done', path: done.path });
    expect(mirror!.requests.length).toBe(asked);
  });

  it('resumes after a dropped connection and finishes the file with the right hash', async () => {
    const { manager } = await setUp(tinyEntry({ sha256: sha256Of(LARGE), sizeBytes: LARGE.length }), { bytes: LARGE });
    mirror!.fault = { kind: 'drop', afterBytes: 7 * 1024 * 1024, times: 1 };
    manager.start('tiny-chat');
    const done = await manager.wait('tiny-chat');
    expect(done.error).toBeNull();
    expect(sha256Of(readFileSync(done.path!))).toBe(sha256Of(LARGE));
    // The second request asked only for what was missing.
    expect(mirror!.requests.some((r) => r.range && !/^bytes=0-/.test(r.range))).toBe(true);
  });

  it('resumes after a restart from the partial file the first run left', async () => {
    const { manager, make, modelsDir, events } = await setUp(tinyEntry({ sha256: sha256Of(LARGE), sizeBytes: LARGE.length }), { bytes: LARGE, stallMs: 30_000 });
    mirror!.fault = { kind: 'stall-first', afterBytes: 7 * 1024 * 1024 };
    manager.start('tiny-chat');
    await expect.poll(() => events.some((e) => e.phase === 'downloading' && e.downloadedBytes >= 7 * 1024 * 1024), { timeout: 10_000 }).toBe(true);
    await manager.close(); // Duet quits mid-download
    expect(modelFiles(modelsDir)).toEqual([]);
    const listed = await make().list();
    expect(listed, JSON.stringify(readdirSync(path.join(modelsDir, '.partial')))).toEqual([expect.objectContaining({ id: 'tiny-chat', phase: 'cancelled' })]);
    // What arrived is counted from the downloader's record (per 5 MiB chunk): the welcome screen offers "Resume (x of y)".
    expect(listed[0]!.downloadedBytes).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    // It may be all of it: on a loaded machine the downloader was seen to record the whole file before the quit.
    expect(listed[0]!.downloadedBytes).toBeLessThanOrEqual(LARGE.length);

    mirror!.fault = { kind: 'none' };
    mirror!.requests.length = 0;
    const again = make();
    again.start('tiny-chat');
    const done = await again.wait('tiny-chat');
    expect(done.error).toBeNull();
    expect(readFileSync(done.path!).equals(LARGE)).toBe(true);
    // Not asserted: that the restart skips what the first run fetched. The downloader records its
    // progress per 5 MiB chunk, asynchronously, so a quit right after a chunk arrived may fetch that
    // chunk again (seen in about one run in four under load); within one run, a dropped connection
    // does resume (the test above).
  });

  it('refuses a file whose SHA-256 does not match, deletes it and says so', async () => {
    const { manager, modelsDir } = await setUp();
    mirror!.fault = { kind: 'corrupt', offset: 200_000 };
    manager.start('tiny-chat');
    const done = await manager.wait('tiny-chat');
    expect(done.phase).toBe('failed');
    expect(done.error?.code).toBe('download_failed');
    expect(done.error?.message).toMatch(/damaged: its SHA-256 does not match/);
    expect(modelFiles(modelsDir)).toEqual([]);
    expect(readdirSync(path.join(modelsDir, '.partial')).filter((f) => f.endsWith('.gguf'))).toEqual([]);
  });

  it('uses the hash the hub publishes when the catalog has none, and refuses when neither has one', async () => {
    const first = await setUp(tinyEntry({ sha256: null }));
    first.manager.start('tiny-chat');
    // The whole state on failure says why (its error), not only that the phase differs.
    expect(await first.manager.wait('tiny-chat')).toMatchObject({ phase: 'done', error: null });
    await mirror!.close();
    temp!.remove();

    const second = await setUp(tinyEntry({ sha256: null }), { published: null });
    second.manager.start('tiny-chat');
    const refused = await second.manager.wait('tiny-chat');
    expect(refused.phase).toBe('failed');
    expect(refused.error?.message).toMatch(/publishes no SHA-256/);
    expect(modelFiles(second.modelsDir)).toEqual([]);
  });

  it.each([
    [{ kind: 'status', status: 404 } as const, /has no file tiny-chat-Q8_0\.gguf \(HTTP 404\).*mirror/],
    [{ kind: 'status', status: 500 } as const, /is failing \(HTTP 500\).*try again/],
  ])('names the cause of %j and leaves no model file', async (fault, message) => {
    const { manager, modelsDir } = await setUp();
    mirror!.fault = fault;
    manager.start('tiny-chat');
    const done = await manager.wait('tiny-chat');
    expect(done.phase).toBe('failed');
    expect(done.error?.message).toMatch(message);
    expect(modelFiles(modelsDir)).toEqual([]);
  });

  it('decides a 404 before the downloader starts: the answer to begin() is the failure, after one request', async () => {
    const { manager, modelsDir, events } = await setUp();
    mirror!.fault = { kind: 'status', status: 404 };
    const answered = await manager.begin('tiny-chat');
    expect(answered.phase).toBe('failed');
    expect(answered.error?.message).toMatch(/has no file tiny-chat-Q8_0\.gguf \(HTTP 404\)/);
    // The event says the same, so the answer and the event agree whichever a window sees last.
    expect(events.at(-1)).toEqual(answered);
    expect(events.some((e) => e.phase === 'downloading')).toBe(false);
    expect(mirror!.requests).toHaveLength(1);
    expect(modelFiles(modelsDir)).toEqual([]);

    // A Retry is a new attempt: a window can tell the first attempt's late event from the retry's.
    mirror!.fault = { kind: 'none' };
    const retried = await manager.begin('tiny-chat');
    expect([answered.attempt, retried.attempt]).toEqual([1, 2]);
    expect(await manager.wait('tiny-chat')).toMatchObject({ attempt: 2, phase: 'done' });
  });

  it('asks a server answering 5xx a bounded number of times, then says it is failing', async () => {
    const { manager } = await setUp();
    mirror!.fault = { kind: 'status', status: 503 };
    const answered = await manager.begin('tiny-chat');
    expect(answered.error?.message).toMatch(/is failing \(HTTP 503\)/);
    expect(mirror!.requests).toHaveLength(1 + SERVER_ERROR_RETRIES.length);
  });

  it('begin() answers with the download under way when the server has the file', async () => {
    const { manager } = await setUp();
    const answered = await manager.begin('tiny-chat');
    expect(answered).toMatchObject({ phase: 'downloading', totalBytes: TINY.length });
    expect((await manager.wait('tiny-chat')).phase).toBe('done');
  });

  it('a file gone in the middle of a download ends it with that cause, not after the stall time', async () => {
    // The stall time is longer than the test may run: only asking the server again can end it.
    const { manager, modelsDir, events } = await setUp(tinyEntry(), { stallMs: 120_000, recheckMs: 300 });
    mirror!.fault = { kind: 'stall', afterBytes: 64_000 };
    manager.start('tiny-chat');
    await expect.poll(() => events.some((e) => e.phase === 'downloading' && e.downloadedBytes > 0), { timeout: 20_000 }).toBe(true);
    mirror!.fault = { kind: 'status', status: 404 };
    const failed = await manager.wait('tiny-chat');
    expect(failed.phase).toBe('failed');
    expect(failed.error?.message).toMatch(/has no file tiny-chat-Q8_0\.gguf \(HTTP 404\)/);
    expect(modelFiles(modelsDir)).toEqual([]);
  });

  it('says when the server cannot be reached', async () => {
    const { make, modelsDir } = await setUp();
    const url = mirror!.url;
    await mirror!.close();
    mirror = null;
    const manager = make(url);
    manager.start('tiny-chat');
    const done = await manager.wait('tiny-chat');
    expect(done.phase).toBe('failed');
    expect(done.error?.message).toMatch(/Could not reach the model server 127\.0\.0\.1:\d+: the connection was refused\. Check your network/);
    expect(modelFiles(modelsDir)).toEqual([]);
  });

  it('ends a stalled download with a message, keeps what arrived, and a retry finishes it', async () => {
    const { manager, modelsDir } = await setUp(tinyEntry(), { stallMs: 1500 });
    mirror!.fault = { kind: 'stall', afterBytes: 64_000 };
    manager.start('tiny-chat');
    const stalled = await manager.wait('tiny-chat');
    expect(stalled.phase).toBe('failed');
    expect(stalled.error?.message).toMatch(/stalled: 127\.0\.0\.1:\d+ sent nothing for 2 s\. What arrived is kept/);
    expect(modelFiles(modelsDir)).toEqual([]);

    mirror!.fault = { kind: 'none' };
    manager.start('tiny-chat');
    const done = await manager.wait('tiny-chat');
    expect(done.phase).toBe('done');
    expect(readFileSync(done.path!).equals(TINY)).toBe(true);
  });

  it('cancel stops the download and removes the partial file', async () => {
    const { manager, modelsDir, events } = await setUp(tinyEntry(), { stallMs: 30_000 });
    mirror!.fault = { kind: 'stall', afterBytes: 64_000 };
    manager.start('tiny-chat');
    await expect.poll(() => events.some((e) => e.phase === 'downloading' && e.downloadedBytes > 0), { timeout: 10_000 }).toBe(true);
    const cancelled = await manager.cancel('tiny-chat');
    expect(cancelled.phase).toBe('cancelled');
    // Nothing is left to resume from: the welcome screen offers a fresh Download.
    expect(cancelled.downloadedBytes).toBe(0);
    expect(modelFiles(modelsDir)).toEqual([]);
    expect(readdirSync(path.join(modelsDir, '.partial'))).toEqual([]);
    expect(await manager.list()).toEqual([expect.objectContaining({ id: 'tiny-chat', phase: 'cancelled' })]);
  });

  it('checks free space first: a disk too small refuses with both sizes and downloads nothing', async (context) => {
    const { make } = await setUp();
    const small = path.join(temp!.dir, 'small');
    mkdirSync(small);
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      console.log('Skipped the full-disk download test: mounting a small disk needs root on Linux.');
      context.skip();
    }
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small], { encoding: 'utf8' });
    if (mount.status !== 0) context.skip();
    try {
      const manager = new DownloadManager({ modelsDir: path.join(small, 'models'), catalog: () => [tinyEntry()], hub: () => mirror!.url, onChange: () => undefined });
      managers.push(manager);
      manager.start('tiny-chat');
      const done = await manager.wait('tiny-chat');
      expect(done.phase).toBe('failed');
      expect(done.error?.code).toBe('storage_full');
      expect(done.error?.message).toMatch(/Not enough disk space for Tiny Chat: it needs 253 KB and .* has \d+ KB free\. Free some space/);
      expect(mirror!.requests.filter((r) => r.range !== 'bytes=0-0')).toEqual([]);
      void make;
    } finally {
      await managers.pop()?.close();
      spawnSync('umount', [small]);
    }
  });

  it('names a disk that fills up during the download, and leaves no model file', async (context) => {
    await setUp(tinyEntry({ sha256: sha256Of(LARGE), sizeBytes: LARGE.length }), { bytes: LARGE });
    const small = path.join(temp!.dir, 'small');
    mkdirSync(small);
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      console.log('Skipped the disk-fills-up download test: mounting a small disk needs root on Linux.');
      context.skip();
    }
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', small], { encoding: 'utf8' });
    if (mount.status !== 0) context.skip();
    try {
      mirror!.fault = { kind: 'slow', pieceBytes: 256 * 1024, everyMs: 50 };
      let filled = false;
      const manager = new DownloadManager({
        modelsDir: path.join(small, 'models'),
        catalog: () => [tinyEntry({ sha256: sha256Of(LARGE), sizeBytes: LARGE.length })],
        hub: () => mirror!.url,
        stallMs: 10_000,
        onChange: (state) => {
          // Another program takes the rest of the disk once the download is under way.
          if (filled || state.phase !== 'downloading' || state.downloadedBytes === 0) return;
          filled = true;
          spawnSync('sh', ['-c', `dd if=/dev/zero of=${small}/filler bs=1M count=64 2>/dev/null`]);
        },
      });
      managers.push(manager);
      manager.start('tiny-chat');
      const done = await manager.wait('tiny-chat');
      expect(done.phase).toBe('failed');
      expect(done.error).toMatchObject({ code: 'storage_full', message: expect.stringMatching(/The disk filled up while downloading Tiny Chat\. Free some space/) });
      expect(modelFiles(path.join(small, 'models'))).toEqual([]);
    } finally {
      await managers.pop()?.close();
      spawnSync('umount', [small]);
    }
  });

  it('refuses an unknown catalog id', async () => {
    const { manager } = await setUp();
    expect(() => manager.start('no-such-model')).toThrow(/not in the model catalog/);
  });
});
