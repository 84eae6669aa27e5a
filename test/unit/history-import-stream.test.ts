// An import file is read in pieces: each conversation is parsed on its own as its text completes,
// so a large export is never one giant parse. The result must not depend on where pieces break.
import { describe, expect, it } from 'vitest';
import { conversationsToJson, HistoryFileReader, parseHistoryFile, type ParsedHistoryFile } from '../../src-main/history/transfer/index.js';
import { JsonEntrySplitter } from '../../src-main/history/transfer/json-elements.js';
import { HistoryError } from '../../src-main/history/index.js';

function split(text: string, pieceSize: number): { entries: string[]; rest: string | null } {
  const splitter = new JsonEntrySplitter();
  const entries: string[] = [];
  for (let at = 0; at < text.length; at += pieceSize) entries.push(...splitter.feed(text.slice(at, at + pieceSize)));
  return { entries, rest: splitter.rest() };
}

function readInPieces(text: string, pieceSize: number): ParsedHistoryFile {
  const reader = new HistoryFileReader();
  for (let at = 0; at < text.length; at += pieceSize) reader.feed(text.slice(at, at + pieceSize));
  const steps = reader.finish();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const TRICKY = [
  { title: 'brackets ] and [ and , in "text"', mapping: { a: { message: null, children: [] } } },
  { title: 'escaped \\" quote, then }], more', mapping: {} },
  { title: 'unicode é 中文 \u2028 and emoji 🎉', mapping: { b: { parent: null } } },
];

describe('splitting a JSON file into its conversations', () => {
  it.each([1, 2, 7, 64, 1_000_000])('finds the same entries of a list whatever the piece size (%i)', (pieceSize) => {
    const text = `\uFEFF \n${JSON.stringify(TRICKY, null, 2)}\n`;
    const { entries, rest } = split(text, pieceSize);
    expect(entries.map((e) => JSON.parse(e) as unknown)).toEqual(TRICKY);
    expect(rest?.replace(/\s/g, '')).toBe('[]');
  });

  it('streams the conversations of an object and keeps its other members as the envelope', () => {
    const file = { format: 'duet-history', formatVersion: 1, tags: ['a', 'b'], conversations: TRICKY, after: { x: [1] } };
    for (const size of [1, 5, 100_000]) {
      const { entries, rest } = split(JSON.stringify(file), size);
      expect(entries.map((e) => JSON.parse(e) as unknown)).toEqual(TRICKY);
      expect(JSON.parse(rest!)).toEqual({ ...file, conversations: [] });
    }
  });

  it('has no rest when the file is cut off or an entry is missing', () => {
    const text = JSON.stringify(TRICKY);
    expect(split(text.slice(0, -1), 10).rest).toBeNull();
    expect(split(text.slice(0, text.length / 2), 10).rest).toBeNull();
    expect(split('[1,]', 1).rest).toBeNull();
    expect(split('[,1]', 1).rest).toBeNull();
    expect(split('[]', 1)).toEqual({ entries: [], rest: '[]' });
  });
});

describe('reading an import file in pieces', () => {
  const chatGpt = JSON.stringify([
    {
      id: 'c1',
      title: 'One',
      create_time: 1_700_000_000,
      mapping: {
        r: { message: null, parent: null, children: ['u'] },
        u: { message: { author: { role: 'user' }, content: { content_type: 'text', parts: ['Hi, "you" ]'] } }, parent: 'r', children: ['a'] },
        a: { message: { author: { role: 'assistant' }, content: { content_type: 'text', parts: ['Hello [there]'] } }, parent: 'u', children: [] },
      },
      current_node: 'a',
    },
  ]);

  it('gives the same conversations as reading the whole file at once', () => {
    const whole = parseHistoryFile(chatGpt);
    expect(whole.conversations).toHaveLength(1);
    for (const size of [1, 3, 50]) expect(readInPieces(chatGpt, size)).toEqual(whole);
    const duet = conversationsToJson([], { appVersion: '1', exportedAt: new Date(0) });
    for (const size of [1, 4]) expect(readInPieces(duet, size)).toEqual(parseHistoryFile(duet));
  });

  it('refuses a cut-off file as not JSON and imports nothing from it', () => {
    const cut = chatGpt.slice(0, chatGpt.length - 3);
    expect(() => readInPieces(cut, 16)).toThrow(HistoryError);
    expect(() => readInPieces(cut, 16)).toThrow(/it is not JSON/);
  });

  it('names the broken conversation of a ChatGPT export, even when later ones are fine', () => {
    const list = JSON.parse(chatGpt) as Array<Record<string, unknown>>;
    const broken = JSON.stringify([list[0], { id: 'c2', title: 'Broken', mapping: 'nope' }, { ...list[0], id: 'c3' }]);
    expect(() => readInPieces(broken, 7)).toThrow(/^Conversation 2 \("Broken"\) in this ChatGPT export could not be read/);
  });
});
