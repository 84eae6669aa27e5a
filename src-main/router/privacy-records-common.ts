// What the record and shape detectors (privacy-records.ts, privacy-loose-shapes.ts, privacy-running-text.ts)
// share: the finding callback and its kinds, the labels of a named person's details, the match limit, and the
// birth-year test of a record's field and of a loose date.
export type RecordKind = 'secret' | 'national-id' | 'phone' | 'address' | 'health' | 'employment' | 'birth-date' | 'location';
export type RecordFound = (kind: RecordKind, label: string, start: number, end: number) => void;

// A Chinese character: the Chinese shapes are read only when the text has one.
export const HAS_HAN = /[\u4e00-\u9fff]/;

// At most this many matches of a pattern are read (as the detector keeps at most 64 findings of a kind):
// a pasted log of 10,000 names and salaries stays linear.
export const LIMIT = 64;

/** eachMatch, stopping after `limit` matches. */
export function firstMatches(re: RegExp, text: string, limit: number, onMatch: (m: RegExpExecArray) => void): void {
  let n = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && n < limit; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else {
      onMatch(m);
      n++;
    }
  }
}

/** The finding labels of a named person's health, pay and date of birth. */
export const LABELS = {
  health: "a named person's health information",
  employment: "a named person's pay or employment record",
  'birth-date': "a named person's date of birth",
} as const;

/** False for a birth year before 1900: a historical figure, not a living person. */
export function plausibleBirthYear(value: string): boolean {
  const year = /(?:19|20)\d{2}|1[5-8]\d{2}/.exec(value);
  return year === null || Number(year[0]) >= 1900;
}
