// What holdout-32's blind run missed (stop 33): a secret piped into `docker secret create`, npm and Sentry tokens in a
// CI variables screen, a Chinese CI variable's value after 填的是, a lock's code said as the lock's own ("our garage
// keypad is 7391"); and rooms of people away from home: a Danish boarding school's værelse, an Italian hostel's camera.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'secrets handed to tools': [
    "printf 'Pl4nk!Harbour77' | docker secret create pg_pw -\nThe service still says access denied. Why?",
    'GitLab variables:\nNPM_TOKEN  npm_Qw3Rt5Yu7Io9Pa1Sd3Fg5Hj7Kl9Zx1Cv3Bn5\nWhy is it printed in the job log?',
    'GitLab 变量 OSS_ACCESS_SECRET 填的是 Tz9mQ4wLp2Xc7Vb1Nr6Hs3Kd8Fg，为什么 job 读出来是空的？',
  ],
  'a lock’s code said as its own': ['our side gate keypad is 5820 then the tick. write a friendly note for the window cleaner'],
  'a relative’s room away from home': [
    'Min datter Freja bor på efterskolen i Ribe, værelse 22. Skriv en pakkeseddel.',
    "Mia figlia Giulia dorme all'Ostello San Marco, camera 118, durante la gita. Scrivi alla reception.",
  ],
};

const SENT: Record<string, readonly string[]> = {
  'secret commands and lock codes with nothing in them': [
    'How do I pipe a value into docker secret create without a trailing newline? printf or echo -n?',
    'GitLab variables:\nNPM_TOKEN  [masked]\nWhy is it empty on feature branches?',
    'how often should a garage keypad code be changed, and are 1234 and 0000 the ones burglars try?',
  ],
  'rooms with no one in them': ["Is the Ostello San Marco's camera 118 a dorm or a private room? Writing a school trip guide."],
};

describe('piped secrets, lock codes and rooms away from home (holdout-32)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
