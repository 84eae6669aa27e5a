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
  /** Resolves once the server has printed something matching `pattern` (rejects if it exits first). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
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
  /** The GGUF to load at start; null starts without --model (the saved model, if any). */
  model: string | null;
  dataDir: string;
  port?: number;
  token?: string;
  /** Extra environment for the server, e.g. DUET_CLOUD_BASE_URL. */
  env?: NodeJS.ProcessEnv;
  /** Extra command-line flags, e.g. `--new-token`. */
  args?: string[];
  /** Another build's `dist-main/server/cli.js` (a benchmark's baseline); this checkout's by default. */
  cli?: string;
}

/** What a server that ended printed, and how it ended. */
export interface FinishedServer {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function spawnServer(options: ServerOptions): ChildProcess & { stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream } {
  const args = [options.cli ?? CLI, '--data', options.dataDir, '--port', String(options.port ?? 0), ...(options.args ?? [])];
  if (options.model !== null) args.push('--model', options.model);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // The token comes from the data folder unless a test names one.
  if (options.token) env.DUET_TOKEN = options.token;
  else if (!options.env?.DUET_TOKEN) delete env.DUET_TOKEN;
  return spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the built headless server until it exits by itself (a start that must fail), with a time limit. */
export async function runServerToExit(options: ServerOptions, timeoutMs = 60_000): Promise<FinishedServer> {
  const child = spawnServer(options);
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

/** Every server this process started, in order: a failed test prints the output of its own. */
const startedServers: RunningServer[] = [];

/** Every server this process started so far, oldest first (a test notes the length before it starts its own). */
export function serversStarted(): readonly RunningServer[] {
  return startedServers;
}

/** Starts the built headless server (`npm run build` first) and waits for its "ready" line. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const child = spawnServer(options);
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
  const waitForOutput = async (pattern: RegExp, timeoutMs = 60_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(output);
      if (match) return match[0];
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Duet exited before printing ${pattern}:\n${output}`);
      if (Date.now() >= deadline) throw new Error(`Duet did not print ${pattern} within ${timeoutMs} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const server: RunningServer = {
    url,
    port: Number(new URL(url).port),
    process: child,
    output: () => output,
    waitForOutput,
    childPids,
    stop,
    kill9,
  };
  startedServers.push(server);
  return server;
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
