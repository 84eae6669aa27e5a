import type { DuetApi } from '../../src-main/contract/api.js';
import type { Channel, RequestOf, ResponseOf } from '../../src-main/contract/channels.js';
import type { Result } from '../../src-main/contract/envelope.js';
import { failure, importAsText, type DuetClient } from './client.js';

/** Wraps the Electron preload's `window.duet`; a throw from IPC still comes back as an envelope. */
export function createIpcClient(duet: DuetApi): DuetClient {
  const client: DuetClient = {
    async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      try {
        return await duet.call(channel, request);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return failure(`Duet's core did not answer (${detail}). Restart Duet if this keeps happening.`);
      }
    },
    // The core reads a file from disk as a stream; only a file with no path comes over as text.
    importFile(file) {
      const filePath = duet.pathForFile?.(file) ?? '';
      return filePath ? client.call('history.importFile', { path: filePath }) : importAsText(client, file);
    },
    subscribe: (listener) => duet.subscribe(listener),
    onConnectionChange: () => () => {},
  };
  // Only where the preload offers it: the page shows a "Choose file…" button when it is there.
  const chooseModelFile = duet.chooseModelFile;
  if (chooseModelFile) {
    client.chooseModelFile = async () => {
      try {
        return await chooseModelFile.call(duet);
      } catch {
        return null; // no dialog came up: the path field still works
      }
    };
  }
  return client;
}
