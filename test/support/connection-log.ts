// Reads what test/support/connection-recorder.mjs wrote, and tells loopback from the rest.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The preload to put in NODE_OPTIONS (`--import <file URL>`). */
export const CONNECTION_RECORDER = new URL('./connection-recorder.mjs', import.meta.url).href;

/** One line of the log. */
export interface ConnectionEntry {
  pid: number;
  ppid: number;
  kind: 'process' | 'connect' | 'udp' | 'dns' | 'fetch';
  via?: string;
  host?: string;
  port?: number;
  path?: string;
  argv?: string[];
}

/** The environment that makes a Node process (and its children) record into `logFile`. */
export function recorderEnvironment(logFile: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const options = [env.NODE_OPTIONS, `--import ${CONNECTION_RECORDER}`].filter(Boolean).join(' ');
  return { NODE_OPTIONS: options, DUET_CONNECTION_LOG: logFile };
}

/** Every entry written so far (none when nothing was recorded yet). */
export function readConnectionLog(logFile: string): ConnectionEntry[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ConnectionEntry);
}

/** True for a name or address that stays on this computer: localhost, 127.0.0.0/8, ::1 (also IPv4-mapped). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** The entries that would leave the computer: any connect, datagram, name lookup or fetch not to loopback. */
export function outgoing(entries: ConnectionEntry[]): ConnectionEntry[] {
  return entries.filter((entry) => {
    if (entry.kind === 'process') return false;
    // A Unix socket or Windows pipe (an IPC path) is local by nature.
    if (entry.path !== undefined) return false;
    return !isLoopbackHost(entry.host ?? '');
  });
}

/** The recorder's file path, for messages. */
export const CONNECTION_RECORDER_FILE = fileURLToPath(CONNECTION_RECORDER);
