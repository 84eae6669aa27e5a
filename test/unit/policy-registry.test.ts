// The Windows reader: `reg query <key> /s` output as Windows prints it (CRLF, four-space columns,
// REG_MULTI_SZ joined by \0, ADMX lists as subkeys), HKLM over HKCU per key, and a bad value
// failing closed with a sentence that names the key and the hive.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { OPEN_POLICY } from '../../src-main/contract/index.js';
import { loadAdminPolicy } from '../../src-main/settings/admin-policy.js';
import { parseRegQuery, registryPolicy, type RunTool } from '../../src-main/settings/policy-registry.js';
import { makeTempDir } from '../support/temp-dir.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'policy');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const HKLM = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Duet';
const HKCU = 'HKEY_CURRENT_USER\\Software\\Policies\\Duet';
const QWEN = '67f2d22514622d1be30c14ee9f3cb104503a159a33a656ca91a1953aa9616429';
const LLAMA = 'fc5a1047f5919892fcdf8aa79ea5d6bb6531b5c176939ef0110906cb225941c1';
const PHI = '7f754d3dbef2f9c8be86a085d505d9bf943e8a9d0c2d84c5015e92e97c53040d';

/** `reg query` as it answers on a computer with these captured outputs per hive (null: the key does not exist). */
function regWith(hives: { hklm?: string | null; hkcu?: string | null }): RunTool {
  return (_file, args) => {
    const hive = args[1]!.startsWith('HKEY_LOCAL_MACHINE') ? hives.hklm : hives.hkcu;
    return hive ? fixture(hive) : null;
  };
}

const temp = makeTempDir('policy-registry');
const windows = (hives: { hklm?: string | null; hkcu?: string | null }, env: NodeJS.ProcessEnv = {}) =>
  loadAdminPolicy({ platform: 'win32', env: { ProgramData: temp.dir, ...env }, reg: regWith(hives) });

afterEach(() => vi.restoreAllMocks());
afterAll(() => temp.remove());

describe('reading reg query output', () => {
  it('reads every value type and the ADMX list subkey', () => {
    const dump = parseRegQuery(fixture('reg-query-hklm.txt'), HKLM);
    expect([...dump.keys()]).toEqual(['', 'AllowedCloudEndpoints']);
    expect(dump.get('')!.get('AllowCloud')).toEqual({ type: 'REG_DWORD', data: '0x1' });
    expect(dump.get('AllowedCloudEndpoints')!.get('10')).toEqual({ type: 'REG_SZ', data: 'http://10.0.0.7:8080' });
    expect(registryPolicy(dump, HKLM)).toEqual({
      allowCloud: true,
      forceMode: 'auto',
      privacyLevel: 'strict',
      monthlyCloudSpendCapUsd: 50,
      allowModelDownloads: true,
      modelMirror: 'https://models.corp.example/hf/',
      allowApi: false,
      historyRetentionDays: 90,
      // Upper case from PowerShell's Get-FileHash, lower case from sha256sum: the same file.
      allowedModelHashes: [QWEN, LLAMA],
      // Numbered 1, 2, 10 (ADMX valuePrefix=""): in that order, normalised to origins.
      allowedCloudEndpoints: ['https://api.openai.com', 'https://llm.corp.example', 'http://10.0.0.7:8080'],
    });
  });

  it('reads a list stored without a prefix (value name = data), names in any case, and a spend cap as text', () => {
    expect(registryPolicy(parseRegQuery(fixture('reg-query-hkcu.txt'), HKCU), HKCU)).toEqual({
      allowCloud: false,
      forceMode: 'local',
      historyRetentionDays: 30,
      allowedModelHashes: [PHI],
    });
    expect(registryPolicy(parseRegQuery(fixture('reg-query-hkcu-only.txt'), HKCU), HKCU)).toEqual({
      allowCloud: true,
      monthlyCloudSpendCapUsd: 12.5,
      allowedCloudEndpoints: ['https://api.mistral.ai'],
    });
  });

  it('takes an empty list subkey (a list policy Group Policy disabled) as not set', () => {
    const disabled = ['', HKLM, '    AllowApi    REG_DWORD    0x1', '', `${HKLM}\\AllowedCloudEndpoints`, ''].join('\r\n');
    expect(registryPolicy(parseRegQuery(disabled, HKLM), HKLM)).toEqual({ allowApi: true });
  });
});

describe('the Windows policy', () => {
  it('is open when neither hive has the key', () => {
    expect(windows({ hklm: null, hkcu: null })).toEqual(OPEN_POLICY);
  });

  it('takes each key from HKLM first, then HKCU, and names both places', () => {
    const policy = windows({ hklm: 'reg-query-hklm.txt', hkcu: 'reg-query-hkcu.txt' });
    expect(policy).toMatchObject({ allowCloud: true, forceMode: 'auto', historyRetentionDays: 90, allowedModelHashes: [QWEN, LLAMA], problem: null });
    expect(policy.source).toBe(`${HKLM}; ${HKCU}`);
  });

  it('uses HKCU alone when only the user has policy', () => {
    expect(windows({ hklm: null, hkcu: 'reg-query-hkcu.txt' })).toMatchObject({ allowCloud: false, forceMode: 'local', source: HKCU, allowApi: true });
  });

  it('still reads %ProgramData%\\Duet\\policy.json, below the registry', () => {
    const legacy = makeTempDir('policy-programdata');
    try {
      mkdirSync(path.join(legacy.dir, 'Duet'));
      writeFileSync(path.join(legacy.dir, 'Duet', 'policy.json'), '{ "allowCloud": true, "allowModelDownloads": false }');
      const policy = windows({ hklm: null, hkcu: 'reg-query-hkcu.txt' }, { ProgramData: legacy.dir });
      expect(policy).toMatchObject({ allowCloud: false, allowModelDownloads: false, forceMode: 'local' });
      expect(policy.source).toBe(`${HKCU}; ${path.join(legacy.dir, 'Duet', 'policy.json')}`);
    } finally {
      legacy.remove();
    }
  });

  it('lets DUET_POLICY_FILE override the registry entirely', () => {
    const policy = windows({ hklm: 'reg-query-hklm.txt', hkcu: 'reg-query-hkcu.txt' }, { DUET_POLICY_FILE: path.join(FIXTURES, 'policy.json') });
    expect(policy).toMatchObject({ source: path.join(FIXTURES, 'policy.json'), historyRetentionDays: 180, monthlyCloudSpendCapUsd: 40 });
  });

  it.each([
    ['reg-query-bad-type.txt', /HKEY_LOCAL_MACHINE\\Software\\Policies\\Duet: AllowCloud must be a REG_DWORD \(1 or 0\), not REG_SZ\./],
    ['reg-query-typo.txt', /"AllowClowd" is not a Duet policy key\. The keys are AllowCloud, AllowedCloudEndpoints/],
    [
      'reg-query-bad-endpoint.txt',
      /AllowedCloudEndpoints must be a list of http\(s\) origins such as https:\/\/api\.openai\.com \(no path\), not \["https:\/\/api\.openai\.com\/v1"\]/,
    ],
  ])('fails closed on %s, saying which key and where, once on stderr', (file, sentence) => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const policy = windows({ hklm: file, hkcu: 'reg-query-hkcu-only.txt' });
    expect(policy).toMatchObject({ allowCloud: false, allowApi: false, allowModelDownloads: false, source: HKLM });
    expect(policy.problem).toMatch(sentence);
    expect(policy.problem).toMatch(/the cloud, the API for other apps and model downloads stay off/);
    windows({ hklm: file, hkcu: 'reg-query-hkcu-only.txt' });
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(stderr.mock.calls[0]![0]).toContain(policy.problem);
  });

  it('fails closed when reg query itself fails (times out, or is missing)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const policy = loadAdminPolicy({
      platform: 'win32',
      env: { ProgramData: temp.dir },
      reg: () => {
        throw Object.assign(new Error('spawnSync C:\\Windows\\System32\\reg.exe ETIMEDOUT'), { code: 'ETIMEDOUT' });
      },
    });
    expect(policy).toMatchObject({ allowCloud: false, allowApi: false, allowModelDownloads: false, source: HKLM });
    expect(policy.problem).toMatch(/reg query could not read it \(spawnSync .*ETIMEDOUT\)/);
  });
});
