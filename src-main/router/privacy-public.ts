// Things that look like someone's data but are public: addresses everyone knows (10 Downing Street,
// 221B Baker Street), characters from fiction (Harry Potter's birthday, Sherlock Holmes's address)
// and values published for testing (Stripe's 4242… card in test mode, john.doe@example.com). A
// short list, not a list of people: it only takes back a finding the rules would otherwise make.
import { documentedAddress, publishedExample } from './privacy-takeback.js';

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
// …and of a landmark, only a home said to be there: "I live at 10 Downing Street".
const LIVES_THERE = /\b(?:I live|I['’]m living|we live|my (?:home|address|flat|house)|deliver (?:it )?to|ship (?:it )?to|send (?:it )?to)\b/i;

// A public or fictional figure's house asked about as trivia: "Ernest Hemingway's house in Key West is at 907 Whitehead
// Street. Is it true the cats still live there?", "In Breaking Bad Walter White's house is at 308 Negra Arroyo Lane. Do
// fans still visit?", "Elvis Presley's Graceland is at …; how long is the tour?". Two parts: a full name or "the X"
// owning a house just before the address (a relative, "my gran's house", is not a figure), and words of a visit, a
// museum, a show or a question of fact around it. "Tom Baker's house is at 12 Elm Street, write him a card" has no
// such words, so it stays someone's.
const FIGURE_HOUSE_BEFORE =
  /(?:\b[A-Z][\w.'’-]+ [A-Z][\w.'’-]+|\bthe [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?:['’]s?)? (?:house|home|mansion|estate|residence|apartment|flat|birthplace|childhood home|cottage|villa|ranch|farm|studio|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b[^\n.?!]{0,40}$/;
// One name alone ("Freud's house at …") may be a friend's: it needs the house to be a museum, a landmark or on tours.
const SURNAME_HOUSE_BEFORE = /\b[A-Z][a-z]+['’]s? (?:house|home|birthplace|childhood home|studio|apartment|flat)\b[^\n.?!]{0,40}$/;
const MUSEUM = /\b(?:museum|plaque|landmark|historic|heritage|open to the public|guided tours?|tourists?)\b/i;
const TRIVIA =
  /\b(?:museum|tours?|tourists?|visitors?|visit|fans|open to the public|tickets?|filming|filmed|in (?:the )?(?:show|series|film|movie|novel|book|sitcom|episode)|plaque|landmark|historic|famous|is it true|real (?:house|building|address|street)|still (?:see|visit|stand)|worth a visit)\b/i;
const TRIVIA_REACH = 160;

/** An address as FAMOUS_ADDRESSES spells it: lower case, single spaces, no trailing full stop. */
function addressKey(address: string): string {
  return address.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
}

// One of them anywhere in what was found, as its own words: "The White House, 1600 Pennsylvania Avenue NW, Washington"
// holds it with a name before and a quadrant after; "110 Downing Street" is not "10 Downing Street".
const FAMOUS_IN = new RegExp(`(?<![\\w-])(?:${[...FAMOUS_ADDRESSES].join('|')})(?![\\w-])`);

/** True for an address that is a landmark, from fiction or a public figure's house asked about, rather than claimed as someone's. */
export function famousAddress(text: string, start: number, address: string): boolean {
  const from = Math.max(text.lastIndexOf('\n', start), text.lastIndexOf('. ', start), start - 80, 0);
  // Documentation's stock town (123 Main St, Anytown) is nobody's, whoever's docs use it.
  if (/^[\s,]{0,3}(?:Anytown|Anyville|Any ?City|Sometown)\b/i.test(text.slice(start + address.length, start + address.length + 14))) return true;
  const before = text.slice(from, start);
  // The street part alone, too: "10 Downing Street, London SW1A 2AA" is found with its postcode. Only a home claimed
  // makes a landmark someone's ("How should I normalise …? Use 1600 Pennsylvania Ave NW" claims nothing).
  if (FAMOUS_IN.test(addressKey(address))) return !LIVES_THERE.test(before);
  if (CLAIMED.test(before)) return false;
  if (publicPlaceBefore(text, start)) return true;
  const around = text.slice(Math.max(0, start - TRIVIA_REACH), start + address.length + TRIVIA_REACH);
  if (FIGURE_HOUSE_BEFORE.test(before)) return TRIVIA.test(around);
  return SURNAME_HOUSE_BEFORE.test(before) && MUSEUM.test(around);
}

// An embassy's, a consulate's, a company's or an office's address, named just before it: "The US Embassy is at …",
// "Infosys headquarters: …", "Apple Japan's office is at …". A home is claimed (my, lives) and stays.
const PUBLIC_PLACE_BEFORE =
  /\b(?:embassy|consulate|high commission|headquarters|HQ|head office|offices?|campus|branch|Ltd|Pvt|Inc|LLC|Corp|GmbH|company|store|shop|mall|hotel|hospital|university|college|museum|station|airport|ministry|town hall|city hall)\b[^\n.?!]{0,50}$/i;
const HOME_BEFORE = /\b(?:lives?|living|home|house|flat|my address|our address|deliver to|ship to|send (?:it )?to)\b/i;

/** True when the words just before `start` name an embassy, a company or an office, and no home. */
export function publicPlaceBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return PUBLIC_PLACE_BEFORE.test(before) && !HOME_BEFORE.test(before);
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

// Published test values and documentation addresses are judged by one rule, privacy-takeback.ts's: these two
// keep the names the detectors call them by.

/** True when a published test card number is given in a sentence about testing or documentation, claimed by no one. */
export function documentedCard(text: string, start: number, written: string): boolean {
  return publishedExample(text, 'card', start, start + written.length);
}

/** True for an address at a domain reserved for examples (john.doe@example.com) in a sentence about examples, tests or formats. */
export function documentedEmail(text: string, start: number, address: string): boolean {
  return documentedAddress(text, start, start + address.length);
}
