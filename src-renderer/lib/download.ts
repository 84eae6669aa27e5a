import type { ExportedFile } from '../../src-main/contract/history-entities.js';

/**
 * Offers a file the core made as a download: a Blob behind a temporary object URL and a
 * temporary `<a download>`; works the same in Chromium and in Electron, with no navigation.
 */
export function offerDownload(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has taken the data once the click's task ends; give it a moment all the same.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
