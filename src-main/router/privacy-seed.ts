// A wallet's seed phrase however it is laid out: twelve to twenty-four BIP-39 words numbered ("1 timber
// 2 lecture …", "1. canyon   7. harvest" in two columns), comma-separated, or one per line, in a text
// about a wallet. The words are everyday words, so the wallet's words are the gate (SEED_STEMS in
// privacy-credentials.ts); a phrase is
// random, so a word list excerpt (alphabetical) or a published test vector (abandon ×11 about) is not one.
import { bip39Words } from './privacy-bip39.js';
import { eachMatch } from './privacy-match.js';

const WORD = /[A-Za-z]{3,8}(?![A-Za-z])(?<![A-Za-z]{9})/g;
// What may stand between two words of a phrase: spaces, line breaks, commas, bullets and "12." / "7)" numbering.
const BETWEEN = /^(?:[\s,;|•·*-]|\d{1,2}[.):]?(?=\s)){1,16}$/;
const MAX_GAP = 24;
// A phrase is 24 words at most; a few more may be words of the sentences around it.
const MAX_RUN = 32;

interface Word {
  word: string;
  known: boolean;
  start: number;
  end: number;
}

/** True for a run that is a phrase: 12 or more words (a word of the sentence before may lead it), at most one unknown (a misspelling), not alphabetical, hardly repeated. */
function isPhrase(run: readonly Word[]): boolean {
  // Most runs are a word or two: the count first, before any list is built.
  if (run.length < 12 || run.length > MAX_RUN) return false;
  const list = run.map((w) => w.word);
  const sorted = list.every((w, i) => i === 0 || list[i - 1]! < w);
  return list.length >= 12 && list.length <= MAX_RUN && run.filter((w) => !w.known).length <= 1 && !sorted && new Set(list).size >= list.length - 2;
}

/** Calls back with the span of each seed phrase (12 to 24 BIP-39 words, one misspelling allowed); the caller has seen a wallet's words in the text. */
export function findSeedPhrasesAnyLayout(text: string, found: (start: number, end: number) => void): void {
  const words = bip39Words();
  let run: Word[] = [];
  const close = (): void => {
    // Most words close an empty run (an unknown word with none before it): nothing to read, nothing to renew.
    if (run.length === 0) return;
    // A word after the phrase that is not in the list ("… pulse tell me") is not part of it.
    while (run.length > 0 && !run[run.length - 1]!.known) run.pop();
    if (isPhrase(run)) found(run[0]!.start, run[run.length - 1]!.end);
    run = [];
  };
  eachMatch(WORD, text, (m) => {
    const word = m[0].toLowerCase();
    const known = words.has(word);
    const last = run[run.length - 1];
    if (last !== undefined && !(m.index - last.end <= MAX_GAP && BETWEEN.test(text.slice(last.end, m.index)))) close();
    // An unknown word opens no phrase; a second one (or a capitalised one) ends it.
    if (!known && (run.length === 0 || m[0] !== word || run.some((r) => !r.known))) {
      close();
      return;
    }
    // The word is kept only when it joins the run (most words of a prompt do not).
    run.push({ word, known, start: m.index, end: m.index + m[0].length });
  });
  close();
}
