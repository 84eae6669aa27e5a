import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Shared limits of one search, so a huge or looping folder tree cannot hang it. */
export class SearchBudget {
  private entries = 0;
  private stopped = false;

  constructor(
    private readonly deadline: number,
    private readonly maxEntries: number,
  ) {}

  /** Counts one folder entry; false once the time or entry limit is reached. */
  take(): boolean {
    if (this.stopped) return false;
    this.entries += 1;
    if (this.entries > this.maxEntries || Date.now() > this.deadline) this.stopped = true;
    return !this.stopped;
  }

  /** True when a limit cut the search short. */
  get exhausted(): boolean {
    return this.stopped;
  }
}

/** A file found by a walk: the path as reached, and its identity on disk (two routes, one file). */
export interface WalkedFile {
  path: string;
  identity: string;
  sizeBytes: number;
}

/**
 * The files below `folder` (at most `maxDepth` folders down) that `want` accepts. Symbolic links
 * are followed, each real folder is entered once (a link loop ends there), unreadable entries are
 * skipped, and the walk stops when the budget runs out.
 */
export async function walkFiles(
  folder: string,
  maxDepth: number,
  want: (name: string) => boolean,
  budget: SearchBudget,
  enter: (folderName: string) => boolean = () => true,
): Promise<WalkedFile[]> {
  const found: WalkedFile[] = [];
  const entered = new Set<string>();

  const visit = async (dir: string, depth: number): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch {
      return;
    }
    if (entered.has(real)) return;
    entered.add(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (!budget.take()) return;
      const full = path.join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await statOf(full))?.isDirectory() === true);
      if (isDir) {
        if (depth < maxDepth && enter(entry.name)) await visit(full, depth + 1);
        continue;
      }
      if (!want(entry.name)) continue;
      const stat = await statOf(full);
      if (stat?.isFile()) found.push({ path: full, identity: `${stat.dev}:${stat.ino}`, sizeBytes: stat.size });
    }
  };

  await visit(folder, 0);
  return found;
}

/** The file's identity and size following links, or null when it cannot be read. */
export async function statOf(file: string): Promise<import('node:fs').Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}
