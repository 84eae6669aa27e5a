// What admins deploy must name exactly the keys Duet reads: the ADMX (and its en-US and zh-CN
// ADML), the sample configuration profile and the sample policy.json, each against the readers'
// key table, with element types that write what the registry reader accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RouteMode } from '../../src-main/contract/index.js';
import { parsePolicyJson } from '../../src-main/settings/policy-json.js';
import { parsePlistXml, parseXmlPolicy } from '../../src-main/settings/policy-plist.js';
import { REGISTRY_POLICY_PATH } from '../../src-main/settings/policy-registry.js';
import { POLICY_KEY_NAMES, POLICY_KEYS } from '../../src-main/settings/policy-schema.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'policy');
const read = (name: string): string => readFileSync(path.join(DIR, name), 'utf8');
const NATIVE = POLICY_KEY_NAMES.map((key) => POLICY_KEYS[key].native);

/** Every match of a regex's first group. */
const all = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((match) => match[1]!);

/** Throws unless every tag is closed in order (the XML is at least well-formed in its elements). */
function checkWellFormed(xml: string): void {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g, '').matchAll(/<(\/?)([\w:]+)(?:\s[^>]*?)?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
  }
  expect(stack).toEqual([]);
}

/** Each ADMX policy element, by name. */
function admxPolicies(admx: string): Map<string, string> {
  return new Map([...admx.matchAll(/<policy name="(\w+)"[\s\S]*?<\/policy>/g)].map((match) => [match[1]!, match[0]]));
}

describe('the ADMX template', () => {
  const admx = read('duet.admx');
  const policies = admxPolicies(admx);

  it('is well-formed and has a policy for each key the registry reader knows, and no other', () => {
    checkWellFormed(admx);
    expect([...policies.keys()]).toEqual(NATIVE);
  });

  it.each(POLICY_KEY_NAMES)('writes %s where and as the registry reader reads it', (key) => {
    const { native, kind } = POLICY_KEYS[key];
    const policy = policies.get(native)!;
    expect(policy).toMatch(/class="Both"/);
    if (kind === 'list') {
      // An ADMX list: a subkey named after the key, one REG_SZ per entry, named 1, 2, 3...
      expect(policy).toContain(`<list id="${native}" key="${REGISTRY_POLICY_PATH}\\${native}" valuePrefix="" />`);
      return;
    }
    expect(policy).toContain(`key="${REGISTRY_POLICY_PATH}"`);
    if (kind === 'boolean') {
      expect(policy).toContain(`valueName="${native}"`);
      expect(policy).toMatch(/<enabledValue>\s*<decimal value="1" \/>\s*<\/enabledValue>\s*<disabledValue>\s*<decimal value="0" \/>/);
    } else if (kind === 'number' || kind === 'integer') {
      expect(policy).toMatch(new RegExp(`<decimal id="${native}" valueName="${native}"`));
      const min = Number(/minValue="(\d+)"/.exec(policy)![1]);
      expect(POLICY_KEYS[key].schema.safeParse(min).success).toBe(true);
    } else if (native === 'ModelMirror') {
      expect(policy).toContain(`<text id="${native}" valueName="${native}"`);
    } else {
      // The enum's items are exactly the values the reader accepts.
      expect(policy).toContain(`<enum id="${native}" valueName="${native}"`);
      const items = all(policy, /<string>(\w+)<\/string>/g);
      expect(items).toEqual(native === 'ForceMode' ? RouteMode.options : ['standard', 'strict']);
      for (const item of items) expect(POLICY_KEYS[key].schema.safeParse(item).success).toBe(true);
    }
  });

  it.each(['en-US', 'zh-CN'])('has a %s ADML with every string and presentation the ADMX refers to', (language) => {
    const adml = read(path.join(language, 'duet.adml'));
    checkWellFormed(adml);
    const strings = all(adml, /<string id="(\w+)">/g);
    expect(new Set(strings)).toEqual(new Set(all(admx, /\$\(string\.(\w+)\)/g)));
    const presentations = all(adml, /<presentation id="(\w+)">/g);
    expect(new Set(presentations)).toEqual(new Set(all(admx, /\$\(presentation\.(\w+)\)/g)));
    // Each control in a presentation points at an element of the ADMX.
    const elementIds = new Set(all(admx, /<(?:list|enum|decimal|text) id="(\w+)"/g));
    expect(new Set(all(adml, /refId="(\w+)"/g))).toEqual(elementIds);
    for (const id of strings) expect(new RegExp(`<string id="${id}">[^<]+</string>`).test(adml), id).toBe(true);
  });
});

describe('the sample configuration profile', () => {
  const profile = read('app.duet.desktop.mobileconfig');

  it('is a profile whose preferences payload for app.duet.desktop sets every key, validly', () => {
    const root = parsePlistXml(profile) as {
      PayloadType: string;
      PayloadContent: { PayloadType: string; PayloadContent: Record<string, { Forced: { mcx_preference_settings: unknown }[] }> }[];
    };
    expect(root.PayloadType).toBe('Configuration');
    const [payload] = root.PayloadContent;
    expect(payload!.PayloadType).toBe('com.apple.ManagedClient.preferences');
    const settings = payload!.PayloadContent['app.duet.desktop']!.Forced[0]!.mcx_preference_settings;
    expect(Object.keys(settings as object)).toEqual(NATIVE);
    // The reader takes it as it is (an unknown or bad key would throw).
    expect(
      Object.keys(parseXmlPolicy(`<plist version="1.0">${/<key>mcx_preference_settings<\/key>\s*(<dict>[\s\S]*?<\/dict>)/.exec(profile)![1]}</plist>`, 'profile')),
    ).toEqual(POLICY_KEY_NAMES);
  });
});

describe('the sample policy.json', () => {
  it('sets every key, validly, in camelCase', () => {
    const values = parsePolicyJson(read('policy.json'), 'policy.json');
    expect(Object.keys(values)).toEqual(POLICY_KEY_NAMES);
  });
});
