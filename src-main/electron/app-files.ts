// The app:// scheme's rules, with no electron import so that Node tests can run them:
// which URL maps to which file of the built renderer, with what type and what policy.
import { readFile, stat } from 'node:fs/promises';
import type { Privileges } from 'electron';
import { mimeTypeFor, rendererHeaders, resolveRendererFile } from '../core/renderer-files.js';

export { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../core/renderer-files.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'duet';
/** Every page and asset of the renderer lives under this prefix; nothing else is trusted. */
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/**
 * Standard (so relative URLs and origins work), secure (a secure context, like https) and
 * fetch-capable. No corsEnabled and no bypassCSP: other origins cannot read app:// and our CSP holds.
 */
export const APP_SCHEME_PRIVILEGES: Privileges = { standard: true, secure: true, supportFetchAPI: true };

/**
 * The file inside `rootDir` that an app:// URL names, or null when the URL is not ours or its
 * path would leave the folder (`..`, encoded slashes, backslashes, NUL). `/` means index.html.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null;
  return resolveRendererFile(rootDir, parsed.pathname);
}

/** Answers one app:// request from the built renderer folder: the file, 404, or 405 for anything but GET/HEAD. */
export async function appResponse(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', {
      status: 405,
      headers: { ...rendererHeaders('text/plain; charset=utf-8'), allow: 'GET, HEAD' },
    });
  }
  const file = resolveAppFile(rootDir, request.url);
  const body = file ? await readRegularFile(file) : null;
  if (!file || !body) {
    return new Response('Not found', { status: 404, headers: rendererHeaders('text/plain; charset=utf-8') });
  }
  const headers = { ...rendererHeaders(mimeTypeFor(file)), 'content-length': String(body.byteLength) };
  // A copy as a plain Uint8Array: the one body type that both Node's and the DOM's typings accept.
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

async function readRegularFile(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}
