import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../src-main/electron/window-options.js';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/dist-main/electron/preload.cjs');
  const web = options.webPreferences ?? {};

  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and leaves out <webview>', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('uses the bundled CommonJS preload it is given', () => {
    expect(web.preload).toBe('/app/dist-main/electron/preload.cjs');
  });

  it('stays hidden until the first paint, on a background that matches the theme', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(mainWindowOptions('p', { dark: true }).backgroundColor).not.toBe(mainWindowOptions('p', { dark: false }).backgroundColor);
  });

  it('opens at a usable size and cannot be shrunk below one', () => {
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(480);
    expect(options.minHeight).toBeGreaterThanOrEqual(360);
  });
});
