// Where a cloud model can live: the services and self-hosted servers that speak the OpenAI
// chat-completions API, with the address and a model to start from. The user picks one in
// Settings and may change every field; nothing here is sent anywhere by itself.

export interface CloudPreset {
  id: string;
  label: string;
  /** The OpenAI-compatible base URL (ends in /v1 for most); `{resource}` is a placeholder to fill in. */
  baseUrl: string;
  /** A model to start with (for Azure: the name of your deployment). */
  defaultModel: string;
  /** False for self-hosted servers, which take requests without a key. */
  needsApiKey: boolean;
  notes: string;
  /**
   * Azure OpenAI's classic deployments API: requests go to
   * `{baseUrl}/openai/deployments/{model}/chat/completions?api-version=…` with an `api-key` header.
   */
  azure?: { apiVersion: string };
  /** False where the server is not known to accept `stream_options` (it then reports usage on its own, or not at all). */
  streamUsage?: boolean;
}

export const CLOUD_PRESETS: readonly CloudPreset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4.1-mini',
    needsApiKey: true,
    notes: 'Create a key at platform.openai.com → API keys. Usage is billed per token.',
  },
  {
    id: 'azure-openai',
    label: 'Azure OpenAI',
    baseUrl: 'https://{resource}.openai.azure.com',
    defaultModel: 'gpt-4.1-mini',
    needsApiKey: true,
    azure: { apiVersion: '2024-10-21' },
    notes:
      'Replace {resource} with your Azure OpenAI resource name, and set the model to your deployment name. ' +
      'Every request carries the api-version query (2024-10-21 here; change it if your resource needs another) ' +
      'and the key goes in the api-key header. Key: Azure portal → your resource → Keys and Endpoint.',
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'openai/gpt-4.1-mini',
    needsApiKey: true,
    notes: 'One key for many vendors; model ids are "vendor/model". Key: openrouter.ai → Keys.',
  },
  {
    id: 'groq',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    defaultModel: 'llama-3.3-70b-versatile',
    needsApiKey: true,
    notes: 'Very fast open-weight models. Key: console.groq.com → API Keys.',
  },
  {
    id: 'together',
    label: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    needsApiKey: true,
    notes: 'Open-weight models; model ids are "org/model". Key: api.together.ai → Settings → API Keys.',
  },
  {
    id: 'mistral',
    label: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    defaultModel: 'mistral-small-latest',
    needsApiKey: true,
    streamUsage: false,
    notes: 'Key: console.mistral.ai → API Keys. Mistral reports token usage in its last stream chunk by itself.',
  },
  {
    id: 'vllm',
    label: 'vLLM (self-hosted)',
    baseUrl: 'http://localhost:8000/v1',
    defaultModel: 'Qwen/Qwen2.5-7B-Instruct',
    needsApiKey: false,
    notes: 'Start with `vllm serve MODEL`; set the model to the name vLLM serves. No key unless started with --api-key.',
  },
  {
    id: 'ollama',
    label: 'Ollama (self-hosted)',
    baseUrl: 'http://localhost:11434/v1',
    defaultModel: 'llama3.2',
    needsApiKey: false,
    notes: 'Pull the model first (`ollama pull llama3.2`). No key needed.',
  },
  {
    id: 'llama-cpp',
    label: 'llama.cpp server (self-hosted)',
    baseUrl: 'http://localhost:8080/v1',
    defaultModel: 'default',
    needsApiKey: false,
    notes: 'Start with `llama-server -m MODEL.gguf`; it serves that one model whatever the name. No key unless started with --api-key.',
  },
];

/** The preset with this id, or null. */
export function findPreset(id: string): CloudPreset | null {
  return CLOUD_PRESETS.find((preset) => preset.id === id) ?? null;
}

/** The `{placeholders}` left in a base URL (an Azure preset before the resource name is filled in). */
export function placeholdersIn(baseUrl: string): string[] {
  return [...baseUrl.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}
