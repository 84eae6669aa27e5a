import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

// Every word a user reads in a component comes from t(): this test parses each .svelte file with
// Svelte's own parser and lists the text nodes, user-facing attributes and string literals in
// rendered expressions that still hold words, and prose the script builds (a capitalised phrase or a
// sentence). Only symbols and names that are never translated pass.

const RENDERER = join(import.meta.dirname, '../../src-renderer');

/** Names and symbols that read the same in every language. */
const NEVER_TRANSLATED = [
  'Duet',
  'GGUF',
  'Hugging Face',
  'OpenAI',
  'llama.cpp',
  'LM Studio',
  'GPT4All',
  'Ollama',
  'TTFT',
  'tok/s',
  'JSON',
  'JSONL',
  'API',
  'URL',
  'Ctrl',
  'K',
  'ms',
  'MB',
  'GB',
];

/** Attributes and component props whose text a user reads or hears. */
const USER_FACING =
  /^(placeholder|title|alt|label|aria-label|aria-description|aria-roledescription|aria-valuetext|aria-placeholder)$|(Label|Title|Text|Message|Placeholder|Description|Hint|Detail|Heading|label|title|text|message|placeholder|description|hint|detail|heading)$/;

type Node = { type: string; [key: string]: unknown };

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(path);
    return entry.name.endsWith('.svelte') ? [path] : [];
  });
}

/** True when `text` still holds a word once the never-translated names are taken out. */
function hasWords(text: string): boolean {
  // An address or path ("http://127.0.0.1:", "/v1") is the same in every language.
  if (/^\s*(https?:\/\/|\/)\S*\s*$/.test(text)) return false;
  let rest = text;
  for (const name of NEVER_TRANSLATED) rest = rest.split(name).join(' ');
  return /\p{L}/u.test(rest);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** String literals with words in a rendered expression; a t('key') call and comparisons are not text. */
function literalsIn(expression: unknown, found: string[]): void {
  const visit = (node: unknown, parent: Node | null): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, parent));
    if (!isNode(node)) return;
    if (node.type === 'CallExpression' && isNode(node.callee) && node.callee.type === 'Identifier' && node.callee.name === 't') return;
    if (node.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(node.operator as string)) return;
    if (node.type === 'Literal' && typeof node.value === 'string' && hasWords(node.value)) found.push(node.value);
    if (node.type === 'TemplateElement') {
      const cooked = (node.value as { cooked?: string }).cooked ?? '';
      if (hasWords(cooked)) found.push(cooked);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'type' && key !== 'loc' && key !== 'metadata') visit(child, node);
    }
  };
  visit(expression, null);
}

/** Untranslated texts in a template fragment and everything under it. */
function untranslated(fragmentNode: unknown, found: string[]): void {
  if (Array.isArray(fragmentNode)) return fragmentNode.forEach((n) => untranslated(n, found));
  if (!isNode(fragmentNode)) return;
  const node = fragmentNode;
  if (node.type === 'Text') {
    if (hasWords(node.data as string)) found.push((node.data as string).trim());
    return;
  }
  if (node.type === 'ExpressionTag') return literalsIn(node.expression, found);
  if (Array.isArray(node.attributes)) {
    for (const attribute of node.attributes as Node[]) {
      if (attribute.type !== 'Attribute' || !USER_FACING.test(attribute.name as string) || attribute.value === true) continue;
      const values = Array.isArray(attribute.value) ? (attribute.value as Node[]) : [attribute.value as Node];
      for (const value of values) {
        if (value.type === 'Text' && hasWords(value.data as string)) found.push(`${attribute.name as string}="${(value.data as string).trim()}"`);
        if (value.type === 'ExpressionTag') literalsIn(value.expression, found);
      }
    }
  }
  // Element bodies and block branches ({#if}, {#each}, {#await}, snippets) are Fragments under some key.
  for (const [key, child] of Object.entries(node)) {
    if (key === 'attributes' || key === 'expression' || key === 'metadata') continue;
    if (isNode(child) && child.type === 'Fragment') untranslated(child.nodes, found);
  }
}

function untranslatedIn(source: string): string[] {
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  untranslated(ast.fragment.nodes, found);
  // A confirm() or alert() in the script asks the user something too.
  for (const match of source.matchAll(/\b(?:confirm|alert|prompt)\(\s*(['"`])(.*?)\1/g)) found.push(match[2] ?? '');
  // So does a sentence the script builds for the page ("Not running: turned off."): prose in a literal.
  const prose: string[] = [];
  literalsIn(ast.instance?.content, prose);
  found.push(...prose.filter((text) => !found.includes(text) && /^\s*\p{Lu}\p{Ll}*\s+\S|\p{L}[.…:?!]\s+\p{L}/u.test(text)));
  return found;
}

describe('untranslated strings', () => {
  it('finds what this test is meant to catch', () => {
    const source = `<script lang="ts">let n = 1; confirm('Delete it?'); const s = n ? 'Not running: off.' : 'a-id b-id';</script>
<p title="Close it">Hello {n === 1 ? 'one' : t('a.b')}</p><Notice actionLabel="Try again" testid="x" class="big" />`;
    expect(untranslatedIn(source)).toEqual(['title="Close it"', 'Hello', 'one', 'actionLabel="Try again"', 'Delete it?', 'Not running: off.']);
  });

  it('every component says everything through t()', () => {
    const report: string[] = [];
    for (const file of svelteFiles(RENDERER)) {
      for (const text of untranslatedIn(readFileSync(file, 'utf8'))) report.push(`${relative(RENDERER, file)}: ${text}`);
    }
    expect(report).toEqual([]);
  });
});
