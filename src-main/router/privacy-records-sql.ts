// SQL INSERT statements with their column list: each value tuple is a record whose fields the columns name
// (INSERT INTO passengers (given_name, surname, date_of_birth) VALUES ('Hamid', 'Rahimi', '1988-04-23')).
import { cellsOf, fieldKind, type Field } from './privacy-records-fields.js';
import { firstMatches } from './privacy-match.js';
import { LIMIT } from './privacy-records-common.js';
import { SQL_INSERT, SQL_TUPLE } from './privacy-records-keys.js';

/** The fields of every value tuple of the text's INSERT statements whose columns include a person's. */
export function sqlFields(text: string): Field[] {
  const out: Field[] = [];
  firstMatches(SQL_INSERT, text, 16, (m) => {
    const kinds = cellsOf(m[1]!, ',').map((c) => fieldKind(c.text.replace(/^[[`"]|[\]`"]$/g, '')));
    if (!kinds.includes('person')) return;
    SQL_TUPLE.lastIndex = m.index + m[0].length;
    for (let t = SQL_TUPLE.exec(text), rows = 0; t !== null && rows < LIMIT; t = SQL_TUPLE.exec(text), rows++) {
      const inner = t[1]!;
      const innerStart = t.index + t[0].length - 1 - inner.length;
      const cells = cellsOf(inner, ',');
      if (cells.length !== kinds.length) continue;
      cells.forEach((cell, i) => {
        const kind = kinds[i];
        if (kind !== undefined && cell.text !== '') out.push({ kind, value: cell.text, start: innerStart + cell.at, end: innerStart + cell.at + cell.text.length });
      });
    }
  });
  return out;
}
