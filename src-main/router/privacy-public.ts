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
