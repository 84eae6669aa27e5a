// A form's or a CV's header: a name alone on its line (all caps, accents, Chinese in either script), with a
// person's fields right under it ("NGUYỄN THỊ LAN" / "Date of birth: 12 May 1994"). The name line reads as the
// record's person field; a heading (CURRICULUM VITAE, Personal Details, 个人信息) is not a name.
import type { Field } from './privacy-records-fields.js';

// Two to four capitalised or all-caps words (letters of any script with case, apostrophes, hyphens), or two to
// four Chinese characters, alone on a line.
const NAME_LINE = /^[ \t]*(\p{Lu}[\p{L}'’.-]{0,24}(?:[ \t]\p{Lu}[\p{L}'’.-]{0,24}){1,3}|[\u4e00-\u9fff]{2,4})[ \t]*$/gmu;

// Words of headings, titles and organisations: a line holding one is not a name.
const HEADING_WORDS = new Set(
  (
    'curriculum vitae resume résumé cv personal details detail information info profile contact summary experience education skills ' +
    'form application patient record records medical history employee payslip pay slip statement certificate data section part the of ' +
    'and for name date birth insurance policy tax year department ltd inc gmbh llc plc co company group engineering hospital clinic ' +
    'school university bank your full first last surname dear hello hi to from subject re notes note template example sample draft ' +
    'objective references languages hobbies interests nationality gender address phone email passenger traveller booking visa ' +
    'enrolment enrollment registration applicant insured student employer end certificate annual monthly report invoice receipt'
  ).split(' '),
);
const CJK_HEADING = /信息|资料|简历|表|单|证明|记录|说明|备注|模板|基本|个人|情况|声明/;

// How far under its name a header's first field may start.
const HEADER_REACH = 200;

/** The name lines of the text that head a detail field: person fields for the record reading. */
export function headerNames(text: string, details: readonly Field[]): Field[] {
  const out: Field[] = [];
  let n = 0;
  NAME_LINE.lastIndex = 0;
  for (let m = NAME_LINE.exec(text); m !== null && n < 16; m = NAME_LINE.exec(text)) {
    n++;
    const name = m[1]!;
    const start = m.index + m[0].indexOf(name);
    const end = start + name.length;
    if (!details.some((d) => d.start > end && d.start - end <= HEADER_REACH)) continue;
    if (/[\u4e00-\u9fff]/.test(name) ? CJK_HEADING.test(name) : name.split(/[ \t]/).some((w) => HEADING_WORDS.has(w.toLowerCase()))) continue;
    out.push({ kind: 'person', value: name, start, end });
  }
  return out;
}
