import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, appResponse, mimeTypeFor, resolveAppFile } from '../../src-main/electron/app-files.js';

describe('resolveAppFile', () => {
  const root = path.resolve('/srv/dist-renderer');

  it('maps app://duet/ paths into the renderer folder, / to index.html', () => {
    expect(resolveAppFile(root, 'app://duet/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, APP_ENTRY_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://duet/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://duet/assets/my%20font.woff2?v=1#x')).toBe(path.join(root, 'assets', 'my font.woff2'));
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://duet/../secret.txt',
      'app://duet/%2e%2e/secret.txt',
      'app://duet/..%2fsecret.txt',
      'app://duet/assets/..%2f..%2fsecret.txt',
      'app://duet/..%5csecret.txt',
      'app://duet/assets%5c..%5c..%5csecret.txt',
      'app://duet/%00index.html',
      'app://duet/%E0%A4%A',
    ]) {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppFile(root, 'app://duet/..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://duet/..%5csecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://duet/%E0%A4%A')).toBeNull();
  });

  it('answers only for app://duet, not other hosts, schemes or credentials', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://duet.evil/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://user@duet/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///srv/dist-renderer/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://duet/index.html')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer build produces', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('icon.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('ICON.PNG')).toBe('image/png');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('data.bin')).toBe('application/octet-stream');
  });
});

describe('the app:// scheme', () => {
  it('is standard, secure and fetch-capable, without CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });

  it('sends a CSP of our own scripts and styles only, with no inline script', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('appResponse', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'duet-app-protocol-'));
    root = path.join(base, 'dist-renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Duet</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("hi")');
    writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => appResponse(root, new Request(url, { method }));

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const response = await get('app://duet/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Duet</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://duet/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("hi")');
  });

  it('answers 404, with the CSP, for missing files, folders and files outside the folder', async () => {
    for (const url of ['app://duet/missing.js', 'app://duet/assets/', 'app://duet/..%2fsecret.txt', 'app://duet/%2e%2e/secret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('not for the page');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://duet/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://duet/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the desktop app and the headless bridge', () => {
  it('send the same CSP', async () => {
    const shared = await import('../../src-main/core/renderer-files.js');
    expect(shared.CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY);
  });
});
