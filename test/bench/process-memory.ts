// Resident memory (RSS) of a process and of its direct children (for `serve`: the engine worker),
// read with ps by pid and parent pid; on Linux also split into private (anonymous) memory, where a
// leak shows, and mapped files, which the kernel may drop and read back at will. Values in MiB.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  pid: number;
  command: string;
  rssMiB: number;
  /** RssAnon and RssFile from /proc (Linux only). */
  anonMiB?: number;
  fileMiB?: number;
}

export interface TreeMemory {
  /** The process itself, then each of its children. */
  processes: ProcessMemory[];
  totalMiB: number;
  /** Private memory of them all (Linux only). */
  anonTotalMiB?: number;
}

function psRows(args: string[]): ProcessMemory[] {
  let text = '';
  try {
    text = execFileSync('ps', ['-o', 'pid=,rss=,comm=', ...args], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when no process matches (no children yet).
    return [];
  }
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ pid: Number(match[1]), rssMiB: round1(Number(match[2]) / 1024), command: match[3]!.trim(), ...procSplit(Number(match[1])) }));
}

function procSplit(pid: number): { anonMiB?: number; fileMiB?: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? Number.NaN);
    const anon = kb('RssAnon');
    const file = kb('RssFile');
    return Number.isNaN(anon) || Number.isNaN(file) ? {} : { anonMiB: round1(anon / 1024), fileMiB: round1(file / 1024) };
  } catch {
    return {};
  }
}

/** RSS of `pid` and of its direct children, now. */
export function treeMemory(pid: number): TreeMemory {
  const processes = [...psRows(['-p', String(pid)]), ...psRows(['--ppid', String(pid)])];
  const totalMiB = round1(processes.reduce((sum, p) => sum + p.rssMiB, 0));
  if (processes.some((p) => p.anonMiB === undefined)) return { processes, totalMiB };
  return { processes, totalMiB, anonTotalMiB: round1(processes.reduce((sum, p) => sum + p.anonMiB!, 0)) };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
