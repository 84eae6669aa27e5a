import { describe, expect, it } from 'vitest';
import type { DownloadState } from '../../src-main/contract/models.js';
import { resumeLabel } from '../../src-renderer/lib/download-resume.js';

const state = (changes: Partial<DownloadState>): DownloadState => ({
  id: 'qwen',
  attempt: 0,
  phase: 'cancelled',
  downloadedBytes: 0,
  totalBytes: 491_000_000,
  bytesPerSecond: 0,
  secondsLeft: null,
  path: null,
  error: null,
  ...changes,
});

describe('the download button of a catalog model', () => {
  it('offers to resume a partial file an earlier run or a failed try left, with how much is there', () => {
    expect(resumeLabel(state({ downloadedBytes: 120_000_000 }))).toBe('Resume (120 MB of 491 MB)');
    expect(resumeLabel(state({ phase: 'failed', downloadedBytes: 64_000, totalBytes: 250_000 }))).toBe('Resume (0.1 MB of 0.3 MB)');
    expect(resumeLabel(state({ phase: 'failed', downloadedBytes: 5_000_000, totalBytes: null }))).toBe('Resume (5.0 MB)');
  });

  it('says nothing of resuming when nothing is left to resume from', () => {
    expect(resumeLabel(null)).toBeNull();
    // A cancelled download's partial file is deleted: the core reports 0 bytes.
    expect(resumeLabel(state({ downloadedBytes: 0 }))).toBeNull();
    // A whole file that failed its hash check was deleted too.
    expect(resumeLabel(state({ phase: 'failed', downloadedBytes: 491_000_000 }))).toBeNull();
    expect(resumeLabel(state({ phase: 'downloading', downloadedBytes: 1_000 }))).toBeNull();
    expect(resumeLabel(state({ phase: 'done', downloadedBytes: 491_000_000 }))).toBeNull();
  });
});
