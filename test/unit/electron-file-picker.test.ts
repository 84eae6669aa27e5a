// The desktop "Choose file…" path from the main process to the page: the IPC handler (with an injected
// dialog: Electron's own needs its binary), the preload function, and the renderer's IPC client.
import { EventEmitter } from 'node:events';
import type { BrowserWindow, IpcMainInvokeEvent, IpcRenderer, OpenDialogOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bindModelFilePicker, MODEL_FILE_DIALOG, type ShowOpenDialog } from '../../src-main/electron/file-picker.js';
import { IPC_CHOOSE_MODEL_FILE } from '../../src-main/electron/picker-channel.js';
import { createDuetApi } from '../../src-main/electron/preload-api.js';
import { createIpcClient } from '../../src-renderer/lib/ipc-client.js';

const APP_FRAME = { url: 'app://duet/index.html', parent: null };

function fakeWindow() {
  return { isDestroyed: () => false, webContents: { id: 7 } } as unknown as BrowserWindow;
}

function invokeEvent(senderId: number, frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

function setup(answer: { canceled: boolean; filePaths: string[] }) {
  const handlers = new Map<string, (event: IpcMainInvokeEvent) => Promise<string | null>>();
  const ipcMain = {
    handle: (channel: string, listener: (event: IpcMainInvokeEvent) => Promise<string | null>) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const window = fakeWindow();
  const shown: Array<{ parent: BrowserWindow | null; options: OpenDialogOptions }> = [];
  let release: () => void = () => {};
  const gate = { held: false };
  const showOpenDialog: ShowOpenDialog = async (parent, options) => {
    shown.push({ parent, options });
    if (gate.held) await new Promise<void>((resolve) => (release = resolve));
    return answer;
  };
  const log = { warn: vi.fn() };
  const unbind = bindModelFilePicker({ ipcMain: ipcMain, mainWindow: () => window, showOpenDialog, log });
  const ask = (event: IpcMainInvokeEvent) => {
    const handler = handlers.get(IPC_CHOOSE_MODEL_FILE);
    if (!handler) throw new Error('no handler bound');
    return handler(event);
  };
  return { ask, shown, window, log, unbind, handlers, gate, release: () => release() };
}

describe('bindModelFilePicker', () => {
  it("opens a GGUF dialog over Duet's window and answers the chosen path", async () => {
    const { ask, shown, window } = setup({ canceled: false, filePaths: ['/models/qwen.gguf'] });
    expect(await ask(invokeEvent(7, APP_FRAME))).toBe('/models/qwen.gguf');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.parent).toBe(window);
    expect(shown[0]!.options).toBe(MODEL_FILE_DIALOG);
    expect(MODEL_FILE_DIALOG.filters?.[0]).toEqual({ name: 'GGUF models', extensions: ['gguf'] });
    expect(MODEL_FILE_DIALOG.properties).toContain('openFile');
    expect(MODEL_FILE_DIALOG.properties).not.toContain('multiSelections');
  });

  it('answers null when the user cancels', async () => {
    const { ask } = setup({ canceled: true, filePaths: [] });
    expect(await ask(invokeEvent(7, APP_FRAME))).toBeNull();
  });

  it('shows no dialog to an iframe, another window, a foreign page or a frame that is gone, and logs it', async () => {
    const { ask, shown, log } = setup({ canceled: false, filePaths: ['/models/qwen.gguf'] });
    const refused = [
      invokeEvent(7, { url: 'app://duet/index.html', parent: {} }),
      invokeEvent(8, APP_FRAME),
      invokeEvent(7, { url: 'https://example.com/', parent: null }),
      invokeEvent(7, null),
    ];
    for (const event of refused) expect(await ask(event)).toBeNull();
    expect(shown).toHaveLength(0);
    expect(log.warn).toHaveBeenCalledTimes(refused.length);
  });

  it('opens one dialog at a time: a second click while it is open gets null', async () => {
    const { ask, shown, gate, release } = setup({ canceled: false, filePaths: ['/models/qwen.gguf'] });
    gate.held = true;
    const first = ask(invokeEvent(7, APP_FRAME));
    expect(await ask(invokeEvent(7, APP_FRAME))).toBeNull();
    release();
    expect(await first).toBe('/models/qwen.gguf');
    expect(shown).toHaveLength(1);
  });

  it('unbinds its handler', () => {
    const { unbind, handlers } = setup({ canceled: true, filePaths: [] });
    unbind();
    expect(handlers.has(IPC_CHOOSE_MODEL_FILE)).toBe(false);
  });
});

describe('chooseModelFile in the preload and the renderer', () => {
  function fakeIpcRenderer(answer: unknown) {
    const emitter = new EventEmitter();
    const invoke = vi.fn(async (..._args: unknown[]) => answer);
    return { ipc: { invoke, on: emitter.on.bind(emitter), removeListener: emitter.removeListener.bind(emitter) } as unknown as IpcRenderer, invoke };
  }

  it('asks the main process on its own channel and passes only a path or null to the page', async () => {
    const { ipc, invoke } = fakeIpcRenderer('/models/qwen.gguf');
    expect(await createDuetApi(ipc).chooseModelFile?.()).toBe('/models/qwen.gguf');
    expect(invoke).toHaveBeenCalledWith(IPC_CHOOSE_MODEL_FILE);
    for (const odd of [null, '', 42, { path: '/etc/passwd' }]) {
      expect(await createDuetApi(fakeIpcRenderer(odd).ipc).chooseModelFile?.()).toBeNull();
    }
  });

  it("the renderer's IPC client offers it only when the preload does, and a failed dialog answers null", async () => {
    const bare = { call: vi.fn(), subscribe: vi.fn() };
    expect(createIpcClient(bare as never).chooseModelFile).toBeUndefined();
    const withPicker = createIpcClient({ ...bare, chooseModelFile: async () => '/models/qwen.gguf' } as never);
    expect(await withPicker.chooseModelFile?.()).toBe('/models/qwen.gguf');
    const broken = createIpcClient({ ...bare, chooseModelFile: async () => Promise.reject(new Error('no display')) } as never);
    expect(await broken.chooseModelFile?.()).toBeNull();
  });
});
