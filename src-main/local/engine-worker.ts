// The engine worker: the process that runs llama.cpp through node-llama-cpp. The core starts it
// (child_process.fork headless, utilityProcess.fork in Electron) so that a native crash costs one
// answer, not the app. It loads one model, keeps chat state per conversation and streams answers.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChatHistoryItem, ChatWrapper, Llama, LlamaChatSession, LlamaContext, LlamaLogLevel, LlamaModel } from 'node-llama-cpp';
// The message file alone: the worker starts fast, without the contract's schemas.
import { NO_LOCAL_MODEL_MESSAGE } from '../contract/messages.js';
import { watchConfidence } from './confidence-hook.js';
import { ConfidenceWindow } from './confidence-window.js';
import { answerTokenLimit, contextTooLongMessage } from './context-room.js';
import type { ChatTurn } from './engine-types.js';
import { contextOptions, llamaOptions, modelOptions, promptOptions, sessionOptions, SYSTEM_PROMPT, type LoadSettings } from './generation-settings.js';
import { backendKey, forgetBackend, rememberBackend, rememberedBackend } from './llama-backend.js';
import { tracePhase, traceStartup } from './startup-trace.js';
import { HEARTBEAT_MS, parseHostMessage, type HostMessage, type WorkerMessage } from './worker-protocol.js';

traceStartup('worker-start');
// node-llama-cpp takes a second or more to import: it starts at once, while the core is still
// starting, and only what needs it waits for it.
type NodeLlamaCpp = typeof import('node-llama-cpp');
const llamaCpp: Promise<NodeLlamaCpp> = import('node-llama-cpp').then((lib) => {
  traceStartup('worker-imported');
  return lib;
});
/** The module, once imported (set before any model loads). */
let lib: NodeLlamaCpp | null = null;

/** Conversations whose chat state the worker keeps; older ones are rebuilt from the core's history. */
const MAX_CONVERSATIONS = 32;

// ---- Transport: Node's IPC channel, or Electron's parentPort ---------------------------------

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** The pipe to the core: a utility-process parent port in Electron, Node IPC under `serve`. */
interface CorePipe {
  send(message: WorkerMessage): void;
  listen(listener: (raw: unknown) => void): void;
}

function openCorePipe(): CorePipe {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      listen: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('engine-worker must be started by the Duet core (no IPC channel).');
  // Without the core there is nothing to answer to: leave rather than linger as an orphan.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (message) => {
      // A failed write means the core is gone; 'disconnect' ends this process.
      if (process.connected) send(message, undefined, {}, (error: Error | null) => void error);
    },
    listen: (listener) => process.on('message', listener),
  };
}

// ---- Model state ---------------------------------------------------------------------------

interface LoadedModel {
  model: LlamaModel;
  context: LlamaContext;
  session: LlamaChatSession;
  /** Resolved once per model (resolving from the template costs ~300 ms) and reused. */
  chatWrapper: ChatWrapper;
  /** The conversation whose history the session holds now. */
  activeConversation: string | null;
}

interface ConversationState {
  /** The turns as the core knows them, to tell whether our state still matches. */
  turns: ChatTurn[];
  /** The system prompt the history starts with: a new one in the model's settings rebuilds it. */
  systemPrompt: string;
  history: ChatHistoryItem[];
}

const core = openCorePipe();
let llama: Promise<Llama> | null = null;
/** Where the backend that worked is remembered (from the host's `prepare`); null: probe every time. */
let backendFile: string | null = null;
let loaded: LoadedModel | null = null;
const conversations = new Map<string, ConversationState>();
const running = new Map<number, AbortController>();
/** Stops that arrived before their answer started (the host may ask at any moment). */
const stopBeforeStart = new Set<number>();
// Loads and answers run one at a time; `stop` skips the line so it takes effect at once.
let queue: Promise<void> = Promise.resolve();

core.listen((raw) => {
  const message = parseHostMessage(raw);
  if (!message) return;
  if (message.type === 'stop') {
    const controller = running.get(message.id);
    if (controller) controller.abort();
    else stopBeforeStart.add(message.id);
    return;
  }
  if (message.type === 'shutdown') {
    void shutdown();
    return;
  }
  if (message.type === 'prepare') {
    backendFile = message.backendFile;
    // A failure here is reported by the load that needs llama.cpp, which tries again.
    startLlama().catch(() => undefined);
    return;
  }
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      // Every request gets an answer, or the host would wait for it forever.
      process.stderr.write(`[engine-worker] ${describe(error)}\n`);
      core.send(failureFor(message, error));
    });
});
core.send({ type: 'started', pid: process.pid });
// The host's watchdog restarts a worker that goes silent; unref'd so it never keeps the process up.
setInterval(() => core.send({ type: 'heartbeat' }), HEARTBEAT_MS).unref();

async function handle(message: Exclude<HostMessage, { type: 'stop' | 'shutdown' | 'prepare' }>): Promise<void> {
  switch (message.type) {
    case 'load':
      return core.send(await load(message.id, message.modelPath, { contextSize: message.contextSize ?? 'auto', gpuLayers: message.gpuLayers ?? 'auto' }));
    case 'unload':
      await unload();
      return core.send({ type: 'unloaded', id: message.id });
    case 'generate':
      return core.send(await generate(message));
  }
}

function failureFor(message: Exclude<HostMessage, { type: 'stop' | 'shutdown' | 'prepare' }>, error: unknown): WorkerMessage {
  const reason = describe(error);
  switch (message.type) {
    case 'load':
      return { type: 'load-failed', id: message.id, code: 'model_load_failed', message: `Could not load ${message.modelPath}: ${reason}. Choose another .gguf file.` };
    case 'unload':
      return { type: 'unloaded', id: message.id };
    case 'generate':
      return { type: 'failed', id: message.id, code: 'internal', message: `The local model could not answer: ${reason}. Send the question again.` };
  }
}

async function load(id: number, modelPath: string, asked: LoadSettings): Promise<WorkerMessage> {
  await unload();
  let engine: Llama;
  try {
    engine = await startLlama();
  } catch (error) {
    llama = null;
    return {
      type: 'load-failed',
      id,
      code: 'model_load_failed',
      message: `The local engine could not start llama.cpp on this computer (${describe(error)}). Reinstall Duet, or use a cloud model.`,
    };
  }
  const fitted = await loadFitted(engine, modelPath, asked);
  if (!fitted.ok) {
    // The remembered backend may be what failed: the next start probes again.
    if (backendFile) forgetBackend(backendFile);
    return { type: 'load-failed', id, code: 'model_load_failed', message: fitted.message };
  }
  traceStartup('worker-context');
  const { model, context, notes } = fitted;
  const { resolveChatWrapper, LlamaChatSession } = lib ?? (await llamaCpp);
  const chatWrapper = resolveChatWrapper(model);
  const session = new LlamaChatSession({ contextSequence: context.getSequence(), chatWrapper, ...sessionOptions() });
  loaded = { model, context, session, chatWrapper, activeConversation: null };
  traceStartup('worker-session');
  const onGpu = engine.gpu !== false;
  return {
    type: 'loaded',
    id,
    gpu: engine.gpu === false ? 'cpu' : engine.gpu,
    gpuLayers: model.gpuLayers,
    contextSize: context.contextSize,
    trainedContextSize: model.trainContextSize,
    gpuDevices: onGpu ? await engine.getGpuDeviceNames().catch(() => []) : [],
    vram: onGpu ? await vramState(engine) : null,
    fitNote: notes.length > 0 ? notes.join(' ') : null,
  };
}

/**
 * llama.cpp's bindings, started once: with the backend remembered for this machine when there is
 * one (no probing, no building), else node-llama-cpp's own choice of the best one, which is then
 * remembered. A remembered backend that no longer starts is forgotten and the choice made again.
 */
function startLlama(): Promise<Llama> {
  llama ??= (async () => {
    const loaded = await llamaCpp;
    lib = loaded;
    const options = { ...llamaOptions(), logger: logLlama };
    const key = backendKey(JSON.stringify(options.gpu));
    const remembered = backendFile ? rememberedBackend(backendFile, key) : null;
    if (backendFile && remembered !== null) {
      try {
        const started = await loaded.getLlama({ ...options, gpu: remembered, build: 'never' });
        traceStartup('worker-llama');
        return started;
      } catch {
        forgetBackend(backendFile);
      }
    }
    const started = await loaded.getLlama(options);
    traceStartup('worker-llama');
    if (backendFile) rememberBackend(backendFile, key, started.gpu);
    return started;
  })();
  return llama;
}

type Fitted = { ok: true; model: LlamaModel; context: LlamaContext; notes: string[] } | { ok: false; message: string };

/**
 * Loads the model and its context with the user's settings. node-llama-cpp's own fitting handles
 * 'auto' (layers fitted to free VRAM, the context shrunk and retried until it fits); what the user
 * fixed by hand gets one fallback: layers that do not fit are fitted automatically, a context that
 * cannot be allocated is shrunk, and a context that fails with layers on the GPU is retried with
 * half of them. Each fallback is said in the notes, which the status shows.
 */
async function loadFitted(engine: Llama, modelPath: string, asked: LoadSettings): Promise<Fitted> {
  const notes: string[] = [];
  let settings = asked;
  let model: LlamaModel;
  recentErrors.length = 0;
  try {
    model = await engine.loadModel(modelOptions(modelPath, settings));
    traceStartup('worker-model');
  } catch (error) {
    const reason = (await llamaCppReason()) ?? describe(error);
    const failed = {
      ok: false,
      message: `Could not load ${modelPath}: ${reason}. The file may be damaged or need a newer version of Duet; choose another .gguf file.`,
    } as const;
    if (typeof settings.gpuLayers !== 'number' || settings.gpuLayers === 0) return failed;
    // A layer count set by hand may not fit this GPU; when the file itself is bad this fails again.
    settings = { ...settings, gpuLayers: 'auto' };
    try {
      model = await engine.loadModel(modelOptions(modelPath, settings));
    } catch {
      return failed;
    }
    notes.push(`${asked.gpuLayers} GPU layers did not fit in memory (${reason}), so Duet put ${model.gpuLayers} on the GPU.`);
  }
  if (typeof asked.gpuLayers === 'number' && asked.gpuLayers > 0 && engine.gpu === false) {
    notes.push('llama.cpp found no GPU it can use, so the model runs on the CPU.');
  }
  const trained = model.trainContextSize;
  if (typeof settings.contextSize === 'number' && settings.contextSize > trained) {
    notes.push(`The model was trained on ${trained} tokens, so its context is ${trained}, not ${settings.contextSize}.`);
    settings = { ...settings, contextSize: trained };
  }
  let context: LlamaContext | null = null;
  let lastError: unknown = null;
  try {
    context = await model.createContext(contextOptions(engine, settings));
  } catch (error) {
    lastError = error;
  }
  const fixedSize = settings.contextSize;
  if (!context && typeof fixedSize === 'number') {
    // A fixed size that cannot be allocated: let node-llama-cpp shrink it from there until it fits.
    try {
      context = await model.createContext({ ...contextOptions(engine, settings), contextSize: { max: fixedSize } });
    } catch (error) {
      lastError = error;
    }
  }
  if (!context && model.gpuLayers > 0) {
    // The layers left too little VRAM for any context: give half of them back and fit again.
    const layers = Math.floor(model.gpuLayers / 2);
    await model.dispose();
    try {
      model = await engine.loadModel(modelOptions(modelPath, { ...settings, gpuLayers: layers }));
      context = await model.createContext(contextOptions(engine, { ...settings, contextSize: 'auto' }));
      notes.push(`There was not enough GPU memory for a context with all layers on the GPU, so Duet put ${layers} there.`);
    } catch (error) {
      lastError = error;
      context = null;
    }
  }
  if (!context) {
    await model.dispose();
    return {
      ok: false,
      message: `${path.basename(modelPath)} loaded, but there is not enough memory to run it (${describe(lastError)}). Close other programs, set a smaller context in the model's settings, or choose a smaller model.`,
    };
  }
  if (typeof settings.contextSize === 'number' && context.contextSize < settings.contextSize) {
    notes.push(`A ${settings.contextSize}-token context did not fit in memory, so Duet uses ${context.contextSize} tokens.`);
  } else if (settings.contextSize === 'auto' && context.contextSize < trained) {
    notes.push(`The context is ${context.contextSize} tokens, less than the ${trained} the model was trained on, to fit in memory.`);
  }
  return { ok: true, model, context, notes };
}

/** VRAM as llama.cpp reports it; null when it cannot say. */
async function vramState(engine: Llama): Promise<{ totalBytes: number; usedBytes: number; freeBytes: number } | null> {
  try {
    const { total, used, free } = await engine.getVramState();
    return { totalBytes: total, usedBytes: used, freeBytes: free };
  } catch {
    return null;
  }
}

/** llama.cpp's own words for the last failure (node-llama-cpp only says "Failed to load model"). */
const recentErrors: string[] = [];
const LOAD_ERROR = /error loading model:\s*(.+)$/;

// LlamaLogLevel's values, as strings: the enum is only a type here (node-llama-cpp loads later).
const LOGGED_LEVELS: ReadonlySet<string> = new Set(['error', 'fatal', 'warn']);

function logLlama(level: LlamaLogLevel, message: string): void {
  if (!LOGGED_LEVELS.has(level)) return;
  recentErrors.push(message.trim());
  if (recentErrors.length > 20) recentErrors.shift();
  process.stderr.write(`[node-llama-cpp] ${message.trimEnd()}\n`);
}

async function llamaCppReason(): Promise<string | null> {
  // Logs from the native side are dispatched on a later tick than the rejection.
  await new Promise((resolve) => setTimeout(resolve, 10));
  for (let i = recentErrors.length - 1; i >= 0; i--) {
    const match = LOAD_ERROR.exec(recentErrors[i] ?? '');
    if (match?.[1]) return match[1].trim();
  }
  return null;
}

async function unload(): Promise<void> {
  conversations.clear();
  const current = loaded;
  loaded = null;
  if (!current) return;
  current.session.dispose();
  await current.context.dispose();
  await current.model.dispose();
}

async function generate(request: Extract<HostMessage, { type: 'generate' }>): Promise<WorkerMessage> {
  const { id } = request;
  tracePhase('worker-generate');
  const startedAt = performance.now();
  const stopEarly = stopBeforeStart.delete(id);
  if (!loaded) return { type: 'failed', id, code: 'model_missing', message: NO_LOCAL_MODEL_MESSAGE };
  const current = loaded;
  // Counted before anything runs: a question that does not fit is refused, not cut to fit.
  const systemPrompt = request.systemPrompt ?? SYSTEM_PROMPT;
  const inputTokens = countInputTokens(current, request.history, request.prompt, systemPrompt);
  const contextSize = current.context.contextSize;
  const maxTokens = answerTokenLimit(inputTokens, contextSize, request.maxTokens);
  if (maxTokens === null) return { type: 'failed', id, code: 'context_too_long', message: contextTooLongMessage(inputTokens, contextSize) };
  const controller = new AbortController();
  if (stopEarly) controller.abort();
  running.set(id, controller);
  let text = '';
  let tokens = 0;
  let firstTextAt: number | null = null;
  let firstTokenAt: number | null = null;
  let lastTokenAt = 0;
  // The cascade: an unsure verdict ends the answer the way a stop does, but is reported as unsure.
  const check = request.confidenceCheck ? new ConfidenceWindow(request.confidenceCheck) : null;
  let stoppedUnsure = false;
  const unhook = check
    ? watchConfidence(current.session.sequence, check, () => {
        if (controller.signal.aborted) return;
        stoppedUnsure = true;
        controller.abort();
      })
    : null;
  try {
    useConversation(current, request.conversationId, request.history, systemPrompt);
    tracePhase('worker-prompt');
    await current.session.prompt(request.prompt, {
      // Capped to the room left, so the window never fills and nothing is shifted out mid-answer.
      ...(request.sampling ? promptOptions(maxTokens, request.sampling, request.stop) : promptOptions(maxTokens, undefined, request.stop)),
      signal: controller.signal,
      onTextChunk: (chunk) => {
        if (chunk.length === 0) return;
        if (firstTextAt === null) tracePhase('worker-first-token');
        firstTextAt ??= performance.now();
        text += chunk;
        core.send({ type: 'token', id, text: chunk });
      },
      onToken: (generated) => {
        const now = performance.now();
        firstTokenAt ??= now;
        lastTokenAt = now;
        tokens += generated.length;
      },
    });
    remember(request.conversationId, [...request.history, { role: 'user', content: request.prompt }, { role: 'assistant', content: text }], systemPrompt, current);
  } catch (error) {
    // The session's history is uncertain after a failure or an early abort: rebuild it next time.
    current.activeConversation = null;
    conversations.delete(request.conversationId);
    if (!controller.signal.aborted) {
      return { type: 'failed', id, code: 'internal', message: `The local model could not answer: ${describe(error)}. Send the question again.` };
    }
  } finally {
    unhook?.();
    running.delete(id);
  }
  const stopped = controller.signal.aborted && !stoppedUnsure;
  const decodeSeconds = firstTokenAt === null ? 0 : (lastTokenAt - firstTokenAt) / 1000;
  return {
    type: 'done',
    id,
    text,
    stopped,
    tokens,
    ttftMs: firstTextAt === null ? null : firstTextAt - startedAt,
    tokensPerSecond: tokens > 1 && decodeSeconds > 0 ? (tokens - 1) / decodeSeconds : null,
    ...(check ? confidenceReport(check, stopped, tokens) : {}),
  };
}

/** What a confidence check found, for the `done` message; a stopped answer is never called unsure. */
function confidenceReport(check: ConfidenceWindow, stopped: boolean, tokens: number): { meanConfidence: number | null; unsure?: { confidence: number } } {
  if (check.measured === 0 && tokens > 0) {
    // The hook saw none of the tokens: node-llama-cpp no longer generates through sequence.evaluate.
    process.stderr.write('[engine-worker] the confidence check measured no tokens; the answer is kept as it is\n');
  }
  const mean = check.mean;
  if (stopped || mean === null || check.finish() !== 'unsure') return { meanConfidence: mean };
  return { meanConfidence: mean, unsure: { confidence: mean } };
}

/**
 * Puts the conversation's history into the session. The session keeps its evaluated tokens, so
 * switching back to a conversation re-evaluates only where the histories differ.
 */
function useConversation(current: LoadedModel, conversationId: string, turns: ChatTurn[], systemPrompt: string): void {
  const known = conversations.get(conversationId);
  const matches = known !== undefined && known.systemPrompt === systemPrompt && sameTurns(known.turns, turns);
  if (matches && current.activeConversation === conversationId) return;
  current.session.setChatHistory(matches ? known.history : historyFrom(current.chatWrapper, turns, systemPrompt));
  current.activeConversation = conversationId;
}

function remember(conversationId: string, turns: ChatTurn[], systemPrompt: string, current: LoadedModel): void {
  conversations.delete(conversationId);
  conversations.set(conversationId, { turns, systemPrompt, history: current.session.getChatHistory() });
  current.activeConversation = conversationId;
  for (const oldest of conversations.keys()) {
    if (conversations.size <= MAX_CONVERSATIONS) break;
    conversations.delete(oldest);
  }
}

/** Tokens the model reads before answering: the system prompt, the earlier turns and the question, as formatted. */
function countInputTokens(current: LoadedModel, turns: ChatTurn[], prompt: string, systemPrompt: string): number {
  const chatHistory: ChatHistoryItem[] = [...historyFrom(current.chatWrapper, turns, systemPrompt), { type: 'user', text: prompt }, { type: 'model', response: [] }];
  return current.chatWrapper.generateContextState({ chatHistory }).contextText.tokenize(current.model.tokenizer).length;
}

/** Chat history in node-llama-cpp's form: the system prompt (if the format has one), then the turns. */
function historyFrom(chatWrapper: ChatWrapper, turns: ChatTurn[], systemPrompt: string): ChatHistoryItem[] {
  const supportsSystem = chatWrapper.settings.supportsSystemMessages;
  const history: ChatHistoryItem[] =
    (supportsSystem == null || supportsSystem) && systemPrompt.trim() !== '' ? chatWrapper.generateInitialChatHistory({ systemPrompt }) : [];
  for (const turn of turns) {
    history.push(turn.role === 'user' ? { type: 'user', text: turn.content } : { type: 'model', response: [turn.content] });
  }
  return history;
}

function sameTurns(a: ChatTurn[], b: ChatTurn[]): boolean {
  return a.length === b.length && a.every((turn, i) => turn.role === b[i]?.role && turn.content === b[i]?.content);
}

async function shutdown(): Promise<void> {
  for (const controller of running.values()) controller.abort();
  const timer = setTimeout(() => process.exit(0), 1000);
  timer.unref();
  try {
    await unload();
    // A llama.cpp still starting is left to the exit.
    if (lib) await (await llama)?.dispose();
  } finally {
    process.exit(0);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
