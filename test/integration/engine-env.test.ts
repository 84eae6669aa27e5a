// The engine worker runs llama.cpp on files the user picked: it must not hold Duet's secrets.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../src-main/local/engine-host.js';
import type { LocalEngine } from '../../src-main/local/engine-types.js';
import { TINY_GREETING_ANSWER, TINY_MODEL_FILE } from '../fixtures/fixture-facts.js';
import { ask, outcomeOf } from '../support/engine-driver.js';

const SECRETS = {
  DUET_CLOUD_API_KEY: 'sk-duet-cloud-secret',
  DUET_TOKEN: 'duet-access-token-secret',
  OPENAI_API_KEY: 'sk-openai-secret',
  GITHUB_TOKEN: 'ghp-secret',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  DB_PASSWORD: 'password-secret',
};

let engine: LocalEngine | null = null;
const saved = new Map<string, string | undefined>();

afterAll(async () => {
  await engine?.close();
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** The environment of a running process, from /proc (Linux). */
function environOf(pid: number): Map<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return new Map(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

describe.skipIf(process.platform !== 'linux')('the engine worker environment', () => {
  it('leaves out API keys, tokens and passwords, keeps the rest, and the model still answers', async () => {
    for (const [name, value] of Object.entries(SECRETS)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    engine = createLocalEngine();
    expect(await engine.load(TINY_MODEL_FILE)).toMatchObject({ ok: true });
    const env = environOf(engine.workerPid()!);
    for (const name of Object.keys(SECRETS)) expect(env.has(name), name).toBe(false);
    const text = [...env.values()].join('\n');
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    expect(env.get('PATH')).toBe(process.env.PATH);
    if (process.env.HOME) expect(env.get('HOME')).toBe(process.env.HOME);
    expect(outcomeOf(await ask(engine, 'Hello?')).text).toBe(TINY_GREETING_ANSWER);
  });
});
