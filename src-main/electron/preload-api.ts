// The object the preload exposes as `window.duet`: exactly the contract's DuetApi. Built from an
// ipcRenderer passed in (types only imported) so that tests can drive it without Electron.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { DuetApi } from '../contract/api.js';
import type { DuetEvent } from '../contract/events.js';
import { IPC_CALL, IPC_EVENT } from '../contract/transport.js';
import { isContractChannel } from './channel-names.js';
import { IPC_CHOOSE_MODEL_FILE } from './picker-channel.js';

/**
 * `call` and `subscribe` over IPC, `chooseModelFile` (the native dialog), and `pathForFile` when given
 * (Electron's `webUtils.getPathForFile`); the page never sees ipcRenderer or an IPC event object.
 */
export function createDuetApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>, getPathForFile?: (file: File) => string): DuetApi {
  const api: DuetApi = {
    call(channel, request) {
      // Refused here without a round trip; the main process checks again, with the schema.
      if (!isContractChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid_request', message: `Unknown call "${String(channel).slice(0, 100)}".` },
        });
      }
      return ipc.invoke(IPC_CALL, channel, request);
    },
    subscribe(listener) {
      if (typeof listener !== 'function') throw new TypeError('subscribe() needs a function.');
      const forward = (_event: IpcRendererEvent, payload: DuetEvent): void => listener(payload);
      ipc.on(IPC_EVENT, forward);
      let listening = true;
      return () => {
        if (!listening) return;
        listening = false;
        ipc.removeListener(IPC_EVENT, forward);
      };
    },
    async chooseModelFile() {
      // The page gets a path or null, nothing else the main process might answer.
      const chosen: unknown = await ipc.invoke(IPC_CHOOSE_MODEL_FILE);
      return typeof chosen === 'string' && chosen !== '' ? chosen : null;
    },
  };
  if (getPathForFile) {
    api.pathForFile = (file) => {
      try {
        return getPathForFile(file);
      } catch {
        return ''; // not a file from disk: the page reads it itself
      }
    };
  }
  return api;
}
