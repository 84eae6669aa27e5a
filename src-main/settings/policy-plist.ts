import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PolicyProblem, checkRecord, type PolicyValues } from './policy-schema.js';

/** Duet's bundle id (electron-builder.yml `appId`): the managed preferences domain. */
export const BUNDLE_ID = 'app.duet.desktop';

/** The plist a configuration profile installs for the whole computer. */
export const MACHINE_MANAGED_PLIST = `/Library/Managed Preferences/${BUNDLE_ID}.plist`;

/** The plist a profile installs for one user (user-scoped payloads). */
export function userManagedPlist(user: string): string {
  return `/Library/Managed Preferences/${user}/${BUNDLE_ID}.plist`;
}

/** Parses what `plutil -convert json -o - <file>` printed: the dictionary of managed values. */
export function parsePlutilJson(text: string, source: string): PolicyValues {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    throw new PolicyProblem(source, 'plutil did not print a readable dictionary.');
  }
  return checkRecord(record, source, 'native');
}

/**
 * Reads an XML property list (what `defaults export` and a profile's payload hold) into plain
 * values: dict, array, string, integer, real, true, false. Used when plutil cannot be run, and
 * to read the sample profile. Binary plists need plutil.
 */
export function parsePlistXml(text: string): unknown {
  const body = /<plist[^>]*>([\s\S]*)<\/plist>/.exec(text.replace(/<!--[\s\S]*?-->/g, ''));
  if (!body) throw new Error('no <plist> element');
  const tokens = [...body[1]!.matchAll(/<(\/?)([a-zA-Z]+)\s*(\/?)>|([^<]+)/g)];
  let at = 0;
  const next = (): { close: boolean; name: string; empty: boolean; text: string | null } => {
    for (;;) {
      const token = tokens[at++];
      if (!token) throw new Error('the property list ends early');
      if (token[4] !== undefined) {
        if (token[4].trim() !== '') return { close: false, name: '', empty: false, text: token[4] };
        continue;
      }
      return { close: token[1] === '/', name: token[2]!, empty: token[3] === '/', text: null };
    }
  };
  const textUntil = (name: string): string => {
    let content = '';
    for (let token = tokens[at++]; token; token = tokens[at++]) {
      if (token[4] !== undefined) content += token[4];
      else if (token[1] === '/' && token[2] === name) return decodeEntities(content);
      else throw new Error(`<${name}> holds markup`);
    }
    throw new Error(`<${name}> is not closed`);
  };
  const value = (open: ReturnType<typeof next>): unknown => {
    if (open.close || open.text !== null) throw new Error('a value was expected');
    switch (open.name) {
      case 'true':
      case 'false':
        if (!open.empty) textUntil(open.name);
        return open.name === 'true';
      case 'string':
        return open.empty ? '' : textUntil('string');
      case 'integer':
      case 'real': {
        const number = Number(textUntil(open.name).trim());
        if (!Number.isFinite(number)) throw new Error(`<${open.name}> is not a number`);
        return number;
      }
      case 'array': {
        const items: unknown[] = [];
        if (open.empty) return items;
        for (let token = next(); !(token.close && token.name === 'array'); token = next()) items.push(value(token));
        return items;
      }
      case 'dict': {
        const dict: Record<string, unknown> = {};
        if (open.empty) return dict;
        for (let token = next(); !(token.close && token.name === 'dict'); token = next()) {
          if (token.name !== 'key' || token.close) throw new Error('a <key> was expected in <dict>');
          const key = textUntil('key');
          dict[key] = value(next());
        }
        return dict;
      }
      default:
        throw new Error(`<${open.name}> is not supported here`);
    }
  };
  const root = value(next());
  if (tokens.slice(at).some((token) => token[4] === undefined || token[4].trim() !== '')) throw new Error('more than one value in <plist>');
  return root;
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_all, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name]!;
  });
}

/** Converts a plist (binary or XML) to JSON text with plutil; throws when plutil fails. */
export type RunPlutil = (file: string) => string;

/** `/usr/bin/plutil -convert json -o - <file>`, with a time limit. */
export const runPlutil: RunPlutil = (file) =>
  execFileSync('/usr/bin/plutil', ['-convert', 'json', '-o', '-', file], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });

/** Reads one managed plist: null when there is none. */
export function readPlistPolicy(file: string, plutil: RunPlutil = runPlutil): { source: string; values: PolicyValues | null } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { source: file, values: null };
    throw new PolicyProblem(file, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let json: string;
  try {
    json = plutil(file);
  } catch (error) {
    const text = bytes.toString('utf8');
    // Without plutil (it ships with every macOS, but a stripped system may lack it) an XML plist is still readable.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && /^\s*<(\?xml|!DOCTYPE|plist)/.test(text)) return { source: file, values: parseXmlPolicy(text, file) };
    throw new PolicyProblem(file, `plutil could not read it (${(error as Error).message.split('\n')[0]}).`);
  }
  return { source: file, values: parsePlutilJson(json, file) };
}

/** The policy in an XML plist's text. */
export function parseXmlPolicy(text: string, source: string): PolicyValues {
  let record: unknown;
  try {
    record = parsePlistXml(text);
  } catch (error) {
    throw new PolicyProblem(source, `it is not a valid property list (${(error as Error).message}).`);
  }
  return checkRecord(record, source, 'native');
}
