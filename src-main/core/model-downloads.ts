// Composes the catalog, the fit check and the download manager for the core: the handlers of the
// `models.catalog`/`models.download`/`models.cancel`/`models.downloads` channels and progress events.
import path from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../contract/index.js';
import { loadCatalog } from '../models/catalog.js';
import { DownloadManager } from '../models/download-manager.js';
import { ModelCatalog } from '../models/model-catalog.js';
import type { EventHub } from './event-hub.js';
import { appRoot } from './paths.js';

type DownloadChannel = 'models.catalog' | 'models.download' | 'models.cancel' | 'models.downloads';

/** Where downloaded models live in the data folder. */
export const MODELS_FOLDER = 'models';

/** The shipped catalog file. */
export function defaultCatalogFile(): string {
  return path.join(appRoot(), 'resources', 'models', 'catalog.json');
}

export interface ModelDownloadsOptions {
  dataDir: string;
  /** Base URL that `hf:` URIs resolve against (an internal mirror), read at each use; null for huggingface.co. */
  hub: () => string | null;
  catalogFile?: string;
  /** No new byte for this long ends a download as stalled. */
  stallMs?: number;
}

/** Builds the download side of the core. */
export function createModelDownloads(options: ModelDownloadsOptions, events: EventHub) {
  const entries = loadCatalog(options.catalogFile ?? defaultCatalogFile());
  const modelsDir = path.join(options.dataDir, MODELS_FOLDER);
  const hub = options.hub;
  const catalog = new ModelCatalog({ entries: () => entries, hub, modelsDir });
  // Progress events are thinned to about two a second: the downloader reports far more often.
  const lastSent = new Map<string, number>();
  const downloads = new DownloadManager({
    modelsDir,
    catalog: () => entries,
    hub,
    ...(options.stallMs ? { stallMs: options.stallMs } : {}),
    onChange: (download) => {
      const now = Date.now();
      if (download.phase === 'downloading' && now - (lastSent.get(download.id) ?? 0) < 500) return;
      lastSent.set(download.id, now);
      events.emit({ type: 'model.download', download });
    },
  });
  const handlers: { [C in DownloadChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> } = {
    'models.catalog': ({ refresh }) => catalog.list(refresh ?? false),
    // Answers once the server was asked: a missing file fails in the answer itself.
    'models.download': ({ id }) => downloads.begin(id),
    'models.cancel': ({ id }) => downloads.cancel(id),
    'models.downloads': () => downloads.list(),
  };
  return {
    handlers,
    downloads,
    modelsDir,
    /** Stops downloads (their partial files stay, to resume at the next start) and frees the llama binding. */
    async close(): Promise<void> {
      await downloads.close();
      await catalog.close();
    },
  };
}
