// Composes the catalog, the fit check and the download manager for the core: the handlers of the
// `models.catalog`/`models.download`/`models.cancel`/`models.downloads` channels and progress events.
// The administrator's policy applies here: downloads off, the mirror to use, the approved hashes.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogItem, DownloadState, ParsedRequestOf, PolicyInfo, ResponseOf } from '../contract/index.js';
import { loadCatalog } from '../models/catalog.js';
import { DownloadManager } from '../models/download-manager.js';
import { ModelCatalog } from '../models/model-catalog.js';
import { CoreError } from './core-error.js';
import type { EventHub } from './event-hub.js';
import { approvedHashes, notApprovedMessage, type ModelHashes } from './model-hash.js';
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
  /** The administrator's policy: its mirror wins over `hub`; downloads may be off or limited to approved files. */
  policy: PolicyInfo;
  /** Hashes of finished downloads, checked against the approved list (and kept for their first load). */
  hashes: ModelHashes;
  catalogFile?: string;
  /** No new byte for this long ends a download as stalled. */
  stallMs?: number;
}

/** Builds the download side of the core. */
export function createModelDownloads(options: ModelDownloadsOptions, events: EventHub) {
  const entries = loadCatalog(options.catalogFile ?? defaultCatalogFile());
  const modelsDir = path.join(options.dataDir, MODELS_FOLDER);
  const { policy, hashes } = options;
  // The administrator's mirror, whatever the user set.
  const hub = (): string | null => policy.modelMirror ?? options.hub();
  const approved = approvedHashes(policy);
  /** Finished downloads refused as not approved (removed), by id: what the manager still calls done. */
  const refused = new Map<string, DownloadState>();
  /** Downloads whose file the manager checked against its expected hash in this run. */
  const verified = new Set<string>();
  const catalog = new ModelCatalog({ entries: () => entries, hub, modelsDir });
  // Progress events are thinned to about two a second: the downloader reports far more often.
  const lastSent = new Map<string, number>();
  const downloads = new DownloadManager({
    modelsDir,
    catalog: () => entries,
    hub,
    ...(options.stallMs ? { stallMs: options.stallMs } : {}),
    onChange: (download) => {
      if (download.phase === 'done' && approved !== null) {
        // Told only once the file is known to be approved (or removed as not).
        void vet(download)
          .catch(() => download)
          .then((vetted) => events.emit({ type: 'model.download', download: vetted }));
        return;
      }
      if (download.phase !== 'done') refused.delete(download.id);
      if (download.phase === 'verifying') verified.add(download.id);
      const now = Date.now();
      if (download.phase === 'downloading' && now - (lastSent.get(download.id) ?? 0) < 500) return;
      lastSent.set(download.id, now);
      events.emit({ type: 'model.download', download });
    },
  });
  /** A finished download as the user should see it: removed and failed when its file is not approved. */
  async function vet(download: DownloadState): Promise<DownloadState> {
    if (approved === null || download.phase !== 'done' || !download.path) return download;
    const file = download.path;
    // A catalog model just checked against the catalog's hash on arrival has that hash: no second read.
    // A file that was already in the folder is read: anyone could have put it there under that name.
    const known = entries.find((entry) => entry.id === download.id)?.sha256;
    if (known && verified.has(download.id) && approved.has(known)) {
      await hashes.record(file, known);
      return download;
    }
    if (approved.has(await hashes.of(file))) return download;
    await rm(file, { force: true });
    hashes.forget(file);
    const state: DownloadState = {
      ...download,
      phase: 'failed',
      path: null,
      error: { code: 'forbidden_by_policy', message: `${notApprovedMessage(file)} The download was removed.` },
    };
    refused.set(download.id, state);
    return state;
  }

  /** Refuses a download the policy forbids before any byte is fetched. */
  function refuseForbidden(id: string): void {
    if (!policy.allowModelDownloads) throw new CoreError('forbidden_by_policy', DOWNLOADS_OFF_MESSAGE);
    const entry = entries.find((candidate) => candidate.id === id || candidate.uri === id);
    // A catalog entry's hash is known before downloading: an unapproved one is not fetched at all.
    if (approved !== null && entry?.sha256 && !approved.has(entry.sha256)) throw new CoreError('forbidden_by_policy', notApprovedMessage(entry.fileName));
  }

  const handlers: { [C in DownloadChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> } = {
    // With downloads off, the hub is not asked about fit: nothing may be fetched from it anyway.
    'models.catalog': ({ refresh }) => {
      if (!policy.allowModelDownloads) return catalogWithoutHub(entries, modelsDir, DOWNLOADS_OFF_MESSAGE);
      // With the cloud off by policy, Duet reaches no other computer on its own: the fit is read only from
      // a mirror (the site's own server). A download the user asks for still goes to the hub.
      if (!policy.allowCloud && hub() === null) return catalogWithoutHub(entries, modelsDir, OFFLINE_FIT_MESSAGE);
      return catalog.list(refresh ?? false);
    },
    // Answers once the server was asked: a missing file fails in the answer itself.
    'models.download': async ({ id }) => {
      refuseForbidden(id);
      return vet(await downloads.begin(id));
    },
    'models.cancel': ({ id }) => downloads.cancel(id),
    'models.downloads': async () => (await downloads.list()).map((state) => (state.phase === 'done' ? (refused.get(state.id) ?? state) : state)),
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

/** What a user reads when the administrator turned model downloads off. */
export const DOWNLOADS_OFF_MESSAGE =
  'Your administrator does not allow model downloads on this computer. Use a GGUF file that is already here (choose it below), or ask your administrator for a model.';

/** Why the catalog shows no fit when the administrator keeps Duet off the internet and set no mirror. */
export const OFFLINE_FIT_MESSAGE =
  'Your administrator keeps Duet from contacting the internet on its own, so how well this model fits your computer was not checked. You can still download it.';

/** The catalog without asking the hub: each entry says why there is no fit, and where a file is already here. */
function catalogWithoutHub(entries: CatalogItem['entry'][], modelsDir: string, why: string): CatalogItem[] {
  return entries.map((entry) => {
    const file = path.join(modelsDir, entry.fileName);
    return { entry, fit: null, fitError: { code: 'forbidden_by_policy', message: why }, downloadedPath: existsSync(file) ? file : null };
  });
}
