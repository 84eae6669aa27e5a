// Where the app's web contents may go and what may leave the app: pure rules, tested in Node.
import { APP_URL_PREFIX } from './app-files.js';

/** True for a URL of the app's own renderer (`app://duet/...`), the only origin trusted with IPC. */
export function isAppUrl(url: string): boolean {
  if (!url.startsWith(APP_URL_PREFIX)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** True only for a well-formed https: URL without credentials: the only kind handed to the OS browser. */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/**
 * True when a request should be cancelled: web contents (requests with a webContentsId) may load
 * nothing but app://, inline data/blob URLs and DevTools' own pages. Requests the main process
 * makes itself (net.fetch for downloads, say) carry no webContentsId and are not touched.
 */
export function shouldBlockRequest(details: { url: string; webContentsId?: number | undefined }): boolean {
  if (details.webContentsId === undefined) return false;
  const url = details.url;
  return !(isAppUrl(url) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:'));
}
