import type { DuetApi } from '../src-main/contract/api.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser tab, where the HTTP bridge is used. */
    duet?: DuetApi;
  }
}

export {};
