// US healthcare EDI (X12 834 enrolments and 837 claims) pasted to ask why a segment is rejected. A member or patient
// is named in an NM1 segment for an individual (NM1*IL*1*VASQUEZ*MARISOL…); with one, the file holds their date of
// birth (DMG*D8*19870422), their SSN (NM1…*34*412683097, REF*0F*…) and their diagnoses (HI*ABK:F33.1). Without a named
// individual (a blank template, a segment explained on its own) nothing is read.
import { eachMatch } from './privacy-match.js';

export type EdiFound = (kind: 'birth-date' | 'national-id' | 'health', start: number, end: number) => void;

const NAMED_INDIVIDUAL = /\bNM1\*(?:IL|QC|74)\*1\*(?!(?:LAST|LASTNAME|SURNAME|DOE)\*)[A-Z][A-Z'-]{1,30}\*[A-Z][A-Z'-]{1,30}/;
const BIRTH_SEGMENT = /\bDMG\*D8\*((?:19|20)\d{6})\b/g;
const SSN_SEGMENT = /\*34\*(\d{9})(?!\d)|\bREF\*(?:0F|SY)\*(\d{9})(?!\d)/g;
const DIAGNOSIS_SEGMENT = /\bHI\*AB[KF]:[A-Z]\d{2}(?:\.?\w{1,4})?(?:\*AB[FK]:[A-Z]\d{2}(?:\.?\w{1,4})?)*/g;

/** A named individual's birth date, SSN and diagnosis codes in pasted X12 segments. */
export function findEdiDetails(text: string, found: EdiFound): void {
  if (!text.includes('NM1*') || !NAMED_INDIVIDUAL.test(text)) return;
  eachMatch(BIRTH_SEGMENT, text, (m) => found('birth-date', m.index + 7, m.index + m[0].length));
  eachMatch(SSN_SEGMENT, text, (m) => {
    const value = m[1] ?? m[2]!;
    const start = m.index + m[0].length - value.length;
    found('national-id', start, start + value.length);
  });
  eachMatch(DIAGNOSIS_SEGMENT, text, (m) => found('health', m.index, m.index + m[0].length));
}
