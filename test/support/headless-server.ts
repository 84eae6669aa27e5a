import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  /**
   * Kills the server with SIGKILL, as a crash would (no shutdown code runs), and resolves once it is
   * gone, with the pids its children had just before: the caller checks that they end by themselves.
   */
  kill9(): Promise<number[]>;
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
  const childPids = (): number[] => {
    try {
      return execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' })
        .split('\n')
        .map((line) => Number(line.trim()))
        .filter((pid) => pid > 0);
    } catch {
      return [];
    }
  };
  const kill9 = async (): Promise<number[]> => {
    if (child.exitCode !== null || child.signalCode !== null) return [];
    const children = childPids();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(child.pid!, 'SIGKILL');
    await exited;
    return children;
  };
  return {
    url,
    port: Number(new URL(url).port),
    process: child,
    output: () => output,
    childPids,
    stop,
    kill9,
  };
}

/** Whether a process runs (a zombie waiting to be reaped counts as gone). Linux only: reads /proc. */
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may itself hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Waits up to `timeoutMs` for the processes to end; returns those still running. */
export async function waitForExit(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = pids.filter(processAlive);
    if (alive.length === 0 || Date.now() >= deadline) return alive;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
