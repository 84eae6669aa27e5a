import path from 'node:path';
import type { FoundModel, FoundModels, ModelSource } from '../contract/index.js';
import { modelRoots, thisMachine, type DiscoverPlace } from './discover-roots.js';
import { ollamaModels } from './discover-ollama.js';
import { SearchBudget, statOf, walkFiles } from './discover-walk.js';
import { defaultLlama, readGgufFacts, type LlamaProvider } from './gguf-facts.js';

export interface DiscoverOptions {
  /** Where to look; this machine's home and environment by default. */
  place?: Partial<DiscoverPlace>;
  /** The search stops (and says it is incomplete) after this long; 5 s by default. */
  timeLimitMs?: number;
  /** …or after looking at this many folder entries; 50,000 by default. */
  maxEntries?: number;
  llama?: LlamaProvider;
}

/** Architectures of GGUF files that are not chat models by themselves (vision projectors). */
const NOT_CHAT_MODELS = new Set(['clip']);
/** GPT4All writes a download as `incomplete-<name>.gguf` until it is complete. */
const INCOMPLETE_PREFIX = /^incomplete-/i;
/** Parts 2… of a model split over several files load through part 1. */
const LATER_SPLIT_PART = /-(\d{5})-of-\d{5}\.gguf$/i;

interface Candidate {
  source: ModelSource;
  path: string;
  identity: string;
  sizeBytes: number;
  name: string | null;
}

/**
 * Finds the GGUF models LM Studio, Jan, GPT4All and Ollama have downloaded, to use them where they
 * lie. Broken, partial and non-GGUF files are left out; a file reached by two routes is listed once;
 * the search is bounded in depth, entries and time.
 */
export async function findModelsOnDisk(options: DiscoverOptions = {}): Promise<FoundModels> {
  const place = { ...thisMachine(), ...options.place };
  const budget = new SearchBudget(Date.now() + (options.timeLimitMs ?? 5000), options.maxEntries ?? 50_000);
  const llama = options.llama ?? defaultLlama;

  const searched: string[] = [];
  const candidates: Candidate[] = [];
  for (const root of await modelRoots(place)) {
    if (!(await statOf(root.folder))?.isDirectory()) continue;
    searched.push(root.folder);
    if (root.kind === 'ollama') {
      for (const model of await ollamaModels(root.folder, budget)) candidates.push({ source: root.source, ...model });
      continue;
    }
    const files = await walkFiles(root.folder, root.maxDepth, isModelFileName, budget);
    for (const file of files) candidates.push({ source: root.source, ...file, name: null });
  }

  const seen = new Set<string>();
  const models: FoundModel[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.identity)) continue;
    seen.add(candidate.identity);
    if (!budget.take()) break;
    const read = await readGgufFacts(candidate.path, llama);
    if (!read.ok || NOT_CHAT_MODELS.has(read.facts.architecture)) continue;
    models.push({
      name: candidate.name ?? read.facts.name,
      source: candidate.source,
      path: candidate.path,
      sizeBytes: read.sizeBytes,
      facts: read.facts,
    });
  }
  return { models, searched, complete: !budget.exhausted };
}

/** A name that can be a whole model file: .gguf, not a partial download, not a later split part. */
function isModelFileName(name: string): boolean {
  if (path.extname(name).toLowerCase() !== '.gguf' || INCOMPLETE_PREFIX.test(name)) return false;
  const split = LATER_SPLIT_PART.exec(name);
  return !split || Number(split[1]) === 1;
}
