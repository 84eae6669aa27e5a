// The Linux place (/etc/duet/policy.json) and DUET_POLICY_FILE, which overrides every other place
// on every OS: camelCase keys, each checked and normalised, and a bad file failing closed.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { OPEN_POLICY } from '../../src-main/contract/index.js';
import { loadAdminPolicy } from '../../src-main/settings/admin-policy.js';
import { makeTempDir } from '../support/temp-dir.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'policy');
const temp = makeTempDir('policy-json');
afterEach(() => vi.restoreAllMocks());
afterAll(() => temp.remove());

let n = 0;
/** A fresh root whose /etc/duet/policy.json is the named fixture (or none). */
function linuxRoot(fixture: string | null): string {
  const root = path.join(temp.dir, `root-${++n}`);
  mkdirSync(path.join(root, 'etc', 'duet'), { recursive: true });
  if (fixture) copyFileSync(path.join(FIXTURES, fixture), path.join(root, 'etc', 'duet', 'policy.json'));
  return root;
}
const linux = (root: string, env: NodeJS.ProcessEnv = {}) => loadAdminPolicy({ platform: 'linux', env, root });

const FULL = {
  allowCloud: true,
  allowedCloudEndpoints: ['https://api.openai.com', 'https://llm.corp.example'],
  forceMode: 'auto',
  privacyLevel: 'strict',
  monthlyCloudSpendCapUsd: 40,
  allowModelDownloads: true,
  modelMirror: 'https://models.corp.example/hf/',
  allowedModelHashes: ['fc5a1047f5919892fcdf8aa79ea5d6bb6531b5c176939ef0110906cb225941c1'],
  allowApi: false,
  historyRetentionDays: 180,
  problem: null,
};

describe('/etc/duet/policy.json', () => {
  it('is no policy when absent', () => {
    expect(linux(linuxRoot(null))).toEqual(OPEN_POLICY);
  });

  it('sets every key, normalised (origins, lower-case hashes)', () => {
    const root = linuxRoot('policy.json');
    expect(linux(root)).toEqual({ ...FULL, source: path.join(root, 'etc', 'duet', 'policy.json') });
  });

  it.each([
    ['bad-days.json', /policy\.json: historyRetentionDays must be a whole number of days, 1 or more, not 0\./],
    ['typo.json', /"allowcloud" is not a Duet policy key\. Did you mean allowCloud\?/],
    ['truncated.json', /policy\.json: it is not valid JSON \(/],
  ])('fails closed on %s, naming the key and the file', (fixture, sentence) => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = linuxRoot(fixture);
    const policy = linux(root);
    expect(policy).toMatchObject({ allowCloud: false, allowApi: false, allowModelDownloads: false, source: path.join(root, 'etc', 'duet', 'policy.json') });
    expect(policy.problem).toMatch(sentence);
    expect(stderr).toHaveBeenCalledWith(`Duet: ${policy.problem}`);
  });

  it('fails closed when the file cannot be read', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = linuxRoot(null);
    mkdirSync(path.join(root, 'etc', 'duet', 'policy.json'));
    expect(linux(root)).toMatchObject({ allowCloud: false, allowApi: false, allowModelDownloads: false, problem: expect.stringMatching(/it cannot be read \(EISDIR\)/) });
  });
});

describe('DUET_POLICY_FILE', () => {
  it('overrides /etc/duet/policy.json', () => {
    const root = linuxRoot('bad-days.json');
    const file = path.join(FIXTURES, 'policy.json');
    expect(linux(root, { DUET_POLICY_FILE: file })).toEqual({ ...FULL, source: file });
  });

  it('naming a file that does not exist means no policy (tests and kiosks point it at an empty place)', () => {
    expect(linux(linuxRoot('policy.json'), { DUET_POLICY_FILE: path.join(temp.dir, 'none.json') })).toEqual(OPEN_POLICY);
  });

  it('overrides the managed preferences on macOS', () => {
    const file = path.join(FIXTURES, 'policy.json');
    const plutil = (): string => {
      throw new Error('plutil must not run when DUET_POLICY_FILE is set');
    };
    expect(loadAdminPolicy({ platform: 'darwin', env: { DUET_POLICY_FILE: file }, plutil, root: linuxRoot(null) })).toEqual({ ...FULL, source: file });
  });
});
