// Electron's security checklist, one block per item: the rule (the pure function main.ts uses, run
// with Electron's objects passed in) and that main.ts really wires it, read from its syntax tree.
// Without an Electron binary here, this is how each item is held; electron.spec.ts runs the real app
// where a binary exists. The cloud key's bytes at rest: test/integration/cloud-key-at-rest.test.ts.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session, WebContents } from 'electron';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, channels } from '../../src-main/contract/channels.js';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, appResponse, resolveAppFile } from '../../src-main/electron/app-files.js';
import { CONTRACT_CHANNELS } from '../../src-main/electron/channel-names.js';
import { guardWebContents, hardenSession } from '../../src-main/electron/hardening.js';
import { screenCall, type SenderFacts } from '../../src-main/electron/ipc.js';
import { isSafeExternalUrl } from '../../src-main/electron/navigation.js';
import { mainWindowOptions } from '../../src-main/electron/window-options.js';
import { sendStaticFile } from '../../src-main/server/static-files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ELECTRON_DIR = path.join(ROOT, 'src-main', 'electron');
const require = createRequire(import.meta.url);

/** The source of every file of the desktop shell, by file name. */
const shellSources = Object.fromEntries(
  readdirSync(ELECTRON_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [name, readFileSync(path.join(ELECTRON_DIR, name), 'utf8')]),
);

/** The files of the shell whose code (comments aside) matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
  return Object.entries(shellSources)
    .filter(([, text]) => pattern.test(withoutComments(text)))
    .map(([name]) => name)
    .sort();
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

// main.ts as a syntax tree: which calls each of its functions makes, in order.
const mainSource = ts.createSourceFile('main.ts', shellSources['main.ts'] ?? '', ts.ScriptTarget.Latest, true);

/** The text of every call (and `new`) inside the function `name` of main.ts, in source order. */
function callsIn(name: string): string[] {
  let body: ts.Node | undefined;
  mainSource.forEachChild((node) => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === name) body = node.body;
  });
  if (!body) throw new Error(`main.ts has no function ${name}`);
  const calls: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push(node.getText(mainSource).replace(/\s+/g, ' '));
    node.forEachChild(visit);
  };
  body.forEachChild(visit);
  return calls;
}

/** Index of the first call that starts with `prefix`; fails the test when there is none. */
function callIndex(calls: string[], prefix: string): number {
  const index = calls.findIndex((call) => call.startsWith(prefix));
  expect(index, `a call to ${prefix}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** Just enough of WebContents to fire its events (Electron's needs the Electron binary). */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  });
  const fire = (name: string, details: Record<string, unknown>): boolean => {
    const event = { ...details, preventDefault: vi.fn() };
    emitter.emit(name, event, details.url);
    return event.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => openHandler?.({ url });
  return { contents: contents as unknown as WebContents, fire, open };
}

/** Not https: every one of these must stay inside (refused), whatever way the page tries to leave. */
const NOT_HTTPS = [
  'http://example.com/',
  'file:///etc/passwd',
  'file://server/share/x.exe',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox',
  'smb://server/share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'duet://open',
  'mailto:someone@example.com',
  'ftp://example.com/file',
  'https://user:secret@example.com/',
];

describe('checklist: contextIsolation, sandbox, no nodeIntegration, no <webview>', () => {
  it('the main window is isolated, sandboxed and without Node or <webview>', () => {
    const web = mainWindowOptions('/x/preload.cjs').webPreferences ?? {};
    expect(web).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('main.ts sandboxes every renderer and builds its only window from mainWindowOptions', () => {
    const boot = callsIn('boot');
    expect(callIndex(boot, 'app.enableSandbox()')).toBeLessThan(callIndex(boot, 'app .whenReady()'));
    expect(callsIn('openMainWindow')).toContain('new BrowserWindow(mainWindowOptions(PRELOAD, { dark: nativeTheme.shouldUseDarkColors }))');
    expect(filesMatching(/new BrowserWindow\(/)).toEqual(['main.ts']);
    expect(filesMatching(/webPreferences/)).toEqual(['window-options.ts']);
    // No file of the shell turns any of them back on.
    expect(filesMatching(/(contextIsolation|sandbox|webSecurity):\s*false|(nodeIntegration\w*|webviewTag|allowRunningInsecureContent):\s*true/)).toEqual([]);
    // Nor reaches for Chromium switches the checklist warns about.
    expect(filesMatching(/enableBlinkFeatures|experimentalFeatures:\s*true|allowpopups|disable-web-security|appendSwitch\(/)).toEqual([]);
  });
});

describe('checklist: app:// and never file://', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'duet-checklist-'));
    root = path.join(base, 'dist-renderer');
    mkdirSync(root);
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Duet</title>');
    writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('the window loads app://duet/, a secure standard scheme without CSP bypass', () => {
    expect(APP_ENTRY_URL).toBe('app://duet/index.html');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
  });

  it('the protocol handler refuses path traversal, other hosts and other schemes', async () => {
    for (const url of [
      'app://duet/../secret.txt',
      'app://duet/..%2fsecret.txt',
      'app://duet/%2e%2e/secret.txt',
      'app://duet/%2e%2e%5csecret.txt',
      'app://duet/..\\secret.txt',
      'app://duet/index.html%00.js',
      'app://evil/index.html',
      'app://duet.evil/index.html',
      'file:///etc/passwd',
    ]) {
      const response = await appResponse(root, new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    // Fetch refuses to build such a request at all; the rule refuses it anyway.
    expect(resolveAppFile(root, 'app://user:pw@duet/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://duet/index.html')).toBe(path.join(root, 'index.html'));
  });

  it('main.ts registers app:// before ready, serves it after, and loads the window from it', () => {
    const boot = callsIn('boot');
    expect(callIndex(boot, 'registerAppScheme()')).toBeLessThan(callIndex(boot, 'app .whenReady()'));
    expect(callsIn('start')).toContain('serveRenderer(rendererDir)');
    expect(callsIn('openMainWindow').some((call) => call.startsWith('window.loadURL(APP_ENTRY_URL)'))).toBe(true);
    expect(filesMatching(/loadFile\(|file:\/\/|registerFileProtocol|interceptFileProtocol/)).toEqual([]);
  });
});

/** A CSP string as directive → sources. */
function parseCsp(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...sources] = part.split(/\s+/);
        return [name.toLowerCase(), sources];
      }),
  );
}

describe('checklist: a CSP without inline script', () => {
  it("allows scripts from the app's own origin only: no inline, no eval, no remote, no wildcard", () => {
    const csp = parseCsp(CONTENT_SECURITY_POLICY);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    for (const sources of Object.values(csp)) {
      for (const source of sources) expect(source).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|^'nonce-|^'sha|\*|^https?:|^ws/);
    }
  });

  it('is sent with every app:// answer, errors included', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'duet-checklist-csp-'));
    try {
      writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
      for (const url of ['app://duet/', 'app://duet/missing.js']) {
        const response = await appResponse(root, new Request(url));
        expect(parseCsp(response.headers.get('content-security-policy') ?? '')).toEqual(parseCsp(CONTENT_SECURITY_POLICY));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the headless bridge sends the same policy with its pages and its 404s', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'duet-checklist-bridge-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    const server = http.createServer((req, res) => {
      sendStaticFile(root, new URL(req.url ?? '/', 'http://127.0.0.1').pathname, res, false);
    });
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const pathname of ['/', '/missing.js']) {
        const response = await fetch(`${base}${pathname}`);
        await response.arrayBuffer();
        expect(parseCsp(response.headers.get('content-security-policy') ?? ''), pathname).toEqual(parseCsp(CONTENT_SECURITY_POLICY));
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("the renderer's page holds no inline script, event handler attribute or policy of its own", () => {
    const html = readFileSync(path.join(ROOT, 'src-renderer', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/http-equiv=["']?content-security-policy/i);
  });
});

describe('checklist: navigation and window.open denied', () => {
  it('will-navigate away from the app, subframe navigation, redirects, window.open and <webview> are all refused', () => {
    const { contents, fire, open } = fakeContents();
    guardWebContents(contents, async () => {}, { warn: () => {} });
    for (const url of ['https://example.com/', ...NOT_HTTPS]) {
      expect(fire('will-navigate', { url, isMainFrame: true }), url).toBe(true);
      expect(fire('will-frame-navigate', { url, isMainFrame: false }), url).toBe(true);
      expect(fire('will-redirect', { url, isMainFrame: true }), url).toBe(true);
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(open('app://duet/index.html')).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview', {})).toBe(true);
  });

  it('main.ts guards every web contents the app creates', () => {
    const boot = callsIn('boot');
    expect(boot).toContain("app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)))");
  });
});

describe('checklist: permission requests and checks denied', () => {
  it('every permission request, permission check and device request is denied', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    hardenSession({
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      webRequest: { onBeforeRequest: (h: never) => (handlers.beforeRequest = h) },
    } as unknown as Session);
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'mediaKeySystem',
      'idle-detection',
      'hid',
      'serial',
      'usb',
      'fileSystem',
      'window-management',
      'unknown',
    ];
    for (const permission of permissions) {
      let answer: boolean | null = null;
      (handlers.request as (...args: unknown[]) => void)({}, permission, (granted: boolean) => (answer = granted), { requestingUrl: 'app://duet/' });
      expect(answer, permission).toBe(false);
      expect((handlers.check as (...args: unknown[]) => boolean)({}, permission, 'app://duet', { requestingUrl: 'app://duet/' }), permission).toBe(false);
    }
    expect((handlers.device as (...args: unknown[]) => boolean)({ deviceType: 'usb', origin: 'app://duet' })).toBe(false);
  });

  it('main.ts hardens the session before the core starts and any window opens, and uses no other session', () => {
    const start = callsIn('start');
    expect(callIndex(start, 'hardenSession(session.defaultSession)')).toBeLessThan(callIndex(start, 'startCore('));
    expect(filesMatching(/fromPartition|partition:|session\.fromPath/)).toEqual([]);
    expect(filesMatching(/setPermission(Request|Check)Handler/)).toEqual(['hardening.ts']);
  });
});

describe('checklist: IPC sender and schema checks on every channel', () => {
  const trusted: SenderFacts = { frameUrl: 'app://duet/index.html', isMainFrame: true, fromMainWindow: true };

  it("only the main window's top frame on app://duet/ passes, for every channel", () => {
    const untrusted: SenderFacts[] = [
      { ...trusted, frameUrl: 'https://example.com/' },
      { ...trusted, frameUrl: 'file:///index.html' },
      { ...trusted, frameUrl: 'app://evil/index.html' },
      { ...trusted, frameUrl: null },
      { ...trusted, isMainFrame: false },
      { ...trusted, fromMainWindow: false },
    ];
    for (const channel of channelNames) {
      expect(screenCall(trusted, channel), channel).toBeNull();
      for (const facts of untrusted) expect(screenCall(facts, channel)?.code, `${channel} from ${JSON.stringify(facts)}`).toBe('unauthorized');
    }
    expect(screenCall(trusted, 'fs.readFile')?.code).toBe('invalid_request');
  });

  it('every channel has a zod request schema that refuses unknown fields and values of the wrong kind', () => {
    expect([...CONTRACT_CHANNELS].sort()).toEqual([...channelNames].sort());
    for (const channel of channelNames) {
      const schema = channels[channel].request;
      expect(schema.safeParse('a string').success, channel).toBe(false);
      expect(schema.safeParse([1, 2]).success, channel).toBe(false);
      expect(schema.safeParse({ __unexpected: true }).success, channel).toBe(false);
    }
  });

  it('the shell answers only two IPC channels, both through the sender check; the core parses every request', () => {
    expect(filesMatching(/ipcMain\.(handle|handleOnce|on|once|addListener)\(/)).toEqual(['file-picker.ts', 'ipc.ts']);
    expect(withoutComments(shellSources['ipc.ts'] ?? '')).toMatch(/screenCall\(facts, channel\)[\s\S]*core\.call\(/);
    expect(withoutComments(shellSources['file-picker.ts'] ?? '')).toMatch(/isTrustedSender\(facts\)[\s\S]*showOpenDialog\(/);
    const coreSource = readFileSync(path.join(ROOT, 'src-main', 'core', 'create-core.ts'), 'utf8');
    expect(coreSource).toMatch(/channels\[channel\]\.request\.safeParse\(/);
    const startCore = callsIn('startCore');
    expect(startCore.some((call) => call.startsWith('bindContractToIpc({ ipcMain, core, mainWindow: () => mainWindow })'))).toBe(true);
    expect(startCore.some((call) => call.startsWith('bindModelFilePicker('))).toBe(true);
  });
});

describe('checklist: shell.openExternal for https only', () => {
  it('refuses http:, file:, javascript:, custom schemes and credentials; accepts https', () => {
    for (const url of NOT_HTTPS) expect(isSafeExternalUrl(url), url).toBe(false);
    expect(isSafeExternalUrl('https://example.com/docs?a=b')).toBe(true);
  });

  it('the page reaches the OS browser only with https links, by link or by window.open', () => {
    const { contents, fire, open } = fakeContents();
    const openExternal = vi.fn(async (_url: string) => {});
    guardWebContents(contents, openExternal, { warn: () => {} });
    for (const url of NOT_HTTPS) {
      fire('will-navigate', { url, isMainFrame: true });
      open(url);
    }
    expect(openExternal).not.toHaveBeenCalled();
    open('https://example.com/a');
    fire('will-navigate', { url: 'https://example.com/b', isMainFrame: true });
    expect(openExternal.mock.calls).toEqual([['https://example.com/a'], ['https://example.com/b']]);
  });

  it('shell.openExternal is called in one place, behind guardWebContents', () => {
    expect(filesMatching(/shell\.openExternal/)).toEqual(['main.ts']);
    expect((withoutComments(shellSources['main.ts'] ?? '').match(/shell\.openExternal/g) ?? []).length).toBe(1);
    expect(withoutComments(shellSources['hardening.ts'] ?? '')).toMatch(/if \(!isSafeExternalUrl\(url\)\)[\s\S]*return;[\s\S]*openExternal\(url\)/);
  });
});

describe('checklist: fuses in release builds', () => {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown>; asar?: unknown };
  const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };

  it('flips the hardening fuses, under the names electron-builder 26 knows', () => {
    const fuses = config.electronFuses ?? {};
    expect(fuses).toMatchObject({
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    for (const name of Object.keys(fuses)) expect(Object.keys(scheme.definitions.FuseOptionsV1.properties), name).toContain(name);
    expect(config.asar).not.toBe(false);
  });

  it('keeps runAsNode on only for node-llama-cpp, and says why in the file', () => {
    // node-llama-cpp tests its Linux (and Windows GPU) binary with child_process.fork(process.execPath)
    // from inside the engine's utility process, where Electron's utilityProcess cannot be imported:
    // that fork needs ELECTRON_RUN_AS_NODE. Turning the fuse off would stop every model loading there.
    expect(config.electronFuses?.runAsNode).toBe(true);
    expect(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')).toMatch(/node-llama-cpp[\s\S]*ELECTRON_RUN_AS_NODE[\s\S]*runAsNode: true/);
    const tester = readFileSync(path.join(ROOT, 'node_modules', 'node-llama-cpp', 'dist', 'bindings', 'utils', 'testBindingBinary.js'), 'utf8');
    expect(tester).toMatch(/fork\(__filename/);
  });
});

describe('checklist: API keys only in safeStorage', () => {
  it('main.ts keeps the cloud key in the encrypted store, through safeStorage, and says "encrypted" only when it is available', () => {
    const startCore = callsIn('startCore');
    const store = startCore.find((call) => call.startsWith('createEncryptedFileSecretStore('));
    expect(store).toBeDefined();
    expect(store).toContain('safeStorage.encryptString(plaintext)');
    expect(store).toContain('safeStorage.decryptString(ciphertext)');
    expect(store).toContain('safeStorage.isEncryptionAvailable()');
    expect(withoutComments(shellSources['main.ts'] ?? '')).toMatch(/keyStorage: safeStorage\.isEncryptionAvailable\(\) \? 'encrypted' : 'unavailable'/);
  });
});
