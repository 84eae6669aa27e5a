import { EventEmitter } from 'node:events';
import type { BrowserWindow, IpcMainInvokeEvent, IpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channelNames, fail, ok, type DuetEvent, type Result } from '../../src-main/contract/index.js';
import { IPC_CALL, IPC_EVENT } from '../../src-main/contract/transport.js';
import type { DuetCore } from '../../src-main/core/core-types.js';
import { CONTRACT_CHANNELS, isContractChannel } from '../../src-main/electron/channel-names.js';
import { bindContractToIpc, isTrustedSender, screenCall, senderFactsOf } from '../../src-main/electron/ipc.js';
import { createDuetApi } from '../../src-main/electron/preload-api.js';

const trusted = { frameUrl: 'app://duet/index.html', isMainFrame: true, fromMainWindow: true };

describe('isTrustedSender', () => {
  it("trusts the main window's top frame on app://duet/", () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://duet/?x=1#y' })).toBe(true);
  });

  it('refuses iframes, other windows and frames that are gone', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, fromMainWindow: false })).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: null })).toBe(false);
  });

  it('refuses any other origin, including look-alikes', () => {
    for (const frameUrl of [
      'https://duet/index.html',
      'file:///app/dist-renderer/index.html',
      'app://duet.evil.com/',
      'app://duetx/',
      'app://evil/duet/',
      'app://user@duet/',
      'http://localhost:5173/',
      'about:blank',
      'data:text/html,hi',
      '',
    ]) {
      expect(isTrustedSender({ ...trusted, frameUrl }), frameUrl).toBe(false);
    }
  });
});

describe('screenCall', () => {
  it('checks the sender before the channel', () => {
    expect(screenCall({ ...trusted, isMainFrame: false }, 'nope')?.code).toBe('unauthorized');
    expect(screenCall(trusted, 'nope')?.code).toBe('invalid_request');
    expect(screenCall(trusted, 42)?.code).toBe('invalid_request');
    expect(screenCall(trusted, 'chat.send')).toBeNull();
  });
});

/** A stand-in for one BrowserWindow; Electron's own objects need the Electron binary. */
function fakeWindow(url = 'app://duet/index.html') {
  const sent: unknown[][] = [];
  const mainFrame = { url, parent: null };
  const window = {
    isDestroyed: () => false,
    webContents: { id: 7, mainFrame, getURL: () => url, send: (...args: unknown[]) => sent.push(args) },
  };
  return { window: window as unknown as BrowserWindow, sent, mainFrame };
}

function invokeEvent(senderId: number, frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

/** A core that records what reaches it; the real core's schema checks have their own tests. */
function recordingCore() {
  const calls: Array<[string, unknown]> = [];
  const events = new EventEmitter();
  const core: DuetCore = {
    async call(channel, request) {
      calls.push([channel, request]);
      return ok({ echoed: request });
    },
    subscribe(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    importUpload: async () => fail('invalid_request', 'Uploads are for the HTTP bridge.'),
    async close() {},
  };
  return { core, calls, emit: (event: DuetEvent) => events.emit('event', event), listeners: () => events.listenerCount('event') };
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    },
  };
}

describe('bindContractToIpc', () => {
  function setup(windowUrl?: string) {
    const { window, sent, mainFrame } = fakeWindow(windowUrl);
    const { core, calls, emit, listeners } = recordingCore();
    const { ipcMain, handlers } = fakeIpcMain();
    const log = { warn: vi.fn() };
    const unbind = bindContractToIpc({ ipcMain: ipcMain, core, mainWindow: () => window, log });
    const handler = handlers.get(IPC_CALL);
    if (!handler) throw new Error('no handler bound');
    const call = (event: IpcMainInvokeEvent, channel: unknown, request: unknown) => handler(event, channel, request) as Promise<Result<unknown>>;
    return { call, calls, emit, listeners, sent, mainFrame, log, unbind, handlers };
  }

  it('passes calls from the main frame of the main window to the core', async () => {
    const { call, calls, mainFrame } = setup();
    const answer = await call(invokeEvent(7, mainFrame), 'conversations.list', {});
    expect(answer).toEqual({ ok: true, value: { echoed: {} } });
    expect(calls).toEqual([['conversations.list', {}]]);
  });

  it('refuses an iframe, another web contents or a foreign page with "unauthorized", logs it, and never calls the core', async () => {
    const { call, calls, log } = setup();
    const refusals = [
      invokeEvent(7, { url: 'app://duet/index.html', parent: {} }),
      invokeEvent(8, { url: 'app://duet/index.html', parent: null }),
      invokeEvent(7, { url: 'https://example.com/', parent: null }),
      invokeEvent(7, null),
    ];
    for (const event of refusals) {
      const answer = await call(event, 'chat.send', { conversationId: null, text: 'hi' });
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('unauthorized');
    }
    expect(calls).toEqual([]);
    expect(log.warn).toHaveBeenCalledTimes(refusals.length);
  });

  it('refuses channels outside the contract before the core sees them', async () => {
    const { call, calls, mainFrame } = setup();
    const answer = await call(invokeEvent(7, mainFrame), 'fs.readFile', { path: '/etc/passwd' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(calls).toEqual([]);
  });

  it('forwards core events to the main window on IPC_EVENT', () => {
    const { emit, sent } = setup();
    const event = { type: 'conversations.changed', change: { kind: 'deleted', conversationId: 'c1' } } as const;
    emit(event);
    expect(sent).toEqual([[IPC_EVENT, event]]);
  });

  it('sends no events to a window that shows anything but the app', () => {
    const { emit, sent } = setup('https://example.com/');
    emit({ type: 'conversations.changed', change: { kind: 'deleted', conversationId: 'c1' } });
    expect(sent).toEqual([]);
  });

  it('unbinds the handler and the event subscription', () => {
    const { unbind, handlers, listeners } = setup();
    expect(listeners()).toBe(1);
    unbind();
    expect(handlers.has(IPC_CALL)).toBe(false);
    expect(listeners()).toBe(0);
  });
});

describe('senderFactsOf', () => {
  it('reads frame URL, top-frame-ness and window from the event', () => {
    const { window, mainFrame } = fakeWindow();
    expect(senderFactsOf(invokeEvent(7, mainFrame) as never, window)).toEqual(trusted);
    expect(senderFactsOf(invokeEvent(7, mainFrame) as never, null).fromMainWindow).toBe(false);
  });
});

describe('the preload channel list', () => {
  it('is exactly the contract', () => {
    expect([...CONTRACT_CHANNELS].sort()).toEqual([...channelNames].sort());
    expect(isContractChannel('chat.send')).toBe(true);
    expect(isContractChannel('toString')).toBe(false);
    expect(isContractChannel('__proto__')).toBe(false);
  });
});

describe('createDuetApi (window.duet)', () => {
  /** Just enough of ipcRenderer to see what the preload sends and listens to. */
  function fakeIpcRenderer() {
    const emitter = new EventEmitter();
    const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }));
    const ipc = { invoke, on: emitter.on.bind(emitter), removeListener: emitter.removeListener.bind(emitter) };
    return { ipc: ipc as unknown as IpcRenderer, invoke, emitter };
  }

  it('has exactly call, subscribe and chooseModelFile', () => {
    const api = createDuetApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual(['call', 'chooseModelFile', 'subscribe']);
  });

  it('adds pathForFile when given, and answers "" for a file that is not on disk', () => {
    const api = createDuetApi(fakeIpcRenderer().ipc, (file) => {
      if ((file as { name?: string }).name === 'memory.json') throw new Error('not on disk');
      return '/home/me/conversations.json';
    });
    expect(Object.keys(api).sort()).toEqual(['call', 'chooseModelFile', 'pathForFile', 'subscribe']);
    expect(api.pathForFile?.({ name: 'conversations.json' } as File)).toBe('/home/me/conversations.json');
    expect(api.pathForFile?.({ name: 'memory.json' } as File)).toBe('');
  });

  it('calls over IPC_CALL with the channel and request', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const answer = await createDuetApi(ipc).call('conversations.open', { id: 'c1' });
    expect(invoke).toHaveBeenCalledWith(IPC_CALL, 'conversations.open', { id: 'c1' });
    expect(answer).toEqual({ ok: true, value: 'answer' });
  });

  it('refuses a name outside the contract without sending anything', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const answer = await createDuetApi(ipc).call('shell.exec' as never, {} as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('hands listeners the event only, never the IPC event object, until unsubscribed', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const received: unknown[][] = [];
    const unsubscribe = createDuetApi(ipc).subscribe((...args: unknown[]) => received.push(args));
    emitter.emit(IPC_EVENT, { sender: 'ipc-internals' }, { type: 'conversations.changed' });
    expect(received).toEqual([[{ type: 'conversations.changed' }]]);
    unsubscribe();
    unsubscribe();
    emitter.emit(IPC_EVENT, {}, { type: 'conversations.changed' });
    expect(received).toHaveLength(1);
    expect(emitter.listenerCount(IPC_EVENT)).toBe(0);
  });
});
