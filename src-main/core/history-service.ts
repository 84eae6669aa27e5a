import type {
  ConversationSummary,
  DistillationExport,
  ExportFormat,
  ExportedFile,
  ImportSummary,
  Savings,
  SearchRequest,
  SearchResult,
} from '../contract/index.js';
import type { History } from '../history/history-types.js';
import {
  conversationsToJson,
  conversationsToMarkdown,
  distillationFileName,
  exportFileName,
  parseHistoryFile,
  toDistillationJsonl,
  transferMimeType,
} from '../history/transfer/index.js';
import { detectPrivateData } from '../router/privacy.js';
import { CoreError } from './core-error.js';
import type { EventHub } from './event-hub.js';
import { computeSavings } from './savings.js';
import type { SettingsService } from './settings-service.js';

const DEFAULT_SAVINGS_DAYS = 30;

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
    return this.changed(this.deps.history.renameConversation(id, title));
  }

  pin(id: string, pinned: boolean): ConversationSummary {
    return this.changed(this.deps.history.setPinned(id, pinned));
  }

  delete(id: string): boolean {
    if (this.deps.isAnswering(id)) {
      throw new CoreError('busy', 'Duet is still answering in this conversation. Stop the answer, then delete it.');
    }
    return this.changed(this.deps.history.deleteConversation(id));
  }

  search(request: SearchRequest): SearchResult {
    return { hits: this.deps.history.search(request), models: this.deps.history.answerModels() };
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

  import(content: string): ImportSummary {
    const parsed = parseHistoryFile(content);
    const result = this.deps.history.importConversations(parsed.conversations);
    if (result.conversations > 0) this.deps.events.emit({ type: 'conversations.changed' });
    return { format: parsed.format, ...result };
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
      dayFacts: history.dayFacts(0),
      cloudModel: settings.read().cloud?.model ?? null,
      days,
      now,
    });
  }

  private changed<T>(value: T): T {
    this.deps.events.emit({ type: 'conversations.changed' });
    return value;
  }
}
