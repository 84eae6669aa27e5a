import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { POLICY_KEYS, PolicyProblem, checkValue, keyFor, setValue, unknownKeyDetail, type PolicyKey, type PolicyValues } from './policy-schema.js';

/** Where Group Policy (the ADMX template) writes Duet's policy, under HKLM and HKCU. */
export const REGISTRY_POLICY_PATH = 'Software\\Policies\\Duet';

/** One value as `reg query` prints it: its type and its data as text. */
export interface RegValue {
  type: string;
  data: string;
}

/** What `reg query <key> /s` printed: each key's path below the queried one ('' for itself) and its values by name. */
export type RegDump = Map<string, Map<string, RegValue>>;

const KEY_LINE = /^HKEY_[A-Z_]+(\\.*)?$/;
// `reg query` separates name, type and data with four spaces; empty data may end the line early.
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** Parses the text of `reg query <root> /s`; `root` is the key queried, e.g. `HKEY_LOCAL_MACHINE\Software\Policies\Duet`. */
export function parseRegQuery(text: string, root: string): RegDump {
  const dump: RegDump = new Map();
  const rootLower = root.toLowerCase();
  let current: Map<string, RegValue> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\r$/, '');
    if (KEY_LINE.test(line)) {
      const lower = line.toLowerCase();
      if (lower !== rootLower && !lower.startsWith(`${rootLower}\\`)) {
        current = null;
        continue;
      }
      const sub = line.slice(root.length + 1);
      current = dump.get(sub) ?? new Map();
      dump.set(sub, current);
      continue;
    }
    const value = VALUE_LINE.exec(line);
    if (value && current) current.set(value[1]!, { type: value[2]!, data: value[3] ?? '' });
  }
  return dump;
}

/** Whether a value is the key's unnamed default (shown as "(Default)", in the system's language), left empty. */
function isEmptyDefault(name: string, value: RegValue): boolean {
  return /^\(.*\)$/.test(name) && value.type === 'REG_SZ' && (value.data === '' || /^\(.*\)$/.test(value.data));
}

/** Turns one registry value into the value the policy schema checks, by the key's kind. */
function fromRegistry(key: PolicyKey, name: string, value: RegValue, source: string): unknown {
  const spec = POLICY_KEYS[key];
  const dword = value.type === 'REG_DWORD' && /^0x[0-9a-f]+$/i.test(value.data) ? Number.parseInt(value.data, 16) : null;
  const text = value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ' ? value.data : null;
  const wrongType = (wanted: string): PolicyProblem => new PolicyProblem(source, `${name} must be ${wanted}, not ${value.type}.`);
  switch (spec.kind) {
    case 'boolean':
      if (dword === null) throw wrongType('a REG_DWORD (1 or 0)');
      if (dword !== 0 && dword !== 1) throw new PolicyProblem(source, `${name} must be ${spec.expect}, not ${dword}.`);
      return dword === 1;
    case 'integer':
      if (dword === null) throw wrongType('a REG_DWORD');
      return dword;
    case 'number':
      // The ADMX writes whole dollars as a REG_DWORD; a script may write "12.50" as a REG_SZ.
      if (dword !== null) return dword;
      if (text === null) throw wrongType('a REG_DWORD or a REG_SZ number');
      return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
    case 'string':
      if (text === null) throw wrongType('a REG_SZ');
      return text;
    case 'list':
      // `reg query` shows the strings of a REG_MULTI_SZ joined by a literal \0.
      if (value.type !== 'REG_MULTI_SZ') throw wrongType('a REG_MULTI_SZ or a subkey of strings (the ADMX list)');
      return value.data === '' ? [] : value.data.split('\\0');
  }
}

/** The strings of an ADMX `list` subkey: one value per entry, named 1, 2, 3… (valuePrefix="") or after its data. */
function listFromSubkey(name: string, values: Map<string, RegValue>, source: string): string[] {
  const entries = [...values].filter(([valueName, value]) => !isEmptyDefault(valueName, value));
  for (const [valueName, value] of entries) {
    if (value.type !== 'REG_SZ' && value.type !== 'REG_EXPAND_SZ') throw new PolicyProblem(source, `${name}\\${valueName} must be a REG_SZ, not ${value.type}.`);
  }
  const numbered = entries.every(([valueName]) => /^\d+$/.test(valueName));
  if (numbered) entries.sort(([a], [b]) => Number(a) - Number(b));
  return entries.map(([, value]) => value.data);
}

/** The policy values in one hive's dump; unknown values or subkeys are problems, not ignored. */
export function registryPolicy(dump: RegDump, source: string): PolicyValues {
  const values: PolicyValues = {};
  for (const [name, value] of dump.get('') ?? new Map<string, RegValue>()) {
    if (isEmptyDefault(name, value)) continue;
    // Registry names are case-insensitive, as Windows itself treats them.
    const key = keyFor(name, 'native', true);
    if (!key) throw new PolicyProblem(source, unknownKeyDetail(name, 'native'));
    setValue(values, key, checkValue(key, fromRegistry(key, name, value, source), source, 'native'));
  }
  for (const [sub, subValues] of dump) {
    if (sub === '') continue;
    const key = sub.includes('\\') ? null : keyFor(sub, 'native', true);
    if (!key || POLICY_KEYS[key].kind !== 'list') throw new PolicyProblem(source, `the subkey ${sub} is not a Duet policy list. ${unknownKeyDetail(sub, 'native')}`);
    if (key in values) throw new PolicyProblem(source, `${POLICY_KEYS[key].native} is set twice, as a value and as a subkey; keep one.`);
    setValue(values, key, checkValue(key, listFromSubkey(sub, subValues, source), source, 'native'));
  }
  return values;
}

/** Runs a program and returns its stdout, or null when it ran and found nothing (exit 1, no output). */
export type RunTool = (file: string, args: string[]) => string | null;

/** Runs `reg.exe` from System32 (not whatever `reg` is on PATH), hidden, with a time limit. */
export function runReg(env: NodeJS.ProcessEnv = process.env): RunTool {
  const regExe = path.win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  return (_file, args) => {
    try {
      return execFileSync(regExe, args, { encoding: 'utf8', timeout: 10_000, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const failed = error as { status?: number | null; stdout?: string; code?: string };
      // A key that does not exist: reg prints a (translated) error and exits 1 with nothing on stdout.
      if (failed.status === 1 && !failed.stdout && !failed.code) return null;
      throw error;
    }
  };
}

/** Reads one hive's Duet policy key: null when the key does not exist. */
export function readRegistryPolicy(hive: 'HKEY_LOCAL_MACHINE' | 'HKEY_CURRENT_USER', run: RunTool): { source: string; values: PolicyValues | null } {
  const root = `${hive}\\${REGISTRY_POLICY_PATH}`;
  let text: string | null;
  try {
    text = run('reg', ['query', root, '/s']);
  } catch (error) {
    throw new PolicyProblem(root, `reg query could not read it (${(error as Error).message.split('\n')[0]}).`);
  }
  if (text === null) return { source: root, values: null };
  return { source: root, values: registryPolicy(parseRegQuery(text, root), root) };
}
