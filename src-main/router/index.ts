// The router's public surface: decide where a prompt runs, and the pieces that decision uses.
export * from './router-types.js';
export { route, routeWithDefaults, defaultRouteInput, DEFAULT_LOCAL_CONTEXT_TOKENS, type RouteDeps } from './route.js';
export { detectPrivateData, describeFindings, type PrivacyFinding, type PrivacyKind } from './privacy.js';
export { estimateTokens, fitsLocalContext, answerReserve } from './context-fit.js';
export { scoreDifficulty, DEFAULT_DIFFICULTY_THRESHOLD } from './difficulty.js';
