import { CloudSettings, splitKeyFromUrl, type CloudInfo } from '../contract/index.js';
import { createCloudProvider } from '../cloud/cloud-provider.js';
import { CLOUD_PRESETS, findPreset } from '../cloud/presets.js';
import { CLOUD_API_KEY_SECRET, type SecretStore } from '../cloud/secrets.js';
import { SYSTEM_PROMPT } from '../local/generation-settings.js';
import type { AnswerSource } from './answer-source.js';
import { refusalFor, type CloudPolicy } from './cloud-policy.js';
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
    /** The administrator's endpoint list and monthly cap; null: none. */
    private readonly policy: CloudPolicy | null = null,
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
    await this.moveKeyOutOfStoredUrl();
    this.rebuild();
  }

  /**
   * An older Duet accepted a key inside the cloud URL and saved it in the settings: the URL is saved
   * again without it, and the key goes to the key store when one can keep it (and none is there).
   */
  private async moveKeyOutOfStoredUrl(): Promise<void> {
    const stored = this.settings.storedCloud();
    const baseUrl = typeof stored === 'object' && stored !== null ? (stored as { baseUrl?: unknown }).baseUrl : undefined;
    const split = typeof baseUrl === 'string' ? splitKeyFromUrl(baseUrl) : null;
    if (!split) return;
    let moved = false;
    if (this.apiKey === null) {
      try {
        await this.secrets.set(CLOUD_API_KEY_SECRET, split.key);
        this.apiKey = split.key;
        moved = true;
      } catch {
        // Headless mode never stores keys, and a desktop without a keyring cannot: the key is dropped.
      }
    }
    const cleaned = CloudSettings.safeParse({ ...(stored as object), baseUrl: split.url });
    this.settings.update({ cloud: cleaned.success ? cleaned.data : null });
    console.warn(
      moved
        ? 'Duet: the saved cloud URL held an API key. The key now lives in the encrypted key store, and the URL is saved without it.'
        : `Duet: the saved cloud URL held an API key, which Duet removed from its settings. ${this.keyStorage === 'environment' ? 'Set DUET_CLOUD_API_KEY before starting Duet' : 'Enter the key in the API key field in Settings'} to use that cloud.`,
    );
  }

  /** The cloud as an answer source, or null when none is set up (or its key is missing). */
  current(): AnswerSource | null {
    return this.source;
  }

  info(): CloudInfo {
    const cloud = this.settings.read().cloud;
    const budget = this.policy?.budget(cloud?.model ?? null) ?? null;
    const blocked = this.policy?.blocked(cloud) ?? null;
    return {
      configured: this.source !== null,
      hasApiKey: this.apiKey !== null,
      keyStorage: this.keyStorage,
      presets: CLOUD_PRESETS.map(({ id, label, baseUrl, defaultModel, needsApiKey }) => ({ id, label, baseUrl, defaultModel, needsApiKey })),
      budget,
      blockedByPolicy: blocked ? refusalFor(blocked) : null,
    };
  }

  /** Why the administrator's policy keeps the cloud from answering now (as a route reason); null when it may. */
  blocked(): ReturnType<CloudPolicy['blocked']> {
    return this.policy?.blocked(this.settings.read().cloud) ?? null;
  }

  /** Saves a new endpoint and, when given, a new key (null removes it). */
  async configure(cloud: CloudSettings, apiKey: string | null | undefined): Promise<CloudInfo> {
    // Refused before the key is touched: a refused endpoint changes nothing.
    this.policy?.requireAllowedEndpoint(cloud.baseUrl);
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
    // An endpoint the administrator does not allow (saved before the policy said so) is never called.
    if (!cloud || (preset?.needsApiKey && !this.apiKey) || (this.policy && !this.policy.allows(cloud))) {
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
        provider.generate(
          {
            history: request.history,
            prompt: request.prompt,
            systemPrompt: SYSTEM_PROMPT,
            ...(request.overrides ? { overrides: request.overrides } : {}),
            ...(request.tools ? { tools: request.tools } : {}),
          },
          onToken,
          signal,
        ),
    };
  }
}
