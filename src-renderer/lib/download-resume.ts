// What a catalog item's download button says: a partial file left by an earlier try is resumed, not restarted.
import type { DownloadState } from '../../src-main/contract/models.js';
import { formatBytes } from './format-size.js';
import { t } from './i18n/index.svelte.js';

/**
 * "Resume (120 MB of 491 MB)" when a stopped or failed download left part of the file (the core
 * counts it; a cancelled download's partial is deleted and counts 0); null when nothing is left.
 */
export function resumeLabel(download: DownloadState | null): string | null {
  if (!download || (download.phase !== 'cancelled' && download.phase !== 'failed')) return null;
  const { downloadedBytes: done, totalBytes: total } = download;
  if (done <= 0 || (total !== null && done >= total)) return null;
  return total === null ? t('download.resume', { done: formatBytes(done) }) : t('download.resumeOf', { done: formatBytes(done), total: formatBytes(total) });
}
