// Health terms, counted as private only in a personal context.
//
// Why not a bare word list: questions *about* medicine ("what is chemotherapy?", "癌症的早期症状",
// a clinical vignette about "a 45-year-old man") are general knowledge and the cloud may answer
// them; a bare list would keep every medical question local for no privacy gain. So a health term
// counts only when its sentence also speaks in the first person: English I/my/mine/myself, Chinese
// 我 (not 我们)/本人/自己. "My mother's chemo starts Monday", "I was diagnosed with depression",
// "我确诊了抑郁症" are private; "cancer research history" is not. The cost is on the safe side:
// "I want to learn about cancer" and "我想了解癌症" are flagged (a false positive keeps a query
// local, a false negative would send someone's health data away).
import { factored } from './privacy-factor.js';
import { findHealthRecords } from './privacy-health-records.js';

// English terms, case-insensitive. "Great Depression" and "economic depression" are history, "ST depression" an ECG;
// not health; "stroke" and "therapy" are left out because of their everyday meanings, and "surgery" counts only as
// "my (knee) surgery" (a British GP's practice is "the surgery"), medical leave only when someone is on it.
const HEALTH_EN = factored(
  /\b(?:diagnos(?:is|es|ed)|cancers?|tumou?rs?|leuka?emia|lymphoma|melanoma|carcinoma|chemo(?:therapy)?|radiotherapy|biops(?:y|ies)|(?<!(?:great|economic|reciprocal|ST|segment)\s)depression|depressed|antidepressants?|anxiety disorder|panic attacks?|bipolar|schizophreni(?:a|c)|psychosis|eating disorder|anorexia|bulimia|autism|autistic|dementia|alzheimer'?s|parkinson'?s|epilepsy|seizures?|diabet(?:es|ic)|insulin|hypertension|hepatitis|herpes|syphilis|chlamydia|gonorrh(?:o)?ea|pregnan(?:t|cy)|miscarriage|abortion|infertil(?:e|ity)|(?<!(?:glasses|spectacles?|eyeglass|lens|optical|eye) )prescriptions?|prescribed|medications?|antipsychotics?|benzodiazepines?|opioids?|painkillers?|statins?|sertraline|fluoxetine|prozac|zoloft|xanax|adderall|ritalin|metformin|oxycodone|methadone|suboxone|psychiatrist|rehab|addiction|overdosed?|suicidal|self[- ]harm|medical records?|blood tests?|lab results|blood (?:pressure|sugar|results?|work|panel|count)|bloodwork|cholesterol|HbA1c|off sick|signed off (?:sick|work)|sick note|slipped disc|due date|miscarr(?:y|ied)|endometriosis|asthma|migraines|arthritis|fibromyalgia|crohn'?s|colitis|lupus|multiple sclerosis|(?:off|be|been|am|I'm) on medical leave|my (?:[a-z]+ )?surger(?:y|ies))\b/gi,
);

// Abbreviations that are only health terms in capitals ("aids" is also a verb).
const HEALTH_EN_CAPS = /\b(?:HIV|AIDS|PTSD|ADHD|OCD|STDs?|STIs?|SSRIs?|IVF)\b/g;

// Simplified Chinese terms. Single 癌 covers 肺癌, 乳腺癌 and the rest.
const HEALTH_ZH =
  /病历|诊断|确诊|抑郁|焦虑症|艾滋病|癌|肿瘤|化疗|放疗|处方|药方|怀孕|孕期|备孕|流产|堕胎|不孕|糖尿病|高血压|心脏病|精神病|精神分裂|双相|自闭症|老年痴呆|阿尔茨海默|癫痫|乙肝|肝炎|梅毒|性病|服药|吃药|病情|住院|手术|体检报告|化验|自杀|自残|洗肾|透析|尿毒症|肾衰竭|重大伤病/g;

// First person. "I" after words that make it a Roman numeral (Type I, World War I, Henry I) is
// not, nor a list marker "(i)".
const PERSONAL_EN =
  /(?<!(?:type|stage|phase|grade|class|part|war|chapter|schedule|section|level|tier|category|act|book|volume|henry|louis|james|charles|george|william|edward|richard|elizabeth|mary|john)\s)(?<!\()\b(?:i(?!\))|my|mine|myself)\b/i;
const PERSONAL_ZH = /我(?!们)|本人|自己/;
// "my cat", "our dog": the first person owns the patient, who is not a person.
const MY_ANIMAL = /\b(?:my|our) (?:old |little )?(?:cat|dog|puppy|kitten|pet|horse|pony|rabbit|hamster|parrot|tortoise|goldfish|plant)s?\b/gi;
// A term describing someone unnamed and generic: "a pregnant colleague", "any diabetic employee".
const GENERIC_BEFORE = /\b(?:a|an|any|every|some|other)\s$/i;
// …or the unnamed someone is its subject: "a colleague is pregnant", "an employee who was diagnosed".
const GENERIC_SUBJECT_BEFORE =
  /\b(?:a|an|any|every|some)\s(?:colleague|co-?worker|employee|friend|person|woman|man|patient|child|kid|student|worker|teammate|staff member)\s(?:is|was|who is|who's|who was|becomes|became|gets|got|has been)\s(?:\w+\s)?$/i;
// A condition named as a cause, not as anyone's illness: "our Parkinson's fundraising quiz", "a cancer research run".
const CAUSE_AFTER = /^ (?:fundrais|charit|research|awareness|foundation|society|association|appeal|ribbon|quiz|walk|run\b|marathon|month\b|week\b|gala)/i;
// …or the subject is a group: "clients who have type 1 diabetes", "patients with depression", "kids that use insulin pumps".
const GENERIC_GROUP_BEFORE =
  /\b(?:clients|patients|people|students|pupils|employees|staff|kids|children|users|customers|athletes|members|residents|adults|teens|women|men)\s(?:who|with|that)\s(?:(?:have|has|are|live with|use|take|had)\s)?(?:\w+\s){0,6}$/i;
// …or one unnamed someone with it: "a pupil with type 1 diabetes", "any employee who has epilepsy"; not someone said to
// be one ("my son is a pupil with …").
const GENERIC_ONE_WITH_BEFORE =
  /(?<!\b(?:is|was|am|are|['’]s|['’]m)\s)\b(?:a|an|any|every|some)\s(?:colleague|co-?worker|employee|friend|person|woman|man|patient|child|kid|student|pupil|worker|teammate|staff member|client|customer|player|learner)\s(?:with|who has|who's got|who uses|who takes|that has)\s(?:[\w-]+\s){0,3}$/i;
const GENERIC_AFTER =
  /^\s(?:colleague|co-?worker|employee|friend|person|woman|man|women|men|people|patient|child|kid|student|worker|teammate|staff|member|applicant)s?\b/i;

/** True when "my cat" (or another animal) stands just before a health term: the animal is the patient. */
function animalBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const at = before.includes('my') || before.includes('our') ? before.search(MY_ANIMAL) : -1;
  return at >= 0 && !/[.!?;]/.test(before.slice(at));
}

// The first person that asks, not that is ill: "explain it like I'm 12 / a child" (a register, not an age), and
// in Chinese a request to the assistant at the start of a clause (帮我排版, 请帮我, 你能帮我, 替我, 教我).
// "医生帮我做了手术" (the doctor did it for me) keeps its 我: a subject stands before 帮.
const ASKING_EN =
  /\b(?:like|as if|as though) I['’]?m (?:\d{1,2}|five|ten|a (?:\w+ )?(?:child|kid|toddler|beginner|newbie|layman|layperson|novice|grandma|grandmother|student))\b/gi;
const ASKING_ZH = /(?:^|[，。！？,.!?:：；;\s]|请|你|您|能|可以|麻烦|就)(?:帮|替|教|给)我(?![妈爸爷奶姥外老公婆儿女哥姐弟妹家的])/g;

/** The sentence without the first person that only asks (see ASKING_EN, ASKING_ZH). */
function withoutAsking(sentence: string): string {
  let out = sentence;
  if (out.includes("I'm") || out.includes('I’m')) out = out.replace(ASKING_EN, ' ');
  if (out.includes('我')) out = out.replace(ASKING_ZH, ' ');
  return out;
}

// A sentence about building a form or a template ("headings like diagnosis and discharge medications"): its terms are
// field names, whoever speaks.
const TEMPLATE_TALK = /\b(?:templates?|headings?|sections|fields|columns|schema|placeholders?)\b|模板|字段|表头/i;

/** True when the sentence is in the first person about a person (not "my cat", not "explain like I'm 12", not a template's headings). */
function firstPerson(sentence: string): boolean {
  if (TEMPLATE_TALK.test(sentence)) return false;
  const own = withoutAsking(sentence.includes('my') || sentence.includes('our') ? sentence.replace(MY_ANIMAL, '') : sentence);
  return PERSONAL_EN.test(own) || PERSONAL_ZH.test(own);
}

const SENTENCE_END = /[.!?。！？\n]/;
const MAX_SENTENCE = 300;

/** True when the text speaks in the first person somewhere (a cheap gate before the term lists). */
export function hasPersonalVoice(text: string): boolean {
  return PERSONAL_EN.test(text) || PERSONAL_ZH.test(text);
}

/** The sentence around [start, end): up to the nearest sentence ends, at most MAX_SENTENCE each way. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const fromLimit = Math.max(0, start - MAX_SENTENCE);
  while (from > fromLimit && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  const toLimit = Math.min(text.length, end + MAX_SENTENCE);
  while (to < toLimit && !SENTENCE_END.test(text[to]!)) to++;
  return [from, to];
}

/** Spans of health terms whose sentence is in the first person, at most `limit` of them. */
export function findPersonalHealth(text: string, limit: number, found: (start: number, end: number) => void): void {
  // A report's person, a name's lab results, a relative's or a named person's health event: no "I" needed.
  findHealthRecords(text, found);
  if (!hasPersonalVoice(text)) return;
  let count = 0;
  // The last sentence looked at: terms in the same sentence share its answer.
  let from = -1;
  let to = -1;
  let personal = false;
  for (const re of [HEALTH_EN, HEALTH_EN_CAPS, HEALTH_ZH]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && count < limit; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (start < from || end > to) {
        [from, to] = sentenceAround(text, start, end);
        const sentence = text.slice(from, to);
        personal = firstPerson(sentence);
      }
      const generic =
        (GENERIC_BEFORE.test(text.slice(Math.max(0, start - 6), start)) && GENERIC_AFTER.test(text.slice(end, end + 16))) ||
        GENERIC_SUBJECT_BEFORE.test(text.slice(Math.max(0, start - 56), start)) ||
        GENERIC_GROUP_BEFORE.test(text.slice(Math.max(0, start - 56), start)) ||
        GENERIC_ONE_WITH_BEFORE.test(text.slice(Math.max(0, start - 56), start)) ||
        animalBefore(text, start) ||
        CAUSE_AFTER.test(text.slice(end, end + 16));
      if (personal && !generic) {
        found(start, end);
        count++;
      }
    }
  }
}
