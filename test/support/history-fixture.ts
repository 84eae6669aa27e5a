import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openHistory, type History } from '../../src-main/history/index.js';
import { makeTempDir } from './temp-dir.js';

/** Something a test opened on the history file: closed after the test unless it is closed already. */
type Closable = { close(): void; readonly open?: boolean };

export interface HistoryFolder {
  /** The current test's own folder, fresh for each test. */
  readonly dir: string;
  /** `duet.sqlite` in that folder. */
  readonly file: string;
  /** Opens the history at `name` in the folder (`duet.sqlite` by default); closed after the test. */
  open(name?: string): Promise<History>;
  /** Closes `closable` after the test, before the folder is removed; returns it. */
  closeAfter<T extends Closable>(closable: T): T;
}

/**
 * A fresh temp folder (`duet-<prefix>-…`) for each test of the file, to hold its history, removed
 * after the test once everything opened through `open` or `closeAfter` is closed. Call it at the
 * top of a test file: it registers the beforeEach and afterEach that do this.
 */
export function useHistoryFolder(prefix: string): HistoryFolder {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  const toClose: Closable[] = [];
  const current = () => {
    if (!temp) throw new Error('the history folder exists only while a test runs');
    return temp;
  };

  beforeEach(() => {
    temp = makeTempDir(prefix);
  });
  afterEach(() => {
    for (const c of toClose.splice(0)) if (c.open !== false) c.close();
    temp?.remove();
    temp = undefined;
  });

  const folder: HistoryFolder = {
    get dir() {
      return current().dir;
    },
    get file() {
      return path.join(current().dir, 'duet.sqlite');
    },
    async open(name = 'duet.sqlite') {
      return folder.closeAfter(await openHistory(path.join(current().dir, name)));
    },
    closeAfter(closable) {
      toClose.push(closable);
      return closable;
    },
  };
  return folder;
}
