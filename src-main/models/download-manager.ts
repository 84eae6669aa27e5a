// Downloads catalog models with node-llama-cpp's downloader (ipull underneath: ranged, resumable,
// retrying on a dropped connection). Files arrive in `<models>/.partial/` and get their place in
// `<models>/` only after their SHA-256 matched, so a partial or damaged file is never where a model
// is looked for. A restart resumes from the partial: the downloader keeps its progress beside it.
import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
// node-llama-cpp is imported when a download starts, not when the core starts (it costs a second or more).
import type { ModelDownloader } from 'node-llama-cpp';
import type { CatalogEntry, DownloadState, DuetError } from '../contract/index.js';
import { DEFAULT_HUB, hubFileUrl } from './catalog.js';
import { probeModelFile } from './download-probe.js';
import { sha256File } from './file-hash.js';
import { ModelsError } from './models-error.js';
import { partialBytes } from './partial-progress.js';

/** Where unfinished downloads live, inside the models folder. */
export const PARTIAL_FOLDER = '.partial';
/** The downloader's own progress file beside a partial download (ipull's extension). */
const PROGRESS_SUFFIX = '.ipull';

export interface DownloadManagerOptions {
  /** `DATA/models`: verified files go here. */
  modelsDir: string;
  catalog: () => CatalogEntry[];
  /** The hub base URL for `hf:` URIs (an internal mirror), or null for huggingface.co. */
  hub: () => string | null;
  /** No new byte for this long ends the download as stalled (the partial is kept). Default 60 s. */
  stallMs?: number;
  /**
   * No new byte for this long asks the server again (as before the start): a file now gone or a
   * server now failing ends the download with that cause at once, not after `stallMs`. Default 5 s.
   */
  recheckMs?: number;
  onChange: (state: DownloadState) => void;
}

interface Running {
  state: DownloadState;
  downloader: ModelDownloader | null;
  /** Why the manager itself stopped the downloader, if it did ('failed': the server named a cause). */
  stopReason: 'cancel' | 'stall' | 'close' | 'failed' | null;
  /** Set with stopReason 'failed': what the server said when asked again. */
  failure: ModelsError | null;
  done: Promise<DownloadState>;
  /** Resolves once the server was asked and the downloader started (or the download ended before). */
  started: Promise<void>;
  markStarted: () => void;
}

/** Starts, tracks and cancels model downloads; one at a time per catalog id. */
export class DownloadManager {
  private readonly runs = new Map<string, Running>();
  /** Entries for hf: URIs outside the catalog, by URI. */
  private readonly adHoc = new Map<string, CatalogEntry>();
  private readonly stallMs: number;
  private readonly recheckMs: number;
  private closed = false;

  constructor(private readonly options: DownloadManagerOptions) {
    this.stallMs = options.stallMs ?? 60_000;
    this.recheckMs = Math.min(options.recheckMs ?? 5_000, this.stallMs);
  }

  get partialDir(): string {
    return path.join(this.options.modelsDir, PARTIAL_FOLDER);
  }

  /** Where a catalog model's verified file lives (whether or not it is there yet). */
  finalPath(entry: CatalogEntry): string {
    return path.join(this.options.modelsDir, entry.fileName);
  }

  /** Starts downloading `id` (resuming a partial one); answers at once, progress follows as events. */
  start(id: string): DownloadState {
    const entry = this.entry(id);
    id = entry.id;
    const current = this.runs.get(id);
    if (current && (current.state.phase === 'queued' || current.state.phase === 'downloading' || current.state.phase === 'verifying')) return current.state;
    const attempt = (current?.state.attempt ?? 0) + 1;
    // A file in the models folder was verified when it was put there: nothing to download again.
    const final = this.finalPath(entry);
    if (existsSync(final)) {
      const size = statSync(final).size;
      const state: DownloadState = {
        id,
        attempt,
        phase: 'done',
        downloadedBytes: size,
        totalBytes: size,
        bytesPerSecond: 0,
        secondsLeft: null,
        path: final,
        error: null,
      };
      this.runs.set(id, {
        state,
        downloader: null,
        stopReason: null,
        failure: null,
        done: Promise.resolve(state),
        started: Promise.resolve(),
        markStarted: () => undefined,
      });
      return state;
    }
    let markStarted = (): void => undefined;
    const run: Running = {
      state: { id, attempt, phase: 'queued', downloadedBytes: 0, totalBytes: null, bytesPerSecond: 0, secondsLeft: null, path: null, error: null },
      downloader: null,
      stopReason: null,
      failure: null,
      done: Promise.resolve(null as unknown as DownloadState),
      started: new Promise<void>((resolve) => {
        markStarted = resolve;
      }),
      markStarted: () => markStarted(),
    };
    this.runs.set(id, run);
    run.done = this.run(entry, run);
    return run.state;
  }

  /**
   * Starts downloading `id` like `start`, and answers once the server has been asked: with the
   * failure when it has no file or is failing (a 404 fails here, in well under a second), else
   * with the download under way. An answer and its events then agree, whichever arrives first.
   */
  async begin(id: string): Promise<DownloadState> {
    const first = this.start(id);
    const run = this.runs.get(first.id);
    if (!run) return first;
    await Promise.race([run.started, run.done]);
    return run.state;
  }

  /** Resolves when a download ends (done, failed or cancelled). */
  async wait(id: string): Promise<DownloadState> {
    const run = this.runs.get(this.adHoc.get(id)?.id ?? id);
    if (!run) throw new ModelsError('not_found', `No download of "${id}" is running.`);
    return run.done;
  }

  /** Stops a download and removes its partial file; a finished one is left as it is. */
  async cancel(id: string): Promise<DownloadState> {
    const entry = this.entry(id);
    id = entry.id;
    const run = this.runs.get(id);
    if (run && (run.state.phase === 'queued' || run.state.phase === 'downloading')) {
      run.stopReason = 'cancel';
      await run.downloader?.cancel({ deleteTempFile: true });
      await run.done;
    }
    await this.removePartial(entry);
    // Nothing of it is left to resume from.
    if (run && run.state.phase !== 'done') this.update(run, { phase: 'cancelled', downloadedBytes: 0 });
    return run?.state ?? { id, attempt: 0, phase: 'cancelled', downloadedBytes: 0, totalBytes: null, bytesPerSecond: 0, secondsLeft: null, path: null, error: null };
  }

  /** Every download of this run, and partial ones an earlier run left (to resume). */
  async list(): Promise<DownloadState[]> {
    const states = [...this.runs.values()].map((run) => run.state);
    for (const entry of this.options.catalog()) {
      if (this.runs.has(entry.id)) continue;
      // The progress file is preallocated to the full size: its length says nothing of what arrived.
      const partial = (await sizeOf(path.join(this.partialDir, entry.fileName + PROGRESS_SUFFIX))) ?? (await sizeOf(path.join(this.partialDir, entry.fileName)));
      if (partial !== null) {
        // What arrived, from the downloader's own record (the "Resume (x of y)" the welcome screen shows).
        const arrived =
          (await partialBytes(path.join(this.partialDir, entry.fileName + PROGRESS_SUFFIX))) ?? (await partialBytes(path.join(this.partialDir, entry.fileName))) ?? 0;
        states.push({
          id: entry.id,
          attempt: 0,
          phase: 'cancelled',
          downloadedBytes: arrived,
          totalBytes: entry.sizeBytes,
          bytesPerSecond: 0,
          secondsLeft: null,
          path: null,
          error: null,
        });
      }
    }
    return states;
  }

  /** Stops every download and keeps its partial file, so the next start resumes it. */
  async close(): Promise<void> {
    this.closed = true;
    for (const run of this.runs.values()) {
      if (run.state.phase !== 'downloading' && run.state.phase !== 'queued') continue;
      run.stopReason = 'close';
      await run.downloader?.cancel({ deleteTempFile: false });
    }
    await Promise.all([...this.runs.values()].map((run) => run.done));
  }

  private entry(id: string): CatalogEntry {
    const entry = this.options.catalog().find((candidate) => candidate.id === id || candidate.uri === id) ?? this.adHoc.get(id) ?? uriEntry(id);
    if (!entry) {
      throw new ModelsError('not_found', `"${id}" is not in the model catalog. Choose a model from the list, or give an hf:<user>/<repo>/<file>.gguf address.`);
    }
    // Keyed by what the caller asked for, so wait/cancel find it by the same name.
    this.adHoc.set(id, entry);
    return entry;
  }

  private async run(entry: CatalogEntry, run: Running): Promise<DownloadState> {
    const hub = this.options.hub() ?? DEFAULT_HUB;
    const url = hubFileUrl(entry.uri, hub);
    const host = new URL(url).host;
    let watchdog: NodeJS.Timeout | null = null;
    try {
      const probe = await probeModelFile(url, entry.fileName, this.stallMs);
      const expected = entry.sha256 ?? probe.publishedSha256;
      if (!expected) {
        throw new ModelsError(
          'download_failed',
          `${host} publishes no SHA-256 for ${entry.fileName}, and the catalog has none, so Duet could not check the file. Add its sha256 to the catalog (or use a mirror that sends X-Linked-Etag), then try again.`,
        );
      }
      const total = probe.totalBytes ?? entry.sizeBytes;
      await this.checkFreeSpace(entry, total);
      await this.restoreProgressFile(entry);
      if (run.stopReason) return this.stopped(run);

      let lastBytes = -1;
      let lastMoveAt = Date.now();
      const { createModelDownloader } = await import('node-llama-cpp');
      const downloader = await createModelDownloader({
        modelUri: entry.uri,
        dirPath: this.partialDir,
        fileName: entry.fileName,
        endpoints: { huggingFace: hub },
        skipExisting: true,
        deleteTempFileOnCancel: false,
        parallelDownloads: 1,
        onProgress: ({ totalSize, downloadedSize, averageSpeed, estimatedTimeLeft }) => {
          if (downloadedSize !== lastBytes) {
            lastBytes = downloadedSize;
            lastMoveAt = Date.now();
          }
          this.update(run, {
            phase: 'downloading',
            downloadedBytes: downloadedSize,
            totalBytes: totalSize || total,
            bytesPerSecond: averageSpeed,
            secondsLeft: Number.isFinite(estimatedTimeLeft) ? Math.round(estimatedTimeLeft / 1000) : null,
          });
        },
      });
      run.downloader = downloader;
      if (run.stopReason) {
        await downloader.cancel({ deleteTempFile: run.stopReason === 'cancel' });
        return this.stopped(run);
      }
      this.update(run, { phase: 'downloading', totalBytes: downloader.totalSize || total, downloadedBytes: downloader.downloadedSize });
      run.markStarted();
      // ipull retries a failing connection for minutes on its own (150 times). No new byte for
      // recheckMs asks the server again, and a named cause (the file gone, the server failing)
      // ends it at once; no new byte for stallMs ends it as stalled.
      let asked = lastMoveAt;
      watchdog = setInterval(
        () => {
          if (run.stopReason) return;
          const now = Date.now();
          if (now - lastMoveAt >= this.stallMs) {
            run.stopReason = 'stall';
            void downloader.cancel({ deleteTempFile: false });
            return;
          }
          if (now - lastMoveAt < this.recheckMs || now - asked < this.recheckMs) return;
          asked = now;
          const quietSince = lastMoveAt;
          void this.serverCause(url, entry).then((cause) => {
            if (!cause || run.stopReason || lastMoveAt !== quietSince) return;
            run.stopReason = 'failed';
            run.failure = cause;
            void downloader.cancel({ deleteTempFile: false });
          });
        },
        Math.min(1000, this.recheckMs / 4),
      );
      await downloader.download();
      clearInterval(watchdog);
      watchdog = null;
      if (run.stopReason === 'stall') throw await this.stallCause(url, host, entry);
      if (run.stopReason === 'failed' && run.failure) throw run.failure;
      if (run.stopReason) return this.stopped(run);

      const downloaded = path.join(this.partialDir, entry.fileName);
      const size = await sizeOf(downloaded);
      if (size === null || (probe.totalBytes !== null && size !== probe.totalBytes)) {
        throw new ModelsError('download_failed', `The download of ${entry.name} ended before the whole file arrived. Try again: it resumes where it stopped.`);
      }
      this.update(run, { phase: 'verifying', downloadedBytes: size, totalBytes: size, secondsLeft: 0 });
      const actual = await sha256File(downloaded);
      if (actual !== expected) {
        await rm(downloaded, { force: true });
        throw new ModelsError(
          'download_failed',
          `The downloaded file for ${entry.name} is damaged: its SHA-256 does not match the published one, so Duet deleted it. Download it again; if this repeats, the server (or mirror) has a bad copy.`,
        );
      }
      const final = this.finalPath(entry);
      await rename(downloaded, final);
      this.update(run, { phase: 'done', path: final, bytesPerSecond: 0 });
      return run.state;
    } catch (error) {
      if (run.stopReason === 'cancel' || run.stopReason === 'close') return this.stopped(run);
      this.update(run, { phase: 'failed', error: asDuetError(error, entry), bytesPerSecond: 0, secondsLeft: null });
      return run.state;
    } finally {
      if (watchdog) clearInterval(watchdog);
    }
  }

  private stopped(run: Running): DownloadState {
    this.update(run, { phase: 'cancelled', bytesPerSecond: 0, secondsLeft: null });
    return run.state;
  }

  /** What the server says when asked again: its failure (gone, refused, failing), or null when it answers or does not answer at all. */
  private async serverCause(url: string, entry: CatalogEntry): Promise<ModelsError | null> {
    try {
      await probeModelFile(url, entry.fileName, Math.min(this.stallMs, 10_000));
      return null;
    } catch (error) {
      // Unreachable or silent: that is for the stall timer to judge, as before.
      return error instanceof ModelsError && !/did not answer|Could not reach/.test(error.message) ? error : null;
    }
  }

  /** After a stall: a full disk, or the server now failing or gone, is named as such; otherwise it is a stall. */
  private async stallCause(url: string, host: string, entry: CatalogEntry): Promise<ModelsError> {
    // The downloader retries a failed write as it retries a failed read: a full disk looks like a stall.
    const free = await freeBytes(this.partialDir);
    if (free !== null && free < DISK_FULL_BYTES) return diskFullError(entry);
    try {
      await probeModelFile(url, entry.fileName, Math.min(this.stallMs, 10_000));
    } catch (error) {
      if (error instanceof ModelsError && !/did not answer/.test(error.message)) return error;
    }
    return new ModelsError(
      'download_failed',
      `The download of ${entry.name} stalled: ${host} sent nothing for ${Math.round(this.stallMs / 1000)} s. What arrived is kept: try again to resume, or check your network connection.`,
    );
  }

  private async checkFreeSpace(entry: CatalogEntry, totalBytes: number): Promise<void> {
    await mkdir(this.partialDir, { recursive: true });
    const fs = await statfs(this.partialDir);
    const free = fs.bavail * fs.bsize;
    // A partial file already holds its full length (preallocated), so it needs no more room.
    const already = (await sizeOf(path.join(this.partialDir, entry.fileName + PROGRESS_SUFFIX))) ?? 0;
    const needed = Math.max(0, totalBytes - already);
    if (needed > free) {
      throw new ModelsError(
        'storage_full',
        `Not enough disk space for ${entry.name}: it needs ${formatBytes(needed)} and ${this.options.modelsDir} has ${formatBytes(free)} free. Free some space, or choose a smaller model.`,
      );
    }
  }

  /**
   * ipull, when stopped, sometimes renames its progress file to the final name (it judges "ended" by
   * a preallocated length). Its progress record is still at the file's end: the old name lets it resume.
   */
  private async restoreProgressFile(entry: CatalogEntry): Promise<void> {
    const progress = path.join(this.partialDir, entry.fileName + PROGRESS_SUFFIX);
    const named = path.join(this.partialDir, entry.fileName);
    if ((await sizeOf(progress)) === null && (await sizeOf(named)) !== null) await rename(named, progress);
  }

  private async removePartial(entry: CatalogEntry): Promise<void> {
    await rm(path.join(this.partialDir, entry.fileName + PROGRESS_SUFFIX), { force: true });
    await rm(path.join(this.partialDir, entry.fileName), { force: true });
  }

  private update(run: Running, changes: Partial<DownloadState>): void {
    run.state = { ...run.state, ...changes };
    if (!this.closed || run.state.phase !== 'downloading') this.options.onChange(run.state);
  }
}

/** A download entry for an `hf:<user>/<repo>/<file>.gguf` URI outside the catalog; its hash must come from the hub. */
function uriEntry(uri: string): CatalogEntry | null {
  const match = /^hf:([^/\s]+)\/([^/\s]+)\/(?:[^\s]+\/)?([^/\s]+\.gguf)$/.exec(uri);
  if (!match) return null;
  const fileName = match[3]!;
  return {
    id: uri,
    name: fileName,
    uri,
    fileName,
    sizeBytes: 1,
    quantization: '',
    parameters: '',
    contextLength: 1,
    languages: ['en'],
    license: 'unknown',
    sha256: null,
    description: '',
  };
}

function asDuetError(error: unknown, entry: CatalogEntry): DuetError {
  if (error instanceof ModelsError) return { code: error.code, message: error.message };
  const code = (error as { code?: string })?.code;
  if (code === 'ENOSPC') return { code: 'storage_full', message: diskFullError(entry).message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'download_failed', message: `The download of ${entry.name} failed: ${detail}. Try again; it resumes where it stopped.` };
}

/** Less free space than this after a stall means the disk filled up. */
const DISK_FULL_BYTES = 1024 * 1024;

function diskFullError(entry: CatalogEntry): ModelsError {
  return new ModelsError('storage_full', `The disk filled up while downloading ${entry.name}. Free some space, then try again: the download resumes where it stopped.`);
}

async function freeBytes(dir: string): Promise<number | null> {
  try {
    const fs = await statfs(dir);
    return fs.bavail * fs.bsize;
  } catch {
    return null;
  }
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

/** Bytes as people read them (MB, GB). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(0, Math.round(bytes / 1e3))} KB`;
}
