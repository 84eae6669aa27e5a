// A fixed-width file pasted with its layout given in words: "Columns are name (22 chars), BSN (9), start date (10)",
// "(name 24 chars, PAN 16, expiry 5, amount 9)". Its rows run the cells together (Daan van der Linden   1981127862023-
// 09-01), so no shape rule sees a number in them; each row is cut at the layout's widths and each cell read by its
// column's name: a card number that passes Luhn, a BSN that passes the 11-test, another id with eight digits or more.
import { cardNumberValid } from './privacy-checks.js';
import { bsnValid } from './privacy-id-checks.js';
import { firstMatches } from './privacy-match.js';

type Found = (kind: 'card' | 'national-id', start: number, end: number) => void;

// Tested on the lower-cased text (the i flag makes a pattern over every prompt several times slower).
const LAYOUT_WORDS = /fixed[- ]width|fixed[- ]length|column widths?|columns are|positions? \d/;
// One column of the layout: its name, then its width with or without brackets and "chars".
const LAYOUT_ITEM = /(?:^|[(:,;]\s*|\bare\s+)([A-Za-z][A-Za-z ._-]{0,20}?)\s*\(?(\d{1,3})(?:\s*(?:chars?|characters|bytes))?\)?(?=\s*(?:[,;).]|and\b|$))/gm;
const CARD_COLUMN = /^(?:pan|card|card ?(?:no|number)|cc|cc ?number|credit card)$/i;
const ID_COLUMN = /^(?:bsn|ssn|sin|nino|ni ?(?:no|number)|national ?id|id ?(?:no|number)|personnummer|pesel|tax ?id|aadhaar|nhs ?(?:no|number))$/i;
const MAX_ROWS = 200;

/** The cards and ids in the rows of a fixed-width file whose layout the text spells out. `lower` is the text lower-cased. */
export function findFixedWidth(text: string, lower: string, found: Found): void {
  if (!LAYOUT_WORDS.test(lower)) return;
  const columns: { name: string; width: number }[] = [];
  firstMatches(LAYOUT_ITEM, text, 16, (m) => columns.push({ name: m[1]!.trim(), width: Number(m[2]) }));
  if (columns.length < 2 || !columns.some((c) => CARD_COLUMN.test(c.name) || ID_COLUMN.test(c.name))) return;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  let offset = 0;
  for (const line of text.split('\n', MAX_ROWS)) {
    // A row is at least as long as every column but the last, and starts with a cell, not with the layout's words.
    if (line.length >= total - columns[columns.length - 1]!.width && !LAYOUT_WORDS.test(line.toLowerCase())) {
      let at = 0;
      for (const c of columns) {
        const cell = line.slice(at, at + c.width).trim();
        const start = offset + at + line.slice(at, at + c.width).indexOf(cell);
        const digits = cell.replace(/[\s-]/g, '');
        if (CARD_COLUMN.test(c.name) && /^\d{13,19}$/.test(digits) && cardNumberValid(digits)) found('card', start, start + cell.length);
        else if (ID_COLUMN.test(c.name) && /\d{8}/.test(digits) && (!/^bsn$/i.test(c.name) || bsnValid(digits))) found('national-id', start, start + cell.length);
        at += c.width;
      }
    }
    offset += line.length + 1;
  }
}
