import type {
  ConversationDetail,
  DuetError,
  GenerationOverrides,
  Message,
  ToolCall,
  ToolRequest,
  PolicyInfo,
  Provenance,
  Result,
  RouteKind,
  RouteMode,
  RouteReason,
} from '../contract/index.js';
import type { History, MessagePatch } from '../history/history-types.js';
import type { ChatTurn, GenerateRequest } from '../local/engine-types.js';
import { estimateTokens } from '../router/context-fit.js';
import { detectPrivateData } from '../router/privacy.js';
import { ESCALATION_THRESHOLD } from '../router/escalation-threshold.js';
import type { RouteDecision, RouteInput } from '../router/router-types.js';
import { AnswerJournal } from './answer-journal.js';
import { isCloudFailure, looksOffline, type AnswerSource, type SourceOutcome } from './answer-source.js';
import { refusalFor as policyRefusal } from './cloud-policy.js';
import { CoreError, toEnvelopeError } from './core-error.js';
import type { EventHub } from './event-hub.js';
import type { SettingsService } from './settings-service.js';

/** A streamed answer is written to disk at least this often, so a crash keeps what was said. */
export const PARTIAL_SAVE_INTERVAL_MS = 250;
/** After the cloud could not be reached, route as if offline for this long instead of waiting on it again. */
export const OFFLINE_BACKOFF_MS = 30_000;
/**
 * The cascade: a local answer whose first tokens the model itself is unsure of (mean probability of
 * the chosen tokens below `threshold` over the first `windowTokens`) is handed to the cloud. Fluent
 * greedy answers of small instruct models mostly pick tokens at 0.7-0.9; 0.6 is where it starts:
 * the threshold in force is learned from the user's choices (router/escalation-threshold.ts).
 */
export const CONFIDENCE_CHECK = { threshold: ESCALATION_THRESHOLD.initial, windowTokens: 8 } as const;
const TITLE_LENGTH = 60;

export interface SendResult {
  conversationId: string;
  userMessage: Message;
  assistantMessage: Message;
}

/** Told about an answer as it is produced, by a caller that waits for it (the OpenAI endpoint). */
export interface AnswerObserver {
  /**
   * An attempt begins: the first, or another side after an escalation or a fallback (what the earlier
   * attempt said is void). `judged`: the local model's confidence in its first tokens may still hand
   * the answer to the cloud.
   */
  attempt(info: { route: RouteKind; reasons: RouteReason[]; model: string; judged: boolean }): void;
  token(text: string): void;
  /** The functions the cloud chose to call (only for a request with tools), once the answer has ended. */
  toolCalls?(calls: ToolCall[]): void;
}

/** How a question from elsewhere than the chat window is to be answered. */
export interface AskOptions {
  /** Routes with this mode instead of the conversation's or the global one. */
  mode?: RouteMode;
  /** Only the cloud may answer: refused (nothing saved) when the policy or personal data forbid it. */
  cloudOnly?: boolean;
  /** The asker's own system prompt, sampling, length, stop texts and seed. */
  overrides?: GenerationOverrides;
  observer?: AnswerObserver;
  /** Start a new conversation for an app that asked through the endpoint, holding the turns it sent first. */
  newConversation?: { client: string; earlier: ChatTurn[] };
  /** An app's tools: only the cloud may answer, every string of its messages goes through the privacy gate. */
  tools?: ToolRequest;
}

export interface ChatDependencies {
  history: History;
  events: EventHub;
  settings: SettingsService;
  policy: PolicyInfo;
  /** The local engine as an answer source, and whether it can answer now (null) or why not. */
  local: AnswerSource & { unavailable(): DuetError | null; contextSize(): number | null };
  /** The cloud as configured now; null when none is set up. */
  cloud(): AnswerSource | null;
  /** Why the administrator's policy keeps the cloud from answering now (endpoint not allowed, monthly cap reached); null when it may. */
  cloudBlocked?(): RouteReason | null;
  route(input: RouteInput): RouteDecision;
}

/** How one answer is to be produced: where it runs first, and what it may fall back to. */
interface AnswerPlan {
  route: RouteKind;
  reasons: RouteReason[];
  score: number | null;
  source: AnswerSource;
  /** Where an unsure local answer goes instead (the cascade); null when not allowed or not worth it. */
  escalation: AnswerSource | null;
  fallback: AnswerSource | null;
  /** After an escalation: the local model's confidence that sent the answer to the cloud. */
  unsureConfidence?: number;
}

/**
 * Routes questions and sends them to the local engine or the cloud, keeping history in step: the
 * question is saved before anything can fail, the answer is saved as it grows, and where it ran,
 * why, and how it ended are recorded with it.
 */
export class ChatService {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void>; messageId: string }>();
  private cloudDownUntil = 0;
  /** Answer saves the history could not take yet: kept, retried, and shown as if saved. */
  private readonly journal: AnswerJournal;

  constructor(private readonly deps: ChatDependencies) {
    this.journal = new AnswerJournal(deps.history, deps.events);
  }

  /**
   * A conversation as the user should see it: with answer text the disk has not taken yet, and no
   * answer shown as being written unless one is (a 'streaming' row with nothing behind it was cut off).
   */
  openConversation(id: string): ConversationDetail {
    const found = this.deps.history.getConversation(id);
    if (!found) throw new CoreError('not_found', 'That conversation no longer exists.');
    const detail = this.journal.overlay(found);
    const live = new Set([...this.running.values()].map((run) => run.messageId));
    return {
      ...detail,
      messages: detail.messages.map((m) => (m.status === 'streaming' && !live.has(m.id) ? { ...m, status: 'interrupted' } : m)),
    };
  }

  /** Saves the question, routes it, starts the answer in the background and returns both messages at once. */
  send(conversationId: string | null, text: string): SendResult {
    const { conversationId: id, userMessage, assistantMessage } = this.ask(conversationId, text);
    return { conversationId: id, userMessage, assistantMessage };
  }

  /**
   * `send` for every asker: the chat window, and apps through the endpoint (with their own mode,
   * options and an observer). `done` resolves with the answer as saved, however it ended.
   */
  ask(conversationId: string | null, text: string, options: AskOptions = {}): SendResult & { done: Promise<Message> } {
    const { history, events } = this.deps;
    const conversation = conversationId ? this.requireConversation(conversationId) : null;
    if (conversation) this.requireIdle(conversation.conversation.id);
    const earlier = conversation ? turnsOf(conversation.messages) : (options.newConversation?.earlier ?? []);
    // Everything that would be sent along: the app's system text, and with tools every string of its messages.
    const alongside = [...(options.overrides?.system ? [options.overrides.system] : []), ...(options.tools ? stringsIn(options.tools.messages) : [])];
    // Checked before anything is saved: a refused question leaves no trace.
    const plan = options.cloudOnly
      ? this.cloudOnlyPlan([text, ...earlier.map((turn) => turn.content), ...alongside])
      : this.plan(text, earlier, options.mode ?? conversation?.conversation.mode ?? null, alongside, options.tools !== undefined);
    if (options.tools) this.requireCloudForTools(plan);
    const id = conversation?.conversation.id ?? this.newConversation(text, options.newConversation ?? null);
    const userMessage = history.addMessage({ conversationId: id, role: 'user', content: text, status: 'complete' });
    // In the chat window (an app cannot ask the other side), going on past a local answer keeps it.
    if (conversation && !options.observer) this.learnFromKept(conversation.messages);
    events.emit({ type: 'message.updated', message: userMessage });
    // A new conversation shows in the list at once; an existing one is updated when the answer ends.
    if (!conversation) this.announce('created', id);
    const assistantMessage = this.startAnswer(id, plan, earlier, text, null, options);
    const run = this.running.get(id);
    const done = run ? run.done.then(() => this.journal.current(assistantMessage)) : Promise.resolve(assistantMessage);
    return { conversationId: id, userMessage, assistantMessage, done };
  }

  /** Re-runs an answer on the other side; records the choice and lets it nudge the threshold. */
  askOther(messageId: string): Message {
    const stored = this.deps.history.getMessage(messageId);
    const found = stored && this.journal.view(stored);
    if (!found || found.role !== 'assistant' || !found.provenance) {
      throw new CoreError('not_found', 'There is no answer to re-run there.');
    }
    this.requireIdle(found.conversationId);
    const { messages } = this.requireConversation(found.conversationId);
    const index = messages.findIndex((m) => m.id === messageId);
    const questionIndex = messages.slice(0, index).findLastIndex((m) => m.role === 'user');
    const question = messages[questionIndex];
    if (!question) throw new CoreError('not_found', 'The question for that answer is gone.');
    const wanted = found.provenance.target === 'local' ? 'cloud' : 'local';
    const earlier = turnsOf(messages.slice(0, questionIndex));
    const source = wanted === 'cloud' ? this.requireCloudFor([question.content, ...earlier.map((turn) => turn.content)], true) : this.deps.local;
    const escalated = found.provenance.route === 'escalated' && found.provenance.reasons.some((r) => r.code === 'local-unsure');
    this.deps.settings.learnFromOverride(wanted, { prompt: question.content, confidence: found.provenance.confidence, escalated });
    const plan: AnswerPlan = {
      route: wanted,
      reasons: [{ code: 'user-choice', message: `you asked the ${wanted === 'cloud' ? 'cloud' : 'local model'} to answer instead` }],
      score: found.provenance.score,
      source,
      escalation: null,
      fallback: null,
    };
    return this.startAnswer(found.conversationId, plan, earlier, question.content, messageId);
  }

  /**
   * The user went on with the conversation: a local answer the difficulty gate chose that they did not
   * ask the cloud for (it would then not be the last message) teaches the user adapter "local was enough".
   */
  private learnFromKept(messages: Message[]): void {
    const [question, answer] = messages.slice(-2);
    if (question?.role !== 'user' || answer?.role !== 'assistant' || answer.status !== 'complete' || answer.rerunOf) return;
    const provenance = answer.provenance;
    if (provenance?.route === 'local' && provenance.reasons.some((r) => r.code === 'easy')) this.deps.settings.learnFromKept(question.content);
  }

  /** Stops the answer being written in a conversation; false when none was running. */
  stop(conversationId: string): boolean {
    const run = this.running.get(conversationId);
    run?.controller.abort();
    return run !== undefined;
  }

  /** True while an answer is being written in a conversation. */
  isAnswering(conversationId: string): boolean {
    return this.running.has(conversationId);
  }

  /** Stops every answer and waits until each has been saved, as far as the disk allows (before closing). */
  async stopAll(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((run) => run.done));
    for (const { messageId, error } of this.journal.flush()) {
      console.warn(`Duet: an answer (${messageId}) could not be saved before closing and is lost: ${error.message}`);
    }
  }

  private requireConversation(id: string): ConversationDetail {
    const found = this.deps.history.getConversation(id);
    if (!found) throw new CoreError('not_found', 'That conversation no longer exists. Start a new chat.');
    // The model must see an earlier answer as the user saw it, saved or not yet.
    return this.journal.overlay(found);
  }

  private requireIdle(conversationId: string): void {
    if (this.running.has(conversationId)) {
      throw new CoreError('busy', 'Duet is still answering in this conversation. Stop it or wait for the answer first.');
    }
  }

  /**
   * The cloud, when it is asked for explicitly: still never for personal data (in anything it would be
   * sent) or against policy. A person who asked the cloud for an answer (`askedByUser`) has seen why it
   * stayed here: at the standard level the learned check's guess ("reads like personal details") then
   * gives way; a rule's finding never does.
   */
  private requireCloudFor(texts: string[], askedByUser = false): AnswerSource {
    if (!this.deps.policy.allowCloud) throw new CoreError('forbidden_by_policy', 'Your administrator does not allow cloud answers on this computer.');
    const blocked = this.deps.cloudBlocked?.() ?? null;
    if (blocked) throw new CoreError('forbidden_by_policy', policyRefusal(blocked));
    const cloud = this.deps.cloud();
    if (!cloud) throw new CoreError('cloud_not_configured', 'No cloud model is set up. Add one in Settings first.');
    const level = this.deps.policy.privacyLevel ?? this.deps.settings.read().privacyLevel;
    const learned = level === 'strict' || !askedByUser;
    const finding = texts.map((text) => detectPrivateData(text, level, { learned })[0]).find((found) => found !== undefined);
    if (finding) throw new CoreError('kept_private', `This conversation contains ${finding.label}, so Duet keeps it on this machine.`);
    return cloud;
  }

  /** A conversation for a question; for an app, filed under its name and holding the turns it sent first. */
  private newConversation(text: string, client: { client: string; earlier: ChatTurn[] } | null): string {
    const { history } = this.deps;
    if (!client) return history.createConversation(titleFrom(text)).id;
    const first = client.earlier.find((turn) => turn.role === 'user')?.content ?? text;
    const id = history.createConversation(titleFrom(first), client.client).id;
    for (const turn of client.earlier) history.addMessage({ conversationId: id, role: turn.role, content: turn.content, status: 'complete' });
    return id;
  }

  /** The plan for a question only the cloud may answer; throws when the policy or personal data forbid it. */
  private cloudOnlyPlan(texts: string[]): AnswerPlan {
    return {
      route: 'cloud',
      reasons: [{ code: 'mode-cloud', message: 'mode: the cloud model was asked for (duet-cloud), so it goes to the cloud' }],
      score: null,
      source: this.requireCloudFor(texts),
      escalation: null,
      fallback: null,
    };
  }

  /** Tools only work in the cloud: a request that routing keeps here is refused, with routing's reason. */
  private requireCloudForTools(plan: AnswerPlan): void {
    if (plan.source.target === 'cloud') {
      // Neither an unsure-answer cascade nor a local fallback can carry tools.
      plan.escalation = null;
      plan.fallback = null;
      return;
    }
    const why = plan.reasons.map((reason) => reason.message).join('; ');
    const privacy = plan.reasons.some((reason) => reason.code === 'privacy');
    throw new CoreError(
      privacy ? 'kept_private' : 'invalid_request',
      `This request stays on this computer (${why}), and the local model cannot call tools in Duet yet. Send it without tools${privacy ? '' : ', or ask duet-cloud'}.`,
    );
  }

  private plan(prompt: string, earlier: ChatTurn[], conversationMode: RouteMode | null, alongside: string[] = [], needsTools = false): AnswerPlan {
    const settings = this.deps.settings.read();
    const cloud = this.deps.cloud();
    // Loaded, loading or asleep: the engine answers (loading it first where needed).
    const localAvailable = this.deps.local.unavailable() === null;
    // An endpoint off the administrator's list or a spent monthly budget closes the cloud as the policy gate does.
    const blocked = this.deps.policy.allowCloud ? (this.deps.cloudBlocked?.() ?? null) : null;
    const decision = this.deps.route({
      prompt,
      historyTokens: earlier.reduce((sum, turn) => sum + estimateTokens(turn.content), 0),
      // Personal data said earlier in the conversation would travel with the question, so it counts too.
      // So would an app's own system prompt, and its tool results.
      history: [...earlier.filter((turn) => turn.role === 'user').map((turn) => turn.content), ...alongside],
      mode: conversationMode ?? settings.mode,
      policy: { allowCloud: this.deps.policy.allowCloud && blocked === null, forceMode: this.deps.policy.forceMode },
      cloudConfigured: cloud !== null,
      online: Date.now() >= this.cloudDownUntil,
      localModelAvailable: localAvailable,
      localContextTokens: this.deps.local.contextSize(),
      needsTools,
      privacyLevel: this.deps.policy.privacyLevel ?? settings.privacyLevel,
      threshold: this.deps.settings.routing().effectiveThreshold,
    });
    const toCloud = decision.target === 'cloud' && cloud !== null;
    return {
      route: toCloud ? 'cloud' : 'local',
      // The router's policy gate says "not allowed"; the policy's own reason says which limit, with its figures.
      reasons: blocked ? decision.reasons.map((r) => (r.code === 'policy-no-cloud' ? blocked : r)) : decision.reasons,
      score: decision.score,
      source: toCloud ? cloud : this.deps.local,
      escalation: !toCloud && decision.mayEscalate ? cloud : null,
      // The admin can impose the cloud; then a failed cloud answer must not quietly run locally.
      // Without a local model there is nothing to fall back to: the cloud's own error says more.
      fallback: toCloud && localAvailable && this.deps.policy.forceMode !== 'cloud' ? this.deps.local : null,
    };
  }

  private startAnswer(conversationId: string, plan: AnswerPlan, earlier: ChatTurn[], prompt: string, rerunOf: string | null, options: AskOptions = {}): Message {
    const { history, events } = this.deps;
    const unavailable = plan.source === this.deps.local ? refusalFor(plan, this.deps.local.unavailable()) : null;
    const created = history.addMessage({
      conversationId,
      role: 'assistant',
      content: '',
      status: unavailable ? 'error' : 'streaming',
      provenance: provenanceOf(plan, plan.source.model),
      rerunOf,
    });
    const message = unavailable ? this.save(created, { error: unavailable }) : created;
    events.emit({ type: 'message.updated', message });
    if (unavailable) {
      this.announce('answered', conversationId);
      return message;
    }

    const controller = new AbortController();
    const done = this.answer(conversationId, message, plan, earlier, prompt, controller.signal, options).catch((error: unknown) =>
      this.finish(conversationId, message, { status: 'error', error: toEnvelopeError(error) }),
    );
    this.running.set(conversationId, { controller, done, messageId: message.id });
    return message;
  }

  private async answer(
    conversationId: string,
    message: Message,
    first: AnswerPlan,
    earlier: ChatTurn[],
    prompt: string,
    signal: AbortSignal,
    { overrides, observer, tools }: AskOptions,
  ): Promise<void> {
    const request: GenerateRequest = { conversationId, history: earlier, prompt, ...(overrides ? { overrides } : {}), ...(tools ? { tools } : {}) };
    const started = performance.now();
    let plan = first;
    // The cascade's bar as learned now; one answer keeps the bar it started with.
    const check = { ...CONFIDENCE_CHECK, threshold: this.deps.settings.escalationThreshold() };
    const attempt = (): void => observer?.attempt({ route: plan.route, reasons: plan.reasons, model: plan.source.model, judged: plan.escalation !== null });
    attempt();
    let outcome = await this.stream(message, plan.source, withCheck(request, plan, check), signal, observer);
    for (let next = this.nextPlan(plan, outcome.result, signal); next; next = this.nextPlan(plan, outcome.result, signal)) {
      // The model's own doubt is a weak "needed the cloud" label for this user's scorer (once: a
      // fallback after the escalation carries the same confidence on).
      if (next.unsureConfidence !== undefined && plan.unsureConfidence === undefined) this.deps.settings.learnFromEscalation(prompt);
      plan = next;
      // What the first side said is replaced by the second side's answer.
      const restarted = this.save(message, { content: '', provenance: provenanceOf(plan, plan.source.model) }, { live: true });
      this.deps.events.emit({ type: 'message.updated', message: restarted });
      attempt();
      outcome = await this.stream(message, plan.source, withCheck(request, plan, check), signal, observer);
    }

    const provenance = provenanceOf(plan, plan.source.model);
    const { result, text } = outcome;
    if (!result.ok) {
      this.finish(conversationId, message, { content: text, status: 'error', error: result.error, provenance });
      if (result.error.code === 'engine_crashed') this.deps.events.emit({ type: 'engine.crashed', error: result.error });
      return;
    }
    const { stats, usage, costUsd, toolCalls } = result.value;
    if (toolCalls && toolCalls.length > 0) observer?.toolCalls?.(toolCalls);
    this.finish(conversationId, message, {
      // What the app's tools were asked to do is what history can show of such an answer.
      content: toolCalls && toolCalls.length > 0 ? [result.value.text, ...toolCalls.map(describeToolCall)].filter(Boolean).join('\n') : result.value.text,
      status: result.value.stopped ? 'stopped' : 'complete',
      provenance: {
        ...provenance,
        model: stats.model || provenance.model,
        ttftMs: stats.ttftMs,
        tokens: stats.tokens,
        tokensPerSecond: stats.tokensPerSecond,
        latencyMs: performance.now() - started,
        // The cloud reports what it billed; for a local answer an estimate of what the cloud would have
        // been sent (the savings dashboard prices it).
        promptTokens: usage?.promptTokens ?? promptEstimate(earlier, prompt),
        costUsd: costUsd ?? null,
        // Measured only when a confidence check ran (an Auto answer that may escalate); for an escalated
        // answer, the local attempt's (what a later "Ask the local model" teaches the cascade's bar from).
        confidence: plan.source.target === 'local' ? (stats.meanConfidence ?? null) : (plan.unsureConfidence ?? null),
      },
    });
  }

  /**
   * What to try after an attempt: the cloud when the local model was unsure or the conversation did
   * not fit its window, local when the cloud failed.
   */
  private nextPlan(plan: AnswerPlan, result: Result<SourceOutcome>, signal: AbortSignal): AnswerPlan | null {
    if (signal.aborted) return null;
    if (result.ok && result.value.unsure && plan.escalation) {
      const confidence = result.value.unsure.confidence.toFixed(2);
      return {
        ...plan,
        route: 'escalated',
        reasons: [...plan.reasons, { code: 'local-unsure', message: `escalated: local model unsure (confidence ${confidence})` }],
        source: plan.escalation,
        escalation: null,
        fallback: plan.source,
        unsureConfidence: result.value.unsure.confidence,
      };
    }
    // The router's estimate of the conversation's size said it fits; the engine's exact count said
    // no. Where the cloud may answer (the same test as for an unsure answer), it does, rather than
    // the user getting an error they could only fix by asking the cloud themselves.
    if (!result.ok && result.error.code === 'context_too_long' && plan.escalation) {
      return {
        ...plan,
        route: 'escalated',
        reasons: [...plan.reasons, { code: 'context-too-long', message: "escalated: too long for the local model's window" }],
        source: plan.escalation,
        escalation: null,
        fallback: null,
      };
    }
    if (!result.ok && plan.fallback && isCloudFailure(result.error.code)) {
      if (looksOffline(result.error.code)) this.cloudDownUntil = Date.now() + OFFLINE_BACKOFF_MS;
      return {
        ...plan,
        route: 'fallback',
        reasons: [...plan.reasons, { code: 'cloud-unavailable', message: `cloud unavailable (${result.error.message}) → answered locally` }],
        source: plan.fallback,
        escalation: null,
        fallback: null,
      };
    }
    return null;
  }

  /**
   * Streams one source's answer into the message, saving it as it grows. When the history cannot take
   * the saves (a full disk or a read-only file at once; a lock only after BUSY_PATIENCE_MS) the answer
   * stops there: text the disk cannot keep would be lost by a crash, and a full disk only fills up more.
   * A shorter lock does not stop it: the text is kept in memory and saved once the lock is gone.
   */
  private async stream(
    message: Message,
    source: AnswerSource,
    request: GenerateRequest,
    signal: AbortSignal,
    observer?: AnswerObserver,
  ): Promise<{ result: Result<SourceOutcome>; text: string }> {
    let text = '';
    let saved = '';
    let saveFailure: DuetError | null = null;
    const stopForSave = new AbortController();
    // Saving on a timer, not per token, keeps the token path free of disk writes. A timer callback
    // must never throw: that would end the whole process.
    const saver = setInterval(() => {
      try {
        if (text === saved && !this.journal.has(message.id)) return;
        const outcome = this.journal.write(message, { content: text }, { live: true });
        if (outcome.saved) saved = text;
        else if (outcome.failure && !saveFailure) {
          saveFailure = outcome.failure;
          stopForSave.abort();
        }
      } catch (e) {
        console.warn(`Duet: could not save an answer as it grew: ${e instanceof Error ? e.message : String(e)}`);
      }
    }, PARTIAL_SAVE_INTERVAL_MS);
    try {
      const result = await source.generate(
        request,
        (chunk) => {
          text += chunk;
          this.deps.events.emit({ type: 'message.delta', conversationId: message.conversationId, messageId: message.id, text: chunk });
          observer?.token(chunk);
        },
        AbortSignal.any([signal, stopForSave.signal]),
      );
      const failure: DuetError | null = saveFailure;
      return failure ? { result: { ok: false, error: stoppedFor(failure) }, text } : { result, text };
    } finally {
      clearInterval(saver);
    }
  }

  /** Writes a change to an answer through the journal; returns the message as the user should now see it. */
  private save(message: Message, patch: MessagePatch, options: { live?: boolean } = {}): Message {
    const outcome = this.journal.write(message, patch, options);
    return outcome.saved ? outcome.message : this.journal.current(message);
  }

  /** Records how an answer ended; the conversation is free for the next question before anyone hears of it. */
  private finish(conversationId: string, message: Message, patch: MessagePatch): void {
    this.running.delete(conversationId);
    const outcome = this.journal.write(message, patch);
    // Gone from disk and from the journal: the conversation was deleted, nobody is shown it.
    if (outcome.saved || this.journal.has(message.id)) {
      this.deps.events.emit({ type: 'message.updated', message: outcome.saved ? outcome.message : this.journal.current(message) });
    }
    this.announce('answered', conversationId);
  }

  /** Tells every window how a conversation's summary now reads (nothing when it was deleted meanwhile). */
  private announce(kind: 'created' | 'answered', conversationId: string): void {
    const conversation = this.deps.history.getConversationSummary(conversationId);
    if (conversation) this.deps.events.emit({ type: 'conversations.changed', change: { kind, conversation } });
  }
}

/**
 * How an answer stopped because it could not be saved, as it is kept once it is saved after all.
 * Until then the journal shows why it is not saved yet (saveFailure).
 */
function stoppedFor(failure: DuetError): DuetError {
  switch (failure.code) {
    case 'storage_full':
      return { code: failure.code, message: 'The disk filled up while Duet was writing this answer, so it stopped here. Free some space before you ask again.' };
    case 'storage_readonly':
      return { code: failure.code, message: "Duet's history file became read-only while Duet was writing this answer, so it stopped here." };
    case 'busy':
      return { code: failure.code, message: 'Another program held the history file for too long while Duet was writing this answer, so it stopped here.' };
    default:
      return failure;
  }
}

/**
 * Why a local answer cannot start, in the user's terms. When the privacy gate kept a question here
 * and no local model can answer, the user must hear that nothing left the computer, and why.
 */
function refusalFor(plan: AnswerPlan, unavailable: DuetError | null): DuetError | null {
  if (!unavailable) return null;
  const privacy = plan.reasons.find((reason) => reason.code === 'privacy');
  if (!privacy) return unavailable;
  return {
    code: 'model_missing',
    message: `Nothing was sent to the cloud: ${privacy.message.replace(/^privacy: /, '')}, but no local model is set up yet to answer it here. Set up a local model (download one, or choose a GGUF file), then send again.`,
  };
}

/** The request with the confidence check when the answer may escalate. */
function withCheck(request: GenerateRequest, plan: AnswerPlan, check: GenerateRequest['confidenceCheck']): GenerateRequest {
  return plan.escalation && check ? { ...request, confidenceCheck: check } : request;
}

function provenanceOf(plan: AnswerPlan, model: string): Provenance {
  return {
    target: plan.source.target,
    route: plan.route,
    reasons: plan.reasons,
    score: plan.score,
    model,
    ttftMs: null,
    tokens: 0,
    tokensPerSecond: null,
    latencyMs: null,
    promptTokens: null,
    costUsd: null,
    confidence: null,
  };
}

/** Rough prompt size of a question with its conversation, in tokens. */
function promptEstimate(earlier: ChatTurn[], prompt: string): number {
  return earlier.reduce((sum, turn) => sum + estimateTokens(turn.content), estimateTokens(prompt));
}

/** The turns the model should see: questions, and answers that produced text. */
function turnsOf(messages: Message[]): ChatTurn[] {
  return messages.filter((m) => m.role === 'user' || m.content.length > 0).map((m) => ({ role: m.role, content: m.content }));
}

function titleFrom(text: string): string {
  const firstLine = text.trim().split('\n', 1)[0] ?? '';
  return firstLine.length > TITLE_LENGTH ? `${firstLine.slice(0, TITLE_LENGTH - 1)}…` : firstLine;
}

/** A tool call as history shows it: the function and its arguments. */
function describeToolCall(call: ToolCall): string {
  return `Called ${call.name}(${call.arguments})`;
}

/** Every string in a JSON value (an app's messages: texts, tool results, tool call arguments), for the privacy gate. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
