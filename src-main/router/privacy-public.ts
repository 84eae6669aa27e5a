// Things that look like someone's data but are public: addresses everyone knows (10 Downing Street,
// 221B Baker Street), characters from fiction (Harry Potter's birthday, Sherlock Holmes's address)
// and values published for testing (Stripe's 4242… card in test mode, john.doe@example.com). A
// short list, not a list of people: it only takes back a finding the rules would otherwise make.

// Lower case, the street number and name as written on the door.
const FAMOUS_ADDRESSES = new Set([
  '10 downing street',
  '11 downing street',
  '221b baker street',
  '1600 pennsylvania avenue',
  '1600 pennsylvania ave',
  '742 evergreen terrace',
  '4 privet drive',
  '12 grimmauld place',
  '124 conch street',
  '1600 amphitheatre parkway',
  '1 infinite loop',
  '350 fifth avenue',
]);

// Someone who says they live there or wants something sent there means it as their own address.
const CLAIMED = /\b(?:I|I'm|I've|my|me|we|our|us|send|ship|deliver|post|mail|return)\b/i;

/** True for an address that is a landmark or from fiction, asked about rather than claimed as someone's. */
export function famousAddress(text: string, start: number, address: string): boolean {
  if (!FAMOUS_ADDRESSES.has(address.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' '))) return false;
  const from = Math.max(text.lastIndexOf('\n', start), text.lastIndexOf('. ', start), start - 80, 0);
  return !CLAIMED.test(text.slice(from, start));
}

// Characters from fiction, as the two words the name rules would take for a person.
const FICTIONAL = new Set([
  'Harry Potter',
  'Hermione Granger',
  'Ron Weasley',
  'Albus Dumbledore',
  'Sherlock Holmes',
  'John Watson',
  'James Bond',
  'Bruce Wayne',
  'Clark Kent',
  'Peter Parker',
  'Tony Stark',
  'Michael Scott',
  'Homer Simpson',
  'Frodo Baggins',
  'Bilbo Baggins',
  'Luke Skywalker',
  'Darth Vader',
  'Jon Snow',
  'Walter White',
  'Gregory House',
  'Jason Bourne',
  'Lara Croft',
  'Mickey Mouse',
  'Santa Claus',
  'Elizabeth Bennet',
  'Jay Gatsby',
  'Atticus Finch',
  'Holden Caulfield',
  'Don Draper',
  'Ted Lasso',
]);

/** True when a two-word name is a well-known character from fiction. */
export function fictionalName(name: string): boolean {
  return FICTIONAL.has(name.replace(/['’]s$/, ''));
}

// Card numbers the card networks and payment providers publish for testing.
const TEST_CARDS = new Set(['4242424242424242', '4000056655665556', '5555555555554444', '2223003122003222', '5200828282828210', '378282246310005', '6011111111111117']);
// The sentence says it is a test or documentation value.
const TEST_CONTEXT = /\b(?:test(?:ing)? (?:mode|card|number|environment|key)|sandbox|docs|documentation|in test|stripe|dummy)\b/i;

/** Whether the text within 80 characters of a value (at `start`, `length` long) says it is a test or documentation value. */
function inTestContext(text: string, start: number, length: number): boolean {
  return TEST_CONTEXT.test(text.slice(Math.max(0, start - 80), start + length + 80));
}

/** True when a published test card number is given in a sentence about testing or documentation. */
export function documentedCard(text: string, start: number, written: string): boolean {
  return TEST_CARDS.has(written.replace(/[ -]/g, '')) && inTestContext(text, start, written.length);
}

// The stock names of documentation e-mail addresses at a reserved domain (RFC 2606).
const DOCUMENTED_EMAIL = /^(?:john|jane|joe|j)[._]?(?:doe|smith|bloggs)@(?:[\w-]+\.)*example\.(?:com|net|org)$/i;

/**
 * True for a documentation placeholder address such as john.doe@example.com, in a sentence about
 * testing or documentation: "write to jane.doe@example.com" may stand for a real address.
 */
export function documentedEmail(text: string, start: number, address: string): boolean {
  return DOCUMENTED_EMAIL.test(address) && inTestContext(text, start, address.length);
}
