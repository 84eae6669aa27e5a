import { describe, expect, it } from 'vitest';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../src-main/contract/history-entities.js';
import { snippetParts } from '../../src-renderer/lib/snippet.js';

const marked = (word: string): string => `${SNIPPET_MARK_START}${word}${SNIPPET_MARK_END}`;

describe('search snippets in the renderer', () => {
  it('splits the matched words out for <mark>, the markers themselves never shown', () => {
    expect(snippetParts(`…cannot see the ${marked('sky')} today`)).toEqual([
      { text: '…cannot see the ', mark: false },
      { text: 'sky', mark: true },
      { text: ' today', mark: false },
    ]);
  });

  it('keeps HTML in a message as plain text', () => {
    expect(snippetParts(`<img src=x onerror=alert(1)> ${marked('x')}`)).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'x', mark: true },
    ]);
  });

  it('survives a stray or missing end marker', () => {
    expect(snippetParts(`a ${SNIPPET_MARK_START}b`)).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
    ]);
    expect(snippetParts(`a${SNIPPET_MARK_END}b`)).toEqual([{ text: 'ab', mark: false }]);
  });
});
