import { rm } from 'node:fs/promises';
import path from 'node:path';
import { channels, fail, IMPORT_MAX_BYTES, isChannel, ok, type Channel, type DuetError, type ParsedRequestOf, type ResponseOf, type Result } from '../contract/index.js';
import { createEnvSecretStore } from '../cloud/secrets.js';
import { createLocalEngine } from '../local/engine-host.js';
import { backendFileIn } from '../local/llama-backend.js';
import { traceStartup } from '../local/startup-trace.js';
import { DEFAULT_DIFFICULTY_THRESHOLD, localShareCurve } from '../router/difficulty.js';
import { route } from '../router/route.js';
import { loadAdminPolicy } from '../settings/admin-policy.js';
import type { AnswerSource } from './answer-source.js';
import { ChatService } from './chat-service.js';
import { CloudLink } from './cloud-link.js';
import { CloudPolicy } from './cloud-policy.js';
import { CoreError, toEnvelopeError } from './core-error.js';
import type { CoreOptions, DuetCore } from './core-types.js';
import { EventHub } from './event-hub.js';
import { HistoryService } from './history-service.js';
import { HistoryRetention } from './history-retention.js';
import { createApiHandler } from '../openai/api-handler.js';
import { ApiServer } from './api-server.js';
import { createClientChat } from './client-chat.js';
import { IdleUnload } from './idle-unload.js';
import { createModelDownloads } from './model-downloads.js';
import { createModelLibrary } from './model-library.js';
import { approvedModelsOnly } from './approved-engine.js';
import { loadsFirst, type LoadsFirstEngine } from './loads-first.js';
import { checkModelApproved, ModelHashes } from './model-hash.js';
import { clearUploads, receiveUpload, tooLargeMessage, UPLOADS_FOLDER } from './import-upload.js';
import { openDataFolder } from './open-data-folder.js';
import { SettingsService } from './settings-service.js';

type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

/**
 * The composition root: opens history, starts the local engine, links the cloud and answers the
 * contract. Throws (with a user-facing message) only when the data folder cannot be used at all.
 */
export async function createDuetCore(options: CoreOptions): Promise<DuetCore> {
  traceStartup('core-start');
  // The engine worker starts first: importing and starting llama.cpp is the slowest part of a
  // start, and it runs while the history opens and the rest of the core is composed.
  const localEngine = createLocalEngine({
    ...(options.spawnWorker ? { spawnWorker: options.spawnWorker } : {}),
    // Read at every load and answer: a changed setting applies to the next answer, no restart.
    modelSettings: (modelPath) => settings.modelSettings(path.resolve(modelPath)),
    backendFile: backendFileIn(options.dataDir),
    startNow: true,
  });
  // The data folder is locked before the history is touched: one Duet per folder.
  const { history, lock } = await openDataFolder(options).catch(async (error: unknown) => {
    await localEngine.close();
    throw error;
  });
  traceStartup('core-history');

  const events = new EventHub();
  // Read once: the curve comes with the weights, which do not change while the app runs.
  // Set once the endpoint exists (below): a settings change may start, move or stop it.
  let apiServer: ApiServer | null = null;
  const settings = new SettingsService(history, DEFAULT_DIFFICULTY_THRESHOLD, localShareCurve(), (saved, routing) => {
    events.emit({ type: 'settings.changed', settings: saved, routing });
    void apiServer?.apply();
  });
  const policy = options.policy ?? loadAdminPolicy();
  if (options.cloud) settings.update({ cloud: options.cloud });
  if (options.modelHub) settings.update({ modelMirror: options.modelHub });
  // The administrator's endpoint list and monthly cloud budget, checked at every question and save.
  const cloudPolicy = new CloudPolicy(policy, history);
  const cloud = new CloudLink(settings, options.secrets ?? createEnvSecretStore(), options.keyStorage ?? 'environment', cloudPolicy);
  await cloud.start();

  // Only the administrator's approved model files load (when the policy lists them).
  const modelHashes = new ModelHashes(history);
  // A question sent while a chosen model is on its way waits for it (see loads-first.ts).
  const engine = loadsFirst(approvedModelsOnly(localEngine, (file) => checkModelApproved(file, policy, modelHashes)));
  // Unloads the model after unloadIdleMinutes without a local answer; it loads again with the next question.
  const idle = new IdleUnload({
    engine,
    minutes: () => settings.read().unloadIdleMinutes,
    ...(options.idleMinuteMs ? { minuteMs: options.idleMinuteMs } : {}),
  });
  engine.onStatus((status) => {
    // The last model that loaded, from whichever source, is the one the next start uses.
    if (status.state === 'ready' && status.path !== settings.read().modelPath) settings.update({ modelPath: status.path });
    if (status.state === 'ready') idle.touch();
    else idle.schedule();
    if (status.state === 'ready') traceStartup('core-model-ready');
    events.emit({ type: 'model.status', status });
  });
  const startModel = options.modelPath ?? settings.read().modelPath;
  // Loading runs in the background, from here: the file's check overlaps the rest of the core's
  // start, and the window opens at once and shows "loading".
  if (startModel) void engine.load(startModel);
  const chat = new ChatService({
    history,
    events,
    settings,
    policy,
    local: localSource(engine, idle),
    cloud: () => cloud.current(),
    cloudBlocked: () => cloud.blocked(),
    // Scored for this user: the shipped scorer plus what their own choices taught it.
    route: (input) => route(input, { scoreDifficulty: (prompt) => settings.scoreDifficulty(prompt) }),
  });

  // The OpenAI-compatible endpoint: other apps' questions take the chat window's path (ChatService).
  const clientChat = createClientChat({
    chat,
    history,
    localStatus: () => engine.status(),
    localLine: () => engine.answersInLine(),
    ...(options.apiMaxLocalLine === undefined ? {} : { maxLocalLine: options.apiMaxLocalLine }),
    cloudModel: () => (cloud.current() ? (settings.read().cloud?.model ?? null) : null),
    maxTokensOf: (modelPath) => settings.modelSettings(modelPath).maxTokens,
    keepConversations: () => settings.read().api.keepConversations,
    forget: (conversationId) => void historyService.delete(conversationId, { keepFigures: true }),
  });
  const api = new ApiServer({
    dataDir: options.dataDir,
    policy,
    settings: () => settings.read().api,
    handler: (access) => createApiHandler({ chat: clientChat, ...access }),
    onChange: (info) => events.emit({ type: 'api.status', api: info }),
    portOverride: options.apiPort ?? null,
  });
  apiServer = api;

  const historyService = new HistoryService({
    history,
    events,
    settings,
    appVersion: options.version,
    isAnswering: (id) => chat.isAnswering(id),
  });
  // The administrator's retention: old conversations go before the window lists them, then once a day.
  const retention = new HistoryRetention({
    days: policy.historyRetentionDays,
    list: () => history.listConversations(),
    remove: (id) => historyService.delete(id, { keepFigures: true }),
    onError: (error) => console.warn(`Duet: a conversation past the retention time is not deleted yet (${error instanceof Error ? error.message : String(error)}).`),
  });
  await retention.start();

  const modelDownloads = createModelDownloads(
    {
      dataDir: options.dataDir,
      hub: () => settings.read().modelMirror,
      policy,
      hashes: modelHashes,
      ...(options.catalogFile ? { catalogFile: options.catalogFile } : {}),
    },
    events,
  );

  const modelLibrary = createModelLibrary({
    dataDir: options.dataDir,
    ...(options.modelSearch ? { place: options.modelSearch } : {}),
    engine,
    settings,
    stopAnswers: () => chat.stopAll(),
  });

  const handlers: Handlers = {
    ...modelDownloads.handlers,
    ...modelLibrary.handlers,
    'app.info': () => ({
      version: options.version,
      dataDir: options.dataDir,
      model: engine.status(),
      settings: settings.read(),
      policy,
      cloud: cloud.info(),
      routing: settings.routing(),
      api: api.info(),
    }),
    'api.renewKey': () => api.renewKey(),
    'conversations.list': (page) => history.listConversations(page),
    'conversations.open': ({ id }) => chat.openConversation(id),
    'conversations.setMode': ({ id, mode }) => {
      const summary = history.setConversationMode(id, mode);
      events.emit({ type: 'conversations.changed', change: { kind: 'mode', conversation: summary } });
      return summary;
    },
    'chat.send': ({ conversationId, text }) => chat.send(conversationId, text),
    'chat.stop': ({ conversationId }) => ({ stopped: chat.stop(conversationId) }),
    'chat.askOther': ({ messageId }) => ({ assistantMessage: chat.askOther(messageId) }),
    'settings.update': async (changes) => {
      cloudPolicy.checkSettings(changes);
      const saved = settings.update(changes);
      // A new idle time counts from the last answer, not from the change.
      if (changes.unloadIdleMinutes !== undefined) idle.schedule();
      // Answered once the endpoint listens on its new port (or has stopped), so what app.info says next is so.
      if (changes.api !== undefined) await api.apply();
      return saved;
    },
    'settings.resetLearning': () => ({ learnedNudge: settings.resetLearning() }),
    'cloud.configure': ({ apiKey, ...endpoint }) => cloud.configure(endpoint, apiKey),
    'conversations.rename': ({ id, title }) => historyService.rename(id, title),
    'conversations.pin': ({ id, pinned }) => historyService.pin(id, pinned),
    'conversations.delete': ({ id }) => ({ deleted: historyService.delete(id) }),
    'history.search': (request) => historyService.search(request),
    'history.export': ({ conversationId, format }) => historyService.export(conversationId, format),
    'history.import': ({ content }) => historyService.import(content),
    'history.importFile': ({ path: file }) => historyService.importFile(path.resolve(file)),
    'history.distill': () => historyService.distill(),
    'history.savings': ({ days }) => historyService.savings(days),
    'models.settings': ({ path: modelPath }) => settings.modelSettingsInfo(path.resolve(modelPath)),
    'models.saveSettings': ({ path: modelPath, changes }) => {
      const file = path.resolve(modelPath);
      const before = settings.modelSettings(file);
      const saved = settings.saveModelSettings(file, changes);
      const status = engine.status();
      const reloads = saved.settings.contextSize !== before.contextSize || saved.settings.gpuLayers !== before.gpuLayers;
      // Context and GPU layers are fixed when a model loads: reload the active one (after any answer in progress).
      const active = status.path !== null && path.resolve(status.path) === file;
      if (reloads && active && (status.state === 'ready' || status.state === 'loading')) void engine.load(status.path ?? file);
      return saved;
    },
    'model.load': async ({ path: modelPath }) => {
      // Asked for first, so a question sent from now on waits for this model. It loads after the
      // answer in progress, which is stopped cleanly at once (its text so far is kept) rather than
      // making the user wait for it to finish on the old model.
      const loading = engine.load(path.resolve(modelPath));
      await chat.stopAll();
      // A failed load answers an error; the status (and the model that worked) is unchanged by it.
      const loaded = await loading;
      if (!loaded.ok) throw new CoreError(loaded.error.code, loaded.error.message);
      return loaded.value;
    },
  };

  // Uploads left by a Duet that stopped mid-import are of no use: nothing of them was imported.
  const uploadsDir = path.join(options.dataDir, UPLOADS_FOLDER);
  await clearUploads(uploadsDir);

  // Listening (or knowing why not) before the shell prints its address.
  await api.apply();

  return {
    async call(channel: string, request: unknown): Promise<Result<unknown>> {
      if (!isChannel(channel)) return fail('invalid_request', `Unknown call "${channel}".`);
      const parsed = channels[channel].request.safeParse(request ?? {});
      if (!parsed.success) {
        const detail = parsed.error.issues.map((issue) => issue.message).join('; ');
        return fail('invalid_request', `That request is not valid: ${detail}`);
      }
      try {
        const handler = handlers[channel] as (request: unknown) => unknown;
        return ok(await handler(parsed.data));
      } catch (error) {
        return { ok: false, error: toEnvelopeError(error) };
      }
    },
    subscribe: (listener) => events.subscribe(listener),
    async importUpload(body, declaredBytes) {
      if (declaredBytes !== null && declaredBytes > IMPORT_MAX_BYTES) return fail('invalid_request', tooLargeMessage(IMPORT_MAX_BYTES));
      let file: string | null = null;
      try {
        file = await receiveUpload(body, uploadsDir, IMPORT_MAX_BYTES);
        return ok(await historyService.importFile(file));
      } catch (error) {
        return { ok: false, error: toEnvelopeError(error) };
      } finally {
        if (file) await rm(file, { force: true });
      }
    },
    async close() {
      await api.close();
      await retention.close();
      idle.close();
      await modelDownloads.close();
      await chat.stopAll();
      await engine.close();
      history.close();
      lock.release();
    },
  };
}

/** The local engine as an answer source; its answers stop the idle clock while they run. */
function localSource(engine: LoadsFirstEngine, idle: IdleUnload): AnswerSource & { unavailable(): DuetError | null; contextSize(): number | null } {
  return {
    target: 'local',
    get model() {
      const status = engine.status();
      return status.name ?? (status.path ? path.basename(status.path) : 'no model');
    },
    generate: (request, onToken, signal) => idle.track(() => engine.generate(request, onToken, signal)),
    unavailable: () => engine.unavailable(),
    contextSize: () => engine.status().contextSize,
  };
}
