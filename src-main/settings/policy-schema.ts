import { z } from 'zod';
import { OPEN_POLICY, RouteMode, type PolicyInfo } from '../contract/index.js';

/** The policy keys an administrator sets (everything in PolicyInfo but what Duet fills in itself). */
export type PolicyKey = Exclude<keyof PolicyInfo, 'source' | 'problem'>;

/** What a policy source may hold; every key is optional (absent: the user decides). */
export type PolicyValues = { [K in PolicyKey]?: PolicyInfo[K] };

/** How a value is stored natively: the registry and plist readers turn their types into these. */
export type PolicyKind = 'boolean' | 'string' | 'number' | 'integer' | 'list';

interface KeySpec {
  /** The name in the registry and in plists (PascalCase); policy.json uses the camelCase key. */
  native: string;
  kind: PolicyKind;
  /** What a valid value looks like, for the sentence an administrator reads when it is not. */
  expect: string;
  schema: z.ZodType;
}

/** An http(s) origin such as `https://api.example.com:8443`, normalised (lowercase host, no default port). */
const Origin = z.string().transform((text, ctx) => {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a URL' });
    return z.NEVER;
  }
  const bare = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username && !url.password;
  if (!/^https?:$/.test(url.protocol) || !bare) {
    ctx.addIssue({ code: 'custom', message: 'not an origin' });
    return z.NEVER;
  }
  return url.origin;
});

/**
 * Every key, in the order the templates and the admin README list them. An empty list means the
 * same as an absent key (Group Policy leaves an empty subkey behind when a list policy is disabled);
 * AllowCloud false is how to allow no endpoint.
 */
export const POLICY_KEYS: { readonly [K in PolicyKey]: KeySpec } = {
  allowCloud: { native: 'AllowCloud', kind: 'boolean', expect: 'true or false (1 or 0 in the registry)', schema: z.boolean() },
  allowedCloudEndpoints: {
    native: 'AllowedCloudEndpoints',
    kind: 'list',
    expect: 'a list of http(s) origins such as https://api.openai.com (no path)',
    schema: z.array(Origin).transform((origins) => (origins.length ? [...new Set(origins)] : null)),
  },
  forceMode: { native: 'ForceMode', kind: 'string', expect: 'one of auto, local, cloud', schema: RouteMode },
  privacyLevel: { native: 'PrivacyLevel', kind: 'string', expect: 'one of standard, strict', schema: z.enum(['standard', 'strict']) },
  monthlyCloudSpendCapUsd: {
    native: 'MonthlyCloudSpendCapUsd',
    kind: 'number',
    expect: 'a number of US dollars, 0 or more',
    schema: z.number().nonnegative().finite(),
  },
  allowModelDownloads: { native: 'AllowModelDownloads', kind: 'boolean', expect: 'true or false (1 or 0 in the registry)', schema: z.boolean() },
  modelMirror: {
    native: 'ModelMirror',
    kind: 'string',
    expect: 'an http(s) URL such as https://models.example.com/',
    schema: z
      .string()
      .transform((text) => text.trim())
      .pipe(z.url({ protocol: /^https?$/ }).max(2000))
      .transform((text) => new URL(text).href),
  },
  allowedModelHashes: {
    native: 'AllowedModelHashes',
    kind: 'list',
    expect: 'a list of SHA-256 hashes, 64 hex digits each',
    // PowerShell's Get-FileHash prints upper case, sha256sum lower: both mean the same file.
    schema: z
      .array(
        z
          .string()
          .transform((text) => text.trim())
          .pipe(z.string().regex(/^[0-9a-fA-F]{64}$/))
          .transform((text) => text.toLowerCase()),
      )
      .transform((hashes) => (hashes.length ? [...new Set(hashes)] : null)),
  },
  allowApi: { native: 'AllowApi', kind: 'boolean', expect: 'true or false (1 or 0 in the registry)', schema: z.boolean() },
  historyRetentionDays: { native: 'HistoryRetentionDays', kind: 'integer', expect: 'a whole number of days, 1 or more', schema: z.number().int().positive() },
};

/** The keys in template order. */
export const POLICY_KEY_NAMES = Object.keys(POLICY_KEYS) as PolicyKey[];

/** A policy source that exists but cannot be used; `key` is the offending name as the source spells it. */
export class PolicyProblem extends Error {
  constructor(
    readonly source: string,
    readonly detail: string,
  ) {
    super(`${source}: ${detail}`);
  }
}

/** How a source spells the keys: PascalCase (registry, plist) or camelCase (policy.json). */
export type PolicyNaming = 'native' | 'json';

/** The name of `key` as a source with `naming` spells it. */
export function keyName(key: PolicyKey, naming: PolicyNaming): string {
  return naming === 'native' ? POLICY_KEYS[key].native : key;
}

/** The key a source's name stands for, or null when it is none of Duet's (names compare case-insensitively when `anyCase`). */
export function keyFor(name: string, naming: PolicyNaming, anyCase = false): PolicyKey | null {
  const match = (candidate: string): boolean => (anyCase ? candidate.toLowerCase() === name.toLowerCase() : candidate === name);
  return POLICY_KEY_NAMES.find((key) => match(keyName(key, naming))) ?? null;
}

/** The sentence for a name that is not a policy key: an administrator's typo must not pass silently. */
export function unknownKeyDetail(name: string, naming: PolicyNaming): string {
  const near = keyFor(name, naming, true);
  const hint = near ? ` Did you mean ${keyName(near, naming)}?` : ` The keys are ${POLICY_KEY_NAMES.map((key) => keyName(key, naming)).join(', ')}.`;
  return `${JSON.stringify(name)} is not a Duet policy key.${hint}`;
}

/** Checks and normalises one value; throws a PolicyProblem naming the key and what it should be. */
export function checkValue<K extends PolicyKey>(key: K, value: unknown, source: string, naming: PolicyNaming): PolicyInfo[K] {
  const parsed = POLICY_KEYS[key].schema.safeParse(value);
  if (!parsed.success) throw new PolicyProblem(source, `${keyName(key, naming)} must be ${POLICY_KEYS[key].expect}, not ${describe(value)}.`);
  return parsed.data as PolicyInfo[K];
}

/** Checks a whole record of named values (plist, policy.json); any unknown name is a problem. */
export function checkRecord(record: unknown, source: string, naming: PolicyNaming): PolicyValues {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new PolicyProblem(source, 'the policy must be a dictionary of keys and values.');
  const values: PolicyValues = {};
  for (const [name, value] of Object.entries(record)) {
    const key = keyFor(name, naming);
    if (!key) throw new PolicyProblem(source, unknownKeyDetail(name, naming));
    // In policy.json, null spells "not set" (the old format wrote `"forceMode": null`).
    if (value === null && naming === 'json') continue;
    setValue(values, key, checkValue(key, value, source, naming));
  }
  return values;
}

/** Sets a checked value; null (an empty list) leaves the key unset, so a lower source may still set it. */
export function setValue<K extends PolicyKey>(values: PolicyValues, key: K, value: PolicyInfo[K]): void {
  if (value !== null) values[key] = value;
}

/** A short, safe rendering of what was found. */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One place policy was read from: what it set, or null when it is absent there. */
export interface PolicyLayer {
  source: string;
  values: PolicyValues | null;
}

/**
 * Layers sources, first wins per key (HKLM before HKCU, machine before user). Nothing present
 * anywhere means no policy.
 */
export function mergeLayers(layers: PolicyLayer[]): PolicyInfo {
  const present = layers.filter((layer): layer is { source: string; values: PolicyValues } => layer.values !== null);
  if (present.length === 0) return OPEN_POLICY;
  const merged: PolicyValues = {};
  for (const layer of [...present].reverse()) Object.assign(merged, layer.values);
  return { ...OPEN_POLICY, ...merged, source: present.map((layer) => layer.source).join('; '), problem: null };
}

/** A policy that could not be used: no cloud, no API for other apps, no downloads, and why. */
export function failClosed(problem: PolicyProblem): PolicyInfo {
  return {
    ...OPEN_POLICY,
    allowCloud: false,
    allowApi: false,
    allowModelDownloads: false,
    source: problem.source,
    problem: `Duet cannot use the managed policy in ${problem.source}: ${problem.detail} Until an administrator fixes it, the cloud, the API for other apps and model downloads stay off.`,
  };
}
