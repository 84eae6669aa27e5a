import type { ApiServerInfo } from '../../../src-main/contract/endpoint.js';
import type { DuetError } from '../../../src-main/contract/envelope.js';
import type { DuetEvent } from '../../../src-main/contract/events.js';
import type { DuetClient } from '../client.js';
import { ApiSettingsState } from './api-settings.svelte.js';
import { ChatState } from './chat.svelte.js';
import { CloudState } from './cloud.svelte.js';
import { HistoryState } from './history.svelte.js';
import { LibraryState } from './library.svelte.js';
import { ModelSettingsState } from './model-settings.svelte.js';
import { ModelState } from './model.svelte.js';
import { ModelsState } from './models.svelte.js';
import { SavingsState } from './savings.svelte.js';
import { SearchState } from './search.svelte.js';
import { SettingsState } from './settings.svelte.js';

/** The whole renderer's state: owns the sub-states and routes core events to them. */
export class AppState {
  readonly chat: ChatState;
  readonly settings: SettingsState;
  readonly model: ModelState;
  /** The local model's own settings, the download mirror and idle unload. */
  readonly modelSettings: ModelSettingsState;
  readonly models: ModelsState;
  readonly library: LibraryState;
  readonly cloud: CloudState;
  readonly search: SearchState;
  readonly history: HistoryState;
  readonly savings: SavingsState;
  /** Saving the endpoint's settings and renewing its key (Settings → API for other apps). */
  readonly apiSettings: ApiSettingsState;

  version = $state<string | null>(null);
  /** The OpenAI-compatible endpoint for other apps: running or not, its address and key. */
  api = $state.raw<ApiServerInfo | null>(null);
  /** `app.info` failed: nothing else can work until it answers. */
  startError = $state.raw<DuetError | null>(null);
  started = $state(false);
  /** False while the event stream is lost (HTTP bridge only). */
  connected = $state(true);
  /** Duet refuses this tab's access token for good (it was renewed): the one thing left to say. */
  accessDenied = $state.raw<DuetError | null>(null);
  /** The last engine crash, until the user dismisses it. */
  crash = $state.raw<DuetError | null>(null);

  #api: DuetClient;

  constructor(api: DuetClient) {
    this.#api = api;
    this.chat = new ChatState(api);
    this.settings = new SettingsState(api);
    this.model = new ModelState(api);
    this.modelSettings = new ModelSettingsState(api);
    this.models = new ModelsState(api, this.model);
    this.library = new LibraryState(api, this.model, this.models);
    this.cloud = new CloudState(api, this.settings);
    this.search = new SearchState(api);
    this.history = new HistoryState(api);
    this.savings = new SavingsState(api);
    this.apiSettings = new ApiSettingsState(api, this.settings, this);
  }

  /** Listens to the core and loads the first state; returns a function that stops listening. */
  start(): () => void {
    const stopEvents = this.#api.subscribe((event) => this.handle(event));
    const stopConnection = this.#api.onConnectionChange((connected) => {
      this.connected = connected;
      // Events may have been missed while the stream was down.
      if (connected) void this.refresh();
    });
    const stopDenied = this.#api.onAccessDenied?.((error) => {
      this.accessDenied = error;
    });
    void this.refresh();
    return () => {
      stopEvents();
      stopConnection();
      stopDenied?.();
    };
  }

  /** Re-reads app info, settings, model status, the conversation list and the open conversation. */
  async refresh(): Promise<void> {
    const [info] = await Promise.all([this.#api.call('app.info', {}), this.chat.refresh()]);
    this.search.refresh();
    this.savings.refreshIfOpen();
    if (info.ok) {
      this.version = info.value.version;
      this.model.status = info.value.model;
      this.settings.applyInfo(info.value);
      this.modelSettings.applySettings(info.value.settings);
      this.cloud.info = info.value.cloud;
      this.api = info.value.api;
      this.startError = null;
    } else if (info.error.code !== 'unauthorized') {
      // A refused token is said once, by accessDenied, not as "could not start".
      this.startError = info.error;
    }
    this.started = true;
  }

  /** Applies one core event. */
  handle(event: DuetEvent): void {
    switch (event.type) {
      case 'model.status':
        this.model.status = event.status;
        break;
      case 'model.download':
        this.models.update(event.download);
        // A finished download is a new model in the library.
        if (event.download.phase === 'done') this.library.refreshIfOpen();
        break;
      case 'engine.crashed':
        this.crash = event.error;
        break;
      case 'api.status':
        this.api = event.api;
        break;
      case 'settings.changed':
        this.settings.applyChanged(event.settings, event.routing);
        this.modelSettings.applySettings(event.settings);
        break;
      case 'conversations.changed':
        this.chat.handle(event);
        // What the palette shows may have changed with it; the dashboard only counts answers.
        this.search.refresh();
        if (event.change.kind !== 'renamed' && event.change.kind !== 'pinned' && event.change.kind !== 'mode') this.savings.refreshIfOpen();
        break;
      default:
        this.chat.handle(event);
    }
  }

  /** Re-runs an answer on the other side; the threshold the choice moves arrives as `settings.changed`. */
  async askOther(messageId: string): Promise<void> {
    await this.chat.askOther(messageId);
  }

  dismissCrash(): void {
    this.crash = null;
  }
}
