// Headless Duet: the same core as the desktop app, with the contract over HTTP for a browser tab.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CloudSettings, URL_KEY_REFUSED, type AppInfo, type ModelStatus, type Settings } from '../contract/index.js';
import { loadAccessToken } from '../core/access-token.js';
import { createDuetCore } from '../core/create-core.js';
import { toEnvelopeError } from '../core/core-error.js';
import type { DuetCore } from '../core/core-types.js';
import { damagedHistoryMessage, findDamagedHistory } from '../core/damaged-history.js';
import { announceInstanceAddress } from '../core/instance-lock.js';
import { appRoot, defaultAppDataDir, resolveDataDir, resolveModelPath } from '../core/paths.js';
import { keepRunningOnStrayRejections } from '../core/stray-rejections.js';
import { appVersion } from '../core/version.js';
import { downloadForServe, isDownloadName } from './cli-download.js';
import { createBridgeServer } from './http-bridge.js';

const DEFAULT_PORT = 8765;
const USAGE = `Usage: npm run serve -- [--model PATH|ID|hf:URI] [--model-mirror URL] [--port N] [--data DIR] [--cloud-url URL --cloud-model NAME] [--api-port N] [--new-token] [--restore-backup]
  --model PATH        GGUF model to load (or DUET_MODEL; else the last one loaded); a catalog id
                      (e.g. qwen2.5-0.5b-instruct) or an hf:<user>/<repo>/<file>.gguf URI downloads it first
  --model-mirror URL  where hf: models download from, e.g. an internal mirror (or DUET_MODEL_MIRROR)
  --port N            port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --data DIR          data folder (or DUET_DATA_DIR; default ${defaultAppDataDir()})
  --cloud-url URL     an OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 (or DUET_CLOUD_BASE_URL)
  --cloud-model NAME  the cloud model (or DUET_CLOUD_MODEL)
  --api-port N        serve the OpenAI-compatible API for other apps at http://127.0.0.1:N/v1 (0 picks a free
                      port; without it, the API runs when turned on in Settings). Apps send the key it prints
  --new-token         make a new access token (tabs opened with the old one must open the new address)
  --restore-backup    if the history is damaged, replace it with the newest copy in DATA/backups/ (the old file is kept)
  --api-only          serve the bridge (/api/...) without the built renderer: \`npm run dev\` serves the page through Vite
  DUET_CLOUD_API_KEY  the cloud API key (headless Duet never stores keys)
  DUET_API_KEY        the API key apps must send (default: the one kept in DATA/api-key, made on first use)
  DUET_TOKEN          the access token (default: the one kept in DATA/access-token, made on first start)`;

/** The data folder, once known: the message for a damaged history names its backups. */
let dataDir: string | null = null;

async function main(): Promise<void> {
  keepRunningOnStrayRejections();
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      'model-mirror': { type: 'string' },
      port: { type: 'string' },
      'api-port': { type: 'string' },
      data: { type: 'string' },
      'cloud-url': { type: 'string' },
      'cloud-model': { type: 'string' },
      'new-token': { type: 'boolean' },
      'restore-backup': { type: 'boolean' },
      'api-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535.\n${USAGE}`);

  const apiPort = values['api-port'] === undefined ? null : Number(values['api-port']);
  if (apiPort !== null && (!Number.isInteger(apiPort) || apiPort < 0 || apiPort > 65535)) throw new Error(`--api-port must be a number from 0 to 65535.\n${USAGE}`);

  const staticDir = path.join(appRoot(), 'dist-renderer');
  // Only the dev loop asks for --api-only: Vite serves the page, so no build is needed; every check on
  // the bridge (loopback Host, token) stays the same.
  if (!values['api-only'] && !existsSync(path.join(staticDir, 'index.html'))) throw new Error('The renderer is not built. Run `npm run build` first.');

  const cloud = cloudFromFlags(values['cloud-url'] ?? process.env.DUET_CLOUD_BASE_URL, values['cloud-model'] ?? process.env.DUET_CLOUD_MODEL);
  dataDir = resolveDataDir({ flag: values.data, defaultDir: defaultAppDataDir() });
  const modelFlag = values.model ?? process.env.DUET_MODEL;
  const download = modelFlag && isDownloadName(modelFlag) && !existsSync(modelFlag) ? modelFlag : null;
  const modelPath = download ? null : resolveModelPath({ flag: values.model });
  const modelHub = values['model-mirror'] ?? process.env.DUET_MODEL_MIRROR ?? null;
  if (modelHub && !/^https?:\/\//.test(modelHub)) throw new Error(`--model-mirror must be an http(s) URL.\n${USAGE}`);
  const core = await createDuetCore({
    dataDir,
    modelPath,
    modelHub,
    version: appVersion,
    cloud,
    instanceKind: 'headless',
    restoreBackup: values['restore-backup'] ?? false,
    apiPort,
    ...idleMinuteForTests(),
  });
  reportStartupModel(core, modelPath);
  // Kept in the data folder (after the lock is taken, so two Duets never race to write it), so a
  // tab opened before a restart reconnects by itself.
  const access = loadAccessToken(dataDir, { renew: values['new-token'] ?? false });
  if (access.note) console.warn(access.note);
  if (values['new-token'] && access.source === 'environment') console.warn('Duet: --new-token has no effect while DUET_TOKEN is set.');
  if (values['new-token'] && access.source === 'new') console.log('Duet made a new access token: tabs opened with the old address must open the one below.');
  const token = access.token;
  const server = createBridgeServer({ core, token, staticDir });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  announceInstanceAddress(dataDir, `http://127.0.0.1:${actualPort}/`);
  console.log(`Duet is ready: http://127.0.0.1:${actualPort}/?token=${encodeURIComponent(token)}`);
  await reportApi(core);
  if (download) void downloadAndLoad(core, download);

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    server.closeAllConnections();
    server.close();
    core.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Duet: shutting down failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** Says where other apps reach Duet's OpenAI-compatible API, with its key, or why it is not running. */
async function reportApi(core: DuetCore): Promise<void> {
  const info = await core.call('app.info', {});
  if (!info.ok) return;
  const { api } = info.value as AppInfo;
  if (api.running && api.baseUrl) console.log(`OpenAI-compatible API for other apps: ${api.baseUrl}  (model duet-auto, key ${api.key ?? ''})`);
  else if (api.problem) console.warn(`Duet: ${api.problem}`);
}

/** Downloads the model named by --model, then loads it; a failure is explained and Duet keeps running. */
async function downloadAndLoad(core: DuetCore, name: string): Promise<void> {
  try {
    const file = await downloadForServe(core, name);
    const loaded = await core.call('model.load', { path: file });
    if (!loaded.ok) console.error(`Duet could not load the downloaded model ${file}: ${loaded.error.message}`);
  } catch (error) {
    console.error(`Duet could not download ${name}: ${error instanceof Error ? error.message : String(error)}`);
    console.error("Duet keeps running: choose a model in the browser at Duet's address, or restart with --model.");
  }
}

/**
 * Prints on stderr why the model Duet was started with did not load. The browser shows it too, but
 * someone who just ran the command looks at the terminal. Duet keeps running: a model can be chosen
 * in the browser.
 */
function reportStartupModel(core: DuetCore, flagged: string | null): void {
  let watching = true;
  const check = (status: ModelStatus): void => {
    if (!watching || (status.state !== 'ready' && status.state !== 'error')) return;
    watching = false;
    unsubscribe();
    if (status.state === 'error' && status.error) {
      console.error(`Duet could not load the model ${status.path ?? flagged ?? ''}: ${status.error.message}`);
      console.error("Duet keeps running: choose another model file in the browser at Duet's address, or restart with --model PATH.");
    }
  };
  const unsubscribe = core.subscribe((event) => {
    if (event.type === 'model.status') check(event.status);
  });
  void core.call('app.info', {}).then((info) => {
    if (!info.ok) return;
    const value = info.value as { model: ModelStatus; settings: Settings };
    // Nothing to load at start: nothing to report.
    if (!flagged && !value.settings.modelPath) {
      watching = false;
      unsubscribe();
      return;
    }
    check(value.model);
  });
}

/** A cloud endpoint named on the command line; both parts or neither. */
function cloudFromFlags(baseUrl: string | undefined, model: string | undefined): CloudSettings | null {
  if (!baseUrl && !model) return null;
  if (!baseUrl || !model) throw new Error('Give both --cloud-url and --cloud-model (or DUET_CLOUD_BASE_URL and DUET_CLOUD_MODEL).');
  const parsed = CloudSettings.safeParse({ presetId: 'custom', baseUrl, model });
  if (!parsed.success)
    throw new Error(
      parsed.error.issues.some((i) => i.message === URL_KEY_REFUSED)
        ? `--cloud-url holds a key. ${URL_KEY_REFUSED}`
        : `--cloud-url must be an http(s) URL, got "${baseUrl}".`,
    );
  return parsed.data;
}

main().catch((error: unknown) => {
  console.error(`Duet could not start: ${startFailure(error)}`);
  process.exit(1);
});

/** Why Duet could not start, and what to do, for the terminal. */
function startFailure(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    return 'That port is in use. Pick another with --port N (0 picks a free one).';
  }
  const envelope = toEnvelopeError(error);
  if (envelope.code === 'storage_corrupt' && dataDir) {
    const restore = `stop any other Duet and run: npm run serve -- --data ${JSON.stringify(dataDir)} --restore-backup`;
    return damagedHistoryMessage(findDamagedHistory(dataDir), restore);
  }
  return envelope.message.replace(/^Something went wrong inside Duet: /, '');
}

/**
 * DUET_IDLE_MINUTE_MS: how long one "minute" of the idle-unload setting lasts, for the end-to-end test of the
 * sleeping model (a real minute there was a minute of CI). Not in the usage text: users set whole minutes.
 */
function idleMinuteForTests(): { idleMinuteMs?: number } {
  const ms = Number(process.env.DUET_IDLE_MINUTE_MS);
  return Number.isInteger(ms) && ms > 0 ? { idleMinuteMs: ms } : {};
}
