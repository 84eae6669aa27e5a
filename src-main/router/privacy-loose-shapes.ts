// Personal data in loose shapes (read by findRecordsAndShapes in privacy-records.ts):
// - a date of birth written loosely (08-APR-1991, Twenty-first October 1958, 1941 年 8 月 23 日) after
//   a birth word, or an age reached on a calendar day ("turns 90 on the 5th of March"), in a text that
//   names or points at someone; a list of people with full dates under a birthday heading.
// - a letter addressed to a named person (Dear Mr Gallagher) that tells them about their own health.
// - a password given as the answer to a question about it ("what's the wifi password?" … "it's …").
// - a wallet seed phrase: twelve or more words in a row, all from the BIP-39 list.
// - phone numbers in national shapes without a country code (an Indian mobile 98450 62173) or after a
//   short label (Mob, HP, Ph); a unit and a postcode (Flat 302, … 560003); a Chinese lane address (…路
//   595 弄 12 号); an Australian "rego".
// Every pattern is bounded and sits behind a cheap test of the text.
import { FAMILY_EN, FAMILY_EU } from './privacy-relatives.js';
import { bip39Words } from './privacy-bip39.js';
import { countDigits } from './privacy-checks.js';
import { eachMatch, firstMatches } from './privacy-match.js';
import { findNames, SURNAME_ANY } from './privacy-person-names.js';
import { fictionalName } from './privacy-public.js';
import { LIMIT, plausibleBirthYear, type RecordFound } from './privacy-records-common.js';
import { PERSON_LABELS } from './privacy-labels.js';
import { hasHan } from './privacy-text.js';
import { brazilianMobileStart, NATIONAL_PHONE_CUE, NATIONAL_PHONE_LABEL, nationalMobile, PERSON_BEFORE_NUMBER } from './privacy-phones-national.js';

// ---------------------------------------------------------------- dates of birth, written loosely

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORDINAL_WORD =
  '(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';
const LOOSE_DATE_EN = new RegExp(
  `(?:\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORD})(?: of)?[ -](?:${MONTHS})\\.?,?[ -](?:19|20)\\d{2}|(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2}|(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d{2}`,
  'i',
);
// An age reached on a calendar day: with the age the day gives the whole date of birth ("turns 90 on the 5th of March").
const AGE_ON_DAY = new RegExp(
  `\\b(?:turns?|turning|will be|is going to be) \\d{1,3} on (?:the )?(?:\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})\\b|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?\\b)`,
  'gi',
);
// …and Taiwan's 民國 years (民國 40 年 10 月 5 日).
const DATE_ZH = String.raw`(?:(?:19|20)\d{2}|民[國国]\s?\d{2,3})\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?[日号號]?`;
const LOOSE_DATE_ZH = new RegExp(DATE_ZH);
// A Chinese date of birth written before its word: （2015 年 6 月 3 日出生）, Cantonese 1999年11月30號出世, Taiwan's 民國88年10月5日生.
const BIRTH_BEFORE_ZH = new RegExp(String.raw`${DATE_ZH}\s?(?=出生|出世|生(?![产效活意])|[^，,。！？\n]{0,12}?(?:降生|降临|出世|呱呱坠地))`, 'g');
// A label's own full stop (d.o.b.) is part of it, not a sentence's end before the date. The European languages' words
// too: geboren, né(e) le, nacido el, nato il, urodził(a) się, född, født.
const BIRTH_WORD =
  /\b(?:born|d\.?o\.?b|date of birth|birth ?date|birthday)\b\.?|出生|出世|生于|生日|(?<![\p{L}])(?:geboren|n[ée]e? le|naissance|nacid[oa]|naci[óo]?|nasci|nat[oa] (?:il|a)|nascit[oa]|urodzi[łl](?:em|am|a)? si[ęe]|urodzon[aey]|f[öø]dd|f[öø]dt|syntynyt|syntymäaika\p{L}*|syntymäpäivä\p{L}*|narozen[aáý]?)(?![\p{L}])/gu;
// A date with the European languages' month names: "12 marca 1986", "14 de mayo de 1962", "5. Mai 1990", "3 mars 1985".
const MONTHS_EU =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|Januar|Jänner|Februar|März|Maerz|April|Juni|Juli|August|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|januar|februar|marts|juni|juli|augusti|oktober|maj|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro';
const LOOSE_DATE_EU = new RegExp(`\\d{1,2}\\.?\\s(?:de\\s)?(?:${MONTHS_EU})\\s(?:de\\s)?(?:19|20)\\d{2}`, 'iu');
// The writer's own birth in the first person: urodziłem się, je suis né(e), nací, sono nato/a, ik ben geboren, jag är född,
// and Finnish's "my date of birth" in one word (syntymäaikani).
const OWN_BIRTH_EU =
  /urodzi[łl](?:em|am) si[ęe]|je suis n[ée]e?|\bnac[ií]\b|sono nat[oa]|ik ben geboren|ich bin[^.\n]{0,30}geboren|jag är född|jeg er født|syntymäaikani|syntymäpäiväni|\bnasci\b/i;
const BIRTH_REACH = 48;
const ANSWERED_QUESTION = /^[?？]\s*(?:(?:it|that) (?:was|is):?\s*)?$/i;
const PERSON_REACH = 200;
// Someone the text points at without a name shape: a relative, a title, "my son", Cantonese 阿爸 and 個仔.
const SOMEONE = new RegExp(
  `\\b(?:my|our|his|her|their) (?:\\w+ )?(?:${FAMILY_EN}|friend|colleague|boss|tenant|client|patient|student)\\b|` +
    String.raw`\b(?:Grandma|Grandpa|Granny|Nana|Uncle|Aunt|Aunty|Auntie|Mr|Mrs|Ms|Dr)\.? [A-Z]|(?:外婆|外公|奶奶|爷爷|姥姥|姥爷|妈妈|爸爸|母亲|父亲|儿子|女儿|老婆|老公|妻子|丈夫|(?<!出生的|出世的|生的)孩子|长男|长女|次男|次女|长子|次子|婆婆|公公|岳父|岳母|小女|小儿|犬子|爱女|爱子|千金)|[\u4e00-\u9fff]{2,3}\s?(?:先生|女士|小姐)|(?:本人|我叫|我名叫|我係)[\u4e00-\u9fff]{2,3}|阿爸|阿媽|老豆|老母|阿爺|阿嫲|阿公|阿婆|個仔|個女|阿仔|阿女|囝囝|細佬|家姐|老公|老婆`,
);
// A form's person written in any case right before the date's label, as bookings and manifests are typed: "applicant
// kavya reddy, dob", "passenger 2 ELENA PETROVA DOB", "JOHN MWANGI DOB", "TANAKA/HIROSHI MR DOB". The word after a role is not a verb ("the
// applicant must provide dob").
const PERSON_BEFORE_DOB =
  /(?:\b(?:applicant|passenger|guest|tenant|traveller|traveler|candidate|member|patient|student|pupil|child|employee|customer|holder|name)(?: \d{1,2})?[:,]? (?!(?:must|should|will|can|shall|may|needs?|has|have|is|was|to|and|or|the|a|an|with|without|field|details?|form|format)\b)[A-Za-z][a-z'-]{1,20}|\b[A-Z]{2,20})[ ,/][A-Za-z][A-Za-z'-]{1,20}(?: (?:MR|MRS|MS|MSTR|MISS|DR))?,? (?:dob|DOB|d\.o\.b\.?|D\.O\.B\.?|born|BORN|date of birth|DATE OF BIRTH|birth ?date)(?![A-Za-z])/;
// Two lower-case words set off by a comma before the label ("this is kavya reddy, dob …"), not words of a sentence.
const LOWER_PAIR_BEFORE_DOB =
  /\b(?!(?:the|a|an|my|your|his|her|our|their|with|and|or|of|for|to|in|on|at|is|enter|confirm|format|field|check|add|include|valid|invalid|date|name)\b)[a-z]{2,20} (?!(?:the|a|an|my|your|his|her|our|their|and|or|of|is|format|field|date|name)\b)[a-z]{2,20}, (?:dob|d\.o\.b\.?)(?![a-z])/;
// A name that opens a quotation ('Margit Olsen, born …'): the name rules do not take a capital after a quote mark.
const QUOTED_PAIR = /(?:^|[\s:(])['"‘“][A-Z][a-z]{1,20} [A-Z][a-z'-]{1,20}(?![A-Za-z])/;

const CAPITAL_PAIR = /(?<![A-Za-z])[A-Z][a-z]{1,20} [A-Z][a-z]{1,20}(?![a-z])/g;
// A list line's person: a capitalised name pair, or a Chinese name opening the line (张德福 1948.05.12).
const LIST_NAME = new RegExp(`(?<![A-Za-z])[A-Z][a-z]{1,20} [A-Z][a-z]{1,20}(?![a-z])|^\\s*${SURNAME_ANY}[\\u4e00-\\u9fff]{1,2}\\s`);
const CODE_DATE = /\b(?:date|datetime|Date|LocalDate\.of|new Date)\(\s?(?:19|20)\d{2}, ?\d{1,2}, ?\d{1,2}\s?\)/;
// A relative called by what the family calls them, with no "my": "a surprise for nan", "ring Mum", "staying with gran".
const FAMILY_NAME_BARE = /\b(?:for|to|with|ring|call|visit|and) (?:nan|nana|nanna|gran|granny|grandma|grandpa|grandad|granddad|mum|mom|mam|mummy|mommy|dad|daddy)\b/i;
// A birth time right after the date ("born 20 may 1990, 11pm, lisbon"): given for a natal chart, it is the writer's or
// a child's birth, not a date looked up (a public figure's is taken back with the figure).
const BIRTH_TIME_AFTER = /^,? ?(?:at )?(?:[01]?\d|2[0-3])(?::[0-5]\d)? ?(?:am|pm|h\b)|^,? ?(?:at )?(?:[01]?\d|2[0-3]):[0-5]\d\b/i;

// A record's name field with a name in it: "firstName": "Olumide", given_name: Ana, Nachname: Weber; not a placeholder's
// ("first_name": "Test", "last_name": "Applicant").
const NAME_FIELD =
  /["']?(?:first_?name|firstName|given_?name|givenName|last_?name|lastName|family_?name|familyName|surname|full_?name|fullName|display_?name|displayName|Vorname|Nachname|pr[ée]nom|nombre|apellidos?)["']?\s*[:=]\s*\[?\s*["']?(?!(?:Test|Testing|Applicant|Sample|Example|Demo|Dummy|John|Jane|Doe|Foo|Bar|First|Last|User|Max|Erika|Mustermann|Name|Your)\b)[A-Z][a-z]{1,20}/;

/** True when the text names someone or points at a relative, and names no character from fiction. */
export function someoneIn(text: string): boolean {
  let fiction = false;
  eachMatch(CAPITAL_PAIR, text, (m) => {
    fiction ||= fictionalName(m[0]);
  });
  if (fiction) return false;
  return (
    SOMEONE.test(text) ||
    FAMILY_NAME_BARE.test(text) ||
    FAMILY_EU.test(text) ||
    PERSON_BEFORE_DOB.test(text) ||
    LOWER_PAIR_BEFORE_DOB.test(text) ||
    QUOTED_PAIR.test(text) ||
    NAME_FIELD.test(text) ||
    findNames(text).some((n) => n.relative !== true)
  );
}

/** A date of birth after a birth word, written loosely, in a text about someone; and a list of people with full dates under a birthday heading. */
export function findBirthDates(text: string, lower: string, found: RecordFound): void {
  firstMatches(BIRTH_WORD, lower, LIMIT, (m) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + BIRTH_REACH);
    const date = LOOSE_DATE_EN.exec(after) ?? LOOSE_DATE_ZH.exec(after) ?? LOOSE_DATE_EU.exec(after);
    // A sentence ending between the word and the date parts them, unless the date answers the birth word's own question ("born? 29 February 1988").
    const gap = date === null ? '' : after.slice(0, date.index);
    if (date === null || (/[.?!。？！]\s/.test(gap) && !ANSWERED_QUESTION.test(gap)) || !plausibleBirthYear(date[0])) return;
    // The person is looked for around the birth word, within its paragraph.
    const from = Math.max(0, m.index - PERSON_REACH, text.lastIndexOf('\n\n', m.index) + 1);
    const start = m.index + m[0].length + date.index;
    const timed = BIRTH_TIME_AFTER.test(text.slice(start + date[0].length, start + date[0].length + 12));
    const own = OWN_BIRTH_EU.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].length));
    if (!timed && !own && !someoneIn(text.slice(from, start + date[0].length + 40))) return;
    found('birth-date', PERSON_LABELS['birth-date'], start, start + date[0].length);
  });
  if (lower.includes(' on ')) {
    firstMatches(AGE_ON_DAY, text, LIMIT, (m) => {
      if (someoneIn(text.slice(Math.max(0, m.index - PERSON_REACH), m.index + m[0].length + 40)))
        found('birth-date', PERSON_LABELS['birth-date'], m.index, m.index + m[0].length);
    });
  }
  if (hasHan(text)) {
    firstMatches(BIRTH_BEFORE_ZH, text, LIMIT, (m) => {
      if (someoneIn(text.slice(Math.max(0, m.index - PERSON_REACH), m.index + m[0].length + 40)))
        found('birth-date', PERSON_LABELS['birth-date'], m.index, m.index + m[0].length);
    });
  }
  // A list: lines with a capitalised name and a full date of birth each, also as code writes it ("Uncle Ray Pell": date(1964, 8, 29)).
  const lines = text.split('\n');
  if (lines.length < 3) return;
  let offset = 0;
  for (const line of lines.slice(0, 200)) {
    const date = line.length <= 160 ? (LOOSE_DATE_EN.exec(line) ?? CODE_DATE.exec(line)) : null;
    // A date with a time of day after it (2024-08-15 14:22:10) is a log's or a booking's, not a birthday.
    const timed = date !== null && /^\s?\d{1,2}:\d{2}/.test(line.slice(date.index + date[0].length));
    if (date !== null && !timed && plausibleBirthYear(date[0]) && LIST_NAME.test(line.slice(0, date.index))) {
      found('birth-date', PERSON_LABELS['birth-date'], offset + date.index, offset + date.index + date[0].length);
    }
    offset += line.length + 1;
  }
}

// ---------------------------------------------------------------- a letter about its addressee's health

// A letter to a patient, not to a doctor or researcher ("Dear Dr Patel, I read your paper on sclerosis").
const SALUTATION = /(?:^|\n|['"])\s*(?:Dear|Hi|Hello) (?:(?:Mr|Mrs|Ms|Miss|Mx)\.? )?(?!Dr\b|Prof|Professor\b|Sir\b|Madam\b|Customer\b|Colleague)[A-Z][a-z'-]{1,20}/;
// What a letter says of its reader's health: a diagnosis, results, medication, an operation, a referral. "Your MRI
// machine" or "your scan" alone may be a service letter.
const YOUR_HEALTH =
  /\byour\b[^.!?\n]{0,160}?\b(?:diagnos[a-z]*|sclerosis|cancer|tumou?r|biopsy|(?:MRI|scan|test|blood test|biopsy) (?:results?|findings)|medications?|prescri[a-z]*|surgery|operation|admission|discharge|referral|chemo[a-z]*|symptoms)\b|\b(?:diagnos[a-z]*|consistent with|sclerosis|cancer|tumou?r|biopsy|medications?|prescri[a-z]*|surgery)\b[^.!?\n]{0,160}?\byour\b/gi;

// What a letter says of its reader's job: a hearing's outcome, a warning, a dismissal, a PIP ("Following the
// disciplinary hearing …, which you attended …, the panel has decided to issue a final written warning").
const YOUR_HR =
  /\b(?:disciplinary (?:hearing|outcome|action|meeting)|(?:final )?written warning|gross misconduct|dismissal|performance improvement plan|redundancy)\b[^.!?\n]{0,160}?\byou(?:r)?\b|\byou(?:r)?\b[^.!?\n]{0,160}?\b(?:disciplinary (?:hearing|outcome|action|meeting)|(?:final )?written warning|gross misconduct|dismissal|performance improvement plan|redundancy)\b/gi;
// A salutation to everyone or to a placeholder is a policy's or a template's, not a letter to one person.
const SALUTATION_TO_ALL =
  /(?:Dear|Hi|Hello) (?:Team|All|Everyone|Colleagues|Staff|Members|Parents|Employee|Applicant|Candidate|Manager|Friends|Residents|Tenants|Students|Name|First)\b/;

// …or what the letter's records say the reader takes or had ("our records show you take warfarin for atrial fibrillation
// and completed hepatitis C treatment").
const YOU_TAKE =
  /\byou (?:take|are taking|have been taking|are on|completed|were diagnosed with|have been diagnosed with|had)\b[^.!?\n]{0,40}?\b(?:warfarin|insulin|metformin|statins?|medications?|treatment|chemo\w*|dialysis|hepatitis|fibrillation|diabetes|cancer|HIV|surgery|an operation)\b/gi;

/** Health findings and HR outcomes in a letter addressed to a named person, said to them ("your MRI", "your medication", "a final written warning … you"). */
export function findLetterHealth(text: string, found: RecordFound): void {
  if (!SALUTATION.test(text)) return;
  firstMatches(YOUR_HEALTH, text, LIMIT, (m) => found('health', PERSON_LABELS.health, m.index, m.index + m[0].length));
  firstMatches(YOU_TAKE, text, LIMIT, (m) => found('health', PERSON_LABELS.health, m.index, m.index + m[0].length));
  if (!SALUTATION_TO_ALL.test(text)) firstMatches(YOUR_HR, text, LIMIT, (m) => found('employment', PERSON_LABELS.employment, m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------- a password given in reply

// "what's the wifi password?" … "it's Kestrel-Bramble-1988": the value may be lines later, in a reply.
const PASSWORD_ASKED = /\b(?:password|passcode|pin|wi-?fi code|door code|alarm code)\b/g;
const REPLY_VALUE = /\b(?:it['’]?s|it is|its)[ \t]+([!#-&(-~]{6,64})/g;
const REPLY_REACH = 240;

/** True for a value mixing letters with digits or symbols, as passwords are and words are not. */
function passwordShaped(value: string): boolean {
  return /[A-Za-z]/.test(value) && /[\d!#$%&*@^~_-]/.test(value) && !/^https?:/i.test(value) && !/^[a-z]+-[a-z]+$/.test(value);
}

/** A password-shaped value given in reply ("it's …") up to REPLY_REACH after a question about a password. */
export function findReplyPasswords(text: string, lower: string, found: RecordFound): void {
  PASSWORD_ASKED.lastIndex = 0;
  const asked = PASSWORD_ASKED.exec(lower);
  if (asked === null) return;
  REPLY_VALUE.lastIndex = asked.index;
  for (let m = REPLY_VALUE.exec(text); m !== null && m.index - asked.index <= REPLY_REACH; m = REPLY_VALUE.exec(text)) {
    const value = m[1]!.replace(/[.,;:!?)\]]+$/, '');
    if (passwordShaped(value)) found('secret', 'a password', m.index + m[0].length - m[1]!.length, m.index + m[0].length - m[1]!.length + value.length);
  }
}

// ---------------------------------------------------------------- seed phrases

// Twelve or more short lower-case words in a row (spaces, commas, line breaks or "1." numbering between).
const WORD_RUN = /(?<![A-Za-z])(?:[a-z]{3,8}(?:[ ,\n]{1,3}(?:\d{1,2}[.)][ ]?)?)){11,23}[a-z]{3,8}(?![A-Za-z])/g;

// BIP-39 words are everyday words: a list of them is a seed phrase only in a text about a wallet (the
// 'wallet' stems of privacy-records.ts).

/** Twelve to twenty-four words in a row, all (one aside, for a misspelling) from the BIP-39 list, in a text about a wallet: its seed phrase. */
export function findSeedPhrases(text: string, found: RecordFound): void {
  const words = bip39Words();
  firstMatches(WORD_RUN, text, LIMIT, (m) => {
    const run = m[0].split(/[^a-z]+/).filter((w) => w !== '');
    const misses = run.filter((w) => !words.has(w)).length;
    // A real phrase is random: a word repeated (abandon ×11 … about) is a published test vector, words in
    // alphabetical order are an excerpt of the list itself.
    const sorted = run.every((w, i) => i === 0 || run[i - 1]! < w);
    if (run.length >= 12 && misses <= 1 && !sorted && new Set(run).size >= run.length - 2) found('secret', 'a wallet seed phrase', m.index, m.index + m[0].length);
  });
}

// ---------------------------------------------------------------- phones, addresses, plates

// An Indian mobile written 5-5 (98450 62173); a number after a short label (Mob:, HP is, Ph., H/P).
const PHONE_IN = /^[6-9]\d{4} \d{5}$/;
// A number after a short label (Mob:, HP is, Ph., H/P): the scan starts at the digits, the label is read before them.
const DIGIT_RUN = /\+?\d(?<![\d+].)[\d -]{5,16}\d(?![\w-])/g;
const PHONE_LABEL_BEFORE = /(?<![A-Za-z])(?:mob|mobile no|hp|h\/p|handphone|ph|cell no|contact no|tel no)\.?(?: no\.?)?[ \t]*(?:is|:|-|#)?[ \t]*$/i;
// A national number with a trunk 0 and mixed separators (012-345 6789), in a text that speaks of phones or numbers.
const PHONE_MIXED = /^0\d{1,3}(?:-\d{3,4} |\s\d{3,4}-)\d{3,4}$/;
// Words that make a bare number a phone (the Indian and mixed shapes), and short phone labels.
const PHONE_CUE = /\b(?:number|phone|mobile|cell|call|text|whatsapp|contact|tel|ph|hp|mob|save)\b/i;
// Numbers that are orders, invoices, accounts and codes, not phones.
const ORDER_BEFORE =
  /(?:order|invoice|tracking|ref(?:erence)?|account|acct|serial|isbn|sku|policy|claim|case|ticket|pin|code|no\.)\s*(?:no\.?|number|#|id)?\s*[:#]?\s*$|#\s*$/i;
// A unit (Flat 302, Apt 4B, Unit 7) and, on the same line, a postcode of six digits (India) or a US ZIP after a city.
const UNIT_POSTCODE =
  /\b(?:Flat|Apt\.?|Apartment|Unit|Suite|House No\.?|Door No\.?|D\.? ?No\.?|H\.? ?No\.?|Plot(?: No\.?)?|Villa|Block)[ \t]?#?\d{1,5}[A-Z]?,[^\n]{5,140}?(?<=[A-Za-z],? |[A-Za-z] ?[-–] ?|PIN(?: ?[Cc]ode)?:? ?)\d{6}(?![\d-])/g;
// A Shanghai-style lane: road, lane number 弄, house number 号, then room.
const ZH_LANE = /[\u4e00-\u9fff]{1,12}?(?:路|街|大道)\s?\d{1,5}\s?弄\s?\d{1,4}\s?号(?:\s?\d{1,5}\s?室)?/g;
// An Australian or New Zealand "rego" and the plate after it.
const REGO = /\brego(?: number| no\.?)?[:\s#]{0,3}(?:is )?([A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,4})(?![A-Za-z0-9])/gi;

/** Plates after "rego", phones in national or labelled shapes, a unit with its postcode, a Chinese lane address. */
export function findShapes(text: string, found: RecordFound, rego: boolean, han: boolean): void {
  if (rego) {
    firstMatches(REGO, text, LIMIT, (m) => {
      const v = m[1]!;
      if (/\d/.test(v) && /[A-Z]/.test(v) && !/[a-z]/.test(v)) found('location', 'a vehicle number plate', m.index + m[0].length - v.length, m.index + m[0].length);
    });
  }
  // Every other shape here has a run of at least three digits, or pairs (Danish and French numbers: 83 56 26 75).
  if (!/\d{3}|\d\d[ -]\d\d[ -]\d\d/.test(text)) return;
  // One scan over runs of digits (with spaces and dashes) for every phone shape; the words that make a bare
  // number a phone are read once a run has a phone's shape.
  let cue: boolean | undefined;
  firstMatches(DIGIT_RUN, text, LIMIT * 4, (m) => {
    const run = m[0];
    const digits = countDigits(run);
    if (digits < 7 || digits > 13) return;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (PHONE_LABEL_BEFORE.test(before) || NATIONAL_PHONE_LABEL.test(before)) {
      found('phone', 'a phone number', m.index, m.index + run.length);
      return;
    }
    const br = brazilianMobileStart(text, m.index, run);
    if (br >= 0) {
      found('phone', 'a phone number', br, m.index + run.length);
      return;
    }
    const national = nationalMobile(run);
    if (!(PHONE_IN.test(run) || PHONE_MIXED.test(run) || national) || /[\w.,-]$/.test(before) || /^[.,]\d/.test(text.slice(m.index + run.length))) return;
    if (ORDER_BEFORE.test(before)) return;
    // A mobile of the main countries next to a person ("Marta Ibáñez, 612 57 03 94"), or with a phone word in the text.
    if ((cue ??= PHONE_CUE.test(text) || NATIONAL_PHONE_CUE.test(text)) || (national && PERSON_BEFORE_NUMBER.test(text.slice(Math.max(0, m.index - 48), m.index))))
      found('phone', 'a phone number', m.index, m.index + run.length);
  });
  if (/\d{6}/.test(text)) firstMatches(UNIT_POSTCODE, text, LIMIT, (m) => found('address', 'a street address', m.index, m.index + m[0].length));
  if (han && text.includes('弄')) firstMatches(ZH_LANE, text, LIMIT, (m) => found('address', 'a street address', m.index, m.index + m[0].length));
}
