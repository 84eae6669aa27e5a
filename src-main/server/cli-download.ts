// `serve --model <catalog id | hf: URI>`: downloads the model through the core (the same download
// manager the welcome screen uses) with a progress bar on stderr, then loads it.
import type { DownloadState } from '../contract/index.js';
import type { DuetCore } from '../core/core-types.js';

/** True when a --model value names a download (a catalog id or an hf: URI) rather than a file. */
export function isDownloadName(value: string): boolean {
  if (value.startsWith('hf:')) return true;
  return /^[a-z0-9][a-z0-9._-]{0,79}$/.test(value) && !value.toLowerCase().endsWith('.gguf');
}

/** One line of the terminal progress bar. */
export function progressLine(state: DownloadState, width = 30): string {
  const total = state.totalBytes ?? 0;
  const share = total > 0 ? Math.min(1, state.downloadedBytes / total) : 0;
  const filled = Math.round(share * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const left = state.secondsLeft === null ? '' : `  ${formatDuration(state.secondsLeft)} left`;
  const speed = state.bytesPerSecond > 0 ? `  ${mb(state.bytesPerSecond)}/s` : '';
  return `${bar} ${String(Math.floor(share * 100)).padStart(3)}%  ${mb(state.downloadedBytes)} / ${total ? mb(total) : '?'}${speed}${left}`;
}

/**
 * Downloads `name`, drawing progress on `out` (redrawn in place on a terminal, a line per 10 % otherwise),
 * and resolves with the model file's path; rejects with the download's own message.
 */
export async function downloadForServe(core: DuetCore, name: string, out: NodeJS.WriteStream = process.stderr): Promise<string> {
  let lastTenth = -1;
  let id = name;
  const finished = new Promise<DownloadState>((resolve) => {
    const stop = core.subscribe((event) => {
      if (event.type !== 'model.download' || event.download.id !== id) return;
      const state = event.download;
      if (state.phase === 'downloading') {
        const tenth = state.totalBytes ? Math.floor((state.downloadedBytes / state.totalBytes) * 10) : 0;
        if (out.isTTY) out.write(`\r${progressLine(state)}`);
        else if (tenth !== lastTenth) out.write(`${progressLine(state)}\n`);
        lastTenth = tenth;
      }
      if (state.phase === 'verifying') out.write(`${out.isTTY ? '\r' : ''}${progressLine(state)}\nChecking the file's SHA-256…\n`);
      if (state.phase === 'done' || state.phase === 'failed' || state.phase === 'cancelled') {
        stop();
        resolve(state);
      }
    });
  });
  out.write(`Downloading ${name}…\n`);
  const started = await core.call('models.download', { id: name });
  if (!started.ok) throw new Error(started.error.message);
  id = (started.value as DownloadState).id;
  const state = await finished;
  if (state.phase !== 'done' || !state.path) throw new Error(state.error?.message ?? `The download of ${name} was cancelled.`);
  out.write(`Downloaded ${name} to ${state.path}\n`);
  return state.path;
}

function mb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m >= 60 ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m` : `${m}:${String(s).padStart(2, '0')}`;
}
