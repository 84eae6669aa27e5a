import { describe, expect, test } from 'vitest';
import { BlockGroups, IncrementalMarkdown, markdownToHtml, type MarkdownBlocks } from '../../src-renderer/lib/markdown-blocks.js';

// A streamed answer's finished blocks are shown in groups the page may skip while out of view: a
// group must never change once shown, and none may hold a whole burst of text (its height would then
// count as one placeholder's while skipped, and the page would jump by the whole answer).

const blocks = (finished: string[], epoch = 0): MarkdownBlocks => ({ finished, live: '', epoch });

describe('BlockGroups', () => {
  test('groups never change once made, and groups plus open blocks are all the finished blocks in order', () => {
    const grouper = new BlockGroups();
    const finished: string[] = [];
    let before: readonly string[] = [];
    for (let i = 0; i < 200; i++) {
      finished.push(`<p>block ${i}</p>\n`);
      const { groups, open } = grouper.update(blocks([...finished]));
      expect(groups.slice(0, before.length)).toEqual(before);
      expect(groups.join('') + open.join('')).toBe(finished.join(''));
      expect(open.length).toBeLessThan(BlockGroups.GROUP_BLOCKS);
      before = groups;
    }
    expect(before.length).toBe(Math.floor(200 / BlockGroups.GROUP_BLOCKS));
  });

  test('a burst of text that settles as large blocks makes a group per few blocks, not one for the whole answer', () => {
    const grouper = new BlockGroups();
    const large = `<p>${'word '.repeat(BlockGroups.GROUP_CHARS / 5)}</p>\n`;
    const finished = Array.from({ length: 10 }, () => large);
    const { groups, open } = grouper.update(blocks(finished));
    expect(groups.length).toBe(10);
    expect(open).toEqual([]);
  });

  test('a new epoch (the text was replaced) starts the groups over', () => {
    const grouper = new BlockGroups();
    grouper.update(blocks(Array.from({ length: 30 }, (_, i) => `<p>${i}</p>`)));
    const { groups, open } = grouper.update(blocks(['<p>other</p>'], 1));
    expect(groups).toEqual([]);
    expect(open).toEqual(['<p>other</p>']);
  });

  test('an answer streamed in bursts renders the same HTML as in one go', () => {
    const source = Array.from({ length: 120 }, (_, i) => `## Part ${i}\n\nText with **bold** ${i}.\n\n- a\n- b\n\n`).join('');
    const incremental = new IncrementalMarkdown((html) => html);
    const grouper = new BlockGroups();
    let shown = '';
    for (let end = 2048; ; end += 2048) {
      const rendered = incremental.update(source.slice(0, end));
      const { groups, open } = grouper.update(rendered);
      shown = groups.join('') + open.join('') + rendered.live;
      if (end >= source.length) break;
    }
    expect(shown).toBe(markdownToHtml(source));
  });
});
