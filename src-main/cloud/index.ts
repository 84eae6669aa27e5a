// The cloud side of Duet: the provider, its presets and prices, and where the API key is kept.
export { createCloudProvider, type CloudOutcome, type CloudProvider, type CloudProviderConfig, type CloudRequest, type MaxTokensField } from './cloud-provider.js';
export { classifyCloudError, type CloudFailure } from './cloud-errors.js';
export { CLOUD_PRESETS, findPreset, placeholdersIn, type CloudPreset } from './presets.js';
export { DEFAULT_PRICES, estimateCost, findPrice, type ModelPrice, type PriceTable, type TokenUsage } from './prices.js';
export {
  CLOUD_API_KEY_SECRET,
  createEncryptedFileSecretStore,
  createEnvSecretStore,
  envNameFor,
  type EncryptedFileSecretStoreOptions,
  type SecretStore,
} from './secrets.js';
