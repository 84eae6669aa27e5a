import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DistillationExport, ExportFormat, ImportSummary } from '../../../src-main/contract/history-entities.js';
import type { DuetClient } from '../client.js';
import { offerDownload } from '../download.js';

/** What the exports are for: the open conversation, or the whole history. */
export type ExportScope = 'conversation' | 'all';

/** Export, import and the fine-tuning dataset: each action with its own outcome, shown where it was asked for. */
export class HistoryState {
  /** The export on its way, if any. */
  exporting = $state<ExportScope | null>(null);
  exportErrors = $state.raw<Record<ExportScope, DuetError | null>>({ conversation: null, all: null });

  importing = $state(false);
  imported = $state.raw<ImportSummary | null>(null);
  importError = $state.raw<DuetError | null>(null);

  distilling = $state(false);
  distilled = $state.raw<DistillationExport | null>(null);
  distillError = $state.raw<DuetError | null>(null);

  #api: DuetClient;

  constructor(api: DuetClient) {
    this.#api = api;
  }

  /** Exports one conversation (an id) or all of them (null) and offers the file as a download. */
  async export(conversationId: string | null, format: ExportFormat): Promise<void> {
    const scope: ExportScope = conversationId === null ? 'all' : 'conversation';
    if (this.exporting !== null) return;
    this.exporting = scope;
    this.#setExportError(scope, null);
    const result = await this.#api.call('history.export', { conversationId, format });
    this.exporting = null;
    if (result.ok) offerDownload(result.value);
    else this.#setExportError(scope, result.error);
  }

  /** Reads a Duet JSON export or ChatGPT's conversations.json and adds its conversations. */
  async import(file: File): Promise<void> {
    if (this.importing) return;
    this.importing = true;
    this.imported = null;
    this.importError = null;
    try {
      const result = await this.#api.importFile(file);
      if (result.ok) this.imported = result.value;
      else this.importError = result.error;
    } finally {
      this.importing = false;
    }
  }

  /** Exports the cloud question/answer pairs as JSONL (needs the distillation setting on). */
  async distill(): Promise<void> {
    if (this.distilling) return;
    this.distilling = true;
    this.distilled = null;
    this.distillError = null;
    const result = await this.#api.call('history.distill', {});
    this.distilling = false;
    if (result.ok) {
      this.distilled = result.value;
      offerDownload(result.value);
    } else {
      this.distillError = result.error;
    }
  }

  /** Forgets the outcomes shown in the settings panel (it was opened afresh). */
  clearOutcomes(): void {
    this.exportErrors = { ...this.exportErrors, all: null };
    this.imported = null;
    this.importError = null;
    this.distilled = null;
    this.distillError = null;
  }

  #setExportError(scope: ExportScope, error: DuetError | null): void {
    this.exportErrors = { ...this.exportErrors, [scope]: error };
  }
}
