import type { CloudInfo, CloudSettings } from '../contract/index.js';
import { createCloudProvider } from '../cloud/cloud-provider.js';
import { CLOUD_PRESETS, findPreset } from '../cloud/presets.js';
import { CLOUD_API_KEY_SECRET, type SecretStore } from '../cloud/secrets.js';
import { SYSTEM_PROMPT } from '../local/generation-settings.js';
import type { AnswerSource } from './answer-source.js';
import { CoreError } from './core-error.js';
import type { SettingsService } from './settings-service.js';

/** The cloud endpoint as configured now: rebuilt whenever the settings or the key change. */
export class CloudLink {
  private source: AnswerSource | null = null;
  private apiKey: string | null = null;

  constructor(
    private readonly settings: SettingsService,
    private readonly secrets: SecretStore,
    private readonly keyStorage: CloudInfo['keyStorage'],
  ) {}

  /** Reads the stored key and builds the provider; call once at start. */
  async start(): Promise<void> {
    try {
      this.apiKey = await this.secrets.get(CLOUD_API_KEY_SECRET);
    } catch (error) {
      // An unreadable key must not keep Duet from starting: the cloud stays off until it is entered again.
      console.error(`Duet: ${error instanceof Error ? error.message : String(error)}`);
      this.apiKey = null;
    }
    this.rebuild();
  }

  /** The cloud as an answer source, or null when none is set up (or its key is missing). */
  current(): AnswerSource | null {
    return this.source;
  }

  info(): CloudInfo {
    return {
      configured: this.source !== null,
      hasApiKey: this.apiKey !== null,
      keyStorage: this.keyStorage,
      presets: CLOUD_PRESETS.map(({ id, label, baseUrl, defaultModel, needsApiKey }) => ({ id, label, baseUrl, defaultModel, needsApiKey })),
    };
  }

  /** Saves a new endpoint and, when given, a new key (null removes it). */
  async configure(cloud: CloudSettings, apiKey: string | null | undefined): Promise<CloudInfo> {
    if (apiKey !== undefined) {
      try {
        if (apiKey === null || apiKey === '') await this.secrets.delete(CLOUD_API_KEY_SECRET);
        else await this.secrets.set(CLOUD_API_KEY_SECRET, apiKey);
      } catch (error) {
        throw new CoreError('invalid_request', error instanceof Error ? error.message : String(error));
      }
      this.apiKey = apiKey || null;
    }
    this.settings.update({ cloud });
    this.rebuild();
    return this.info();
  }

  private rebuild(): void {
    const cloud = this.settings.read().cloud;
    const preset = cloud ? findPreset(cloud.presetId) : null;
    if (!cloud || (preset?.needsApiKey && !this.apiKey)) {
      this.source = null;
      return;
    }
    const provider = createCloudProvider({
      baseUrl: cloud.baseUrl,
      model: cloud.model,
      apiKey: this.apiKey,
      ...(preset?.azure ? { azure: preset.azure } : {}),
      ...(preset?.streamUsage === undefined ? {} : { streamUsage: preset.streamUsage }),
    });
    this.source = {
      target: 'cloud',
      model: cloud.model,
      generate: (request, onToken, signal) =>
        provider.generate({ history: request.history, prompt: request.prompt, systemPrompt: SYSTEM_PROMPT }, onToken, signal),
    };
  }
}
