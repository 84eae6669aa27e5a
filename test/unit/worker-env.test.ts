import { describe, expect, it } from 'vitest';
import { isSecretName, workerEnvironment } from '../../src-main/local/worker-env.js';

describe('the engine worker environment', () => {
  it('names secrets by whole words: keys, tokens, secrets, passwords, credentials', () => {
    for (const name of [
      'DUET_CLOUD_API_KEY',
      'DUET_TOKEN',
      'OPENAI_API_KEY',
      'openai_api_key',
      'GITHUB_TOKEN',
      'AWS_SECRET_ACCESS_KEY',
      'DB_PASSWORD',
      'APIKEY',
      'GOOGLE_APPLICATION_CREDENTIALS',
    ]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['PATH', 'HOME', 'LD_LIBRARY_PATH', 'CUDA_VISIBLE_DEVICES', 'TOKENIZERS_PARALLELISM', 'KEYBOARD_LAYOUT', 'NODE_LLAMA_CPP_GPU', 'SSH_AUTH_SOCK']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it('copies everything else unchanged', () => {
    expect(workerEnvironment({ PATH: '/bin', DUET_CLOUD_API_KEY: 'sk', LANG: 'C.UTF-8' })).toEqual({ PATH: '/bin', LANG: 'C.UTF-8' });
  });
});
