// The typed API between UI and core. No node or electron imports here: the renderer uses its types.
export * from './envelope.js';
export * from './entities.js';
export * from './open-policy.js';
export * from './model-settings.js';
export * from './history-entities.js';
export * from './channels.js';
export * from './events.js';
export * from './api.js';
export * from './transport.js';
export * from './threshold.js';
export * from './local-day.js';
export * from './cloud-url.js';
export * from './models.js';
export * from './messages.js';
export * from './models-found.js';
export * from './generation.js';
export * from './endpoint.js';
