import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src-renderer/lib/i18n/locales/en.json' with { type: 'json' };
import zhCN from '../../src-renderer/lib/i18n/locales/zh-CN.json' with { type: 'json' };

// The two translations must say the same things: the same keys, each with the plural forms its
// language has, and the same {{variables}}; and every key the renderer asks for must exist.

const RENDERER = join(import.meta.dirname, '../../src-renderer');
const LOCALES = { en, 'zh-CN': zhCN } as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** "a.b.c" → text, for every string in a nested translation file. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Each key without its plural suffix, with the suffixes it has and the variables all its forms use. */
function entries(tree: object): Map<string, { forms: Set<string>; variables: Set<string> }> {
  const out = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [key, text] of flatten(tree)) {
    const base = key.replace(PLURAL, '');
    const entry = out.get(base) ?? { forms: new Set(), variables: new Set() };
    entry.forms.add(PLURAL.exec(key)?.[1] ?? '');
    for (const match of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) entry.variables.add(match[1]!);
    out.set(base, entry);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(entry.name) ? [path] : [];
  });
}

describe('the English and Simplified Chinese translations', () => {
  const english = entries(en);
  const chinese = entries(zhCN);

  it('have the same keys', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same variables in each key', () => {
    for (const [key, { variables }] of english) {
      expect([...(chinese.get(key)?.variables ?? [])].sort(), key).toEqual([...variables].sort());
    }
  });

  it('give each plural key exactly the forms its language has', () => {
    for (const [lng, tree] of Object.entries(LOCALES)) {
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort();
      for (const [key, { forms }] of entries(tree)) {
        if (forms.has('')) continue;
        expect([...forms].sort(), `${lng} ${key}`).toEqual(categories);
      }
    }
  });

  it('hold every key the renderer asks for', () => {
    const english = flatten(en);
    const groups = new Set(
      [...english.keys()].flatMap((key) =>
        key
          .split('.')
          .slice(0, -1)
          .map((_, i, parts) => parts.slice(0, i + 1).join('.')),
      ),
    );
    const missing: string[] = [];
    for (const file of sourceFiles(RENDERER)) {
      const source = readFileSync(file, 'utf8');
      for (const [, key] of source.matchAll(/\bt\(\s*'([^']+)'/g)) {
        if (!english.has(key!) && !english.has(`${key}_other`)) missing.push(`${file}: ${key}`);
      }
      // A key built at run time (`route.${kind}`): its group must exist.
      for (const [, group] of source.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)) {
        if (!groups.has(group!)) missing.push(`${file}: ${group}.*`);
      }
    }
    expect(missing).toEqual([]);
  });
});
