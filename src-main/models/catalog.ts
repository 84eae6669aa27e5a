import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CatalogEntry } from '../contract/index.js';

const CatalogFile = z
  .object({ version: z.literal(1), models: z.array(CatalogEntry).min(1) })
  .strict()
  .refine((file) => new Set(file.models.map((m) => m.id)).size === file.models.length, { error: 'Two catalog entries share an id.' })
  .refine((file) => new Set(file.models.map((m) => m.fileName)).size === file.models.length, {
    error: 'Two catalog entries share a file name.',
  });

/** Reads and validates a catalog file (resources/models/catalog.json); throws naming the broken entry. */
export function loadCatalog(file: string): CatalogEntry[] {
  const parsed = CatalogFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The model catalog ${file} is not valid: ${detail}`);
  }
  for (const entry of parsed.data.models) {
    if (!entry.uri.endsWith(`/${entry.fileName}`)) throw new Error(`The model catalog ${file}: ${entry.id}'s uri does not name ${entry.fileName}.`);
  }
  return parsed.data.models;
}

/** The URL an `hf:<user>/<repo>/<file>` URI resolves to on a hub (huggingface.co or a mirror with the same layout). */
export function hubFileUrl(uri: string, hubBase: string): string {
  const [user, repo, ...file] = uri.slice('hf:'.length).split('/');
  const base = hubBase.endsWith('/') ? hubBase : `${hubBase}/`;
  return `${base}${encodeURIComponent(user!)}/${encodeURIComponent(repo!)}/resolve/main/${file.map(encodeURIComponent).join('/')}`;
}

/** Hugging Face, where `hf:` URIs point when no mirror is set. */
export const DEFAULT_HUB = 'https://huggingface.co/';
