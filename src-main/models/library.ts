import fs from 'node:fs/promises';
import path from 'node:path';
import type { LibraryModel, ModelLibrary, RemovedModel } from '../contract/index.js';
import { SearchBudget, walkFiles } from './discover-walk.js';
import { defaultLlama, readGgufFacts, type LlamaProvider } from './gguf-facts.js';

/** Duet's own models folder inside the data folder: downloads land there, and only files there are ever deleted. */
export const MODELS_FOLDER = 'models';

export interface LibraryOptions {
  /** Duet's models folder (DATA/models). */
  folder: string;
  /** The model the settings name as active (settings.modelPath), wherever it lives. */
  activePath: string | null;
  llama?: LlamaProvider;
}

/**
 * The models in Duet's folder with what their headers say, and the active model when it lives
 * elsewhere (marked not removable). A damaged or incomplete file in the folder is listed with its
 * problem, so the user can remove it; partial downloads (in a hidden folder) are not listed.
 */
export async function listLibrary(options: LibraryOptions): Promise<ModelLibrary> {
  const llama = options.llama ?? defaultLlama;
  const activeReal = options.activePath ? await realOrNull(options.activePath) : null;
  const budget = new SearchBudget(Date.now() + 5000, 10_000);
  // Hidden folders hold what is not a model yet: the downloader's partial files (.partial/).
  const files = await walkFiles(
    options.folder,
    2,
    (name) => path.extname(name).toLowerCase() === '.gguf',
    budget,
    (name) => !name.startsWith('.'),
  );
  const folderReal = await realOrNull(options.folder);

  const models: LibraryModel[] = [];
  let activeListed = false;
  for (const file of files) {
    const real = await realOrNull(file.path);
    const active = real !== null && real === activeReal;
    activeListed ||= active;
    models.push(await describe(file.path, { active, removable: real !== null && folderReal !== null && isInside(real, folderReal) }, llama));
  }
  if (options.activePath && !activeListed) {
    models.unshift(await describe(options.activePath, { active: true, removable: false }, llama));
  }
  return { folder: options.folder, models };
}

async function describe(file: string, marks: { active: boolean; removable: boolean }, llama: LlamaProvider): Promise<LibraryModel> {
  const read = await readGgufFacts(file, llama);
  if (read.ok) return { name: read.facts.name, path: file, sizeBytes: read.sizeBytes, facts: read.facts, problem: null, ...marks };
  const sizeBytes = (await fs.stat(file).catch(() => null))?.size ?? 0;
  return { name: path.basename(file).replace(/\.gguf$/i, ''), path: file, sizeBytes, facts: null, problem: read.problem, ...marks };
}

/** Why a removal was refused; `code` matches the contract's error codes. */
export class RemoveRefused extends Error {
  constructor(
    readonly code: 'not_found' | 'model_not_removable',
    message: string,
  ) {
    super(message);
  }
}

export interface RemoveOptions {
  folder: string;
  activePath: string | null;
  /** Called before the active model's file is deleted, to stop answers and unload it. */
  unloadActive: () => Promise<void>;
}

/**
 * Deletes a model file from Duet's models folder. A file anywhere else (one Duet only points to,
 * or a link in the folder to one) is never deleted: the call is refused with a message that says so.
 */
export async function removeModel(file: string, options: RemoveOptions): Promise<RemovedModel> {
  const requested = path.resolve(file);
  let real: string;
  let stat;
  try {
    real = await fs.realpath(requested);
    stat = await fs.lstat(requested);
  } catch {
    throw new RemoveRefused('not_found', `There is no model file at ${requested}: it may have been removed already. Refresh the library.`);
  }
  const folderReal = await realOrNull(options.folder);
  if (folderReal === null || !isInside(real, folderReal) || stat.isSymbolicLink()) {
    throw new RemoveRefused(
      'model_not_removable',
      `Duet did not download ${requested}; it only uses it where it is, so it will not delete it. To free the space, delete it in the app that downloaded it or in your file manager.`,
    );
  }
  if (
    path
      .relative(folderReal, real)
      .split(path.sep)
      .some((part) => part.startsWith('.'))
  ) {
    throw new RemoveRefused('model_not_removable', `${requested} is a download that has not finished. Cancel the download instead; that removes it.`);
  }
  if (!stat.isFile() || path.extname(real).toLowerCase() !== '.gguf') {
    throw new RemoveRefused('model_not_removable', `${requested} is not a model file (.gguf), so Duet will not delete it.`);
  }
  const activeReal = options.activePath ? await realOrNull(options.activePath) : null;
  const wasActive = activeReal === real;
  // The engine may hold the file open (mapped into memory): it lets go before the file goes.
  if (wasActive) await options.unloadActive();
  await fs.rm(real, { force: true });
  return { path: requested, freedBytes: stat.size, wasActive };
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function realOrNull(file: string): Promise<string | null> {
  try {
    return await fs.realpath(file);
  } catch {
    return null;
  }
}
