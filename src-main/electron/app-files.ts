// The app:// scheme's rules, with no electron import so that Node tests can run them:
// which URL maps to which file of the built renderer, with what type and what policy.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Privileges } from 'electron';

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

/** Our own scripts and styles only: no inline script, no remote content, no frames, no forms. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes (with nosniff). */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

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
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows: refuse it everywhere so that no platform differs.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rootDir);
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}

/** Headers every app:// answer carries, errors included. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

/** Answers one app:// request from the built renderer folder: the file, 404, or 405 for anything but GET/HEAD. */
export async function appResponse(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', {
      status: 405,
      headers: { ...appResponseHeaders('text/plain; charset=utf-8'), allow: 'GET, HEAD' },
    });
  }
  const file = resolveAppFile(rootDir, request.url);
  const body = file ? await readRegularFile(file) : null;
  if (!file || !body) {
    return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
  }
  const headers = { ...appResponseHeaders(mimeTypeFor(file)), 'content-length': String(body.byteLength) };
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
