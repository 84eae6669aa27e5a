#!/usr/bin/env node
// Headless Duet: the same core as the desktop app, with the contract over HTTP for a browser tab.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CloudSettings, URL_KEY_REFUSED } from '../contract/index.js';
import { createDuetCore } from '../core/create-core.js';
import { toEnvelopeError } from '../core/core-error.js';
import { appRoot, defaultAppDataDir, resolveDataDir, resolveModelPath } from '../core/paths.js';
import { appVersion } from '../core/version.js';
import { createBridgeServer } from './http-bridge.js';

const DEFAULT_PORT = 8765;
const USAGE = `Usage: npm run serve -- [--model PATH] [--port N] [--data DIR] [--cloud-url URL --cloud-model NAME]
  --model PATH        GGUF model to load (or DUET_MODEL; else the last one loaded)
  --port N            port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --data DIR          data folder (or DUET_DATA_DIR; default ${defaultAppDataDir()})
  --cloud-url URL     an OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 (or DUET_CLOUD_BASE_URL)
  --cloud-model NAME  the cloud model (or DUET_CLOUD_MODEL)
  DUET_CLOUD_API_KEY  the cloud API key (headless Duet never stores keys)
  DUET_TOKEN          the access token (default: a new random one each start)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      'cloud-url': { type: 'string' },
      'cloud-model': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535.\n${USAGE}`);

  const staticDir = path.join(appRoot(), 'dist-renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('The renderer is not built. Run `npm run build` first.');

  const core = await createDuetCore({
    dataDir: resolveDataDir({ flag: values.data, defaultDir: defaultAppDataDir() }),
    modelPath: resolveModelPath({ flag: values.model }),
    version: appVersion,
    cloud: cloudFromFlags(values['cloud-url'] ?? process.env.DUET_CLOUD_BASE_URL, values['cloud-model'] ?? process.env.DUET_CLOUD_MODEL),
  });
  const token = process.env.DUET_TOKEN || randomBytes(24).toString('base64url');
  const server = createBridgeServer({ core, token, staticDir });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  console.log(`Duet is ready: http://127.0.0.1:${actualPort}/?token=${encodeURIComponent(token)}`);

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

/** A cloud endpoint named on the command line; both parts or neither. */
function cloudFromFlags(baseUrl: string | undefined, model: string | undefined): CloudSettings | null {
  if (!baseUrl && !model) return null;
  if (!baseUrl || !model) throw new Error('Give both --cloud-url and --cloud-model (or DUET_CLOUD_BASE_URL and DUET_CLOUD_MODEL).');
  const parsed = CloudSettings.safeParse({ presetId: 'custom', baseUrl, model });
  if (!parsed.success) throw new Error(parsed.error.issues.some((i) => i.message === URL_KEY_REFUSED) ? `--cloud-url holds a key. ${URL_KEY_REFUSED}` : `--cloud-url must be an http(s) URL, got "${baseUrl}".`);
  return parsed.data;
}

main().catch((error: unknown) => {
  const reason = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
    ? 'That port is in use. Pick another with --port N (0 picks a free one).'
    : toEnvelopeError(error).message.replace(/^Something went wrong inside Duet: /, '');
  console.error(`Duet could not start: ${reason}`);
  process.exit(1);
});
