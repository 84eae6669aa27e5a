import { z } from 'zod';
import { hasNoKeyInUrl, URL_KEY_REFUSED } from './cloud-url.js';
import { DuetError } from './envelope.js';
import { ApiServerInfo, ApiSettings } from './endpoint.js';
import { VramState } from './model-settings.js';

export const Target = z.enum(['local', 'cloud']);
export type Target = z.infer<typeof Target>;

/** Who picks the side: Duet (auto), or the user pinning one; globally and per conversation. */
export const RouteMode = z.enum(['auto', 'local', 'cloud']);
export type RouteMode = z.infer<typeof RouteMode>;

/**
 * How an answer came to be, as its badge shows it: planned local or cloud, escalated to the cloud
 * because the local model was unsure, or answered locally because the cloud failed.
 */
export const RouteKind = z.enum(['local', 'cloud', 'escalated', 'fallback']);
export type RouteKind = z.infer<typeof RouteKind>;

/**
 * Every reason Duet gives for where an answer ran, in one list. The router's own gates come first,
 * then what happened while answering (the core), then reasons history itself records. Codes are
 * stable: they are stored with each answer, exported, counted and tested; messages are for people.
 */
export const RouteReasonCode = z.enum([
  // route(): the gates, in the order the router checks them
  'policy-forced',
  'mode-local',
  'mode-cloud',
  'policy-no-cloud',
  'no-cloud',
  'offline',
  'privacy',
  'tools',
  'no-local-model',
  'context-too-long',
  'difficult',
  'easy',
  // the core, while answering
  'user-choice',
  'local-unsure',
  'cloud-unavailable',
  /** The saved cloud endpoint is not on the administrator's list of allowed endpoints. */
  'policy-endpoint',
  /** This calendar month's cloud spend reached the administrator's monthly cap. */
  'policy-budget',
  // history
  'imported',
  /** A code this version does not know (an export from a newer Duet): its message still says why. */
  'other',
]);
export type RouteReasonCode = z.infer<typeof RouteReasonCode>;

/**
 * One reason for a routing decision: a code from the list above and words for people. An unknown code
 * reads as 'other' rather than failing a whole import over one word; the message is kept.
 */
export const RouteReason = z.object({ code: RouteReasonCode.catch('other'), message: z.string() });
export type RouteReason = z.infer<typeof RouteReason>;

/** Where an answer ran, why, how fast and at what cost: stored with every assistant message. */
export const Provenance = z.object({
  target: Target,
  route: RouteKind,
  reasons: z.array(RouteReason),
  /** The router's estimate that the cloud is needed (0..1); null when no decision was scored. */
  score: z.number().nullable(),
  model: z.string(),
  ttftMs: z.number().nullable(),
  tokens: z.number().int(),
  tokensPerSecond: z.number().nullable(),
  /** From sending the question to the last token. */
  latencyMs: z.number().nullable(),
  promptTokens: z.number().int().nullable(),
  /** Estimated from the price table; null for local answers and unknown models. */
  costUsd: z.number().nullable(),
  /**
   * The local model's confidence in its answer: the mean probability of its first chosen tokens, as the
   * cascade measures it (0..1). For an answer the cascade escalated, the local attempt's that sent it
   * away. Null for other cloud answers, unmeasured ones and older exports.
   */
  confidence: z.number().min(0).max(1).nullable().default(null),
});
export type Provenance = z.infer<typeof Provenance>;

export const MessageStatus = z.enum(['streaming', 'complete', 'stopped', 'error', 'interrupted']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const Message = z.object({
  id: z.string(),
  conversationId: z.string(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  status: MessageStatus,
  createdAt: z.number(),
  provenance: Provenance.nullable(),
  error: DuetError.nullable(),
  /** For an answer made by "Ask the other side": the answer it re-ran. */
  rerunOf: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;

export const ConversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  messageCount: z.number().int(),
  /** The conversation's own routing mode; null follows the global setting. */
  mode: RouteMode.nullable(),
  /** Share of its finished answers given locally (0..1); null before the first answer. */
  localShare: z.number().nullable(),
  /** Pinned conversations head the list. */
  pinned: z.boolean(),
  /** The app that asked through the OpenAI-compatible endpoint; null for Duet's own window (and older exports). */
  client: z.string().max(200).nullable().default(null),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationDetail = z.object({
  conversation: ConversationSummary,
  messages: z.array(Message),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

/** Where the local model is in its life: none chosen (or unloaded), loading, ready, or failed to load. */
export const ModelLoadState = z.enum(['none', 'loading', 'ready', 'error']);
export type ModelLoadState = z.infer<typeof ModelLoadState>;
export const ModelStatus = z.object({
  state: ModelLoadState,
  path: z.string().nullable(),
  name: z.string().nullable(),
  /** Layers offloaded to the GPU, or 0 on CPU; null until loaded. */
  gpuLayers: z.number().int().nullable(),
  gpu: z.string().nullable(),
  /** The context window the model runs with, in tokens; null until loaded. */
  contextSize: z.number().int().nullable(),
  /** The context length the model was trained on; null until loaded. */
  trainedContextSize: z.number().int().nullable(),
  /** Names of the GPUs llama.cpp uses; empty on the CPU, null until loaded. */
  gpuDevices: z.array(z.string()).nullable(),
  /** GPU memory after loading; null on the CPU and until loaded. */
  vram: VramState.nullable(),
  /** What Duet had to change to make the model fit (fewer GPU layers, a smaller context); null when nothing. */
  fitNote: z.string().nullable(),
  /**
   * True while the model is unloaded after `unloadIdleMinutes` without a question (state 'none',
   * path and name kept): the next question loads it again by itself.
   */
  sleeping: z.boolean(),
  error: DuetError.nullable(),
});
export type ModelStatus = z.infer<typeof ModelStatus>;

/** The cloud endpoint the user set up (any OpenAI-compatible API). The API key is kept apart, never here. */
export const CloudSettings = z.object({
  presetId: z.string().max(100),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .refine(hasNoKeyInUrl, { error: URL_KEY_REFUSED }),
  model: z.string().min(1).max(200),
});
export type CloudSettings = z.infer<typeof CloudSettings>;

export const Settings = z.object({
  showRouting: z.boolean(),
  modelPath: z.string().nullable(),
  /** The global routing mode; a conversation may set its own. */
  mode: RouteMode,
  /** Difficulty above which Auto sends a query to the cloud; null uses the trained default. */
  threshold: z.number().min(0).max(1).nullable(),
  cloud: CloudSettings.nullable(),
  /** Opt-in: the user allows exporting cloud answers as a fine-tuning dataset for the local model. */
  distillation: z.boolean(),
  /** Where `hf:` models download from (an internal mirror with Hugging Face's layout); null for huggingface.co. */
  modelMirror: z
    .url({ protocol: /^https?$/, error: 'Enter the mirror as an http(s) URL.' })
    .max(2000)
    .nullable(),
  /**
   * Minutes without a question after which the local model is unloaded to give its memory back
   * (it loads again with the next question); null keeps it loaded. LM Studio's default is 60.
   */
  unloadIdleMinutes: z.number().int().min(1, 'Unload after at least one minute.').max(10_080, 'A week (10,080 minutes) at most.').nullable(),
  /** The OpenAI-compatible endpoint for other apps: off until the user turns it on. */
  api: ApiSettings,
  /**
   * How much the privacy gate keeps on this computer. 'strict' adds any person's name with any personal
   * detail (health, pay, birth date, home, age, family, workplace) anywhere in the message.
   */
  privacyLevel: z.enum(['standard', 'strict']),
  /** The app's language: 'system' follows the operating system's (Chinese → zh-CN, anything else → en). */
  language: z.enum(['system', 'en', 'zh-CN']),
});
export type Settings = z.infer<typeof Settings>;

/** What the admin's managed policy allows; shown so the user knows why a choice is locked. */
export const PolicyInfo = z.object({
  allowCloud: z.boolean(),
  forceMode: RouteMode.nullable(),
  /** False: the administrator turned off the OpenAI-compatible endpoint for other apps. */
  allowApi: z.boolean().default(true),
  source: z.string().nullable(),
  /** Origins (`https://host[:port]`) the cloud endpoint may be on; null allows any. */
  allowedCloudEndpoints: z.array(z.string()).nullable().default(null),
  /** The privacy level the administrator set; null leaves it to the user. */
  privacyLevel: z.enum(['standard', 'strict']).nullable().default(null),
  /** Cloud spend per calendar month (US dollars, from the price table) after which the cloud stops; null: no cap. */
  monthlyCloudSpendCapUsd: z.number().nonnegative().nullable().default(null),
  /** False: no model downloads; only files already on the computer. */
  allowModelDownloads: z.boolean().default(true),
  /** The mirror every model download must use (Hugging Face's layout); null leaves it to the user. */
  modelMirror: z.string().nullable().default(null),
  /** SHA-256 (lowercase hex) of the only model files that may be loaded; null allows any. */
  allowedModelHashes: z.array(z.string()).nullable().default(null),
  /** Conversations not touched for this many days are deleted; null keeps them. */
  historyRetentionDays: z.number().int().positive().nullable().default(null),
  /** Why the policy failed closed (unreadable or invalid), for the user to pass on; null when it was read. */
  problem: z.string().nullable().default(null),
});
export type PolicyInfo = z.infer<typeof PolicyInfo>;

export const CloudPreset = z.object({
  id: z.string(),
  label: z.string(),
  baseUrl: z.string(),
  defaultModel: z.string(),
  needsApiKey: z.boolean(),
});
export type CloudPreset = z.infer<typeof CloudPreset>;

/** This calendar month's cloud spend (local time) against the administrator's monthly cap. */
export const CloudBudget = z.object({
  spentUsd: z.number(),
  capUsd: z.number(),
  /** Cloud models answering this month (or set up now) that the price table does not know: their answers count as $0. */
  unpricedModels: z.array(z.string()),
});
export type CloudBudget = z.infer<typeof CloudBudget>;

export const CloudInfo = z.object({
  configured: z.boolean(),
  hasApiKey: z.boolean(),
  /** Where keys live: encrypted by the OS (desktop), the environment (headless), or nowhere safe. */
  keyStorage: z.enum(['encrypted', 'environment', 'unavailable']),
  presets: z.array(CloudPreset),
  /** Spend against the administrator's monthly cap; null when no cap is set. */
  budget: CloudBudget.nullable(),
  /** Why the administrator's policy stops the cloud now (endpoint not allowed, monthly cap reached); null when it does not. */
  blockedByPolicy: z.string().nullable(),
});
export type CloudInfo = z.infer<typeof CloudInfo>;

/** The threshold in force and how the user's "Ask the other side" choices have moved it. */
export const RoutingInfo = z.object({
  defaultThreshold: z.number(),
  /** Learned from the user's overrides, within bounds; reset from settings. */
  learnedNudge: z.number(),
  effectiveThreshold: z.number(),
  /** "Ask the cloud" / "Ask the local model" choices the scorer has learned this user from (0 after a reset). */
  learnedChoices: z.number().int().nonnegative(),
  /** The cascade's bar in force: a local answer less confident than this in its first tokens goes to the cloud; learned from the same choices. */
  escalationThreshold: z.number().min(0).max(1),
  /**
   * Expected share of questions answered locally at thresholds 0.00, 0.01, …, 1.00 (read it with
   * `localShareAt`): from the scores of the user's own recent questions once there are enough of
   * them, else from the trained model; null when neither has one.
   */
  localShareCurve: z.array(z.number()).nullable(),
  /** How many of the user's recent questions the curve comes from; 0: it is the trained model's. */
  localShareQuestions: z.number().int().nonnegative().default(0),
});
export type RoutingInfo = z.infer<typeof RoutingInfo>;

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  model: ModelStatus,
  settings: Settings,
  policy: PolicyInfo,
  cloud: CloudInfo,
  routing: RoutingInfo,
  api: ApiServerInfo,
});
export type AppInfo = z.infer<typeof AppInfo>;
