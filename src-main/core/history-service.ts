import type { ConversationSummary, DistillationExport, ExportFormat, ExportedFile, ImportSummary, Savings, SearchRequest, SearchResult } from '../contract/index.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { IMPORT_MAX_BYTES, type ErrorCode } from '../contract/index.js';
import { HistoryError, toHistoryError } from '../history/history-error.js';
import type { History, ImportedConversation, ImportResult } from '../history/history-types.js';
import {
  conversationsToJson,
  conversationsToMarkdown,
  distillationFileName,
  exportFileName,
  parseHistoryText,
  readHistoryFile,
  type ParsedHistoryFile,
  toDistillationJsonl,
  transferMimeType,
} from '../history/transfer/index.js';
import { detectPrivateData } from '../router/privacy.js';
import { CoreError } from './core-error.js';
import type { EventHub } from './event-hub.js';
import { computeSavings, savingsChartStart } from './savings.js';
import type { SettingsService } from './settings-service.js';

const DEFAULT_SAVINGS_DAYS = 30;
/** One import transaction holds at most this many conversations, or about this much text. */
const IMPORT_BATCH_CONVERSATIONS = 100;
const IMPORT_BATCH_CHARS = 256 * 1024;

export interface HistoryServiceDependencies {
  history: History;
  events: EventHub;
  settings: SettingsService;
  appVersion: string;
  /** Whether a conversation has an answer being written (it cannot be deleted then). */
  isAnswering(conversationId: string): boolean;
}

/** What the user does with their history as a whole: organise, search, export, import, count savings. */
export class HistoryService {
  constructor(private readonly deps: HistoryServiceDependencies) {}

  rename(id: string, title: string): ConversationSummary {
    return this.changed('renamed', this.deps.history.renameConversation(id, title));
  }

  pin(id: string, pinned: boolean): ConversationSummary {
    return this.changed('pinned', this.deps.history.setPinned(id, pinned));
  }

  /** Deletes a conversation for good; `keepFigures` keeps its answers' figures (no text) for the savings. */
  delete(id: string, options: { keepFigures?: boolean } = {}): boolean {
    if (this.deps.isAnswering(id)) {
      throw new CoreError('busy', 'Duet is still answering in this conversation. Stop the answer, then delete it.');
    }
    const deleted = this.deps.history.deleteConversation(id, options);
    if (deleted) this.deps.events.emit({ type: 'conversations.changed', change: { kind: 'deleted', conversationId: id } });
    return deleted;
  }

  search(request: SearchRequest): SearchResult {
    const { hits, searchedFrom } = this.deps.history.searchPage(request);
    return { hits, models: this.deps.history.answerModels(), searchedFrom };
  }

  export(conversationId: string | null, format: ExportFormat, now = new Date()): ExportedFile {
    const details = this.deps.history.exportConversations(conversationId);
    if (conversationId !== null && details.length === 0) throw new CoreError('not_found', 'That conversation no longer exists.');
    const title = conversationId === null ? null : details[0]!.conversation.title;
    const fileName = exportFileName(title, format, now);
    return format === 'markdown'
      ? { fileName, mimeType: transferMimeType('markdown'), content: conversationsToMarkdown(details, now) }
      : { fileName, mimeType: transferMimeType('json'), content: conversationsToJson(details, { appVersion: this.deps.appVersion, exportedAt: now }) };
  }

  /** Imports a file's text (sent whole over a call); other calls are answered while it runs. */
  async import(content: string): Promise<ImportSummary> {
    return this.importParsed(await parseHistoryText(content));
  }

  /** Imports a file from disk (picked in the desktop app, or uploaded), read as a stream. */
  async importFile(file: string): Promise<ImportSummary> {
    return this.importParsed(await readHistoryFile(file, IMPORT_MAX_BYTES));
  }

  /**
   * Writes the checked conversations in small transactions with a turn of the event loop between
   * them, so chat, search and the rest stay answered during a large import. The whole file was
   * checked first, so a bad file imports nothing; a write that fails part-way (disk full) says how
   * many went in, and importing the file again adds the rest (those already there are skipped).
   */
  private async importParsed(parsed: ParsedHistoryFile): Promise<ImportSummary> {
    const total: ImportResult = { conversations: 0, messages: 0, skipped: 0 };
    const list = parsed.conversations;
    try {
      for (let at = 0; at < list.length;) {
        const end = batchEnd(list, at);
        const result = this.deps.history.importConversations(list.slice(at, end));
        total.conversations += result.conversations;
        total.messages += result.messages;
        total.skipped += result.skipped;
        at = end;
        if (at < list.length) await nextTurn();
      }
    } catch (error) {
      if (total.conversations === 0) throw error;
      throw partialImport(error, total.conversations, list.length);
    } finally {
      if (total.conversations > 0) this.deps.events.emit({ type: 'conversations.changed', change: { kind: 'imported', conversations: total.conversations } });
    }
    return { format: parsed.format, ...total };
  }

  distill(now = new Date()): DistillationExport {
    if (!this.deps.settings.read().distillation) {
      throw new CoreError(
        'invalid_request',
        'Exporting cloud answers for fine-tuning is off. Turn on "Allow exporting cloud answers for fine-tuning" in Settings first.',
      );
    }
    const details = this.deps.history.exportConversations(null);
    const dataset = toDistillationJsonl(details, (text) => detectPrivateData(text).length > 0);
    return { fileName: distillationFileName(now), mimeType: transferMimeType('jsonl'), ...dataset };
  }

  savings(days = DEFAULT_SAVINGS_DAYS, now = new Date()): Savings {
    const { history, settings } = this.deps;
    return computeSavings({
      answers: history.answerFacts(),
      dayFacts: history.dayFacts(savingsChartStart(days, now)),
      cloudModel: settings.read().cloud?.model ?? null,
      days,
      now,
    });
  }

  private changed(kind: 'renamed' | 'pinned', conversation: ConversationSummary): ConversationSummary {
    this.deps.events.emit({ type: 'conversations.changed', change: { kind, conversation } });
    return conversation;
  }
}

/** Where the import transaction that starts at `from` ends: a few hundred KiB of text (indexing it for search is the slow part). */
function batchEnd(list: readonly ImportedConversation[], from: number): number {
  let chars = 0;
  let end = from;
  while (end < list.length && end - from < IMPORT_BATCH_CONVERSATIONS && chars < IMPORT_BATCH_CHARS) {
    for (const m of list[end]!.messages) chars += m.content.length;
    end++;
  }
  return end;
}

const STOPPED_BECAUSE: Partial<Record<ErrorCode, string>> = {
  storage_full: 'the disk is full. Free some space',
  storage_readonly: "Duet's history file cannot be written. Check the permissions of Duet's data folder",
  busy: 'the history is in use by another copy of Duet or another program. Close it',
};

/** An import that stopped after some conversations were written: how many, why, and what to do. */
function partialImport(error: unknown, written: number, total: number): HistoryError {
  const cause = toHistoryError(error, 'import the rest of the conversations');
  const why = STOPPED_BECAUSE[cause.code];
  const message = why
    ? `Duet imported ${written} of ${total} conversations, then stopped: ${why}, then import the file again to add the rest (the conversations already imported are skipped).`
    : `Duet imported ${written} of ${total} conversations, then stopped (${cause.message}). Import the file again to add the rest (the conversations already imported are skipped).`;
  return new HistoryError(cause.code, message, { cause: error });
}
