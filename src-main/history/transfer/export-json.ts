import type { ConversationDetail } from '../../contract/index.js';

/** The `format` field that marks a file as a Duet history export. */
export const DUET_EXPORT_FORMAT = 'duet-history';

/** The version of the export layout this build writes and the newest it can read. */
export const DUET_EXPORT_VERSION = 1;

/** What a Duet export file holds, as written by `conversationsToJson`. */
export interface DuetExportFile {
  format: typeof DUET_EXPORT_FORMAT;
  formatVersion: number;
  /** "Duet 0.1.0": which build wrote it, for people reading the file. */
  app: string;
  /** ISO 8601, UTC. */
  exportedAt: string;
  conversations: ConversationDetail[];
}

/**
 * Conversations as a Duet export file: every message with its full provenance (where it ran, why,
 * model, tokens, timings, cost), pretty-printed so the file is readable and diffs well.
 */
export function conversationsToJson(details: ConversationDetail[], meta: { appVersion: string; exportedAt: Date }): string {
  const file: DuetExportFile = {
    format: DUET_EXPORT_FORMAT,
    formatVersion: DUET_EXPORT_VERSION,
    app: `Duet ${meta.appVersion}`,
    exportedAt: meta.exportedAt.toISOString(),
    conversations: details,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
