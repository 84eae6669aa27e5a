// Pay that is public record: a listed company's chief executive's bonus in its proxy statement or annual
// report, a footballer's reported wage. The pay rules of privacy-person.ts and privacy-running-text.ts
// leave it to the cloud when the words around it say it was published.

const PUBLISHED_PAY =
  /\b(?:proxy statement|annual report|10-K|SEC filings?|regulatory filings?|disclosed|was reported|were reported|reportedly|according to|made public|publicly|published|public records?|press reports?)\b/i;
const REACH = 120;

/** True when the words around [start, end) say the pay there was published (a proxy statement, a press report). */
export function publishedPay(text: string, start: number, end: number): boolean {
  return PUBLISHED_PAY.test(text.slice(Math.max(0, start - REACH), Math.min(text.length, end + REACH)));
}
