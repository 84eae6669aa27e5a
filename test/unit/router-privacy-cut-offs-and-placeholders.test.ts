// What holdout-31's and -32's blind runs kept local for nothing (stop 33): an age group's cut-off ("born on or after
// 1 September 2011"), a log line's timestamp in a birthday mailer's log, "if a plate is YK19 FHU" in a question of how
// plates work, a cancer support charity, a sandbox's "1 Test Street", a contract's 某某路, and a German question about
// sick notes in general ("bei einer Krankmeldung").
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a birthday, also with its time': [
    'RSVP note: our daughter Elin Rowe was born on 9 October 2018, so she needs a child meal.',
    "mongosh: { name: 'Ffion Dale', dob: ISODate('1989-11-02T23:00:00Z') } — why is the birthday a day early?",
  ],
  'the writer’s own sick note in German': ['Ich bin seit Montag krankgeschrieben, die Krankmeldung hat mein Hausarzt geschickt. Wie sage ich es dem Chef?'],
  'a relative’s cancer': ['My dad Glyn Harris starts chemo for bowel cancer next week; where can he park near the hospital?'],
};

const SENT: Record<string, readonly string[]> = {
  'cut-offs and timestamps': [
    'If U11 for the 2025/26 season means born on or after 1 September 2015, where does a child born in October 2016 play?',
    'Birthday mailer log:\n[2025-03-04 07:00:01] loaded 822 customers\n[2025-03-04 07:00:02] matches today: 0\nAnything wrong?',
  ],
  'questions of format and placeholders': [
    'How do UK number plates work? If a plate is LM21 RTA, does LM mean London and 21 mean March 2021?',
    'Sandbox shipment fails with 422: {"recipient": {"name": "Sandbox Recipient", "street": "1 Test Street", "postcode": "B1 1AA"}}',
    '合同上写"某某路 88 弄 3 号 5 楼"，门牌是"501 室"，公积金提取会被退回吗？',
  ],
  'illnesses as causes and rules': [
    "Which budget hotels are near the Royal Infirmary? I'm writing a travel guide for our cancer support charity.",
    'Muss ich meinem Arbeitgeber bei einer Krankmeldung die Diagnose nennen?',
  ],
};

describe('cut-offs, timestamps and placeholders (holdout-31 and -32)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
