// Facts about a text that several detectors test. Every detector is handed the same string, one after another,
// so each fact is computed for the first detector that asks and kept for the rest (as inventedPeople does):
// one scan of a long prompt instead of one per detector.

const HAN = /[\u4e00-\u9fff]/;

/** `test` with its answer for the last text kept: the next detector to ask about the same text gets it for free. */
export function forLastText(test: (text: string) => boolean): (text: string) => boolean {
  let source: string | undefined;
  let answer = false;
  return (text) => {
    if (text !== source) {
      answer = test(text);
      source = text;
    }
    return answer;
  };
}

/** True when the text holds a Chinese character (U+4E00-U+9FFF); the answer for the last text is kept. */
export const hasHan = forLastText((text) => HAN.test(text));

let lowerSource: string | undefined;
let lower = '';

/**
 * The text in lower case with every offset kept (a letter such as İ that grows is left as it is), for keyword
 * tests without the costly "i" flag; the answer for the last text is kept.
 */
export function lowerCased(text: string): string {
  if (text !== lowerSource) {
    const l = text.toLowerCase();
    lower = l.length === text.length ? l : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    lowerSource = text;
  }
  return lower;
}
