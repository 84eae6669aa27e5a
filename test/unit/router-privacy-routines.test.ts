// What holdout-13's sensitive prompts showed the rules missing: where someone will be, by routine or by appointment
// (a named ex's gym mornings, a daughter's ride to school in Dutch, a husband waiting at a station tonight in
// Cantonese), a Hong Kong mobile in brackets after a name, a German street written as two words, a Turkish date of
// birth with its month in words, names keyed to birthdays in code, and a tracker log in a request to "write a Python script" (which had read as fiction).
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'where someone goes, by routine or tonight': [
    'My ex (Jordan Pike) goes to the PureGym on Deansgate every Tuesday and Thursday at 6am. When is it safe to collect my stuff?',
    'Mijn dochter Sanne (12) fietst elke ochtend om 7:45 alleen van ons huis in Lunetten naar school.',
    '我老公今晚10點喺機場快綫香港站等我，幫我寫句英文俾同事。',
  ],
  'a mobile in brackets after a name': ['幫我寫段WhatsApp訊息俾個地產經紀Kenny（9437 2816），話我哋想約星期六睇樓。'],
  'a home on a street written as two words': ['"name": "Home", "address": "Kopenhagener Str. 46, 10437 Berlin"'],
  'names keyed to birthdays in code': ['每天检查是不是家里人的生日：\nfamily = {\n    "爸爸 刘国强": "1963-10-08",\n    "老婆 陈思": "1992-06-30",\n}'],
  'a date of birth with a Turkish month': ['"Merhaba, kızım Defne Aydın 12 Mayıs 2010 doğumlu, yaz okuluna kaydını yaptırmak istiyoruz."'],
  'a tracker log in a request for code': [
    'GPS logs from my mum\'s watch (she has dementia). Can you write a Python script that alerts me when she leaves home?\n2024-07-02 14:01:12 device=MW-4471 owner="Margaret Doyle" lat=53.34419 lon=-6.26753',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'routines and meetings with no one in them': [
    'The 8:15 train goes to Utrecht every morning, is there a later one?',
    'Is it healthy to go to the gym every day?',
    'Elke ochtend fietsen naar je werk: hoeveel calorieën is dat?',
    '今晚10点在香港站有什么活动？',
  ],
  'a business’s number in brackets': ['Call Golden Dragon Restaurant (2345 6789) to book a table for Friday'],
  'dates keyed by something else': ['releases = {"Spring Update": "2024-03-12", "Autumn Update": "2024-10-01"}  # why does the birthday banner show?'],
  'a street as a place to visit': ['Kopenhagener Straße is in Prenzlauer Berg - what is there to see?'],
  'a screenplay is still fiction': ['I am writing a film script: the detective, Anna Vogel, has cancer and lives at 12 Elm Street.'],
};

describe('routines, bracketed mobiles and streets in two words (holdout-13’s misses)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
