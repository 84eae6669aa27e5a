// `serve --model`: which values name a download, and the terminal progress line.
import { describe, expect, it } from 'vitest';
import { isDownloadName, progressLine } from '../../src-main/server/cli-download.js';

describe('serve --model', () => {
  it('treats catalog ids and hf: URIs as downloads, and paths as files', () => {
    expect(isDownloadName('qwen2.5-0.5b-instruct')).toBe(true);
    expect(isDownloadName('hf:Qwen/Qwen3-4B-GGUF/Qwen3-4B-Q4_K_M.gguf')).toBe(true);
    expect(isDownloadName('model.gguf')).toBe(false);
    expect(isDownloadName('./models/tiny.gguf')).toBe(false);
    expect(isDownloadName('/abs/path/model.gguf')).toBe(false);
  });

  it('draws bytes, share, speed and time left', () => {
    const line = progressLine(
      { id: 'x', attempt: 1, phase: 'downloading', downloadedBytes: 250e6, totalBytes: 500e6, bytesPerSecond: 12.5e6, secondsLeft: 20, path: null, error: null },
      10,
    );
    expect(line).toBe('[#####-----]  50%  250.0 MB / 500.0 MB  12.5 MB/s  0:20 left');
  });
});
