import { describe, expect, it } from 'vitest';
import type { DownloadState } from '../../src-main/contract/index.js';
import { ModelState } from '../../src-renderer/lib/state/model.svelte.js';
import { ModelsState } from '../../src-renderer/lib/state/models.svelte.js';
import { ScriptedClient } from '../support/scripted-client.js';

const ID = 'qwen2.5-0.5b-instruct';

function state(attempt: number, phase: DownloadState['phase'], extra: Partial<DownloadState> = {}): DownloadState {
  return { id: ID, attempt, phase, downloadedBytes: 0, totalBytes: 100, bytesPerSecond: 0, secondsLeft: null, path: null, error: null, ...extra };
}

const FAILED = state(1, 'failed', { error: { code: 'download_failed', message: 'The mirror has no file.' } });
const DONE = state(2, 'done', { downloadedBytes: 100, path: '/models/qwen.gguf' });

function setup(): { client: ScriptedClient; models: ModelsState } {
  const client = new ScriptedClient();
  const models = new ModelsState(client, new ModelState(client));
  return { client, models };
}

describe('ModelsState downloads', () => {
  it('loads a retried download once it is done, though the first attempt’s failure arrives after Retry was pressed', async () => {
    const { client, models } = setup();
    // The first attempt fails at once: the answer comes first, and shows the error with Retry.
    const first = models.download(ID);
    client.take('models.download').ok(FAILED);
    await first;
    expect(models.downloads[ID]?.error?.message).toBe('The mirror has no file.');

    // Retry, and only then the first attempt's event (it travelled apart from the answer).
    const retry = models.download(ID);
    models.update(FAILED);
    expect(models.downloads[ID]?.phase).toBe('failed');
    client.take('models.download').ok(state(2, 'downloading'));
    await retry;
    expect(models.downloads[ID]?.phase).toBe('downloading');

    models.update(DONE);
    expect(client.take('model.load').request).toEqual({ path: '/models/qwen.gguf' });
  });

  it('a retry that fails again shows the new failure and loads nothing', async () => {
    const { client, models } = setup();
    const first = models.download(ID);
    client.take('models.download').ok(FAILED);
    await first;

    const retry = models.download(ID);
    const again = state(2, 'failed', { error: { code: 'download_failed', message: 'The mirror is failing (HTTP 500).' } });
    models.update(again);
    client.take('models.download').ok(again);
    await retry;
    expect(models.downloads[ID]?.error?.message).toBe('The mirror is failing (HTTP 500).');

    // A done from elsewhere (the library) later is not loaded on this page's behalf.
    models.update(state(3, 'done', { path: '/models/qwen.gguf' }));
    expect(client.waiting('model.load')).toHaveLength(0);
  });
});
