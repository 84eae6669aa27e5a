import { describe, expect, it } from 'vitest';
import type { DuetError } from '../../src-main/contract/envelope.js';
import type { CatalogItem } from '../../src-main/contract/models.js';
import { commonFitError } from '../../src-renderer/lib/catalog-fit.js';

const offline: DuetError = { code: 'download_failed', message: 'Could not reach the model server huggingface.co.' };

function item(id: string, fitError: DuetError | null, known = false): CatalogItem {
  return {
    entry: {
      id,
      name: id,
      uri: `hf:user/repo/${id}.gguf`,
      fileName: `${id}.gguf`,
      sizeBytes: 1,
      quantization: 'Q4_K_M',
      parameters: '1B',
      contextLength: 4096,
      languages: ['en'],
      license: 'MIT',
      sha256: null,
      description: '',
    },
    fit: known ? { level: 'fits', gpuLayers: 0, totalLayers: 24, contextSize: 4096, score: 1, ramBytes: 1, vramBytes: 0 } : null,
    fitError,
    downloadedPath: null,
  };
}

describe('the reason no fit could be checked', () => {
  it('is said once when every model failed for the same reason (offline)', () => {
    expect(commonFitError([item('a', offline), item('b', offline), item('c', offline)])).toEqual(offline);
  });

  it('stays on each card when the reasons differ, some fits are known, or there is one model', () => {
    const other: DuetError = { code: 'download_failed', message: 'HTTP 404' };
    expect(commonFitError([item('a', offline), item('b', other)])).toBeNull();
    expect(commonFitError([item('a', offline), item('b', null, true)])).toBeNull();
    expect(commonFitError([item('a', offline)])).toBeNull();
    expect(commonFitError(null)).toBeNull();
  });
});
