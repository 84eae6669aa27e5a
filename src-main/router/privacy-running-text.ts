// Personal data in running text (read by findRecordsAndShapes in privacy-records.ts): pay and HR matters and a
// closely described home with a person in the same sentence, a person's home by its directions, a chat message
// about its speaker's or a relative's health, and in Chinese a relative's health and a role before a name.
// Every pattern is bounded and sits behind a cheap test of the text.
import { factored } from './privacy-factor.js';
import { eachMatch, firstMatches } from './privacy-match.js';
import { findNames, SURNAMES_ZH } from './privacy-person-names.js';
import { LIMIT, type RecordFound } from './privacy-records-common.js';
import { PERSON_LABELS } from './privacy-labels.js';
import { publishedPay } from './privacy-published.js';
import { GROUP_VALUE } from './privacy-records-fields.js';

// ---------------------------------------------------------------- pay and HR matters, a home, in running text

// HR matters strong enough that a name anywhere in the same sentence makes them someone's record.
const HR_TERM = factored(
  /\b(?:performance improvement plan|merit increase|increment|calibration|needs improvement|partially meets|written warnings?|final warning|disciplinary|redundancy|redundant|severance|notice period|probation|bonus|base (?:salary|pay)|salary|pay rise|pay cut|raise of|[£$€¥₹] ?\d[\d,.]*(?:k|K|M|m)?\b(?= base| salary| bonus| a year| per year| p\.a\.))(?![A-Za-z-])/g,
);
const HR_ABBREVIATION = /\bPIP\b/g;
// A person the sentence rules miss: the one a message is to or for ("a text to Bec", "the letter for Tan
// Wei Ling", "my reply to Akiko Yamamoto's"), and the person after an HR event's colon ("Redundancy
// consultation: Fiona McLeod"). A surname may carry an inner capital (McLeod, MacDonald, O'Neill).
const SURNAME_EN = "(?:Mc|Mac|O'|D')?[A-Z][a-z]{1,20}";
const MESSAGE_TO = new RegExp(
  `\\b(?:text|message|DM|email|e-mail|letter|note|memo|card|reply|response|feedback|review|offer|counter-?offer|consultation|meeting|1:1)(?: \\w+)? (?:to|for|with|from|about)[: ]+(?:(?:Mr|Mrs|Ms|Dr)\\.? )?[A-Z][a-z]{1,20}(?:[ -]${SURNAME_EN}){0,3}(?![A-Za-z])`,
  'g',
);
const COLON_NAME = new RegExp(`: ?[A-Z][a-z]{1,20} ${SURNAME_EN}(?![A-Za-z])`, 'g');
// A quotation that opens with a name ('Tom Brennan missed …'): the sentence rules do not take a name after a quote mark.
const QUOTED_NAME = new RegExp(`(?<=(?:^|[\\s:(])['"‘“])[A-Z][a-z]{1,20} ${SURNAME_EN}(?![A-Za-z])`, 'gm');

interface Spot {
  start: number;
  end: number;
  /** How far from a detail this person may stand (the weaker the sign of a name, the closer). */
  gap?: number;
}

// One name after a note's colon, before what it says of them ("Rota note: Siobhan off till Monday").
const COLON_SINGLE = /: ?[A-Z][a-z]{2,20}(?= (?:off|out|away|on leave|is|has|was|had|will|won['’]t|can['’]t|isn['’]t)\b)/g;
const COLON_SINGLE_NOT = /^(?:This|That|The|There|Here|It|He|She|We|They|You|What|Which|Who|Everyone|Nobody|Someone|Please|Note|Today|Tomorrow|Yesterday)$/;

/** People in the text: the name shapes of privacy-person.ts and the message and colon shapes above. */
function peopleIn(text: string): Spot[] {
  return [...findNames(text).filter((n) => n.relative !== true), ...extraPeople(text)];
}

/** The person shapes of this file only (a message's addressee, a colon's name, a quotation's and, with `speakers`, a chat speaker). */
function extraPeople(text: string, speakers = true): Spot[] {
  const out: Spot[] = [];
  firstMatches(COLON_SINGLE, text, LIMIT, (m) => {
    const name = m[0].replace(/^: ?/, '');
    if (!COLON_SINGLE_NOT.test(name)) out.push({ start: m.index + m[0].length - name.length, end: m.index + m[0].length });
  });
  firstMatches(MESSAGE_TO, text, LIMIT, (m) => out.push({ start: m.index, end: m.index + m[0].length }));
  // "Organizer: People Team" names a team.
  firstMatches(COLON_NAME, text, LIMIT, (m) => {
    if (!GROUP_VALUE.test(m[0])) out.push({ start: m.index + 1, end: m.index + m[0].length });
  });
  firstMatches(QUOTED_NAME, text, LIMIT, (m) => out.push({ start: m.index, end: m.index + m[0].length }));
  if (speakers) firstMatches(SPEAKER, text, LIMIT, (m) => out.push({ start: m.index, end: m.index + m[0].length }));
  return out;
}

// How far a sentence is looked for around a detail.
const SENTENCE_REACH = 200;

/** The line-bounded sentence around [start, end): back and forth to a full stop, question or exclamation mark before a space, or a line break. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const fromLimit = Math.max(0, start - SENTENCE_REACH);
  while (from > fromLimit && text[from - 1] !== '\n' && !(/[.!?。！？]/.test(text[from - 1]!) && /\s/.test(text[from] ?? ''))) from--;
  let to = end;
  const toLimit = Math.min(text.length, end + SENTENCE_REACH);
  while (to < toLimit && text[to] !== '\n' && !(/[.!?。！？]/.test(text[to]!) && /\s|$/.test(text[to + 1] ?? ''))) to++;
  return [from, to];
}

/** People in the sentences of the details only: in a long text, most of it is never read for names. */
function peopleAround(text: string, details: readonly Spot[]): Spot[] {
  const out: Spot[] = [];
  const seen = new Set<number>();
  for (const d of details) {
    const [from, to] = sentenceAround(text, d.start, d.end);
    if (seen.has(from)) continue;
    seen.add(from);
    for (const p of peopleIn(text.slice(from, to))) out.push({ ...p, start: p.start + from, end: p.end + from });
  }
  return out;
}

// A sentence ends at a full stop, question or exclamation mark before a space, or a blank line.
const SENTENCE_BREAK = /[.!?。！？](?:\s|$)|\n\s*\n/;
const SAME_SENTENCE_REACH = 160;

/** True when a person stands in the same sentence as [start, end), at most SAME_SENTENCE_REACH away. */
function personInSentence(text: string, people: readonly Spot[], start: number, end: number): boolean {
  return people.some((p) => {
    const [from, to] = p.end <= start ? [p.end, start] : [end, p.start];
    if (p.start < end && start < p.end) return true;
    return to - from <= (p.gap ?? SAME_SENTENCE_REACH) && !SENTENCE_BREAK.test(text.slice(from, to));
  });
}

// A chat line's speaker ("[19:02] Sofia:", "Ji-woo:"): what follows is that person speaking.
const SPEAKER = /^(?:\[[^\]\n]{1,24}\][ \t]*)?[A-Z][a-z]{1,20}(?:-[a-z]{2,10})?(?= ?:)/gm;
const SPEAKER_NOT =
  /^(?:Me|You|Bot|Agent|Support|Admin|Team|Subject|Summary|Location|Description|Note|Notes|Re|To|From|Cc|Date|Time|Speaker|User|Assistant|System|Host|Answer|Question|Example|Body|When|Where|Organi[sz]er|Attendees|Agenda|Title|Topic|Status|Priority|Update|Reminder|Action|Outcome|Context|Background|Goal|Result|Response|Reply|Message|Comment|Tip|Warning|Error|Step|Output|Input)$/;
// A home described closely: a verb of living or a home's noun, then in the same sentence a landmark, a
// floor, a block or tower, a station or an estate.
const HOME_VERB = factored(
  /\b(?:live|lives|living|moved (?:in(?:to)?|to)|moving (?:in(?:to)?|to)|stays|staying|(?:new )?(?:place|house|flat|home|apartment|condo|unit) is)\b[^.!?\n]{0,80}?\b(?:near|behind|opposite|above|below|next to|across from|beside|round the corner from|at the end of|(?:block|tower|blk) ?\w{1,4}|\d{1,3}(?:st|nd|rd|th) floor|station|estate|apartments|society|farmhouse)\b/g,
);
// "Ruth Abernathy's farmhouse, third gate past the grain silo": someone's home, then how to find it.
// The match starts at the apostrophe (rare) and looks behind it for the name.
const POSSESSIVE_HOME = new RegExp(
  `['’](?<=[A-Z][a-z]{1,20}(?: ${SURNAME_EN})?.)s (?:house|home|flat|place|farmhouse|farm|cottage|apartment|bungalow|caravan)\\b[^.!?\\n]{0,100}?\\b(?:past|behind|opposite|next to|gate|(?:Road|Rd|Street|St|Lane|Avenue|Drive|Highway|Hwy) \\d{1,5})\\b`,
  'g',
);

/**
 * HR matters and closely described homes with a person in the same sentence; a person's home by its
 * directions. Not called for an exam question or a word problem, whose people are invented.
 */
export function findInRunningText(
  text: string,
  lower: string,
  found: RecordFound,
  hrWords: boolean,
  homeWords: boolean,
  possessive: boolean,
  healthWords: boolean,
): void {
  // A health event next to a person only this file's shapes see; privacy-person.ts reads its own names with health.
  if (healthWords) {
    const events: Spot[] = [];
    firstMatches(HEALTH_EVENTS, text, LIMIT, (m) => events.push({ start: m.index, end: m.index + m[0].length }));
    if (events.length > 0) {
      // A speaker's own health is read from their message (findChatHealth), not from the line's name.
      const extra = extraPeople(text, false);
      for (const d of events) if (personInSentence(text, extra, d.start, d.end)) found('health', PERSON_LABELS.health, d.start, d.end);
    }
  }
  const hr: Spot[] = [];
  if (hrWords) {
    firstMatches(HR_TERM, lower, LIMIT, (m) => hr.push({ start: m.index, end: m.index + m[0].length }));
    firstMatches(HR_ABBREVIATION, text, LIMIT, (m) => hr.push({ start: m.index, end: m.index + m[0].length }));
  }
  const homes: Spot[] = [];
  if (homeWords) firstMatches(HOME_VERB, lower, LIMIT, (m) => homes.push({ start: m.index, end: m.index + m[0].length }));
  if (possessive) firstMatches(POSSESSIVE_HOME, text, LIMIT, (m) => found('location', PERSON_LABELS.location, m.index, m.index + m[0].length));
  if (hr.length === 0 && homes.length === 0) return;
  const people = peopleAround(text, [...hr, ...homes]).filter((p) => !SPEAKER_NOT.test(text.slice(p.start, p.end).replace(/^\[[^\]]*\]\s*/, '')));
  if (people.length === 0) return;
  for (const d of hr)
    if (personInSentence(text, people, d.start, d.end) && !publishedPay(text, d.start, d.end)) found('employment', PERSON_LABELS.employment, d.start, d.end);
  for (const d of homes) {
    // "I live …" in a chat line is the speaker's home; elsewhere a person must be in the sentence.
    const lineStart = text.lastIndexOf('\n', d.start) + 1;
    const speaker = people.some((p) => p.start === lineStart || (p.start >= lineStart && p.start < d.start && text[p.end] === ':'));
    // The person lives there: the subject, before the verb ("my cousin Anjali moved to …"), not a place after it.
    const subjects = people.filter((p) => p.end <= d.start);
    if (speaker || personInSentence(text, subjects, d.start, d.end)) found('location', PERSON_LABELS.location, d.start, d.end);
  }
}

const HEALTH_EVENT_SOURCE =
  '\\b(?:hospital|hospitali[sz]ed|ward|ICU|A&E|sepsis|surgery|operation|diagnosed|diagnosis|cancer|tumou?r|stroke|heart attack|chemo|dementia|pregnant|miscarr\\w*|seizures?|fractured?|biopsy|dialysis|rehab|ambulance|overdose|depression|antidepressants?)\\b';

// A chat message ("[18:02] Tom: mum's back in hospital…") speaks for its speaker: a relative named by a
// bare family word, or the speaker themselves, with a health event in the same message.
// The speaker may follow a time ("[18:02] Tom:", "10:41 From Priya Nair to Everyone:") and have up to three names.
const CHAT_LINE =
  /^(?:\[[^\]\n]{1,24}\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?[ \t]+)?(?:From )?[A-Z][a-z]{1,20}(?:[ -][A-Z]?[a-z]{1,20}){0,2}(?: to [A-Z][a-z]{1,20})?:[ \t]*([^\n]{1,400})$/gm;
const HEALTH_EVENTS = new RegExp(HEALTH_EVENT_SOURCE, 'gi');
const OWN_OR_KIN_EN =
  /\b(?:I|I'm|I've|my|me|mum|mom|mam|dad|nan|nana|gran|granny|grandma|grandpa|grandad|hubby|husband|wife|sis|bro|sister|brother|son|daughter|auntie|uncle)\b/i;
const HEALTH_EVENT_EN = new RegExp(HEALTH_EVENT_SOURCE, 'i');

/** A chat message about its speaker's own or a relative's health event. */
export function findChatHealth(text: string, found: RecordFound): void {
  eachMatch(CHAT_LINE, text, (m) => {
    const message = m[1]!;
    const health = HEALTH_EVENT_EN.exec(message);
    if (health === null || !OWN_OR_KIN_EN.test(message)) return;
    const start = m.index + m[0].length - message.length + health.index;
    found('health', PERSON_LABELS.health, start, start + health[0].length);
  });
}

// ---------------------------------------------------------------- Chinese: a relative's health, a role and a name

// A relative by a bare kinship word (the speaker's own: 老公住院了), then a health event in the same clause.
const ZH_KIN_HEALTH =
  /(?:老公|老婆|我妈|我爸|妈妈|爸爸|外婆|外公|奶奶|爷爷|姥姥|姥爷|婆婆|公公|岳父|岳母|姑父|姨父|姑妈|姨妈|舅舅|舅妈|姑姑|[大二三小]姨|叔叔|婶婶|伯伯|伯母|嫂子|姐夫|妹夫|女婿|儿媳|表哥|表姐|表弟|表妹|堂哥|堂姐|哥哥|姐姐|弟弟|妹妹)[^。！？\n]{0,16}?(?:住院|确诊|手术|心梗|脑梗|中风|化疗|病危|抢救|急诊|重症|ICU|癌)/g;
// A role that names the person after it (被保险人黄嘉欣, 员工：王磊), then pay, a rating or a health event in the same sentence.
const ZH_ROLE_NAME = new RegExp(
  `(?:被保险人|投保人|申请人|当事人|患者|病人|员工|职工|收件人|[：:]\\s?)[${SURNAMES_ZH}][\\u4e00-\\u9fff]{1,2}(?=[（(，,\\s]|于|因)[^。！？\\n]{0,60}?(?:年终奖|工资|月薪|年薪|奖金|绩效|评级|住院|确诊|诊断|手术|抑郁|癌|出生)`,
  'g',
);

/** In Chinese: a relative's health event; pay, a rating, a health event or a birth after a role and a name. */
export function findChinese(text: string, found: RecordFound): void {
  firstMatches(ZH_KIN_HEALTH, text, LIMIT, (m) => found('health', PERSON_LABELS.health, m.index, m.index + m[0].length));
  firstMatches(ZH_ROLE_NAME, text, LIMIT, (m) => {
    const kind = /年终奖|工资|月薪|年薪|奖金|绩效|评级/.test(m[0]) ? 'employment' : /出生/.test(m[0]) ? 'birth-date' : 'health';
    found(kind, PERSON_LABELS[kind], m.index, m.index + m[0].length);
  });
}
