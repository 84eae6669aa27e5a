import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window: isolated, sandboxed, no Node in the page, hidden until its first paint is
 * ready (no white flash). `preloadPath` is the bundled CommonJS preload (sandboxed preloads cannot be ESM).
 */
export function mainWindowOptions(preloadPath: string, look: { dark?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Duet',
    width: 1100,
    height: 760,
    minWidth: 560,
    minHeight: 420,
    show: false,
    backgroundColor: look.dark ? '#1b1b1f' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
