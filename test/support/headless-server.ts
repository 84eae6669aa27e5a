import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist-main', 'server', 'cli.js');

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** Pids of the server's child processes (the engine worker). */
  childPids(): number[];
  stop(): Promise<void>;
}

export interface ServerOptions {
  model: string;
  dataDir: string;
  port?: number;
  token?: string;
  /** Extra environment for the server, e.g. DUET_CLOUD_BASE_URL. */
  env?: NodeJS.ProcessEnv;
}

/** Starts the built headless server (`npm run build` first) and waits for its "ready" line. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    [CLI, '--model', options.model, '--data', options.dataDir, '--port', String(options.port ?? 0)],
    { env: { ...process.env, ...options.env, ...(options.token ? { DUET_TOKEN: options.token } : {}) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (data: Buffer): void => {
      output += data.toString();
      const match = /Duet is ready: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Duet exited with ${code} before it was ready:\n${output}`)));
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    port: Number(new URL(url).port),
    process: child,
    output: () => output,
    childPids: () => {
      try {
        return execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' })
          .split('\n')
          .map((line) => Number(line.trim()))
          .filter((pid) => pid > 0);
      } catch {
        return [];
      }
    },
    stop,
  };
}
