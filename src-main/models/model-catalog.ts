// The recommended models with their fit to this machine (cached per entry and hub: a header is read
// once per run) and whether each is already downloaded.
import { existsSync } from 'node:fs';
import path from 'node:path';
// node-llama-cpp is imported when a fit is asked for, not when the core starts (it costs a second or more).
import type { Llama } from 'node-llama-cpp';
import type { CatalogEntry, CatalogItem, DuetError, ModelFit } from '../contract/index.js';
import { fitCatalogEntry } from './model-fit.js';
import { ModelsError } from './models-error.js';

export interface ModelCatalogOptions {
  entries: () => CatalogEntry[];
  hub: () => string | null;
  modelsDir: string;
  /** The llama.cpp binding that reports this machine's memory; started on first use. */
  llama?: () => Promise<Llama>;
}

/** The catalog as the welcome screen shows it. */
export class ModelCatalog {
  private readonly fits = new Map<string, Promise<{ fit: ModelFit | null; fitError: DuetError | null }>>();
  private llama: Promise<Llama> | null = null;
  private users = 0;

  constructor(private readonly options: ModelCatalogOptions) {}

  /** Every entry with its fit; `refresh` reads the headers again (after a mirror change or a failure). */
  async list(refresh = false): Promise<CatalogItem[]> {
    if (refresh) this.fits.clear();
    const hub = this.options.hub();
    this.users += 1;
    try {
      return await this.items(hub);
    } finally {
      // The binding holds memory (and on a GPU, a device context) that the engine's model needs more:
      // it is let go once the fits are known; they are cached, so it is rarely started again.
      this.users -= 1;
      if (this.users === 0) await this.close();
    }
  }

  private items(hub: string | null): Promise<CatalogItem[]> {
    return Promise.all(
      this.options.entries().map(async (entry) => {
        const key = `${hub ?? ''} ${entry.id}`;
        let fit = this.fits.get(key);
        if (!fit) {
          fit = this.fitOf(entry, hub);
          this.fits.set(key, fit);
        }
        const result = await fit;
        // A failed read is not kept: the next look tries again (the network may be back).
        if (result.fitError) this.fits.delete(key);
        const file = path.join(this.options.modelsDir, entry.fileName);
        return { entry, ...result, downloadedPath: existsSync(file) ? file : null };
      }),
    );
  }

  private async fitOf(entry: CatalogEntry, hub: string | null): Promise<{ fit: ModelFit | null; fitError: DuetError | null }> {
    try {
      return { fit: await fitCatalogEntry(entry, hub, await this.binding()), fitError: null };
    } catch (error) {
      if (error instanceof ModelsError) return { fit: null, fitError: { code: error.code, message: error.message } };
      return {
        fit: null,
        fitError: { code: 'internal', message: `Duet could not judge whether ${entry.name} fits: ${error instanceof Error ? error.message : String(error)}` },
      };
    }
  }

  private binding(): Promise<Llama> {
    this.llama ??= (
      this.options.llama ??
      (async () => {
        const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
        return getLlama({ gpu: 'auto', logLevel: LlamaLogLevel.error, progressLogs: false });
      })
    )();
    return this.llama;
  }

  /** Releases the llama.cpp binding if it was started. */
  async close(): Promise<void> {
    const llama = this.llama;
    this.llama = null;
    if (llama) await (await llama).dispose().catch(() => undefined);
  }
}
