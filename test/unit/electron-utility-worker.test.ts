import { EventEmitter } from 'node:events';
import type { UtilityProcess } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { utilityProcessSpawner } from '../../src-main/electron/utility-worker.js';

/** Just enough of Electron's UtilityProcess (which needs the Electron binary) to drive the adapter. */
class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = 4242;
  posted: unknown[] = [];
  killed = 0;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed++;
    return true;
  }
}

function spawn() {
  const child = new FakeUtilityProcess();
  const fork = vi.fn((_path: string, _args?: string[], _options?: unknown) => child as unknown as UtilityProcess);
  const log = { error: vi.fn() };
  const handle = utilityProcessSpawner(fork, log)('/app/dist-main/local/engine-worker.js');
  return { child, fork, handle, log };
}

describe('utilityProcessSpawner', () => {
  it('forks the entry as the "Duet engine" service', () => {
    const { fork, handle } = spawn();
    expect(fork).toHaveBeenCalledWith('/app/dist-main/local/engine-worker.js', [], expect.objectContaining({ serviceName: 'Duet engine' }));
    expect(handle.pid).toBe(4242);
  });

  it('forks with an environment that leaves out the cloud API key and the access token', () => {
    const saved = { key: process.env.DUET_CLOUD_API_KEY, token: process.env.DUET_TOKEN };
    process.env.DUET_CLOUD_API_KEY = 'sk-secret';
    process.env.DUET_TOKEN = 'token-secret';
    try {
      const { fork } = spawn();
      const env = (fork.mock.calls[0]?.[2] as { env?: Record<string, string> } | undefined)?.env;
      expect(env).toBeDefined();
      expect(env).not.toHaveProperty('DUET_CLOUD_API_KEY');
      expect(env).not.toHaveProperty('DUET_TOKEN');
      expect(env?.PATH).toBe(process.env.PATH);
    } finally {
      for (const [name, value] of [
        ['DUET_CLOUD_API_KEY', saved.key],
        ['DUET_TOKEN', saved.token],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('sends with postMessage and hands over received messages', () => {
    const { child, handle } = spawn();
    const received: unknown[] = [];
    handle.onMessage((message) => received.push(message));
    handle.send({ type: 'load', path: '/m.gguf' });
    child.emit('message', { type: 'status', state: 'ready' });
    expect(child.posted).toEqual([{ type: 'load', path: '/m.gguf' }]);
    expect(received).toEqual([{ type: 'status', state: 'ready' }]);
  });

  it('reports the exit once, also to a listener added afterwards, and stops sending', async () => {
    const { child, handle } = spawn();
    const early: Array<number | null> = [];
    handle.onExit((code) => early.push(code));
    child.emit('exit', 134);
    child.emit('exit', 134);
    const late = await new Promise<number | null>((resolve) => handle.onExit(resolve));
    expect(early).toEqual([134]);
    expect(late).toBe(134);
    handle.send({ type: 'late' });
    handle.kill();
    expect(child.posted).toEqual([]);
    expect(child.killed).toBe(0);
  });

  it('survives a fatal error event (which would otherwise throw in the main process)', () => {
    const { child, handle, log } = spawn();
    expect(() => child.emit('error', 'FatalError', 'llama.cpp', '{}')).not.toThrow();
    expect(log.error).toHaveBeenCalled();
    handle.kill();
    expect(child.killed).toBe(1);
  });
});
