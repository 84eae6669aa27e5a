// Exam questions and arithmetic word problems are about invented people: the standard level leaves their
// names and details alone (Patricia's salary in a maths problem, a named patient in a board-exam vignette).

// A maths word problem: a "how many/how much" question over four or more numbers (Mark earns $10 per day…).
const WORD_PROBLEM_QUESTION = /\b(?:how (?:many|much|long|far)|what(?:['’]s| is| was| will be) the (?:total|sum|average|number))\b/i;
const NUMBER = /\d+(?:[.,]\d+)*/g;

// A rate or a multiple, as exercises give them: "$10 per hour", "twice what Lorie earns".
const WORD_PROBLEM_RATE = /\b(?:per|an hour|a day|a week|a month|each|every|twice|thrice|times|half)\b/i;

// A pasted record row (Child's name: Ibrahim Haddad | Date of birth: 2014-07-30): "how many kids are in each age group"
// over such rows is counting real records, not an exercise.
const RECORD_ROW = /(?:^|\n)[^\n|:]{1,40}: [^\n|]{1,80} \| [^\n|:]{1,40}: /;

// The writer's own family ("my daughter Ava was born on …, how many days old is she?"): exercises do not say "my".
const WRITERS_RELATIVE =
  /\b(?:my|our) (?:\w+ )?(?:daughter|son|wife|husband|partner|mum|mom|dad|mother|father|brother|sister|baby|grandma|grandmother|grandpa|grandfather|granddaughter|grandson|niece|nephew)\b/i;

/** True when the text reads as an arithmetic exercise about invented people. */
function wordProblem(text: string): boolean {
  if (!WORD_PROBLEM_QUESTION.test(text) || RECORD_ROW.test(text) || WRITERS_RELATIVE.test(text)) return false;
  NUMBER.lastIndex = 0;
  let n = 0;
  while (NUMBER.exec(text) !== null && n < 4) n++;
  return n >= 4 || (n >= 1 && WORD_PROBLEM_RATE.test(text));
}

// An exam: options A. and B. on lines one after the other, a text that ends in "Answer:" or starts with "Q: ". The
// options are the only shape that needs a pattern over the whole text; the two ends are read where they are.
const EXAM_OPTIONS = /(?:^|\n)[ \t]*\(?[Aa][.)][ \t][^\n]*\n[ \t]*\(?[Bb][.)][ \t]/;
const ANSWER_LAST = /\bAnswer:$/;

/** True for an exam question: options A. and B., or a text that starts with "Q: " or ends in "Answer:" (spaces after it aside). */
function examQuestion(text: string): boolean {
  if (text.startsWith('Q: ')) return true;
  // trimEnd drops exactly what \s matches.
  const end = text.trimEnd();
  if (end.endsWith('Answer:') && ANSWER_LAST.test(end.slice(-8))) return true;
  return EXAM_OPTIONS.test(text);
}

let lastInventedText: string | undefined;
let lastInvented = false;

/** True for an exam question or an arithmetic word problem: its people are invented. The last answer is kept: every detector asks of the same text. */
export function inventedPeople(text: string): boolean {
  if (text !== lastInventedText) {
    lastInvented = examQuestion(text) || wordProblem(text);
    lastInventedText = text;
  }
  return lastInvented;
}
