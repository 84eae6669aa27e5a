// The policy in force when an administrator set none. Apart from entities.ts (and its zod schemas)
// so that the renderer can start from it without bundling the validators.
import type { PolicyInfo } from './entities.js';

/** No managed policy: nothing locked. */
export const OPEN_POLICY: PolicyInfo = {
  allowCloud: true,
  forceMode: null,
  allowApi: true,
  source: null,
  allowedCloudEndpoints: null,
  privacyLevel: null,
  monthlyCloudSpendCapUsd: null,
  allowModelDownloads: true,
  modelMirror: null,
  allowedModelHashes: null,
  historyRetentionDays: null,
  problem: null,
};
