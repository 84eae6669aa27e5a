// What holdout-29's and -30's blind runs showed, second part (stop 32): misses of a Czech address with its 3 + 2
// postcode, a Spanish street whose name has "de la" in it, an Italian plate after "targata"; false alarms on a
// school's office line, a national emergency number, dummy numbers from fixtures, an example said to be invented,
// public birthdays said to be public, and a format question about what a plate's letters mean.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'addresses and plates in Czech, Spanish and Italian': [
    'Napiš dopis na úřad: bydlím na adrese Veveří 112, 616 00 Brno, byt č. 4.',
    'Me mudé a la calle Sant Joan de la Salle 22, 08022 Barcelona; ayúdame a avisar al banco.',
    'Il mio vicino parcheggia la sua Golf grigia targata GH 731 RT davanti al mio cancello.',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'organisations’ and public lines': [
    'Check this entry form: contact via the music school office on 0118 496 0321 on the day.',
    'What is the UK national gas emergency number — 0800 111 999? Is it free from mobiles?',
    'Which of these are valid E.164? "+353870000000", "0034 600 000 000". These are dummy numbers from our fixtures.',
  ],
  'examples, public facts and format questions': [
    '¿Qué indemnización corresponde por un despido improcedente? Explícalo con un ejemplo inventado.',
    'Quiz for a school display, public dates only: Alan Turing — 23 June 1912, Tim Berners-Lee — 8 June 1955.',
    'what do the letters and numbers in a UK number plate like LK19 XRT actually mean, and which part is the year?',
  ],
};

describe('addresses, plates and public lines (holdout-29 and -30)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
