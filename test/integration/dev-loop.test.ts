// `npm run dev` (scripts/dev.ts): Vite serves the renderer from source with hot reload, and its /api/
// paths reach a headless core run from source, with the token the page's address carries. Started as
// the npm script runs it, on free ports, with a temporary data folder: nothing in the repository changes.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, DuetEvent, Message } from '../../src-main/contract/index.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { BridgeClient } from '../support/bridge-client.js';
import { processAlive, waitForExit } from '../support/headless-server.js';
import { makeTempDir } from '../support/temp-dir.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Generous: on a loaded 2-core machine tsx, Vite and the engine worker all start cold. */
const START_TIMEOUT_MS = 100_000;

const temp = makeTempDir('dev-loop');
const dataDir = path.join(temp.dir, 'data');
let dev: ChildProcess;
let output = '';
let pageUrl = '';

beforeAll(async () => {
  dev = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'dev.ts'), '--port', '0', '--data', dataDir, '--model', TINY_MODEL_FILE], {
    cwd: ROOT,
    env: { ...process.env, DUET_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pageUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run dev was not ready in time:\n${output}`)), START_TIMEOUT_MS);
    const onData = (data: Buffer): void => {
      output += data.toString();
      const match = /Duet dev is ready: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    dev.stdout!.on('data', onData);
    dev.stderr!.on('data', onData);
    dev.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run dev exited with ${code} before it was ready:\n${output}`));
    });
  });
}, START_TIMEOUT_MS + 10_000);

afterAll(async () => {
  // Only when a test failed before the SIGTERM test: kill what is left, by pid.
  if (dev.pid !== undefined && processAlive(dev.pid)) {
    const pids = [dev.pid, ...descendants(dev.pid)];
    for (const pid of pids) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
    await waitForExit(pids, 10_000);
  }
  temp.remove();
});

describe('npm run dev', () => {
  it('serves the renderer from source through Vite, with its hot-reload client', async () => {
    const origin = new URL(pageUrl).origin;
    const page = await fetch(pageUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    // The built page has neither: these come from Vite's dev server, not from dist-renderer.
    expect(html).toContain('/@vite/client');
    expect(html).toContain('main.ts');
    const client = await fetch(`${origin}/@vite/client`);
    expect(client.status).toBe(200);
    expect(client.headers.get('content-type')).toContain('javascript');
    const app = await fetch(`${origin}/App.svelte`);
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('import.meta.hot');
  });

  it('answers calls through the proxy with the token in the page address, and refuses them without it', async () => {
    const bridge = new BridgeClient(pageUrl);
    const info = await bridge.call<AppInfo>('app.info');
    expect(info.dataDir).toBe(dataDir);
    const refused = await fetch(`${bridge.base}/api/call/app.info`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('passes --model to the core and streams an answer to the page as events', async () => {
    const bridge = new BridgeClient(pageUrl);
    const events = await bridge.events();
    try {
      let info = await bridge.call<AppInfo>('app.info');
      if (info.model.state !== 'ready') {
        await events.waitFor((e) => e.type === 'model.status' && e.status.state !== 'loading', START_TIMEOUT_MS, 'the model to load');
        info = await bridge.call<AppInfo>('app.info');
      }
      expect(info.model).toMatchObject({ state: 'ready', path: TINY_MODEL_FILE });
      const sent = await bridge.call<{ assistantMessage: Message }>('chat.send', { conversationId: null, text: 'Hello' });
      const isEnd = (e: DuetEvent): boolean => e.type === 'message.updated' && e.message.id === sent.assistantMessage.id && e.message.status !== 'streaming';
      const ended = await events.waitFor(isEnd, 60_000, 'the end of the answer');
      expect(ended).toMatchObject({ message: { content: TINY_GREETING_ANSWER, status: 'complete' } });
    } finally {
      events.close();
    }
  });

  it('stops the page server and the core on SIGTERM, as on Ctrl-C', async () => {
    const pids = descendants(dev.pid!);
    // The core and its engine worker at least.
    expect(pids.length).toBeGreaterThanOrEqual(2);
    const exited = new Promise<number | null>((resolve) => dev.once('exit', (code) => resolve(code)));
    process.kill(dev.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(await waitForExit(pids, 20_000)).toEqual([]);
    await expect(fetch(pageUrl)).rejects.toThrow();
  });
});

/** A process's children, theirs, and so on (the core, its engine worker, Vite's esbuild); Linux `ps`. */
function descendants(pid: number): number[] {
  let lines: string[];
  try {
    lines = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n');
  } catch {
    return [];
  }
  const children = lines.map((line) => Number(line.trim())).filter((child) => child > 0);
  return children.flatMap((child) => [child, ...descendants(child)]);
}
