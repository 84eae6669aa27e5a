import { describe, expect, test } from 'vitest';
import { IncrementalMarkdown, markdownToHtml } from '../../src-renderer/lib/markdown-blocks.js';

// The sanitizer (DOMPurify) needs a DOM; here it is the identity, so the test compares the HTML
// marked produces block by block with what it produces in one go.
const identity = (html: string): string => html;

const DOCUMENTS: Record<string, string> = {
  'code fences': [
    'Here is the code:',
    '',
    '```ts',
    'function add(a: number, b: number) {',
    '',
    '  return a + b; // a blank line above stays inside the fence',
    '}',
    '```',
    '',
    'And an unfinished one at the end:',
    '',
    '~~~',
    'still open',
    '',
    '',
    'more',
  ].join('\n'),
  lists: [
    '1. first',
    '2. second',
    '',
    '3. third, after a blank line (the list turns loose)',
    '   - nested *a*',
    '   - nested **b**',
    '',
    '- another list',
    '- with [a link](https://example.com)',
    'lazy continuation line',
    '',
    '',
    '- after two blank lines',
    '',
    'A paragraph.',
    '',
    '    indented code after a blank line',
    '',
    '* [ ] a task',
    '* [x] done',
  ].join('\n'),
  tables: [
    'Some text right above a table',
    '| name | value |',
    '| --- | ---: |',
    '| a | 1 |',
    '| b | 2 |',
    '',
    '| only | header |',
    '|---|---|',
    '',
    'Heading',
    '=======',
    '',
    '> a quote',
    'lazy quote line',
    '',
    '> another',
    '',
    '---',
    '',
    '# Title',
    'text under it',
  ].join('\n'),
  'raw HTML and emphasis': [
    '<div onclick="alert(1)">',
    '',
    '<script>alert(1)</script>',
    '',
    'Inline <b>bold</b> and `code` and ~~gone~~ and ***both***.',
    '',
    '<!-- a comment -->',
    '',
    'Final words with a trailing space ',
  ].join('\n'),
  'reference links': [
    'See [the docs][docs] and [more].',
    '',
    'Other text.',
    '',
    '[docs]: https://example.com/docs',
    '[more]: https://example.com/more "Title"',
    '',
    'After.',
  ].join('\n'),
  'CRLF line ends': 'First paragraph\r\n\r\n- a\r\n- b\r\n\r\n```\r\ncode\r\n```\r\n\r\nend',
};

/** Feeds `document` to one renderer in pieces cut at `cuts`, checking each step against a one-shot render. */
function expectEqualAtEveryStep(document: string, cuts: number[]): void {
  const incremental = new IncrementalMarkdown(identity);
  for (const cut of cuts) {
    const prefix = document.slice(0, cut);
    const { finished, live } = incremental.update(prefix);
    expect(finished.join('') + live, `after ${cut} characters`).toBe(markdownToHtml(prefix));
  }
}

describe('incremental Markdown while streaming', () => {
  for (const [name, document] of Object.entries(DOCUMENTS)) {
    test(`${name}: equals a one-shot render at every chunk boundary (one character at a time)`, () => {
      expectEqualAtEveryStep(
        document,
        Array.from({ length: document.length }, (_, i) => i + 1),
      );
    });

    test(`${name}: equals a one-shot render when streamed in word-sized and line-sized chunks`, () => {
      const words = [...document.matchAll(/\S+\s*|\s+/g)].map((m) => m.index + m[0].length);
      expectEqualAtEveryStep(document, words);
      const lines = [...document.matchAll(/[^\n]*\n|[^\n]+$/g)].map((m) => m.index + m[0].length);
      expectEqualAtEveryStep(document, lines);
    });
  }

  test('finished blocks are kept as rendered; only the last block is rendered again', () => {
    const incremental = new IncrementalMarkdown(identity);
    const first = incremental.update('One.\n\nTwo.\n\nThr');
    expect(first.finished).toEqual(['<p>One.</p>\n']);
    const second = incremental.update('One.\n\nTwo.\n\nThree.\nMore');
    expect(second.finished[0]).toBe(first.finished[0]);
    expect(second.finished.join('')).toBe('<p>One.</p>\n<p>Two.</p>\n');
    expect(second.live).toBe('<p>Three.\nMore</p>\n');
  });

  test('a long answer keeps the part it renders again small', () => {
    const incremental = new IncrementalMarkdown(identity);
    let source = '';
    for (let i = 0; i < 300; i++) {
      source += `Paragraph ${i} with *some* words.\n\n- item ${i}\n- another\n\n`;
      const { live } = incremental.update(source);
      expect(live.length).toBeLessThan(200);
    }
    const { finished, live } = incremental.update(source);
    expect(finished.join('') + live).toBe(markdownToHtml(source));
  });

  test('a source that is not a continuation (an edit, another message) starts over', () => {
    const incremental = new IncrementalMarkdown(identity);
    incremental.update('Alpha.\n\nBeta.\n\nGam');
    const before = incremental.update('Alpha.\n\nBeta.\n\nGamma');
    const other = incremental.update('Something else.\n\n- x');
    expect(other.finished.join('') + other.live).toBe(markdownToHtml('Something else.\n\n- x'));
    // The view keeps groups of finished blocks: a new epoch tells it to drop them.
    expect(other.epoch).not.toBe(before.epoch);
    expect(incremental.update('Something else.\n\n- x\n- y').epoch).toBe(other.epoch);
  });

  test('the same text again (an answer’s final update) parses and sanitizes nothing', () => {
    let sanitized = 0;
    const incremental = new IncrementalMarkdown((html) => {
      sanitized++;
      return html;
    });
    const source = 'Intro.\n\n- a\n- b\n\n```ts\nconst x = 1;\n```\n\nThe end.';
    const streamed = incremental.update(source);
    const before = sanitized;
    const final = incremental.update(source);
    expect(final).toBe(streamed);
    expect(sanitized).toBe(before);
    expect(final.finished.join('') + final.live).toBe(markdownToHtml(source));
  });

  test('only what is sanitized is shown: every piece goes through the sanitizer', () => {
    const seen: string[] = [];
    const incremental = new IncrementalMarkdown((html) => {
      seen.push(html);
      return html.replaceAll('<p>', '<p data-clean>');
    });
    const { finished, live } = incremental.update('A.\n\nB.\n\nC');
    expect(finished.join('') + live).toBe('<p data-clean>A.</p>\n<p data-clean>B.</p>\n<p data-clean>C</p>\n');
    expect(seen.join('')).toBe(markdownToHtml('A.\n\nB.\n\nC'));
  });
});
