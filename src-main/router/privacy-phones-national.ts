// Mobile numbers in the national formats of the main countries, written without a country code (read by
// findShapes in privacy-loose-shapes.ts, which has already found a run of digits): the shapes that a
// trunk-0 rule cannot see (Spain 612 57 03 94, Italy 347 812 6650, India 98450 62173, Brazil (11) 98765-4321)
// and those it can (France 06, Germany 015x-017x, the Netherlands 06, Nigeria 080x/090x, the Philippines 09xx,
// Indonesia 08xx, Japan 090/080, Korea 010, Australia 04xx). A shape alone is not enough: the caller asks for
// a label or a person next to it, or for a phone word in the text.

import { eachMatch } from './privacy-match.js';

// Compact digits of each country's mobiles.
const NATIONAL_MOBILE = /^(?:[67]\d{8}|0[67]\d{8}|01[5-7]\d{8,9}|3\d{8,9}|[6-9]\d{9}|0[789][01]\d{8}|09\d{9}|08\d{8,11}|0[789]0\d{8}|010\d{7,8}|04\d{8})$/;
// Grouped as phones are written: two to five groups of two to five digits, one kind of separator.
const PHONE_GROUPS = /^\d{2,5}(?:([ -])\d{2,5})(?:\1\d{2,5}){0,3}$/;

/** True for a run of digits written as a mobile number of one of the main countries. */
export function nationalMobile(run: string): boolean {
  return PHONE_GROUPS.test(run) && NATIONAL_MOBILE.test(run.replace(/[ -]/g, ''));
}

// Brazil: the area code in brackets before a mobile's nine digits, (11) 98765-4321.
const BR_AREA_BEFORE = /\(\d{2}\) ?$/;
const BR_MOBILE = /^9\d{4}-?\d{4}$/;

/** The start of a Brazilian mobile whose digits begin at `start` (its area code in brackets before), or -1. */
export function brazilianMobileStart(text: string, start: number, run: string): number {
  if (!BR_MOBILE.test(run)) return -1;
  const area = BR_AREA_BEFORE.exec(text.slice(Math.max(0, start - 6), start));
  return area === null ? -1 : start - area[0].length;
}

// Words for a phone in the main languages, as a label just before the number.
export const NATIONAL_PHONE_LABEL =
  /(?<![A-Za-z])(?:m[óo]vil|celular|cel\.?|tel[ée]fono|tfno\.?|tlf\.?|telefone|telem[óo]vel|handy|mobil|mobilnummer|mobiel|telefon|telefonnummer|tel\.?|t[ée]l\.?|portable|cellulare|cell\.?|numero|n[úu]mero|numer|whats ?app|wa|nomor(?: hp)?|no\.? hp|telepon|s[đd]t|điện thoại|手机号?码?|手機號?碼?|电话|電話|携帯(?:電話)?|電話番号|휴대폰|핸드폰|전화(?:번호)?)\.?(?: (?:personal|privado|personnel|perso|privé|privat|priv[ée]|personale|privato|pessoal|di casa|fisso|fijo))?[ \t]*(?:is|es|est|ist|è|é|to|er|är|on|:|：|-|#|号码|號碼)?[ \t]*$/i;

// A person just before the number: "Marta Ibáñez, 612 57 03 94", "ring Kemi on 0803 …", "my mum: …".
export const PERSON_BEFORE_NUMBER =
  /(?:[A-ZÀ-Þ][a-zß-ÿ'-]{1,20}(?: [A-ZÀ-Þ][a-zß-ÿ'-]{1,20}){0,2}|\b(?:my|his|her|their) (?:\w+ )?(?:mum|mom|dad|wife|husband|partner|son|daughter|brother|sister|friend|boss|landlord|neighbou?r|number|mobile|cell|phone))[,:]? (?:on |at |is |es |est |ist |al |au |op |di |an |a )?$/;

// Words that make a mobile-shaped number a phone, in the main languages.
export const NATIONAL_PHONE_CUE =
  /\b(?:number|phone|mobile|cell|call|ring|text|whatsapp|contact|tel|sms|llama|llamar|ll[áa]mala|ll[áa]male|m[óo]vil|tel[ée]fono|celular|appelle[rz]?|portable|anrufen|ruf|handy|chiamare|chiama|cellulare|ligar|liga|telefone|hubungi|telepon|tawagan|zadzwo\w*|telefon\w*|zavol\w*|volat|[čc][íi]slo|numer)\b|电话|電話|手机|手機|打给|打給|携帯|전화/i;

// ---------------------------------------------------------------- Hong Kong, Macau and Singapore mobiles

// Eight digits with no trunk 0, grouped 4-4 or written solid: Hong Kong mobiles start 4-9 (9438 2716), Macau's 6,
// Singapore's 8 and 9. So many other numbers have that shape (amounts, years, codes) that it counts only right
// after a phone word said of someone (新電話係, 手機是, WhatsApp, "'s number is", "call Mei on"), and not after a
// hotline's or a company's name.
const EIGHT_DIGIT_MOBILE = /(?<![\d+.,/-]|\d )[4-9]\d{3}[ -]?\d{4}(?![\d/-]|[.,]\d| \d)/g;
const PHONE_WORD_BEFORE =
  /(?:電話|电话|手機|手机|手提|號碼|号码|\bnumber|\bwhats ?app|\bcell|\bmobile|\bphone|\b(?:call|text|ring|message|whatsapp) (?:me|him|her|[A-Z][\w'’]*(?: [A-Z][\w'’]*)?) (?:on|at)|聯絡|联络|联系|打去|打畀|打俾|打給|打给|[Hh]\/?[Pp])[^\d\n。，,；;!?！？]{0,20}$/;
const NOT_A_PERSONS_LINE =
  /熱線|热线|客服|銀行|银行|公司|辦事處|办事处|總機|总机|查詢|查询|餐廳|餐厅|診所|诊所|酒店|的士|\b(?:hotline|helpline|customer|service|support|office|company|bank|switchboard|reception|account|order|invoice|ticket|policy|ref|restaurant|plumbing|clinic|shop|store|taxi|hotel|salon|pharmacy|dental|ltd|limited)\b/i;

// …or in brackets after a person's name, in a text about phoning or messaging them: 地產經紀Kenny（9437 2816）.
const NAME_BRACKET_BEFORE = /(?:\b[A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20})?|[\u4e00-\u9fff]{2,3})\s?[（(]$/;

/** Eight-digit Hong Kong, Macau and Singapore mobiles, each right after a phone word said of a person or a name's bracket. */
export function findEightDigitMobiles(text: string, found: (start: number, end: number) => void): void {
  // Most prompts hold no eight digits in a row.
  if (!/\d{4}[ -]?\d{4}/.test(text)) return;
  eachMatch(EIGHT_DIGIT_MOBILE, text, (m) => {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (NOT_A_PERSONS_LINE.test(before)) return;
    if (PHONE_WORD_BEFORE.test(before) || (NAME_BRACKET_BEFORE.test(before) && NATIONAL_PHONE_CUE.test(text))) found(m.index, m.index + m[0].length);
  });
}

// ---------------------------------------------------------------- an NHS number is not a phone

// A UK NHS number is written 3-3-4 (943 476 5919), the shape of a North American phone. Named as an NHS number and
// passing its modulus-11 check, it is an id (privacy-ids.ts reads it, or leaves the published specimen), not a phone.
const NHS_BEFORE = /\bNHS(?: (?:no\.?|number|num|#|id))?\b[^\n\d]{0,30}$|\bNHS\b[^\n\d]{0,40}$/i;

// The US Social Security number's 3-2-4 dashes (000-12-3456): no numbering plan writes a phone so.
const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;

/** True for a number in the shape of a US SSN, which a phone rule (a trunk 0, a national shape) read as a phone. */
export function ssnShapeNotPhone(text: string, start: number, end: number): boolean {
  return SSN_SHAPE.test(text.slice(start, end));
}

/** True for a 10-digit run that is named as an NHS number just before and passes the NHS check digit. */
export function nhsNumberNotPhone(text: string, start: number, end: number): boolean {
  const digits = text.slice(start, end).replace(/\D/g, '');
  if (digits.length !== 10 || !NHS_BEFORE.test(text.slice(Math.max(0, start - 48), start))) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === digits.charCodeAt(9) - 48;
}
