// Person references the capital-letter rules in privacy-person.ts cannot see, as chat is written: a
// first name in lower case after a relation ("my boss greg just…", "my grandad ernie had…"), a name or
// nickname in brackets after a relation or another name ("dad (frank)", "Tank (Darnell)"), a lower-case
// name opening a clause before a verb that takes a person as subject ("jenna lives…"), the person an HR
// action or document is about ("letting dee go", "review notes for priyanka", "a reference for Ollie"),
// and, for a home described closely (a street, a landmark, a district), the relative themselves ("my
// mum lives above…", 妈妈一个人住在…区). There is no list of names: a word counts when its position
// makes it a person and it is not a common word. Bounded patterns, as in the rest of the detector.

import { FAMILY_EN } from './privacy-relatives.js';
import { eachMatch } from './privacy-match.js';

export interface Reference {
  start: number;
  end: number;
  gap?: number;
  /** A relative without a name: counts only next to a closely described home or a full date of birth. */
  relative?: boolean;
}

const RELATIONS = `new hire|hire|candidate|applicant|contractor|colleague|co-?worker|friend|best friend|bestie|mate|buddy|pal|boss|manager|supervisor|team lead|lead|report|direct report|neighbou?r|${FAMILY_EN}|girlfriend|boyfriend|fianc[ée]e?|bro|sis|mummy|mommy|daddy|granddad|nanna|grandson|granddaughter|ex|stepdad|stepmum|stepmom|in-laws?|mother-in-law|father-in-law|flatmate|roommate|housemate|tenant|landlord|landlady|student|pupil|patient|client|employee|intern|trainee|apprentice|teammate|assistant|nanny|carer|coach|tutor|doctor`;

// Words that stand where a name would but are not one: pronouns, determiners, verbs, adverbs, people in general.
const COMMON = new Set(
  (
    'i me my mine you your he him his she her hers it its we us our they them their this that these those there here who whom whose what which when where why how ' +
    'a an the some any all every each no not none one two both either neither other another such own same ' +
    'is am are was were be been being has have had do does did will would can could should shall may might must ' +
    'said says told tells asked asks wants wanted needs needed got gets get just also still even really actually apparently finally recently already literally basically totally ' +
    'probably usually often sometimes always never seriously definitely maybe again too very so and or but if then than because cos cause though although while as at on in of for to ' +
    'from with without about into onto over under up down out off by near after before since until like just only ever now today tomorrow yesterday tonight later soon ' +
    'someone somebody anyone anybody everyone everybody nobody noone people person guy guys man woman men women kid kids child children family folks staff team everyone ' +
    'lol ok okay yes yeah no nah hey hi hello thanks pls plz please btw fyi omg tbh idk imo well oh ah um hmm sorry wow ' +
    'boss manager friend mate colleague dad mum mom mother father wife husband partner son daughter brother sister ' +
    'new old little big good bad poor dear lovely whole other last next first second same different ' +
    'is isn aren wasn weren doesn didn don won can couldn shouldn wouldn hasn haven hadn ' +
    'things stuff something anything everything nothing work job home house place office school going gone doing done making made taking took ' +
    'lives lived living moved moving staying stays earns earned makes has had was is employees workers members candidates applicants hires interns contractors ' +
    'blind deaf disabled elderly vulnerable sick ill audiences visitors guests parents patients users customers clients students pupils readers'
  ).split(' '),
);

const DRUG_BEFORE_BRACKET = /(?:mab|nib|pril|sartan|olol|statin|azole|mycin|cillin|prazole|tide|vir|zepam|oxetine|pine|done)$/i;

/** True when a lower-case word could be a first name: not a common word, letters only. */
function nameLike(word: string): boolean {
  const w = word.toLowerCase();
  return w.length >= 2 && !COMMON.has(w) && !/(?:ing|ed|ly|tion|sion|ness|ment|ance|ence|ity|ship|ism|ies)$/.test(w);
}

// Verbs that take a person as their subject, right after a lower-case name.
const SUBJECT_VERB =
  "(?:has|had|is|was|just|got|gets|lives|lived|moved|earns|earned|makes|made|takes|took|left|joined|works|worked|told|said|says|started|starts|needs|wants|can['’]?t|won['’]?t|didn['’]?t|doesn['’]?t|isn['’]?t|wasn['’]?t|['’]s)";
// my boss greg, our intern dee, my grandad ernie: a relation, then a lower-case word that is then a clause's subject or a possessive.
// Case-sensitive, as every pattern here (the "i" flag makes them several times slower): chat writes relations in lower case.
const RELATION_LOWER = new RegExp(
  `\\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our)(?: \\w+)? (?:${RELATIONS})s?,? ([A-Za-z][a-z'-]{1,19})(?=,| \\(|['’]s\\b| ${SUBJECT_VERB}\\b)`,
  'g',
);
// dad (frank), Tank (Darnell), my mate Tank (Darnell): a name in brackets after a relation or a name.
// Case-sensitive: "Kinase C (PKC)" is an abbreviation, not a nickname.
// The match starts at " (", which is quick to find; what stands before it is checked behind.
const BRACKETED = new RegExp(` \\((?<=(?:\\b(?:${RELATIONS})|\\b[A-Z][a-z]{1,20}) \\()([A-Z]?[a-z]{2,20})\\)`, 'g');
// A lower-case name opening the message or a clause, before a verb that takes a person: "jenna lives…".
const CLAUSE_LOWER = new RegExp(
  `(?:^|[.!?\\n;]\\s{0,3}|\\b(?:lol|ok|so|btw|fyi|and|but|apparently|also|hey|omg|tbh|update:?|yeah|well|guess what)[,:]?\\s)([a-z][a-z-]{1,19})(?=['’]s\\b| ${SUBJECT_VERB}\\b)`,
  'g',
);
// A family title used as a title, as "Mr" is: "uncle ray", "aunt bev", "nana Jo".
const FAMILY_TITLE =
  /\b(?:[Uu]ncle|[Aa]unt|[Aa]untie|[Aa]unty|[Nn]an|[Nn]ana|[Nn]anna|[Gg]randma|[Gg]randpa|[Gg]ranny|[Gg]randad|[Gg]randdad) ([A-Za-z][a-z'-]{1,19})\b/g;
const FAMILY_TITLE_STEMS = ['ncle', 'unt', 'nan', 'Nan', 'gran', 'Gran'] as const;
// The person an HR action or document is about: "letting dee go", "fire raj", "review notes for priyanka", "a reference for Ollie".
const HR_OBJECT =
  /\b(?:[Ll]et(?:ting)?|[Ll]ay(?:ing)?) ([A-Za-z][a-z'-]{1,19}) (?:go|off)\b|\b[Ll]et(?:ting)? go of ([A-Za-z][a-z'-]{1,19})\b|\b(?:[Ff]ir(?:e|ing)|[Ss]ack(?:ing)?|[Pp]romot(?:e|ing)|[Dd]ismiss(?:ing)?) ([A-Za-z][a-z'-]{1,19})\b|\b(?:review|reviews|appraisal|feedback|notes|reference|referral|letter|offer|contract|payslip|warning|PIP|rating|raise|bonus) (?:for|on|about|of) ([A-Za-z][a-z'-]{1,19})\b/g;
// my mum, our dad, 妈妈, 我外婆: a relative, for a home described closely enough to find.
const RELATIVE_EN = new RegExp(`\\b(?:[Mm]y|[Oo]ur)(?: \\w+)? (?:${RELATIONS})s?\\b`, 'g');
const RELATIVE_ZH =
  /我(?:爸|妈|哥|姐|弟|妹)|我(?:阿爷|阿嫲|阿婆|阿公|阿妈|阿爸|老豆|老窦)|(?:我|我的|我们)?(?:妈妈|爸爸|母亲|父亲|老妈|老爸|外婆|外公|奶奶|爷爷|姥姥|姥爷|婆婆|公公|岳父|岳母|丈母娘|老公|老婆|哥哥|姐姐|弟弟|妹妹|儿子|女儿|前男友|前女友|男朋友|女朋友|闺蜜|舅舅|姑姑|叔叔|阿姨|表哥|表姐|堂哥|室友|邻居|同事|朋友)/g;

// The writer's own full date of birth, which a form or an application asks for ("put my date of birth as …", "I was
// born on 19 June 1988"): "my" and "I" stand for a person as "my wife" does, but only before a birth word, so that
// the writer's own home or health is read as before. A birthday without its year ("my birthday is next week") is no
// full date and stays.
const SELF_BEFORE_BIRTH = /\b(?:[Mm]y(?= (?:full )?(?:date of birth|d\.?o\.?b\b|DOB\b|birth ?date|birthday)\b)|I(?= (?:was|am|'m|’m) born\b))/g;
const SELF_BEFORE_BIRTH_ZH = /(?:我|本人)(?=的?(?:生日|出生日期|出生年月日?|出生于|出生在|生于)|是?(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号號]出生)/g;

const MAX_GAP_LOWER = 40;
const MAX_GAP_RELATIVE = 40;

/** Where group 1 (or the first group present) of a match starts. */
function groupAt(m: RegExpExecArray): [string, number] | undefined {
  for (let g = 1; g < m.length; g++) {
    const v = m[g];
    if (v !== undefined) return [v, m.index + m[0].lastIndexOf(v)];
  }
  return undefined;
}

/** Person references written without capitals or in brackets, and the people HR actions are about. */
export function findReferences(text: string, out: Reference[]): void {
  const push = (m: RegExpExecArray): void => {
    const g = groupAt(m);
    if (g !== undefined && nameLike(g[0])) out.push({ start: g[1], end: g[1] + g[0].length, gap: MAX_GAP_LOWER });
  };
  eachMatch(RELATION_LOWER, text, push);
  // A medicine's brand in brackets after its generic name ("Adalimumab (Humira)") is no nickname.
  if (text.includes(' (')) {
    eachMatch(BRACKETED, text, (m) => {
      if (!DRUG_BEFORE_BRACKET.test(text.slice(Math.max(0, m.index - 24), m.index))) push(m);
    });
  }
  eachMatch(CLAUSE_LOWER, text, push);
  if (FAMILY_TITLE_STEMS.some((stem) => text.includes(stem))) {
    eachMatch(FAMILY_TITLE, text, (m) => {
      if (nameLike(m[1]!)) out.push({ start: m.index, end: m.index + m[0].length });
    });
  }
  eachMatch(HR_OBJECT, text, push);
}

/** Relatives without a name ("my mum", 外婆), which count next to a closely described home or a full date of birth. */
export function findRelatives(text: string, chinese: boolean, out: Reference[]): void {
  eachMatch(RELATIVE_EN, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, gap: MAX_GAP_RELATIVE, relative: true }));
  if (chinese) eachMatch(RELATIVE_ZH, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, gap: MAX_GAP_RELATIVE, relative: true }));
  if (text.includes('born') || /birth|dob|DOB|D\.O\.B/.test(text)) {
    eachMatch(SELF_BEFORE_BIRTH, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, gap: MAX_GAP_RELATIVE, relative: true }));
  }
  if (chinese) eachMatch(SELF_BEFORE_BIRTH_ZH, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, gap: MAX_GAP_RELATIVE, relative: true }));
}
