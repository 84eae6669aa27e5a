// What `npm run serve` says and keeps at start: the access token that survives restarts, and a clear
// sentence on the terminal (not EEXIST, not a stack) for a bad data folder, a bad model or a damaged
// history, with a way back from the backups.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../src-main/contract/index.js';
import { migrate, openDatabase, openHistory } from '../../src-main/history/index.js';
import { writeEmptyFile, writeNotGguf } from '../fixtures/bad-models.js';
import { BENCH_MODEL_FILE, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { runServerToExit, startServer, type RunningServer } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';

const temp = makeTempDir('serve-start');
const running: RunningServer[] = [];
let n = 0;

afterAll(async () => {
  for (const server of running) await server.stop();
  temp.remove();
});

/** A new, empty data folder path (not created). */
const freshDir = (): string => path.join(temp.dir, `data-${++n}`);

async function serve(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  const server = await startServer(options);
  running.push(server);
  return server;
}

const tokenOf = (url: string): string => new URL(url).searchParams.get('token') ?? '';

describe('the access token', () => {
  it('is kept in the data folder, readable only by its owner, the same after a restart, and renewable', async () => {
    const dataDir = freshDir();
    const first = await serve({ model: TINY_MODEL_FILE, dataDir });
    const tokenFile = path.join(dataDir, 'access-token');
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(tokenFile, 'utf8').trim()).toBe(tokenOf(first.url));
    await first.stop();

    const second = await serve({ model: TINY_MODEL_FILE, dataDir });
    expect(tokenOf(second.url)).toBe(tokenOf(first.url));
    await second.stop();

    const renewed = await serve({ model: TINY_MODEL_FILE, dataDir, args: ['--new-token'] });
    expect(tokenOf(renewed.url)).not.toBe(tokenOf(first.url));
    expect(renewed.output()).toMatch(/new access token/);
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    // Old tabs are locked out; the new address works.
    const stale = await new BridgeClient(first.url.replace(/:\d+\//, `:${renewed.port}/`)).result('app.info');
    expect(stale).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await new BridgeClient(renewed.url).result('app.info')).ok).toBe(true);
    await renewed.stop();
  });

  it('is set back to owner-only when others could read it', async () => {
    const dataDir = freshDir();
    const first = await serve({ model: TINY_MODEL_FILE, dataDir });
    await first.stop();
    fs.chmodSync(path.join(dataDir, 'access-token'), 0o644);
    const again = await serve({ model: TINY_MODEL_FILE, dataDir });
    expect(fs.statSync(path.join(dataDir, 'access-token')).mode & 0o777).toBe(0o600);
    expect(again.output()).toMatch(/readable only by you/);
    expect(tokenOf(again.url)).toBe(tokenOf(first.url));
    await again.stop();
  });
});

describe('a data folder Duet cannot use', () => {
  it('that is a file gets a sentence, not EEXIST', async () => {
    const file = path.join(temp.dir, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const result = await runServerToExit({ model: null, dataDir: file });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Duet cannot use ${file} as its data folder: it is a file. Choose another folder with --data <folder>.`);
    expect(result.output).not.toMatch(/EEXIST|ENOTDIR|ENOENT|at .*\.js:\d+/);
  });

  it('below a file gets a sentence naming the file, not ENOTDIR', async () => {
    const file = path.join(temp.dir, 'another-file');
    fs.writeFileSync(file, 'not a folder');
    const result = await runServerToExit({ model: null, dataDir: path.join(file, 'sub') });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Duet cannot use ${path.join(file, 'sub')} as its data folder: ${file} is a file, not a folder.`);
    expect(result.output).toContain('--data <folder>');
    expect(result.output).not.toMatch(/EEXIST|ENOTDIR|ENOENT/);
  });
});

describe('a model that cannot be loaded at start', () => {
  const cases: [string, () => string, RegExp][] = [
    ['missing', () => path.join(temp.dir, 'no-such-model.gguf'), /No model file/i],
    ['empty', () => writeEmptyFile(path.join(temp.dir, 'models')), /empty|not a GGUF|too short/i],
    ['not a GGUF', () => writeNotGguf(path.join(temp.dir, 'models')), /not a GGUF|GGUF/i],
  ];
  it.each(cases)('(%s) is reported in the terminal, and Duet keeps running', async (_name, make, reason) => {
    const model = make();
    const server = await serve({ model, dataDir: freshDir() });
    const line = await server.waitForOutput(new RegExp(`Duet could not load the model ${escape(model)}: .*`));
    expect(line).toMatch(reason);
    expect(server.output()).toMatch(/choose another model file in the browser/);
    // Still serving: the browser can load another model.
    const info = await new BridgeClient(server.url).call<{ model: { state: string } }>('app.info');
    expect(info.model.state).toBe('error');
    await server.stop();
  });

  it('is not reported when the model loads', async () => {
    const server = await serve({ model: TINY_MODEL_FILE, dataDir: freshDir() });
    const client = new BridgeClient(server.url);
    for (;;) {
      const info = await client.call<{ model: { state: string } }>('app.info');
      if (info.model.state !== 'loading') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.output()).not.toMatch(/could not load/);
    await server.stop();
  });

  it('is not reported when Duet is stopped while the model loads (Ctrl+C is not a damaged file)', async () => {
    // The benchmark model takes long enough to load that the stop lands in the middle of it.
    const server = await serve({ model: BENCH_MODEL_FILE, dataDir: freshDir() });
    const client = new BridgeClient(server.url);
    await expect.poll(async () => (await client.call<{ model: { state: string } }>('app.info')).model.state).toBe('loading');
    await server.stop();
    expect(server.output()).not.toMatch(/could not load|crashed/);
  });
});

describe('a damaged history', () => {
  it('with no backup says so, and how to start fresh without losing the file', async () => {
    const dataDir = freshDir();
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'duet.sqlite'), Buffer.alloc(8192, 0x5a));
    const result = await runServerToExit({ model: null, dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Duet's history file ${path.join(dataDir, 'duet.sqlite')} is damaged`);
    expect(result.output).toContain(`There are no backups in ${path.join(dataDir, 'backups')}`);
    expect(result.output).toMatch(/move .* to another folder to keep a copy/);
    // Nothing was touched.
    expect(fs.readFileSync(path.join(dataDir, 'duet.sqlite')).equals(Buffer.alloc(8192, 0x5a))).toBe(true);
  });

  it('names the newest backup, and --restore-backup brings it back, keeping the damaged file', async () => {
    const dataDir = freshDir();
    fs.mkdirSync(dataDir);
    const file = path.join(dataDir, 'duet.sqlite');
    // A history from an older Duet: opening it upgrades it and takes a backup first.
    const old = openDatabase(file);
    migrate(old, { to: 3 });
    old.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Kept safe', 1, 1)").run();
    old.close();
    (await openHistory(file)).close();
    const [backup] = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(backup).toMatch(/^duet-.*\.sqlite$/);

    const garbage = Buffer.alloc(16384, 0x33);
    fs.writeFileSync(file, garbage);
    for (const extra of ['-wal', '-shm']) fs.rmSync(file + extra, { force: true });

    const refused = await runServerToExit({ model: null, dataDir });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('is damaged');
    expect(refused.output).toContain(`Backups taken before updates are in ${path.join(dataDir, 'backups')}; the newest is ${backup}`);
    expect(refused.output).toContain('--restore-backup');

    const restored = await serve({ model: null, dataDir, args: ['--restore-backup'] });
    expect(restored.output()).toContain(`restored your history from ${path.join(dataDir, 'backups', backup!)}`);
    const list = await new BridgeClient(restored.url).call<ConversationSummary[]>('conversations.list');
    expect(list.map((c) => c.title)).toEqual(['Kept safe']);
    const kept = fs.readdirSync(dataDir).filter((name) => name.startsWith('duet.sqlite.damaged-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, kept[0]!)).equals(garbage)).toBe(true);
    // The backup itself is still there.
    expect(fs.existsSync(path.join(dataDir, 'backups', backup!))).toBe(true);
    await new BridgeClient(restored.url).call('conversations.rename', { id: 'c1', title: 'Renamed after the restore' });
    await restored.stop();

    // The flag left on a later start leaves a healthy history as it is.
    const again = await serve({ model: null, dataDir, args: ['--restore-backup'] });
    expect(again.output()).not.toContain('restored your history');
    const after = await new BridgeClient(again.url).call<ConversationSummary[]>('conversations.list');
    expect(after.map((c) => c.title)).toEqual(['Renamed after the restore']);
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('duet.sqlite.damaged-'))).toHaveLength(1);
    await again.stop();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
