import path from 'node:path';
import type { ConversationDetail, DuetError, Message, ModelStatus, Provenance } from '../contract/index.js';
import type { History } from '../history/history-types.js';
import type { ChatTurn, LocalEngine } from '../local/engine-types.js';
import { CoreError, toEnvelopeError } from './core-error.js';
import type { EventHub } from './event-hub.js';

/** A streamed answer is written to disk at least this often, so a crash keeps what was said. */
export const PARTIAL_SAVE_INTERVAL_MS = 250;
const TITLE_LENGTH = 60;
const LOCAL_REASON = 'no cloud model is set up, so every answer runs on this machine';

export interface SendResult {
  conversationId: string;
  userMessage: Message;
  assistantMessage: Message;
}

/**
 * Sends questions to the local engine and keeps history in step: the question is saved before
 * anything can fail, the answer is saved as it grows, and how it ended is recorded with it.
 */
export class ChatService {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly history: History,
    private readonly engine: LocalEngine,
    private readonly events: EventHub,
  ) {}

  /** Saves the question, starts the answer in the background and returns both messages at once. */
  send(conversationId: string | null, text: string): SendResult {
    const conversation = conversationId ? this.requireConversation(conversationId) : null;
    const id = conversation?.conversation.id ?? this.history.createConversation(titleFrom(text)).id;
    if (this.running.has(id)) {
      throw new CoreError('busy', 'Duet is still answering in this conversation. Stop it or wait for the answer first.');
    }
    const earlier = conversation ? turnsOf(conversation.messages) : [];
    const userMessage = this.history.addMessage({ conversationId: id, role: 'user', content: text, status: 'complete' });
    const model = this.engine.status();
    const unavailable = modelUnavailable(model);
    const assistantMessage = this.history.addMessage({
      conversationId: id,
      role: 'assistant',
      content: '',
      status: unavailable ? 'error' : 'streaming',
      provenance: provenanceFor(model, null),
    });
    const shown = unavailable ? this.history.updateMessage(assistantMessage.id, { error: unavailable }) : assistantMessage;
    this.events.emit({ type: 'message.updated', message: userMessage });
    this.events.emit({ type: 'message.updated', message: shown });
    this.events.emit({ type: 'conversations.changed' });
    if (!unavailable) this.startAnswer(id, shown, earlier, text);
    return { conversationId: id, userMessage, assistantMessage: shown };
  }

  /** Stops the answer being written in a conversation; false when none was running. */
  stop(conversationId: string): boolean {
    const run = this.running.get(conversationId);
    run?.controller.abort();
    return run !== undefined;
  }

  /** Stops every answer and waits until each has been saved. */
  async stopAll(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((run) => run.done));
  }

  private requireConversation(id: string): ConversationDetail {
    const found = this.history.getConversation(id);
    if (!found) throw new CoreError('not_found', 'That conversation no longer exists. Start a new chat.');
    return found;
  }

  private startAnswer(conversationId: string, message: Message, earlier: ChatTurn[], prompt: string): void {
    const controller = new AbortController();
    const done = this.answer(conversationId, message, earlier, prompt, controller.signal)
      .catch((error: unknown) => this.finish(conversationId, message.id, { status: 'error', error: toEnvelopeError(error) }));
    this.running.set(conversationId, { controller, done });
  }

  private async answer(conversationId: string, message: Message, earlier: ChatTurn[], prompt: string, signal: AbortSignal): Promise<void> {
    let text = '';
    let saved = '';
    // Saving on a timer, not per token, keeps the token path free of disk writes.
    const saver = setInterval(() => {
      if (text === saved) return;
      saved = text;
      this.history.updateMessage(message.id, { content: text });
    }, PARTIAL_SAVE_INTERVAL_MS);
    try {
      const outcome = await this.engine.generate(
        { conversationId, history: earlier, prompt },
        (chunk) => {
          text += chunk;
          this.events.emit({ type: 'message.delta', conversationId, messageId: message.id, text: chunk });
        },
        signal,
      );
      if (outcome.ok) {
        const { stats } = outcome.value;
        this.finish(conversationId, message.id, {
          content: outcome.value.text,
          status: outcome.value.stopped ? 'stopped' : 'complete',
          provenance: { ...provenanceFor(this.engine.status(), stats.model), ttftMs: stats.ttftMs, tokens: stats.tokens, tokensPerSecond: stats.tokensPerSecond },
        });
      } else {
        this.finish(conversationId, message.id, { content: text, status: 'error', error: outcome.error });
        if (outcome.error.code === 'engine_crashed') this.events.emit({ type: 'engine.crashed', error: outcome.error });
      }
    } finally {
      clearInterval(saver);
    }
  }

  /** Records how an answer ended; the conversation is free for the next question before anyone hears of it. */
  private finish(conversationId: string, messageId: string, patch: Parameters<History['updateMessage']>[1]): void {
    this.running.delete(conversationId);
    const message = this.history.updateMessage(messageId, patch);
    this.events.emit({ type: 'message.updated', message });
    this.events.emit({ type: 'conversations.changed' });
  }
}

/** Why no answer can start now, or null when the model is ready (or still loading: the engine waits for it). */
function modelUnavailable(status: ModelStatus): DuetError | null {
  if (status.state === 'ready' || status.state === 'loading') return null;
  if (status.state === 'error' && status.error) return status.error;
  return {
    code: 'model_missing',
    message: 'No local model is loaded. Choose a GGUF model file (start Duet with --model PATH, or load one above), then send again.',
  };
}

function provenanceFor(status: ModelStatus, model: string | null): Provenance {
  return {
    target: 'local',
    reasons: [LOCAL_REASON],
    model: model ?? status.name ?? (status.path ? path.basename(status.path) : 'no model'),
    ttftMs: null,
    tokens: 0,
    tokensPerSecond: null,
  };
}

/** The turns the model should see: questions, and answers that produced text. */
function turnsOf(messages: Message[]): ChatTurn[] {
  return messages
    .filter((m) => m.role === 'user' || m.content.length > 0)
    .map((m) => ({ role: m.role, content: m.content }));
}

function titleFrom(text: string): string {
  const firstLine = text.trim().split('\n', 1)[0] ?? '';
  return firstLine.length > TITLE_LENGTH ? `${firstLine.slice(0, TITLE_LENGTH - 1)}…` : firstLine;
}
