import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../src-main/contract/index.js';
import { HistoryError } from '../../src-main/history/history-error.js';
import { parseHistoryFile } from '../../src-main/history/transfer/index.js';
import { provenance } from '../support/history-samples.js';

const SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/chatgpt/conversations.json', import.meta.url)), 'utf8');

function imported(model: string): Provenance {
  return provenance({ target: 'cloud', route: 'cloud', model, reasons: [{ code: 'imported', message: 'imported from ChatGPT' }] });
}

const base = { status: 'complete', error: null, rerunOf: null } as const;

function importError(content: unknown): HistoryError {
  try {
    parseHistoryFile(JSON.stringify(content));
  } catch (e) {
    expect(e).toBeInstanceOf(HistoryError);
    expect((e as HistoryError).code).toBe('invalid_request');
    return e as HistoryError;
  }
  throw new Error('expected the import to fail');
}

/** A minimal valid ChatGPT conversation: one question, one answer. */
function tiny(id: string, title: string) {
  return {
    id,
    title,
    create_time: 1700000000,
    update_time: 1700000100,
    current_node: 'a',
    mapping: {
      root: { id: 'root', message: null, parent: null, children: ['q'] },
      q: { id: 'q', message: { author: { role: 'user' }, content: { content_type: 'text', parts: ['Hi'] }, create_time: 1700000001 }, parent: 'root', children: ['a'] },
      a: {
        id: 'a',
        message: { author: { role: 'assistant' }, content: { content_type: 'text', parts: ['Hello!'] }, create_time: 1700000002 },
        parent: 'q',
        children: [],
      },
    },
  };
}

describe("ChatGPT's conversations.json", () => {
  const parsed = parseHistoryFile(SAMPLE);
  const [lisbon, squares, prime] = parsed.conversations;

  it('is recognised, and a conversation with nothing to show is left out', () => {
    expect(parsed.format).toBe('chatgpt');
    expect(parsed.conversations.map((c) => c.title)).toEqual(['Trip to Lisbon', 'Sum of squares', 'Imported conversation']);
  });

  it('keeps the branch the user last saw: the regenerated answer, in order, images as a placeholder', () => {
    const cid = '6632a1b0-1111-4c2e-9a61-3f0b2a7c9d01';
    expect(lisbon).toEqual({
      id: cid,
      title: 'Trip to Lisbon',
      createdAt: 1714557600123,
      updatedAt: 1714558200500,
      mode: null,
      pinned: false,
      messages: [
        { ...base, id: `${cid}-a1b7c0de-0002-4000-8000-000000000002`, role: 'user', content: 'Plan a 3-day trip to Lisbon.', createdAt: 1714557601500, provenance: null },
        {
          ...base,
          id: `${cid}-a1b7c0de-0004-4000-8000-000000000004`,
          role: 'assistant',
          content: '## Day 1\nAlfama and the castle.\n\n## Day 2\nBelém.',
          createdAt: 1714557700250,
          provenance: imported('gpt-4o'),
        },
        {
          ...base,
          id: `${cid}-a1b7c0de-0005-4000-8000-000000000005`,
          role: 'user',
          content: '[image]\n\nWhat is this building?',
          createdAt: 1714558100000,
          provenance: null,
        },
        // No create_time in the file: the conversation's own time stands in.
        {
          ...base,
          id: `${cid}-a1b7c0de-0006-4000-8000-000000000006`,
          role: 'assistant',
          content: 'That is the Belém Tower.',
          createdAt: 1714557600123,
          provenance: imported('gpt-4o'),
        },
      ],
    });
  });

  it('shows code the assistant ran as a fenced block in its answer, and leaves the tool output out', () => {
    expect(squares!.id).toBe('66f0c2d4-2222-4b7a-8e55-7d9e1c0a4b02');
    expect(squares!.messages.map((m) => [m.role, m.content, m.provenance?.model ?? null])).toEqual([
      ['user', 'Compute the sum of squares from 1 to 10 in Python.', null],
      ['assistant', '```python\nsum(i * i for i in range(1, 11))\n```\n\nThe sum is **385**.', 'gpt-4'],
    ]);
    // No update_time: the last message's time.
    expect(squares!.updatedAt).toBe(1717200003000);
  });

  it('follows the newest branch when the file names no current node, skipping hidden context, reasoning and notes to tools', () => {
    expect(prime!.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Is 91 a prime number? Show why.'],
      ['assistant', 'No: 91 = 7 × 13.'],
    ]);
    expect(prime!.messages[1]!.provenance).toEqual(imported('o1'));
  });

  it('gives the same ids every time, so importing the file twice skips what is there', () => {
    expect(parseHistoryFile(SAMPLE)).toEqual(parsed);
  });

  it('names the conversation that cannot be read, and imports nothing', () => {
    const broken = tiny('c2', 'Broken');
    (broken.mapping.q.message as { author: unknown }).author = {};
    expect(importError([tiny('c1', 'Fine'), broken]).message).toMatch(
      /^Conversation 2 \("Broken"\) in this ChatGPT export could not be read \(mapping\.q\.message\.author\.role: .+\), so nothing was imported\. Export your data from ChatGPT again/,
    );
  });

  it('refuses a conversation without an id, or whose messages loop', () => {
    const noId = { ...tiny('x', 'No id'), id: undefined };
    expect(importError([noId]).message).toMatch(/^Conversation 1 \("No id"\) .* \(it has no id\)/);
    const loop = tiny('y', 'Loop');
    loop.mapping.q.parent = 'a';
    expect(importError([loop]).message).toMatch(/^Conversation 1 \("Loop"\) .* \(its message tree loops back on node "a"\)/);
  });

  it('refuses a file that lists one conversation twice', () => {
    expect(importError([tiny('same', 'One'), tiny('same', 'Two')]).message).toMatch(/^Conversation 2 \("Two"\) in this ChatGPT export has the same id as conversation 1/);
  });

  it('reads an empty export as no conversations', () => {
    expect(parseHistoryFile('[]')).toEqual({ format: 'chatgpt', conversations: [] });
  });
});
