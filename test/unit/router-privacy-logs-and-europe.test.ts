// Logs that place or identify a user (user=handle beside coordinates or a date of birth, to=+1… in an SMS gateway's
// log), credentials said in other European languages or as what to key in, and health, leave and births written in
// Dutch, French and Turkish; each beside the same words with no one in them.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a log line that places or identifies a user': [
    'is he just not moving?\n2024-06-02 08:31:14 INFO gps_tracker user=zhang.lei lat=39.98421 lon=116.30672 speed=0',
    'table please\n2024-05-11T19:42:07Z device="Chloe\'s iPhone" lat=51.46213 lon=-2.58794 acc=12m',
    '2024-03-11 10:02:44 WARN [age-gate] rejected signup user=mila.rourke dob=2011-04-27 computed_age=12',
    'did the OTP arrive? sms_gateway WARN status=undelivered to=+13128462290 template=otp_login',
  ],
  'a password or a key safe’s code in another language': [
    'Das WLAN heißt Seeblick-Gast, Passwort Sonnenblume_77.',
    'Der Schlüsselkasten neben der Garage hat den Code 3816.',
    'hasło: Kwiatek!9 do wifi',
  ],
  'a code told as what to key in at a lock': [
    'the alarm panel is on the left of the door, you type four nine nine one and then hash',
    'at the gate punch in 7302 and push',
  ],
  'health, leave, pay and births in other languages': [
    '« Mon fils Hugo Marchetti est allergique aux arachides »',
    'Sanne de Vries gaat per 1 september met ouderschapsverlof',
    'Oğlum Emir Yıldız 12.05.2018 doğumlu, bu yıl okula başlayacak.',
    'raise for Kelsey approved, 68k → 74.5k from april. draft the letter',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'logs with no person in them': ['user=admin dob=2011-04-27 is our fixture default', '=+4412345678 in excel shows an error'],
  'password and code words as topics': ['Passwort vergessen, was tun?', 'Passwort Reset-Link kommt nicht an', 'Fehler code 3816 beim Login'],
  'digits typed anywhere but a lock': ['type 1234 in the search box to filter', 'press 1 for sales', 'enter 2024 in the year field of the form'],
  'health and leave as topics': ["Qu'est-ce qu'une allergie aux arachides ?", 'Hoe werkt ouderschapsverlof in Nederland?'],
};

describe('logs, other European languages and codes keyed in', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
