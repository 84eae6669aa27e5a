// The administrator's model policy through the core, as the welcome screen, the Models dialog, the
// bridge and `serve --model` use it: downloads off, the mirror every download must use, and the list
// of approved model files (by SHA-256), checked before node-llama-cpp reads a byte of a file.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { OPEN_POLICY, type AppInfo, type CatalogItem, type DownloadState, type DuetEvent, type ModelStatus, type PolicyInfo } from '../../src-main/contract/index.js';
import { createDuetCore } from '../../src-main/core/create-core.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { downloadForServe } from '../../src-main/server/cli-download.js';
import { CLOUD_MODEL_FILE, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { valueOf } from '../support/core-driver.js';
import { startServer, type RunningServer } from '../support/headless-server.js';
import { mirrorFile, sha256Of, startModelMirror, type ModelMirror } from '../support/model-mirror.js';
import { makeTempDir } from '../support/temp-dir.js';

const QWEN_ID = 'qwen2.5-0.5b-instruct';
const QWEN_PATH = 'Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf';
const TINY_URI = 'hf:duet-test/Tiny-GGUF/tiny.gguf';
const OTHER_URI = 'hf:duet-test/Other-GGUF/other.gguf';
const TINY_SHA = sha256Of(readFileSync(TINY_MODEL_FILE));
const OTHER_SHA = sha256Of(readFileSync(CLOUD_MODEL_FILE));

const mirrors: ModelMirror[] = [];
let core: DuetCore | null = null;
let server: RunningServer | null = null;
let temp: ReturnType<typeof makeTempDir> | null = null;

afterEach(async () => {
  await core?.close();
  core = null;
  await server?.stop();
  server = null;
  for (const mirror of mirrors.splice(0)) await mirror.close();
  temp?.remove();
  temp = null;
});

/** A mirror serving the tiny model as the catalog's Qwen and as tiny.gguf, and another model as other.gguf. */
async function mirror(): Promise<ModelMirror> {
  const started = await startModelMirror([
    mirrorFile(QWEN_PATH, TINY_MODEL_FILE),
    mirrorFile(TINY_URI.slice(3), TINY_MODEL_FILE),
    mirrorFile(OTHER_URI.slice(3), CLOUD_MODEL_FILE),
  ]);
  mirrors.push(started);
  return started;
}

async function open(policy: Partial<PolicyInfo>, options: { modelHub?: string; catalogFile?: string } = {}): Promise<DuetCore> {
  temp ??= makeTempDir('policy-models');
  core = await createDuetCore({ dataDir: path.join(temp.dir, 'data'), version: 'test', policy: { ...OPEN_POLICY, source: 'test policy', ...policy }, ...options });
  return core;
}

function downloadEvents(events: DuetEvent[], id: string): DownloadState[] {
  return events.flatMap((event) => (event.type === 'model.download' && event.download.id === id ? [event.download] : []));
}

describe('policy: model downloads off', () => {
  it('refuses every download with the reason, asks no server, and a file on disk still loads', async () => {
    const hub = await mirror();
    const duet = await open({ allowModelDownloads: false }, { modelHub: hub.url });

    for (const id of [QWEN_ID, OTHER_URI]) {
      const refused = await duet.call('models.download', { id });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'forbidden_by_policy', message: expect.stringMatching(/administrator does not allow model downloads/) },
      });
    }
    // `serve --model <id>` downloads through the same channel: it stops with the same reason.
    await expect(downloadForServe(duet, QWEN_ID, new PassThrough() as unknown as NodeJS.WriteStream)).rejects.toThrow(/administrator does not allow model downloads/);
    // The catalog still lists the models, each saying why it cannot be downloaded, without asking the hub.
    const catalog = valueOf<CatalogItem[]>(await duet.call('models.catalog', { refresh: true }));
    expect(catalog.length).toBeGreaterThan(0);
    for (const item of catalog) expect(item.fitError).toMatchObject({ code: 'forbidden_by_policy' });
    expect(hub.requests).toEqual([]);

    const loaded = valueOf<ModelStatus>(await duet.call('model.load', { path: TINY_MODEL_FILE }));
    expect(loaded.state).toBe('ready');
  });

  it('`serve --model <id>` says the administrator does not allow downloads, and keeps running', async () => {
    const hub = await mirror();
    temp = makeTempDir('policy-models');
    const policyFile = path.join(temp.dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ allowModelDownloads: false }));
    server = await startServer({ model: QWEN_ID, dataDir: path.join(temp.dir, 'data'), args: ['--model-mirror', hub.url], env: { DUET_POLICY_FILE: policyFile } });
    await server.waitForOutput(/Duet could not download qwen2\.5-0\.5b-instruct: Your administrator does not allow model downloads/, 30_000);
    expect(hub.requests).toEqual([]);
  });
});

describe('policy: the mirror to use', () => {
  it("downloads from the administrator's mirror, whatever the user set", async () => {
    const admin = await mirror();
    const users = await mirror();
    const duet = await open({ modelMirror: admin.url }, { modelHub: users.url });
    await duet.call('settings.update', { modelMirror: users.url });
    const events: DuetEvent[] = [];
    duet.subscribe((event) => events.push(event));

    await duet.call('models.download', { id: QWEN_ID });
    await expect.poll(() => downloadEvents(events, QWEN_ID).at(-1)?.phase, { timeout: 30_000 }).toBe('done');
    expect(admin.requests.some((request) => request.path.endsWith('/qwen2.5-0.5b-instruct-q4_k_m.gguf'))).toBe(true);
    expect(users.requests).toEqual([]);
    // The policy is what the window shows as locked.
    expect(valueOf<AppInfo>(await duet.call('app.info', {})).policy.modelMirror).toBe(admin.url);
  });
});

describe('policy: approved model files only', () => {
  it('refuses a file that is not approved before llama.cpp reads it, naming the file; the approved one loads', async () => {
    temp = makeTempDir('policy-models');
    // Not even a GGUF file: had it reached the GGUF check, the error would say so instead.
    const stranger = path.join(temp.dir, 'stranger.gguf');
    writeFileSync(stranger, 'not a model at all');
    const approved = path.join(temp.dir, 'approved.gguf');
    copyFileSync(TINY_MODEL_FILE, approved);
    const duet = await open({ allowedModelHashes: [TINY_SHA.toUpperCase()] });

    const refused = await duet.call('model.load', { path: stranger });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden_by_policy', message: expect.stringMatching(/stranger\.gguf .*administrator allows only approved model/) },
    });
    const status = valueOf<AppInfo>(await duet.call('app.info', {})).model;
    expect(status).toMatchObject({ state: 'error', error: { code: 'forbidden_by_policy' } });

    expect(valueOf<ModelStatus>(await duet.call('model.load', { path: approved })).state).toBe('ready');
    // Refusing another file keeps the approved model working.
    expect((await duet.call('model.load', { path: stranger })).ok).toBe(false);
    expect(valueOf<AppInfo>(await duet.call('app.info', {})).model).toMatchObject({ state: 'ready', path: approved });
  });

  it('hashes a file once (kept by path, size and time in the history), and again when it changes', async () => {
    temp = makeTempDir('policy-models');
    const file = path.join(temp.dir, 'tiny.gguf');
    copyFileSync(TINY_MODEL_FILE, file);
    const dataDir = path.join(temp.dir, 'data');
    let duet = await open({ allowedModelHashes: [TINY_SHA] });
    expect(valueOf<ModelStatus>(await duet.call('model.load', { path: file })).state).toBe('ready');
    await duet.close();
    core = null;

    // The kept hash is what counts while the file's size and time are unchanged: a wrong one refuses it.
    const db = new Database(path.join(dataDir, 'duet.sqlite'));
    const row = db.prepare("SELECT value FROM settings WHERE key = 'modelHashes'").get() as { value: string };
    const kept = JSON.parse(row.value) as Record<string, { sha256: string }>;
    expect(kept[file]?.sha256).toBe(TINY_SHA);
    kept[file]!.sha256 = OTHER_SHA;
    db.prepare("UPDATE settings SET value = ? WHERE key = 'modelHashes'").run(JSON.stringify(kept));
    db.close();
    duet = await open({ allowedModelHashes: [TINY_SHA] });
    expect(await duet.call('model.load', { path: file })).toMatchObject({ ok: false, error: { code: 'forbidden_by_policy' } });

    // A changed file (a new time) is read again.
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect(valueOf<ModelStatus>(await duet.call('model.load', { path: file })).state).toBe('ready');
  });

  it('keeps answering while a model file is read for its hash', async (context) => {
    if (process.platform === 'win32') return context.skip();
    temp = makeTempDir('policy-models');
    // A named pipe plays a large file on a slow disk: its bytes arrive only as the test writes them.
    // Read whole in one go (not as a stream), it would stop the core until the end, which never comes.
    const slow = path.join(temp.dir, 'slow.gguf');
    execFileSync('mkfifo', [slow]);
    const duet = await open({ allowedModelHashes: [TINY_SHA] });

    const order: string[] = [];
    const loading = duet.call('model.load', { path: slow }).then((result) => {
      order.push('load');
      return result;
    });
    const writer = createWriteStream(slow);
    // Once a megabyte went through the pipe, the hash is under way.
    await new Promise<void>((resolve, reject) => writer.write(Buffer.alloc(1024 * 1024, 7), (error) => (error ? reject(error) : resolve())));
    await duet.call('app.info', {}).then(() => order.push('info'));
    await new Promise<void>((resolve) => writer.end(resolve));
    expect(await loading).toMatchObject({ ok: false, error: { code: 'forbidden_by_policy' } });
    expect(order).toEqual(['info', 'load']);
  });

  it('removes a finished download that is not approved, and does not fetch a catalog model whose hash is not', async () => {
    const hub = await mirror();
    temp = makeTempDir('policy-models');
    const catalogFile = path.join(temp.dir, 'catalog.json');
    const shipped = JSON.parse(readFileSync(path.resolve('resources/models/catalog.json'), 'utf8')) as { version: number; models: Record<string, unknown>[] };
    const base = shipped.models[0]!;
    const models = [
      { ...base, id: 'known-other', uri: 'hf:duet-test/Known-GGUF/known-other.gguf', fileName: 'known-other.gguf', sha256: OTHER_SHA },
      { ...base, id: 'known-tiny', uri: TINY_URI, fileName: 'tiny.gguf', sha256: TINY_SHA },
      { ...base, id: 'look-alike', uri: 'hf:duet-test/Look-GGUF/look-alike.gguf', fileName: 'look-alike.gguf', sha256: TINY_SHA },
    ];
    writeFileSync(catalogFile, JSON.stringify({ version: shipped.version, models }));
    const duet = await open({ allowedModelHashes: [TINY_SHA] }, { modelHub: hub.url, catalogFile });
    const events: DuetEvent[] = [];
    duet.subscribe((event) => events.push(event));

    // The catalog names its hash: refused before any byte is fetched.
    expect(await duet.call('models.download', { id: 'known-other' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_by_policy', message: expect.stringMatching(/known-other\.gguf is not an approved model/) },
    });
    expect(hub.requests).toEqual([]);

    // Known only once downloaded: checked, removed, and the download fails with the reason.
    await duet.call('models.download', { id: OTHER_URI });
    await expect.poll(() => downloadEvents(events, OTHER_URI).at(-1)?.phase, { timeout: 30_000 }).toBe('failed');
    expect(downloadEvents(events, OTHER_URI).some((state) => state.phase === 'done')).toBe(false);
    expect(downloadEvents(events, OTHER_URI).at(-1)?.error?.message).toMatch(/other\.gguf is not an approved model.*The download was removed/);
    expect(existsSync(path.join(temp.dir, 'data', 'models', 'other.gguf'))).toBe(false);
    expect(valueOf<DownloadState[]>(await duet.call('models.downloads', {})).find((state) => state.id === OTHER_URI)?.phase).toBe('failed');

    // A file put in the models folder under an approved catalog model's name is read, not trusted by name.
    const lookAlike = path.join(temp.dir, 'data', 'models', 'look-alike.gguf');
    mkdirSync(path.dirname(lookAlike), { recursive: true });
    copyFileSync(CLOUD_MODEL_FILE, lookAlike);
    expect(valueOf<DownloadState>(await duet.call('models.download', { id: 'look-alike' }))).toMatchObject({
      phase: 'failed',
      error: { code: 'forbidden_by_policy', message: expect.stringMatching(/look-alike\.gguf is not an approved model/) },
    });
    expect(existsSync(lookAlike)).toBe(false);

    // An approved download is kept and loads.
    await duet.call('models.download', { id: 'known-tiny' });
    await expect.poll(() => downloadEvents(events, 'known-tiny').at(-1)?.phase, { timeout: 30_000 }).toBe('done');
    const done = downloadEvents(events, 'known-tiny').at(-1)!;
    expect(valueOf<ModelStatus>(await duet.call('model.load', { path: done.path! })).state).toBe('ready');
  });
});
