import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  channels,
  fail,
  isChannel,
  ok,
  Settings,
  type Channel,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '../contract/index.js';
import { ELECTRON_NATIVE_BINDING, openHistory } from '../history/index.js';
import { createLocalEngine } from '../local/engine-host.js';
import { ChatService } from './chat-service.js';
import { CoreError, toEnvelopeError } from './core-error.js';
import type { CoreOptions, DuetCore } from './core-types.js';
import { EventHub } from './event-hub.js';

type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

const DEFAULT_SETTINGS: Settings = { showRouting: false, modelPath: null };

/**
 * The composition root: opens history, starts the local engine and answers the contract.
 * Throws (with a user-facing message) only when the data folder cannot be used at all.
 */
export async function createDuetCore(options: CoreOptions): Promise<DuetCore> {
  mkdirSync(options.dataDir, { recursive: true });
  const history = openHistory(path.join(options.dataDir, 'duet.sqlite'), { nativeBinding: ELECTRON_NATIVE_BINDING });
  const interrupted = history.markInterrupted();
  if (interrupted > 0) console.warn(`Duet: ${interrupted} answer(s) were cut off by a crash and are marked "interrupted".`);

  const events = new EventHub();
  const engine = createLocalEngine(options.spawnWorker ? { spawnWorker: options.spawnWorker } : {});
  const chat = new ChatService(history, engine, events);

  const readSettings = (): Settings => {
    const parsed = Settings.partial().safeParse(history.getSettings());
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  };
  const saveSettings = (changes: Partial<Settings>): Settings => {
    for (const [key, value] of Object.entries(changes)) history.saveSetting(key, value);
    return readSettings();
  };

  engine.onStatus((status) => {
    // The last model that loaded, from whichever source, is the one the next start uses.
    if (status.state === 'ready' && status.path !== readSettings().modelPath) saveSettings({ modelPath: status.path });
    events.emit({ type: 'model.status', status });
  });

  const handlers: Handlers = {
    'app.info': () => ({ version: options.version, dataDir: options.dataDir, model: engine.status(), settings: readSettings() }),
    'conversations.list': () => history.listConversations(),
    'conversations.open': ({ id }) => {
      const found = history.getConversation(id);
      if (!found) throw new CoreError('not_found', 'That conversation no longer exists.');
      return found;
    },
    'chat.send': ({ conversationId, text }) => chat.send(conversationId, text),
    'chat.stop': ({ conversationId }) => ({ stopped: chat.stop(conversationId) }),
    'settings.update': (changes) => saveSettings(changes),
    'model.load': ({ path: modelPath }) => engine.load(path.resolve(modelPath)),
  };

  const startModel = options.modelPath ?? readSettings().modelPath;
  // Loading runs in the background: the window opens at once and shows "loading".
  if (startModel) void engine.load(startModel);

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
    async close() {
      await chat.stopAll();
      await engine.close();
      history.close();
    },
  };
}
