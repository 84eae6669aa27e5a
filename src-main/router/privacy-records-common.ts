// What the record and shape detectors (privacy-records.ts, privacy-loose-shapes.ts, privacy-running-text.ts)
// share: the finding callback and its kinds, the match limit, and the birth-year test of a record's field
// and of a loose date.
export type RecordKind = 'secret' | 'national-id' | 'phone' | 'address' | 'health' | 'employment' | 'birth-date' | 'location';
export type RecordFound = (kind: RecordKind, label: string, start: number, end: number) => void;

// At most this many matches of a pattern are read (as the detector keeps at most 64 findings of a kind):
// a pasted log of 10,000 names and salaries stays linear.
export const LIMIT = 64;

/** False for a birth year before 1900: a historical figure, not a living person. */
export function plausibleBirthYear(value: string): boolean {
  const year = /(?:19|20)\d{2}|1[5-8]\d{2}/.exec(value);
  return year === null || Number(year[0]) >= 1900;
}
