import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../contract/index.js';

/** Words of context a snippet shows around the match. */
export const SNIPPET_TOKENS = 12;
const ELLIPSIS = '…';

/** A word of the text: where it is, and its folded form. */
interface Token {
  start: number;
  end: number;
  folded: string;
}

// What FTS5's unicode61 tokenizer takes as word characters: letters, digits, private use, and the
// combining marks it then folds away (remove_diacritics).
const WORD = /[\p{L}\p{N}\p{Co}\p{Mn}]+/gu;

/** A word as unicode61 with remove_diacritics 2 indexes it: accents dropped, case folded. */
function fold(word: string): string {
  // Most words are ASCII: nothing to decompose (a snippet folds every word of its message).
  return ASCII.test(word)
    ? word.toLowerCase()
    : word
        .normalize('NFD')
        .replace(/\p{Mn}/gu, '')
        .toLowerCase();
}
const ASCII = /^\p{ASCII}*$/u;

/** The words of `text`, each with its place in the text and its folded form. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) });
  return out;
}

/**
 * An excerpt of `content` of SNIPPET_TOKENS words around its matches, every match between the snippet
 * marks, an ellipsis where text was cut. Each phrase is the folded words of one term the user typed
 * (matched in a row); with `prefix` the last phrase's last word matches as a prefix. Built here from the
 * message's text rather than by FTS5's snippet(): that one looks the message up in the word index again,
 * a quarter of a millisecond per hit at 1,000,000 messages, most of a search's time. The window shown is
 * the one holding the most different phrases (the earliest of equals), as snippet() chooses.
 */
export function wordSnippet(content: string, phrases: string[][], prefix: boolean): string {
  const words = tokens(content);
  // Where each phrase matches: [first word, words long, phrase number].
  const found: [number, number, number][] = [];
  phrases.forEach((phrase, p) => {
    if (phrase.length === 0) return;
    const open = prefix && p === phrases.length - 1;
    for (let i = 0; i + phrase.length <= words.length; i++) {
      const all = phrase.every((w, k) => {
        const token = words[i + k]!.folded;
        return open && k === phrase.length - 1 ? token.startsWith(w) : token === w;
      });
      if (all) found.push([i, phrase.length, p]);
    }
  });
  let from = 0;
  let best = -1;
  for (const [at] of found) {
    // A little context before the match, as much after it as fits.
    const start = Math.max(0, Math.min(at - 2, words.length - SNIPPET_TOKENS));
    const distinct = new Set(found.filter(([i, n]) => i >= start && i + n <= start + SNIPPET_TOKENS).map(([, , p]) => p)).size;
    if (distinct > best) {
      best = distinct;
      from = start;
    }
  }
  const to = Math.min(words.length, from + SNIPPET_TOKENS);
  if (to === 0) return content.slice(0, 80);
  const begin = from === 0 ? 0 : words[from]!.start;
  const end = to === words.length ? content.length : words[to - 1]!.end;
  let out = from === 0 ? '' : ELLIPSIS;
  let pos = begin;
  for (const [at, n] of found.sort((a, b) => a[0] - b[0])) {
    if (at < from || at + n > to) continue;
    const s = words[at]!.start;
    if (s < pos) continue; // overlaps an earlier mark
    const e = words[at + n - 1]!.end;
    out += content.slice(pos, s) + SNIPPET_MARK_START + content.slice(s, e) + SNIPPET_MARK_END;
    pos = e;
  }
  out += content.slice(pos, end);
  return to === words.length ? out : out + ELLIPSIS;
}
