// The Electron security checklist for sessions and web contents. Electron objects are passed in
// (types only imported) so that the rules run in Node tests.
import type { Session, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl, shouldBlockRequest } from './navigation.js';

type OpenExternal = (url: string) => Promise<void>;

/**
 * No navigation away from app://, no new windows, no <webview>. A link to an https: page opens in
 * the user's browser instead; every other scheme (file:, javascript:, custom handlers) goes nowhere.
 */
export function guardWebContents(contents: WebContents, openExternal: OpenExternal, log: Pick<Console, 'warn'> = console): void {
  const openOutside = (url: string): void => {
    if (!isSafeExternalUrl(url)) {
      log.warn(`Duet blocked a link to "${url.slice(0, 200)}" (only https: links open outside the app).`);
      return;
    }
    openExternal(url).catch((error: unknown) => log.warn(`Duet could not open ${url.slice(0, 200)}: ${String(error)}`));
  };

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  // Subframes too (the main frame is handled above, so a link opens outside only once).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission request and check, and keeps web contents off the network. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: shouldBlockRequest(details) }));
}
