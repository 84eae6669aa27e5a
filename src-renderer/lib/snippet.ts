import type { SNIPPET_MARK_END as END, SNIPPET_MARK_START as START } from '../../src-main/contract/history-entities.js';

// The contract's markers, restated so the renderer does not bundle its zod schemas; the types
// make the compiler check that they are the same characters.
const SNIPPET_MARK_START: typeof START = '\u0002';
const SNIPPET_MARK_END: typeof END = '\u0003';

/** One run of a search snippet's text: matched (to show in <mark>) or not. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * Splits a snippet at its match markers, so the matches are shown as text in <mark> elements:
 * the snippet comes from stored messages and is never treated as HTML. A stray or missing marker
 * only ends or starts a match; the markers themselves never show.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
    text = '';
  };
  for (const char of snippet) {
    if (char === SNIPPET_MARK_START || char === SNIPPET_MARK_END) {
      flush();
      mark = char === SNIPPET_MARK_START;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}
