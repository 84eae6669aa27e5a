import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import type { ConversationDetail, Message, Provenance } from '../../src-main/contract/index.js';
import { HistoryError } from '../../src-main/history/history-error.js';
import {
  conversationsToJson,
  conversationsToMarkdown,
  distillationFileName,
  exportFileName,
  parseHistoryFile,
  toDistillationJsonl,
} from '../../src-main/history/transfer/index.js';
import { detectPrivateData } from '../../src-main/router/privacy.js';
import { asImported, provenance } from '../support/history-samples.js';

// Local times, so the Markdown (which shows the user's clock) reads the same in any time zone.
const at = (hour: number, minute = 0) => new Date(2024, 4, 1, hour, minute).getTime();
const EXPORTED_AT = new Date(2024, 4, 2, 9, 30);

let nextId = 0;
function message(conversationId: string, m: Partial<Message> & Pick<Message, 'role' | 'content'>): Message {
  return {
    id: `m${++nextId}`,
    conversationId,
    status: 'complete',
    createdAt: at(10, nextId),
    provenance: null,
    error: null,
    rerunOf: null,
    ...m,
  };
}

function conversation(
  id: string,
  title: string,
  messages: Array<Partial<Message> & Pick<Message, 'role' | 'content'>>,
  extra: Partial<ConversationDetail['conversation']> = {},
): ConversationDetail {
  const built = messages.map((m) => message(id, m));
  return {
    conversation: { id, title, createdAt: at(10), updatedAt: at(11), messageCount: built.length, mode: null, localShare: null, pinned: false, client: null, ...extra },
    messages: built,
  };
}

const LOCAL = provenance({
  target: 'local',
  route: 'local',
  model: 'llama-3.2-3b',
  reasons: [{ code: 'easy', message: 'difficulty: the local model should handle this (score 0.12), so it stays on this machine' }],
  score: 0.12,
  ttftMs: 80,
  tokens: 42,
  tokensPerSecond: 31.5,
  latencyMs: 1500,
  promptTokens: 20,
});

function sample(): ConversationDetail[] {
  const rust = conversation(
    'c-rust',
    'Rust lifetimes <explained> *fast*',
    [
      { id: 'r-q1', role: 'user', content: 'Explain lifetimes in Rust.' },
      { id: 'r-a1', role: 'assistant', content: 'Lifetimes name how long a borrow lives.', provenance: LOCAL },
      {
        id: 'r-a2',
        role: 'assistant',
        // An unclosed fence: it must not swallow the rest of the export.
        content: "A lifetime is a region of code.\n\n```rust\nfn longest<'a>(x: &'a str) -> &'a str { x }",
        rerunOf: 'r-a1',
        provenance: provenance({
          target: 'cloud',
          route: 'cloud',
          model: 'gpt-4o',
          reasons: [{ code: 'user-choice', message: 'you asked the cloud to answer instead' }],
          score: 0.12,
          ttftMs: 420,
          tokens: 120,
          tokensPerSecond: 55.2,
          latencyMs: 2600,
          promptTokens: 64,
          costUsd: 0.0012,
        }),
      },
      { id: 'r-q2', role: 'user', content: '# And with structs?' },
      {
        id: 'r-a3',
        role: 'assistant',
        content: 'Structs that hold references need a lifetime parameter.',
        provenance: provenance({
          target: 'cloud',
          route: 'escalated',
          model: 'gpt-4o',
          reasons: [
            { code: 'easy', message: 'difficulty: the local model should handle this (score 0.30), so it stays on this machine' },
            { code: 'local-unsure', message: 'escalated: local model unsure (confidence 0.41)' },
          ],
          score: 0.3,
          tokens: 30,
        }),
      },
      { id: 'r-q3', role: 'user', content: 'One more?' },
      {
        id: 'r-a4',
        role: 'assistant',
        content: '',
        status: 'error',
        error: { code: 'cloud_unreachable', message: 'The cloud could not be reached. Check your connection.' },
        provenance: provenance({ target: 'cloud', route: 'cloud', model: 'gpt-4o' }),
      },
    ],
    { mode: 'cloud', pinned: true, localShare: 0.5 },
  );
  const groceries = conversation('c-groceries', 'Groceries', [
    { id: 'g-q1', role: 'user', content: 'Write a shopping list for pancakes.' },
    {
      id: 'g-a1',
      role: 'assistant',
      content: '- flour\n- eggs',
      status: 'stopped',
      provenance: provenance({
        target: 'local',
        route: 'fallback',
        model: 'llama-3.2-3b',
        reasons: [{ code: 'cloud-unavailable', message: 'cloud unavailable (timeout) → answered locally' }],
      }),
    },
    { id: 'g-q2', role: 'user', content: 'Thanks' },
    { id: 'g-a2', role: 'assistant', content: 'You', status: 'interrupted', provenance: LOCAL },
  ]);
  return [rust, groceries];
}

/** The headings a Markdown reader sees, top level only (as a renderer lays the document out). */
function headingsOf(markdown: string): Tokens.Heading[] {
  return marked.lexer(markdown).filter((t: Token): t is Tokens.Heading => t.type === 'heading');
}

function importError(content: string): HistoryError {
  try {
    parseHistoryFile(content);
  } catch (e) {
    expect(e).toBeInstanceOf(HistoryError);
    expect((e as HistoryError).code).toBe('invalid_request');
    return e as HistoryError;
  }
  throw new Error('expected the import to fail');
}

describe('Markdown export', () => {
  const markdown = conversationsToMarkdown(sample(), EXPORTED_AT);

  it('has a heading per conversation and per message, whatever the messages hold', () => {
    const headings = headingsOf(markdown).map((t) => `${t.depth} ${t.text}`);
    expect(headings).toEqual([
      '1 Rust lifetimes \\<explained\\> \\*fast\\*',
      '2 You',
      '2 Duet (local · llama-3.2-3b)',
      '2 Duet (cloud · gpt-4o)',
      '2 You',
      '1 And with structs?', // the user's own heading, kept verbatim
      '2 Duet (cloud · gpt-4o)',
      '2 You',
      '2 Duet (cloud · gpt-4o)',
      '1 Groceries',
      '2 You',
      '2 Duet (local · llama-3.2-3b)',
      '2 You',
      '2 Duet (local · llama-3.2-3b)',
    ]);
  });

  it('says when it was exported and when each conversation began', () => {
    expect(markdown.startsWith('*Exported from Duet on 2024-05-02 09:30 · 2 conversations*')).toBe(true);
    expect(markdown).toContain('*Created 2024-05-01 10:00 · 7 messages · mode: Cloud · pinned*');
    expect(markdown).toContain('*Created 2024-05-01 10:00 · 4 messages*');
  });

  it('shows where each answer ran and why, escalations and fallbacks included', () => {
    expect(markdown).toContain('*Answered on this computer: difficulty: the local model should handle this (score 0.12), so it stays on this machine*');
    expect(markdown).toContain('*Answered by the cloud: you asked the cloud to answer instead*');
    expect(markdown).toContain(
      '*Escalated to the cloud: difficulty: the local model should handle this (score 0.30), so it stays on this machine; escalated: local model unsure (confidence 0.41)*',
    );
    expect(markdown).toContain('*Fallback: answered on this computer because the cloud failed: cloud unavailable (timeout) → answered locally*');
  });

  it('keeps message content verbatim and notes unfinished answers', () => {
    expect(markdown).toContain('Lifetimes name how long a borrow lives.');
    expect(markdown).toContain("```rust\nfn longest<'a>(x: &'a str) -> &'a str { x }\n```\n");
    expect(markdown).toContain('- flour\n- eggs\n\n*Stopped before the answer was finished.*');
    expect(markdown).toContain('*The answer failed: The cloud could not be reached. Check your connection.*');
    expect(markdown).toContain('*Interrupted: Duet closed before the answer was finished.*');
  });

  it('closes a code fence a message left open, so later messages stay outside it', () => {
    const code = marked.lexer(markdown).filter((t): t is Tokens.Code => t.type === 'code');
    expect(code).toHaveLength(1);
    expect(code[0]!.text).toBe("fn longest<'a>(x: &'a str) -> &'a str { x }");
  });

  it('closes an HTML comment a message left open, but not one inside code', () => {
    const [detail] = sample();
    detail!.messages = [
      message('c-rust', { role: 'user', content: 'Is this HTML valid?\n\n```html\n<!-- header\n<p>hi</p>\n```' }),
      message('c-rust', { role: 'assistant', content: 'Almost.\n<!-- a comment never closed', provenance: LOCAL }),
      message('c-rust', { role: 'user', content: 'Thanks' }),
    ];
    const md = conversationsToMarkdown([detail!], EXPORTED_AT);
    expect(md).toContain('```html\n<!-- header\n<p>hi</p>\n```\n\n## Duet');
    expect(md).toContain('<!-- a comment never closed\n-->\n\n## You');
    const headings = headingsOf(md).map((t) => t.text);
    expect(headings).toEqual(['Rust lifetimes \\<explained\\> \\*fast\\*', 'You', 'Duet (local · llama-3.2-3b)', 'You']);
  });

  it('writes a short note for an empty export', () => {
    expect(conversationsToMarkdown([], EXPORTED_AT)).toBe('*Exported from Duet on 2024-05-02 09:30 · no conversations*\n');
  });
});

describe('JSON export and import', () => {
  const details = sample();
  const json = conversationsToJson(details, { appVersion: '0.1.0', exportedAt: new Date(Date.UTC(2024, 4, 2, 9, 30)) });

  it('writes the Duet format with every provenance field, indented by two spaces', () => {
    expect(json.startsWith('{\n  "format": "duet-history",\n  "formatVersion": 1,\n  "app": "Duet 0.1.0",\n  "exportedAt": "2024-05-02T09:30:00.000Z",')).toBe(true);
    const file = JSON.parse(json) as { conversations: ConversationDetail[] };
    expect(file.conversations).toEqual(details);
    const cloud = file.conversations[0]!.messages[2]!.provenance!;
    expect(Object.keys(cloud).sort()).toEqual(
      ['confidence', 'costUsd', 'latencyMs', 'model', 'promptTokens', 'reasons', 'route', 'score', 'target', 'tokens', 'tokensPerSecond', 'ttftMs'].sort(),
    );
  });

  it('imports its own export back to the same conversations', () => {
    const parsed = parseHistoryFile(json);
    expect(parsed.format).toBe('duet');
    expect(parsed.conversations).toEqual(details.map(asImported));
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(parseHistoryFile(`\uFEFF${json}`).conversations).toHaveLength(2);
  });

  it('imports an answer cut off mid-stream as interrupted, and drops a re-run link to a missing answer', () => {
    const [rust] = sample();
    rust!.messages[1]!.status = 'streaming';
    rust!.messages[2]!.rerunOf = 'gone';
    const [imported] = parseHistoryFile(conversationsToJson([rust!], { appVersion: '0.1.0', exportedAt: EXPORTED_AT })).conversations;
    expect(imported!.messages[1]!.status).toBe('interrupted');
    expect(imported!.messages[2]!.rerunOf).toBeNull();
  });

  it('refuses a file from a newer Duet and says to update', () => {
    const newer = json.replace('"formatVersion": 1', '"formatVersion": 2');
    expect(importError(newer).message).toBe(
      'This file was exported by a newer version of Duet (export format 2; this Duet reads format 1). Update Duet, then import it again.',
    );
  });

  it('names the damaged conversation and the field, and imports nothing', () => {
    const file = JSON.parse(json) as { conversations: Array<{ messages: Array<{ status: string }> }> };
    file.conversations[1]!.messages[0]!.status = 'bogus';
    const error = importError(JSON.stringify(file));
    expect(error.message).toMatch(/^Conversation 2 \("Groceries"\) in this Duet export is damaged \(messages\.0\.status: .+\), so nothing was imported\./);
  });

  it('refuses a file that lists one conversation twice', () => {
    const [rust] = sample();
    const twice = conversationsToJson([rust!, rust!], { appVersion: '0.1.0', exportedAt: EXPORTED_AT });
    expect(importError(twice).message).toMatch(/^Conversation 2 \("Rust lifetimes.*"\) in this Duet export has the same id as conversation 1/);
  });
});

describe('files that are not exports', () => {
  it.each([
    ['plain text', 'hello there', /^This file is not a Duet or ChatGPT export: it is not JSON\. Choose a \.json file exported from Duet/],
    ['ChatGPT chat.html', '<html><body>chats</body></html>', /it is not JSON \(it looks like HTML or a zip archive\)/],
    ['an empty file', '', /it is not JSON/],
    ['JSON of another app', '{"version": 3, "items": []}', /: it is JSON without a "format" field\./],
    ['another format', '{"format": "obsidian"}', /: its format is "obsidian"\./],
    ['a list of something else', '[{"title": "x"}]', /: it is a list, but its entries are not ChatGPT conversations/],
    ['a number', '42', /: it holds a single number value\./],
  ])('explains %s', (_name, content, message) => {
    const error = importError(content);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('conversations.json from the unzipped folder of a ChatGPT data export');
  });

  it('names a Duet file with a missing list of conversations as damaged', () => {
    expect(importError('{"format": "duet-history", "formatVersion": 1}').message).toMatch(
      /^This Duet export is damaged and cannot be imported \(conversations: .+\)\. Export it from Duet again\.$/,
    );
  });
});

describe('distillation dataset', () => {
  const isPrivate = (text: string) => detectPrivateData(text).length > 0;
  const cloud = (extra: Partial<Provenance> = {}) =>
    provenance({ target: 'cloud', route: 'cloud', model: 'gpt-4o', reasons: [{ code: 'difficult', message: 'difficulty: hard' }], ...extra });

  function dataset() {
    const main = conversation('d-main', 'Main', [
      { id: 'q1', role: 'user', content: 'What is the capital of France?' },
      { id: 'a1', role: 'assistant', content: 'Paris.', provenance: LOCAL },
      { id: 'q2', role: 'user', content: 'Explain quicksort.' },
      { id: 'a2', role: 'assistant', content: 'It sorts.', provenance: LOCAL },
      { id: 'q3', role: 'user', content: 'Write a haiku.' },
      { id: 'a3', role: 'assistant', content: '', status: 'error', provenance: cloud(), error: { code: 'cloud_timeout', message: 'Timed out.' } },
      { id: 'q4', role: 'user', content: 'Write a haiku about rain.' },
      { id: 'a4', role: 'assistant', content: 'Soft rain on the roof', provenance: cloud() },
      // "Ask the other side" on a2, added at the end: it answers q2 and replaces a2.
      { id: 'a2r', role: 'assistant', content: 'Quicksort picks a pivot and partitions.', rerunOf: 'a2', provenance: cloud() },
      { id: 'q5', role: 'user', content: 'Summarize it all.' },
      { id: 'a5', role: 'assistant', content: 'In short', status: 'stopped', provenance: cloud() },
    ]);
    const personal = conversation('d-personal', 'Personal', [
      { role: 'user', content: 'Draft a note to jane.doe@example.com about the meeting.' },
      { role: 'assistant', content: 'Dear Jane, …', provenance: cloud() },
      // Clean by itself, but its example would carry the e-mail address as context.
      { role: 'user', content: 'What is 2 + 2?' },
      { role: 'assistant', content: '4', provenance: cloud() },
    ]);
    const kept = conversation('d-kept', 'Kept private', [
      { role: 'user', content: 'Something the router judged private.' },
      { role: 'assistant', content: 'An answer.', provenance: cloud({ reasons: [{ code: 'privacy', message: 'privacy: a health term' }] }) },
    ]);
    const rerunLocal = conversation('d-rerun-local', 'Re-run locally', [
      { id: 'x-q', role: 'user', content: 'Tell me a joke.' },
      { id: 'x-a', role: 'assistant', content: 'A cloud joke.', provenance: cloud() },
      { role: 'assistant', content: 'A local joke.', rerunOf: 'x-a', provenance: LOCAL },
    ]);
    const imported = conversation('d-imported', 'From ChatGPT', [
      { role: 'user', content: 'Name a prime.' },
      { role: 'assistant', content: '7', provenance: cloud({ model: 'gpt-4o-mini', reasons: [{ code: 'imported', message: 'imported from ChatGPT' }] }) },
    ]);
    return [main, personal, kept, rerunLocal, imported];
  }

  const result = toDistillationJsonl(dataset(), isPrivate);
  const lines = result.content
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { messages: Array<{ role: string; content: string; weight?: number }> });

  it('writes one example per finished cloud answer, in conversation order, and counts the private ones left out', () => {
    expect(result.pairs).toBe(3);
    expect(result.skippedPrivate).toBe(3);
    expect(lines).toHaveLength(3);
    expect(result.content.endsWith('}\n')).toBe(true);
  });

  it('writes each example in the chat fine-tuning format, ending in the cloud answer', () => {
    for (const { messages } of lines) {
      expect(messages[0]).toEqual({ role: 'system', content: expect.stringContaining('You are Duet') });
      const turns = messages.slice(1);
      turns.forEach((m, i) => expect(m.role).toBe(i % 2 === 0 ? 'user' : 'assistant'));
      expect(turns.at(-1)!.role).toBe('assistant');
      expect(turns.at(-1)!.weight).toBeUndefined();
      expect(
        turns
          .filter((m) => m.role === 'assistant')
          .slice(0, -1)
          .every((m) => m.weight === 0),
      ).toBe(true);
    }
    expect(lines.map(({ messages }) => messages.at(-1)!.content)).toEqual(['Quicksort picks a pivot and partitions.', 'Soft rain on the roof', '7']);
  });

  it('gives the conversation as the user saw it as context: re-runs in place, failed answers dropped', () => {
    expect(lines[0]!.messages.slice(1).map((m) => m.content)).toEqual([
      'What is the capital of France?',
      'Paris.',
      'Explain quicksort.',
      'Quicksort picks a pivot and partitions.',
    ]);
    expect(lines[1]!.messages.slice(1).map((m) => m.content)).toEqual([
      'What is the capital of France?',
      'Paris.',
      'Explain quicksort.',
      'Quicksort picks a pivot and partitions.',
      'Write a haiku about rain.',
      'Soft rain on the roof',
    ]);
  });

  it('writes nothing for a history without cloud answers', () => {
    expect(toDistillationJsonl([], isPrivate)).toEqual({ content: '', pairs: 0, skippedPrivate: 0 });
  });
});

describe('export file names', () => {
  const day = new Date(2024, 4, 1, 23, 59);

  it('names a conversation export after its title and the local day', () => {
    expect(exportFileName('Trip to Lisbon', 'markdown', day)).toBe('duet-trip-to-lisbon-2024-05-01.md');
    expect(exportFileName(null, 'json', day)).toBe('duet-all-2024-05-01.json');
    expect(distillationFileName(day)).toBe('duet-distillation-2024-05-01.jsonl');
  });

  it('leaves out characters that some file system refuses, keeping letters of any script', () => {
    expect(exportFileName('Plan: a/b\\c*?"<>| trip\u0000\u001f\u007f.', 'json', day)).toBe('duet-plan-a-b-c-trip-2024-05-01.json');
    expect(exportFileName('Café 日本語 Привет 🎉', 'markdown', day)).toBe('duet-café-日本語-привет-2024-05-01.md');
    expect(exportFileName('???', 'markdown', day)).toBe('duet-conversation-2024-05-01.md');
    expect(exportFileName('  ..  ', 'markdown', day)).toBe('duet-conversation-2024-05-01.md');
  });

  it('keeps long titles short without splitting a character or ending in a hyphen', () => {
    const long = exportFileName(`${'word '.repeat(30)}end`, 'json', day);
    expect(Array.from(long).length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^duet-word(-word)*-2024-05-01\.json$/);
    const astral = exportFileName(`${'a'.repeat(59)}𝒜𝒜𝒜`, 'markdown', day);
    expect(() => encodeURIComponent(astral)).not.toThrow();
    expect(astral).toBe(`duet-${'a'.repeat(59)}𝒜-2024-05-01.md`);
  });
});
