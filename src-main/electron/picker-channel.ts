// The desktop-only IPC name for the native "choose a model file" dialog. Not a contract channel: the
// headless bridge has no such thing (a browser tab cannot hand over a path), so it lives with Electron.
// A file of its own, with no imports, so the preload bundle stays small.

/** Electron: ipcRenderer.invoke(IPC_CHOOSE_MODEL_FILE) answers the chosen file's path, or null. */
export const IPC_CHOOSE_MODEL_FILE = 'duet:choose-model-file';
