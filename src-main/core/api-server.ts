// The OpenAI-compatible endpoint's HTTP server on 127.0.0.1: started, moved and stopped as its
// settings change, in the desktop app and in `serve` alike, and off when the admin's policy says so.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiServerInfo, ApiSettings, PolicyInfo } from '../contract/index.js';
import type { ApiHandler } from '../openai/api-handler.js';
import { loadApiKey } from './access-token.js';

export interface ApiServerDependencies {
  dataDir: string;
  policy: PolicyInfo;
  settings(): ApiSettings;
  handler(options: { key(): string; allowedOrigins(): readonly string[] }): ApiHandler;
  /** Told whenever what `info()` says changes. */
  onChange(info: ApiServerInfo): void;
  /** A port for this run only (`serve --api-port`), over the settings; 0 picks a free one. */
  portOverride?: number | null;
}

export class ApiServer {
  #server: Server | null = null;
  #port: number | null = null;
  #key: string | null = null;
  #problem: string | null = null;
  #told = '';
  /** Starts and stops run one after another: a quick on-off-on never leaves two servers. */
  #queue: Promise<void> = Promise.resolve();
  readonly #handler: ApiHandler;

  constructor(private readonly deps: ApiServerDependencies) {
    this.#handler = deps.handler({ key: () => this.#key ?? '', allowedOrigins: () => deps.settings().allowedOrigins });
  }

  /** Brings the server in line with the settings (and the policy); resolves once it listens or has stopped. */
  apply(): Promise<void> {
    this.#queue = this.#queue.then(() => this.#apply());
    return this.#queue;
  }

  info(): ApiServerInfo {
    const running = this.#server !== null && this.#port !== null;
    return { running, baseUrl: running ? `http://127.0.0.1:${this.#port}/v1` : null, key: this.#key, problem: this.#problem };
  }

  /** A new key; every app holding the old one is refused from now on. */
  renewKey(): ApiServerInfo {
    this.#key = loadApiKey(this.deps.dataDir, { renew: true }).token;
    this.#changed();
    return this.info();
  }

  close(): Promise<void> {
    this.#queue = this.#queue.then(() => this.#stop());
    return this.#queue;
  }

  async #apply(): Promise<void> {
    const settings = this.deps.settings();
    const wanted = this.deps.portOverride ?? (settings.enabled ? settings.port : null);
    if (wanted !== null && !this.deps.policy.allowApi) {
      await this.#stop();
      this.#problem = 'Your administrator turned off the API for other apps on this computer.';
      return this.#changed();
    }
    if (wanted === null) {
      await this.#stop();
      this.#problem = null;
      return this.#changed();
    }
    if (this.#server && (wanted === 0 || wanted === this.#port)) return;
    await this.#stop();
    this.#key ??= loadApiKey(this.deps.dataDir).token;
    const server = createServer((req, res) => {
      this.#handler(req, res).catch((error: unknown) => {
        console.warn(`Duet: an API request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(wanted, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      this.#server = server;
      this.#port = (server.address() as AddressInfo).port;
      this.#problem = null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.#problem =
        code === 'EADDRINUSE'
          ? `Port ${wanted} is in use by another program. Pick another port for the API (Settings → API for other apps, or --api-port when headless).`
          : `The API could not start on port ${wanted}: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.#changed();
  }

  async #stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    this.#port = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Tells the listener, once per real change (settings saves that do not touch the API change nothing here). */
  #changed(): void {
    const info = this.info();
    const told = JSON.stringify(info);
    if (told === this.#told) return;
    this.#told = told;
    this.deps.onChange(info);
  }
}
