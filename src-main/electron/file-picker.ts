// The native open dialog behind the welcome screen's "Choose file…" button. The dialog function and
// Electron objects are passed in (types only imported) so that the handler runs in Node tests.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { isTrustedSender, senderFactsOf } from './ipc.js';
import { IPC_CHOOSE_MODEL_FILE } from './picker-channel.js';

/** Electron's dialog.showOpenDialog, with a parent window (modal) or without. */
export type ShowOpenDialog = (window: BrowserWindow | null, options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;

/** What the dialog offers: one existing file, GGUF models first. */
export const MODEL_FILE_DIALOG: OpenDialogOptions = {
  title: 'Choose a GGUF model file',
  buttonLabel: 'Use this model',
  properties: ['openFile', 'dontAddToRecent'],
  filters: [
    { name: 'GGUF models', extensions: ['gguf'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

export interface FilePickerBinding {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The window allowed to ask (the dialog opens over it). */
  mainWindow: () => BrowserWindow | null;
  showOpenDialog: ShowOpenDialog;
  log?: Pick<Console, 'warn'>;
}

/** Answers IPC_CHOOSE_MODEL_FILE from Duet's own window with the chosen path (null when cancelled); returns an unbind function. */
export function bindModelFilePicker({ ipcMain, mainWindow, showOpenDialog, log = console }: FilePickerBinding): () => void {
  // Only one dialog at a time: a second click while it is open gets no second dialog.
  let open = false;
  ipcMain.handle(IPC_CHOOSE_MODEL_FILE, async (event: IpcMainInvokeEvent): Promise<string | null> => {
    const window = mainWindow();
    const facts = senderFactsOf(event, window);
    // Same rule as contract calls: a frame that is not Duet's own page learns nothing of the disk.
    if (!isTrustedSender(facts)) {
      log.warn(`Duet refused a file dialog asked for by ${facts.frameUrl === null ? 'a frame that is gone' : `"${facts.frameUrl.slice(0, 200)}"`}.`);
      return null;
    }
    if (open) return null;
    open = true;
    try {
      const result = await showOpenDialog(window && !window.isDestroyed() ? window : null, MODEL_FILE_DIALOG);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    } finally {
      open = false;
    }
  });
  return () => ipcMain.removeHandler(IPC_CHOOSE_MODEL_FILE);
}
