// `npm run dev`: the renderer from source with hot reload (Vite's dev server) against a headless core
// run from source too (tsx), so a UI change shows in the browser at once and nothing is built first.
// Vite serves the page and forwards the bridge's paths (/api/...: calls, the event stream, uploads) to
// the core, so the renderer talks to the same endpoints, with the same token, as under `npm run serve`.
// A change to src-main needs a restart (Ctrl-C, run it again): the core starts in seconds.
//
// The core keeps its data in .duet-dev/ (git-ignored) unless --data says otherwise: a developer's
// experiments never touch the history, settings and token of the Duet they use, and the two can run
// at once (each data folder has its own one-instance lock).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 5173;
const USAGE = `Usage: npm run dev -- [--port N] [--data DIR] [core options, e.g. --model PATH]
  --port N    the page's port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --data DIR  the core's data folder (default .duet-dev/ in the repository, never your own history)
  Every other option goes to the headless core as for \`npm run serve\` (--model PATH, --cloud-url URL, ...);
  the core listens on a free port of its own, reached only through the page's /api/ paths.`;
/** What the core prints once it listens; its address carries the token. */
const READY = /Duet is ready: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/;
/** How long the core gets to save and close after SIGTERM before it is killed. */
const STOP_GRACE_MS = 10_000;

interface DevOptions {
  port: number;
  dataDir: string;
  coreArgs: string[];
}

/** Splits the command line into the dev loop's own options and the ones passed through to the core. */
function parseDevArgs(argv: string[]): DevOptions | null {
  const options: DevOptions = { port: DEFAULT_PORT, dataDir: path.join(ROOT, '.duet-dev'), coreArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--help' || name === '-h') return null;
    if (name !== '--port' && name !== '--data') {
      options.coreArgs.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value.\n${USAGE}`);
    if (name === '--data') options.dataDir = path.resolve(value);
    else options.port = Number(value);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error(`--port must be a number from 0 to 65535.\n${USAGE}`);
  return options;
}

/** Starts src-main/server/cli.ts under tsx (its engine workers run from source too) and waits for its address. */
function startCore(options: DevOptions): { child: ChildProcess; ready: Promise<{ origin: string; token: string }> } {
  const args = ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src-main', 'server', 'cli.ts')];
  args.push('--api-only', '--port', '0', '--data', options.dataDir, ...options.coreArgs);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<{ origin: string; token: string }>((resolve, reject) => {
    let pending = '';
    let found = false;
    child.stdout.on('data', (data: Buffer) => {
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = found ? null : READY.exec(line);
        // The core's own address is not for opening: the page's address, printed below, is.
        if (match?.[1] && match[2]) {
          found = true;
          resolve({ origin: match[1], token: decodeURIComponent(match[2]) });
        } else console.log(`core: ${line}`);
      }
    });
    child.stderr.on('data', (data: Buffer) => process.stderr.write(data));
    child.once('exit', (code, signal) => reject(new Error(`the core stopped before it was ready (${signal ?? `exit code ${code}`}).`)));
  });
  return { child, ready };
}

/** Vite's dev server for src-renderer, forwarding /api/ to the core; the Host header stays 127.0.0.1 (the bridge checks it). */
async function startVite(port: number, coreOrigin: string): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: path.join(ROOT, 'vite.config.ts'),
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      proxy: { '/api': { target: coreOrigin, changeOrigin: false } },
    },
  });
  await server.listen();
  return server;
}

/** Asks the core to close (it saves what it must), and kills it if it has not gone after a grace period. */
async function stopCore(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

async function main(): Promise<void> {
  const options = parseDevArgs(process.argv.slice(2));
  if (!options) return void console.log(USAGE);
  const core = startCore(options);
  let vite: ViteDevServer | null = null;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([vite?.close(), stopCore(core.child)]);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    const { origin, token } = await core.ready;
    core.child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`Duet dev: the core stopped (${signal ?? `exit code ${code}`}); stopping the page server too.`);
      void stop(1);
    });
    vite = await startVite(options.port, origin);
    const address = vite.httpServer?.address();
    const port = address && typeof address === 'object' ? address.port : options.port;
    console.log(`Duet dev is ready: http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /already in use/.test(message) ? ' Pick another port with --port N (0 picks a free one).' : '';
    console.error(`Duet dev could not start: ${message.replace(/\.?$/, '.')}${hint}`);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error(`Duet dev could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
