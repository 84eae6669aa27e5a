import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, hardenSession } from '../../src-main/electron/hardening.js';
import { isAppUrl, isSafeExternalUrl, shouldBlockRequest } from '../../src-main/electron/navigation.js';

describe('isSafeExternalUrl', () => {
  it('accepts plain https links', () => {
    expect(isSafeExternalUrl('https://example.com/')).toBe(true);
    expect(isSafeExternalUrl('https://docs.example.org/a?b=c#d')).toBe(true);
  });

  it('refuses every other scheme and credentials in the URL', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'smb://server/share',
      'ms-settings:',
      'app://duet/index.html',
      'https://user:pass@example.com/',
      'https://user@example.com/',
      'https://',
      'not a url',
      '',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  it("is true only for Duet's own renderer", () => {
    expect(isAppUrl('app://duet/index.html')).toBe(true);
    expect(isAppUrl('app://duet/')).toBe(true);
    expect(isAppUrl('app://duet')).toBe(false);
    expect(isAppUrl('app://duet.evil/')).toBe(false);
    expect(isAppUrl('https://duet/')).toBe(false);
  });
});

describe('shouldBlockRequest', () => {
  it('lets pages load app://, data: and blob: only', () => {
    expect(shouldBlockRequest({ url: 'app://duet/assets/a.js', webContentsId: 1 })).toBe(false);
    expect(shouldBlockRequest({ url: 'data:image/png;base64,AA==', webContentsId: 1 })).toBe(false);
    expect(shouldBlockRequest({ url: 'https://tracker.example/pixel.gif', webContentsId: 1 })).toBe(true);
    expect(shouldBlockRequest({ url: 'http://127.0.0.1:8080/', webContentsId: 1 })).toBe(true);
    expect(shouldBlockRequest({ url: 'wss://example.com/socket', webContentsId: 1 })).toBe(true);
    expect(shouldBlockRequest({ url: 'file:///etc/passwd', webContentsId: 1 })).toBe(true);
  });

  it("leaves the main process's own requests alone", () => {
    expect(shouldBlockRequest({ url: 'https://huggingface.co/model.gguf' })).toBe(false);
  });
});

/** Just enough of WebContents to fire its events; Electron's own needs the Electron binary. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  });
  const fire = (name: string, details: Record<string, unknown>) => {
    const event = { ...details, preventDefault: vi.fn() };
    emitter.emit(name, event, details.url);
    return event.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents: contents as unknown as WebContents, fire, open };
}

describe('guardWebContents', () => {
  function setup() {
    const fake = fakeContents();
    const openExternal = vi.fn(async (_url: string) => {});
    const log = { warn: vi.fn() };
    guardWebContents(fake.contents, openExternal, log);
    return { ...fake, openExternal, log };
  }

  it('lets the app navigate within app://duet/', () => {
    const { fire, openExternal } = setup();
    expect(fire('will-navigate', { url: 'app://duet/index.html', isMainFrame: true })).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('keeps the window on the app and opens an https link in the browser instead', () => {
    const { fire, openExternal } = setup();
    expect(fire('will-navigate', { url: 'https://example.com/', isMainFrame: true })).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('blocks other schemes without opening anything', () => {
    const { fire, openExternal, log } = setup();
    for (const url of ['file:///etc/passwd', 'http://example.com/', 'javascript:alert(1)']) {
      expect(fire('will-navigate', { url, isMainFrame: true }), url).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(3);
  });

  it('blocks subframe navigation and redirects away from the app', () => {
    const { fire } = setup();
    expect(fire('will-frame-navigate', { url: 'https://example.com/', isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', { url: 'app://duet/x.html', isMainFrame: false })).toBe(false);
    expect(fire('will-redirect', { url: 'https://example.com/', isMainFrame: true })).toBe(true);
  });

  it('denies every new window, handing only https links to the browser', () => {
    const { open, openExternal } = setup();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('about:blank')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
  });

  it('refuses to attach a <webview>', () => {
    const { fire } = setup();
    expect(fire('will-attach-webview', {})).toBe(true);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check, and cancels remote requests from pages', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      webRequest: { onBeforeRequest: (h: never) => (handlers.beforeRequest = h) },
    };
    hardenSession(session as unknown as Session);

    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      (handlers.request as (...args: unknown[]) => void)({}, permission, (answer: boolean) => granted.push(answer), {});
    }
    expect(granted).toEqual([false, false, false, false, false]);
    expect((handlers.check as (...args: unknown[]) => boolean)({}, 'media', 'app://duet', {})).toBe(false);
    expect((handlers.device as (...args: unknown[]) => boolean)({})).toBe(false);

    const decisions: unknown[] = [];
    const beforeRequest = handlers.beforeRequest as (details: unknown, callback: (r: unknown) => void) => void;
    beforeRequest({ url: 'https://example.com/x.js', webContentsId: 1 }, (r) => decisions.push(r));
    beforeRequest({ url: 'app://duet/x.js', webContentsId: 1 }, (r) => decisions.push(r));
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);
  });
});
