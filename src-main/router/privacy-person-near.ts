// Whether a name stands near a detail: in the same sentence (a table row or a form's next field runs on),
// at most MAX_GAP characters away, or the name's own shorter reach. Only windows around the details are
// searched for names, so a long text is mostly never read.

import { findNames, type Span } from './privacy-person-names.js';

const MAX_GAP = 160;

// A full stop after a title (Dr. Feldman) or between digits (9.1) does not end the sentence.
const SENTENCE_END = /[!?。！？\n]/;

const QUESTION_END = /[?!？！]/;

// A form's next field: "Reason for leave: …", "DOB: …", "授予方式：…" at the start of a line.
const FIELD_LINE = /^[ \t]*(?:[A-Za-z][\w ./()-]{0,30}|[\u4e00-\u9fff]{2,8})[:：]/;
const MAX_ROW = 200;

/** How many times `c` occurs in text[from, to). */
function countOf(text: string, c: string, from: number, to: number): number {
  let n = 0;
  for (let k = text.indexOf(c, from); k >= 0 && k < to; k = text.indexOf(c, k + 1)) n++;
  return n;
}

/**
 * True when the line break at i runs between two rows of one record: table rows with the same number
 * of "|", "," or tab separators (Name | Base | Bonus, a CSV), or a form whose next line is another field.
 */
function recordBreak(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const next = text.indexOf('\n', i + 1);
  const lineEnd = next < 0 ? text.length : next;
  if (i - lineStart > MAX_ROW || lineEnd - i > MAX_ROW) return false;
  if (FIELD_LINE.test(text.slice(i + 1, Math.min(lineEnd, i + 40))) && /[:：]/.test(text.slice(lineStart, i))) return true;
  for (const sep of ['|', ',', '\t']) {
    const before = countOf(text, sep, lineStart, i);
    if (before > 0 && before === countOf(text, sep, i + 1, lineEnd)) return true;
  }
  return false;
}

function sentenceBreak(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === '\n' && recordBreak(text, i)) return false;
  if (SENTENCE_END.test(c)) return true;
  if (c !== '.') return false;
  if (/\d/.test(text[i + 1] ?? '') && /\d/.test(text[i - 1] ?? '')) return false;
  return !/(?:^|[^A-Za-z])(?:Mr|Mrs|Ms|Dr|Prof|St|Mx|[A-Z])$/.test(text.slice(Math.max(0, i - 5), i));
}

/**
 * True when a name lies in the same sentence as [start, end), at most MAX_GAP characters away.
 * `anySentence`: a form's fields (Name: … DOB: …) are often separate lines or sentences.
 */
export function nameNear(text: string, names: readonly Span[], start: number, end: number, anySentence = false, fine = false, health = false): boolean {
  for (const n of names) {
    // A patient by their room is marked a relative too, so that the other readers of findNames pass over them.
    if (n.healthOnly === true ? !health : n.relative === true && !fine) continue;
    const from = Math.min(n.start, start);
    const to = Math.max(n.end, end);
    const gap = n.gap ?? MAX_GAP;
    if (n.end <= start ? start - n.end > gap : n.start - end > gap) continue;
    let broken = false;
    // Only the stretch between the name and the detail is looked at: both are bounded.
    const gapFrom = n.end <= start ? n.end : end;
    const gapTo = n.end <= start ? start : n.start;
    // A form's fields may sit on separate lines, but a question mark still ends a question about someone else.
    for (let i = gapFrom; i < gapTo && !broken; i++) broken = anySentence ? QUESTION_END.test(text[i]!) : sentenceBreak(text, i);
    if (!broken && to - from <= MAX_GAP * 2) return true;
  }
  return false;
}

// Room for the name itself beyond MAX_GAP, so a window does not cut one in half.
const WINDOW_MARGIN = MAX_GAP + 48;

/** Names within reach of the details only: in a long text, most of it is never looked at. */
export function namesAround(text: string, details: readonly Span[]): Span[] {
  const sorted = [...details].sort((a, b) => a.start - b.start);
  const names: Span[] = [];
  let from = -1;
  let to = -1;
  const scan = (): void => {
    if (from < 0) return;
    for (const n of findNames(text.slice(from, to))) names.push({ ...n, start: n.start + from, end: n.end + from });
  };
  for (const d of sorted) {
    const start = Math.max(0, d.start - WINDOW_MARGIN);
    const end = Math.min(text.length, d.end + WINDOW_MARGIN);
    if (start <= to) {
      to = Math.max(to, end);
      continue;
    }
    scan();
    from = start;
    to = end;
  }
  scan();
  return names;
}
