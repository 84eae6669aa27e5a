// An example object in a programming question about a class or constructor: Employee(name="Alice",
// salary=50000), new Person("Bob", 1990). The values are made up to show the code, so the record rules'
// findings inside such a call are dropped at the standard level. A pasted record stays flagged: many calls,
// or words that say the data is real (an export, a dump, production).

// The question is about code that builds objects.
const CODE_QUESTION =
  /\b(?:class|constructor|__init__|dataclass|struct|getters?|setters?|compiles?|compiler|instance|instantiate|method|subclass|inheritance|kwargs|TypeError|NullPointerException)\b/;
// Words that say the objects are real data, pasted.
const REAL_DATA = /\b(?:export|dump|prod|production|payroll|backup|real (?:data|customers?|employees?)|leaked?|customer data|from (?:our|the) (?:db|database))\b/i;
// A constructor call with a quoted argument: Employee(name="Alice", …), new Student("Carol Smith", …).
const CONSTRUCTOR_CALL = /\b(?:new )?[A-Z][A-Za-z0-9_]{1,30}\((?=[^()\n]{0,200}["'])[^()\n]{0,200}\)/g;
// More calls than this are a list of records, not an example.
const MAX_TOY_CALLS = 2;

export interface Span {
  start: number;
  end: number;
}

/** The spans of a programming question's example constructor calls, or undefined when the text is not one. */
export function toyCalls(text: string): Span[] | undefined {
  if (!text.includes('(') || !CODE_QUESTION.test(text) || REAL_DATA.test(text)) return undefined;
  const calls: Span[] = [];
  CONSTRUCTOR_CALL.lastIndex = 0;
  for (let m = CONSTRUCTOR_CALL.exec(text); m !== null; m = CONSTRUCTOR_CALL.exec(text)) {
    calls.push({ start: m.index, end: m.index + m[0].length });
    if (calls.length > MAX_TOY_CALLS) return undefined;
  }
  return calls.length > 0 ? calls : undefined;
}
