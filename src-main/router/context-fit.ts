// A token count good enough to decide whether a conversation fits the local model's window,
// without loading a tokenizer: BPE vocabularies average about four characters of Latin-script
// text per token, and about one token per CJK character (often more for rare ones).

/** True for a UTF-16 code unit that a tokenizer treats as roughly one token on its own. */
function isWideChar(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, ext A, unified ideographs
    (c >= 0xac00 && c <= 0xd7af) || // Hangul syllables
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0xd800 && c <= 0xdbff) // high surrogate: emoji and CJK ext B+ (its low half is skipped)
  );
}

/** Rough token count: one per CJK (or other wide) character, plus one per four other characters. */
export function estimateTokens(text: string): number {
  let wide = 0;
  let narrow = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWideChar(c)) {
      wide++;
      if (c >= 0xd800 && c <= 0xdbff) i++;
    } else {
      narrow++;
    }
  }
  return wide + Math.ceil(narrow / 4);
}

/** Tokens to keep free for the answer: a quarter of the window, at most 1024. */
export function answerReserve(contextTokens: number): number {
  return Math.min(1024, Math.floor(contextTokens / 4));
}

/** True when prompt, history and room for the answer all fit in the local model's window. */
export function fitsLocalContext(promptTokens: number, historyTokens: number, contextTokens: number, reserveForAnswer: number): boolean {
  return promptTokens + historyTokens + reserveForAnswer <= contextTokens;
}
