import { z } from 'zod';
import { Target } from './entities.js';

/**
 * Snippets mark the matched words with these two characters (never found in typed text), so the
 * renderer can highlight them as text nodes instead of trusting HTML from the database.
 */
export const SNIPPET_MARK_START = '\u0002';
export const SNIPPET_MARK_END = '\u0003';

export const SearchRequest = z
  .object({
    query: z.string().trim().min(1, 'Type something to search for.').max(500, 'That search is too long (500 characters at most).'),
    /** Only answers given locally or by the cloud (questions have no target and drop out). */
    target: Target.nullable().optional(),
    /** Only answers from this model. */
    model: z.string().max(200).nullable().optional(),
    /** Only messages written at or after / before this time (ms since 1970). */
    from: z.number().nullable().optional(),
    to: z.number().nullable().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export type SearchRequest = z.infer<typeof SearchRequest>;

/** One message that matched a search, best match first. */
export const SearchHit = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  conversationTitle: z.string(),
  role: z.enum(['user', 'assistant']),
  /** A short excerpt around the match, matched words between SNIPPET_MARK_START and SNIPPET_MARK_END. */
  snippet: z.string(),
  createdAt: z.number(),
  target: Target.nullable(),
  model: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  /** Models that answered anything, for the model filter. */
  models: z.array(z.string()),
  /**
   * When the search stopped before the oldest message its dates allow (it favours recent messages, see
   * history-search.ts): the createdAt of the oldest message it read. Null or absent: it read them all.
   */
  searchedFrom: z.number().nullable().optional(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const ExportFormat = z.enum(['markdown', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A file for the user to save: the renderer offers it as a download. */
export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const ImportSummary = z.object({
  /** What the file turned out to be. */
  format: z.enum(['duet', 'chatgpt']),
  conversations: z.number().int(),
  messages: z.number().int(),
  /** Conversations already in the history (same id) that were left as they were. */
  skipped: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const DistillationExport = ExportedFile.extend({
  /** Question/answer pairs written. */
  pairs: z.number().int(),
  /** Cloud answers left out because the question or answer holds personal or secret data. */
  skippedPrivate: z.number().int(),
});
export type DistillationExport = z.infer<typeof DistillationExport>;

/** Per-target figures on the savings dashboard. */
export const TargetStats = z.object({
  answers: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  medianTtftMs: z.number().nullable(),
  medianTokensPerSecond: z.number().nullable(),
});
export type TargetStats = z.infer<typeof TargetStats>;

export const SavingsDay = z.object({
  /** Local calendar day, YYYY-MM-DD. */
  day: z.string(),
  local: z.number().int(),
  cloud: z.number().int(),
  spendUsd: z.number(),
  savedUsd: z.number(),
});
export type SavingsDay = z.infer<typeof SavingsDay>;

export const Savings = z.object({
  /** Share of finished answers given locally (0..1); null before the first answer. */
  localShare: z.number().nullable(),
  local: TargetStats,
  cloud: TargetStats,
  /** What the cloud answers cost, from the price table. */
  cloudSpendUsd: z.number(),
  /** What the local answers would have cost had they gone to `priceModel`. */
  savedUsd: z.number(),
  /** The cloud model whose prices the estimate uses; null when no price is known (then savedUsd is 0). */
  priceModel: z.string().nullable(),
  days: z.array(SavingsDay),
});
export type Savings = z.infer<typeof Savings>;
