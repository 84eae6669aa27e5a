// The desktop shell: one instance per data folder, one sandboxed window on app://duet/, the core
// in this process and the model in a utility process. Everything the window may do goes through
// the contract (ipc.ts); everything else is denied (hardening.ts).
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, session, shell, safeStorage, utilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuetCore } from '../core/core-types.js';
import { createEncryptedFileSecretStore } from '../core/shell-parts.js';
import { createDuetCore } from '../core/create-core.js';
import { damagedHistoryMessage, findDamagedHistory } from '../core/damaged-history.js';
import { prepareDataFolder } from '../core/data-folder.js';
import { resolveDataDir, resolveModelPath } from '../core/paths.js';
import { keepRunningOnStrayRejections } from '../core/stray-rejections.js';
import { APP_ENTRY_URL } from './app-files.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { guardWebContents, hardenSession } from './hardening.js';
import { bindModelFilePicker } from './file-picker.js';
import { bindContractToIpc } from './ipc.js';
import { readFlag } from './launch-args.js';
import { utilityProcessSpawner } from './utility-worker.js';
import { mainWindowOptions } from './window-options.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(HERE, 'preload.cjs');
/** How long quitting waits for the core to stop answers and close the database. */
const CLOSE_TIMEOUT_MS = 5_000;

let mainWindow: BrowserWindow | null = null;
let core: DuetCore | null = null;
let unbindIpc: (() => void) | null = null;
let closing = false;

/** Runs before the app is ready: scheme, sandbox, folders, the single-instance lock. */
function boot(): void {
  keepRunningOnStrayRejections();
  registerAppScheme();
  app.enableSandbox();

  // `appData/Duet` rather than `userData`: in development `electron .` names userData after the
  // package ("duet"); this way the desktop app and `npm run serve` share one default folder.
  const dataDir = resolveDataDir({
    flag: readFlag(process.argv, 'data'),
    env: process.env,
    defaultDir: path.join(app.getPath('appData'), 'Duet'),
  });
  const modelPath = resolveModelPath({ flag: readFlag(process.argv, 'model'), env: process.env });
  try {
    prepareDataFolder(dataDir);
  } catch (error) {
    // The shared sentence: "Duet cannot use X as its data folder: it is a file. Choose another …".
    fatal(describe(error));
    return;
  }
  // Chromium's profile and the single-instance lock live in userData: keeping it equal to the data
  // folder makes "one instance" mean "one instance per database", and keeps test runs apart.
  if (path.resolve(app.getPath('userData')) !== dataDir) app.setPath('userData', dataDir);

  if (!app.requestSingleInstanceLock()) {
    console.log(`Duet is already running with ${dataDir}; switching to that window.`);
    app.quit();
    return;
  }

  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && !mainWindow) openMainWindow();
  });
  app.on('will-quit', (event) => {
    if (!core) return;
    // Hold the quit until answers are stopped and the database is closed (bounded by a timeout).
    event.preventDefault();
    if (closing) return;
    closing = true;
    const closingCore = core;
    unbindIpc?.();
    void withTimeout(closingCore.close(), CLOSE_TIMEOUT_MS)
      .catch((error: unknown) => console.error(`Duet did not close cleanly: ${describe(error)}`))
      .finally(() => {
        core = null;
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => start(dataDir, modelPath))
    .catch((error: unknown) => fatal(`Duet could not start: ${describe(error)}`));
}

async function start(dataDir: string, modelPath: string | null): Promise<void> {
  hardenSession(session.defaultSession);
  const rendererDir = path.join(app.getAppPath(), 'dist-renderer');
  serveRenderer(rendererDir);
  if (!existsSync(path.join(rendererDir, 'index.html'))) console.error(`Duet's window is not built (${rendererDir}); run "npm run build".`);
  if (!existsSync(PRELOAD)) console.error(`Duet's preload is not built (${PRELOAD}); run "npm run build:main".`);
  await startCore(dataDir, modelPath, false);
}

/**
 * Builds the core, then opens the window. A headless Duet on the same folder gets a dialog naming
 * it (the desktop-vs-desktop case never gets here: the single-instance lock focuses the first
 * window); a damaged history gets a dialog that offers to restore the newest backup.
 */
async function startCore(dataDir: string, modelPath: string | null, restoreBackup: boolean): Promise<void> {
  try {
    core = await createDuetCore({
      dataDir,
      instanceKind: 'desktop',
      restoreBackup,
      modelPath,
      spawnWorker: utilityProcessSpawner((modulePath, args, options) => utilityProcess.fork(modulePath, args, options)),
      version: app.getVersion(),
      // The cloud API key is kept encrypted by the OS keychain, never in SQLite or a plain file.
      secrets: createEncryptedFileSecretStore({
        dir: path.join(dataDir, 'secrets'),
        encrypt: (plaintext) => safeStorage.encryptString(plaintext),
        decrypt: (ciphertext) => safeStorage.decryptString(ciphertext),
        isAvailable: () => safeStorage.isEncryptionAvailable(),
      }),
      keyStorage: safeStorage.isEncryptionAvailable() ? 'encrypted' : 'unavailable',
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'storage_corrupt' && !restoreBackup) {
      // Either restores and starts again, or quits after the dialog.
      if (await offerRestore(dataDir)) await startCore(dataDir, modelPath, true);
      return;
    }
    fatal(describe(error));
    return;
  }
  const unbindContract = bindContractToIpc({ ipcMain, core, mainWindow: () => mainWindow });
  const unbindPicker = bindModelFilePicker({
    ipcMain,
    mainWindow: () => mainWindow,
    showOpenDialog: (window, options) => (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options)),
  });
  unbindIpc = () => {
    unbindContract();
    unbindPicker();
  };
  openMainWindow();
}

function openMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(PRELOAD, { dark: nativeTheme.shouldUseDarkColors }));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Duet's window stopped (${details.reason}, exit code ${details.exitCode}).`);
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error(`Duet could not load its window: ${describe(error)}`));
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Says the history is damaged and where its backups are; true when the user chose to restore the newest. */
async function offerRestore(dataDir: string): Promise<boolean> {
  const damaged = findDamagedHistory(dataDir);
  const message = damagedHistoryMessage(damaged, 'choose "Restore newest backup"');
  const buttons = damaged.newest ? ['Restore newest backup', 'Quit'] : ['Quit'];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Duet cannot open its history',
    message: 'Duet cannot open its history',
    detail: message,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
  });
  if (damaged.newest && response === 0) return true;
  app.exit(1);
  return false;
}

/** Tells the user why Duet cannot run, then exits. */
function fatal(message: string): void {
  console.error(message);
  dialog.showErrorBox('Duet cannot start', message);
  app.exit(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still busy after ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

boot();
