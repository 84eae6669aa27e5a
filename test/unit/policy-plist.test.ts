// The macOS reader: the managed preferences a configuration profile installs, read through
// `plutil -convert json` (captured output here; binary plists read the same way), the computer's
// values over the user's, an XML plist read in-process when plutil cannot run, and a bad value
// failing closed with a sentence that names the key and the file.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { OPEN_POLICY } from '../../src-main/contract/index.js';
import { loadAdminPolicy } from '../../src-main/settings/admin-policy.js';
import { parsePlistXml, parsePlutilJson, parseXmlPolicy, type RunPlutil } from '../../src-main/settings/policy-plist.js';
import { makeTempDir } from '../support/temp-dir.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'policy');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const QWEN = '67f2d22514622d1be30c14ee9f3cb104503a159a33a656ca91a1953aa9616429';

const FULL = {
  allowApi: false,
  allowCloud: true,
  allowModelDownloads: false,
  allowedCloudEndpoints: ['https://api.openai.com', 'https://llm.corp.example:8443'],
  allowedModelHashes: [QWEN],
  forceMode: 'auto',
  historyRetentionDays: 30,
  modelMirror: 'https://models.corp.example/hf/',
  monthlyCloudSpendCapUsd: 25.5,
  privacyLevel: 'strict',
};

const temps: { remove: () => void }[] = [];
afterEach(() => vi.restoreAllMocks());
afterAll(() => temps.forEach((temp) => temp.remove()));

/**
 * A computer whose /Library/Managed Preferences holds the named plists (machine, and the user
 * "ana"'s), where plutil prints the captured JSON named for each (or fails as `plutil` says).
 */
function mac(plists: { machine?: [string, string]; user?: [string, string] }, plutil?: RunPlutil): ReturnType<typeof loadAdminPolicy> {
  const temp = makeTempDir('policy-plist');
  temps.push(temp);
  const dir = path.join(temp.dir, 'Library', 'Managed Preferences');
  mkdirSync(path.join(dir, 'ana'), { recursive: true });
  const outputs = new Map<string, string>();
  for (const [file, pair] of [
    [path.join(dir, 'app.duet.desktop.plist'), plists.machine],
    [path.join(dir, 'ana', 'app.duet.desktop.plist'), plists.user],
  ] as const) {
    if (!pair) continue;
    const [plist, json] = pair;
    copyFileSync(path.join(FIXTURES, plist), file);
    outputs.set(file, fixture(json));
  }
  return loadAdminPolicy({ platform: 'darwin', env: {}, user: 'ana', root: temp.dir, plutil: plutil ?? ((file) => outputs.get(file)!) });
}

describe('reading plutil and plist output', () => {
  it('reads every key from plutil -convert json', () => {
    expect(parsePlutilJson(fixture('managed-prefs.plutil.txt'), 'x')).toEqual(FULL);
  });

  it('reads the same values from the XML plist, and from defaults export', () => {
    expect(parseXmlPolicy(fixture('managed-prefs.plist'), 'x')).toEqual(FULL);
    expect(parsePlistXml(fixture('defaults-export.plist'))).toEqual({ AllowCloud: false, ForceMode: 'local', HistoryRetentionDays: 14 });
  });
});

describe('the macOS policy', () => {
  it('is open when no managed preferences exist', () => {
    expect(mac({})).toEqual(OPEN_POLICY);
  });

  it('reads the computer-wide managed preferences', () => {
    const policy = mac({ machine: ['managed-prefs.plist', 'managed-prefs.plutil.txt'] });
    expect(policy).toEqual({ ...OPEN_POLICY, ...FULL, source: expect.stringMatching(/\/Library\/Managed Preferences\/app\.duet\.desktop\.plist$/) });
  });

  it("takes each key from the computer's plist first, then the user's", () => {
    const policy = mac({ machine: ['managed-prefs.plist', 'managed-prefs.plutil.txt'], user: ['defaults-export.plist', 'user-prefs.plutil.txt'] });
    expect(policy).toMatchObject({ allowCloud: true, forceMode: 'auto', privacyLevel: 'strict' });
    const only = mac({ user: ['defaults-export.plist', 'user-prefs.plutil.txt'] });
    expect(only).toMatchObject({ allowCloud: false, forceMode: 'local', privacyLevel: 'standard', historyRetentionDays: null });
    expect(only.source).toMatch(/\/Library\/Managed Preferences\/ana\/app\.duet\.desktop\.plist$/);
  });

  it('reads an XML plist itself when plutil cannot be run', () => {
    const missing = (): string => {
      throw Object.assign(new Error('spawnSync /usr/bin/plutil ENOENT'), { code: 'ENOENT' });
    };
    expect(mac({ user: ['defaults-export.plist', 'user-prefs.plutil.txt'] }, missing)).toMatchObject({ allowCloud: false, forceMode: 'local', historyRetentionDays: 14 });
  });

  it.each([
    ['bad-value.plutil.txt', /app\.duet\.desktop\.plist: ForceMode must be one of auto, local, cloud, not "offline"\./],
    ['typo.plutil.txt', /"forcemode" is not a Duet policy key\. Did you mean ForceMode\?/],
  ])('fails closed on %s, naming the key and the file', (json, sentence) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const policy = mac({ machine: ['managed-prefs.plist', json] });
    expect(policy).toMatchObject({ allowCloud: false, allowApi: false, allowModelDownloads: false, source: expect.stringMatching(/app\.duet\.desktop\.plist$/) });
    expect(policy.problem).toMatch(sentence);
  });

  it('fails closed when plutil rejects the file, and on a broken XML plist without plutil', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const rejects = (): string => {
      throw Object.assign(new Error('Command failed: /usr/bin/plutil -convert json -o - app.duet.desktop.plist\nunexpected character'), { status: 1 });
    };
    expect(mac({ machine: ['broken.plist', 'managed-prefs.plutil.txt'] }, rejects).problem).toMatch(/plutil could not read it \(Command failed: /);
    const missing = (): string => {
      throw Object.assign(new Error('spawnSync /usr/bin/plutil ENOENT'), { code: 'ENOENT' });
    };
    const broken = mac({ machine: ['broken.plist', 'managed-prefs.plutil.txt'] }, missing);
    expect(broken).toMatchObject({ allowCloud: false, allowApi: false, allowModelDownloads: false });
    expect(broken.problem).toMatch(/app\.duet\.desktop\.plist: it is not a valid property list/);
  });
});
