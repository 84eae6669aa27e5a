// Runs in the sandboxed renderer before the page. Bundled to dist-main/electron/preload.cjs by
// scripts/bundle-preload.mjs: a sandboxed preload can require only 'electron' and cannot be ESM.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDuetApi } from './preload-api.js';

contextBridge.exposeInMainWorld(
  'duet',
  createDuetApi(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
