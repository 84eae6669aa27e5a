// The service pieces a shell plugs into the core: how a worker process is started and where the
// cloud key is kept differ between Electron and headless, so the shell picks; the core exposes the
// parts because the shells see only the core and the contract (the layer map in eslint.config.js).
export { workerEnvironment } from '../local/worker-env.js';
export { createEncryptedFileSecretStore } from '../cloud/secrets.js';
