// What holdout-27's and -28's blind runs showed of misses, second part (stop 32): the writer's own pay in Dutch
// (brutoloon), own illness in Dutch and Finnish (gediagnosticeerd, todettiin, sairausloma); a Chinese name right after
// its team before a review period (后端组王思远本年度); 柏 as a surname, and a preterm baby's screening (早产, 听力筛查);
// an allegation against a named person (举报, "raising a concern that"); a French address with its town (à Angers); a
// hall's or dorm's room with its person; coordinates said to be the writer's front door. The same words with nobody in
// them stay clean. And (holdout-30) the writer's own dismissal in Spanish and German, not said as a what-if.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the writer’s own pay and illness in Dutch and Finnish': [
    'Ik ben ontslagen. Mijn laatste brutoloon was € 3.620 per maand; hoeveel WW krijg ik?',
    'Ik ben vorige maand gediagnosticeerd met reuma. Welke oefeningen helpen?',
    'Olen Mikko Laine. Minulla todettiin keväällä astma, ja lääkäri kirjoitti sairauslomaa kaksi viikkoa.',
  ],
  'the writer’s own dismissal in Spanish and German (holdout-30)': [
    'Me llamo Carmen Ruiz y hoy mi jefa me ha dicho que me despiden a final de mes. ¿Cómo pido la carta de despido?',
    'Mir wurde gestern nach sechs Jahren gekündigt. Hilf mir, um ein Arbeitszeugnis zu bitten.',
  ],
  'Chinese names by their team, new surnames and newborn care': [
    '校准会纪要：测试组陈立新本年度绩效定为C，年终奖减半。',
    '我女儿柏雨桐是 34 周早产，在新生儿科住过一周，听力筛查右耳没通过。',
  ],
  'allegations against a named person': [
    'For the ethics hotline: I’m raising a concern that our site supervisor, Gavin Rowe, has been signing off hours nobody worked.',
    '帮我润色：本人实名举报财务部经理柏国强挪用公款。',
  ],
  'homes given by town or room, and coordinates of a front door': [
    'Écris un mot pour la crèche : ma fille Léa dort chez sa mère, 14 rue des Acacias à Nantes, un week-end sur deux.',
    'My daughter Mia Chen is in Elmfield Hall, block B, room 118 — can I send her a parcel there?',
    'Ich wohne seit Oktober im Studentenwohnheim am Stadtpark, Zimmer 2.07. Wie melde ich mich um?',
    'My Garmin runs all begin at 53.80012, -1.54911, which is my front door. How big should the privacy zone be?',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'pay, illness and reviews in general': [
    'Hoe wordt de WW berekend als je laatste brutoloon hoger was dan het maximumdagloon?',
    'Wat betekent het als iemand gediagnosticeerd wordt met reuma?',
    '绩效校准会一般怎么开？各组本年度绩效分布要符合 20/70/10 吗？',
    '早产儿的听力筛查没通过一般要多久复筛？',
  ],
  'dismissal as a what-if': ['¿Qué pasa si me despiden estando de baja médica?', 'Was passiert, wenn mir in der Probezeit gekündigt wird?'],
  'reporting in general': ['How do I raise a concern through a whistleblowing portal, and is it anonymous?', '举报信一般怎么写才有效？'],
  'public places and rooms with no one in them': [
    'Le musée des Beaux-Arts est au 14 rue du Musée ; à quelle heure ouvre-t-il ?',
    'Lecture 4 is in Elmfield Hall, room 118, at 10am — is there step-free access?',
    'What do the coordinates 53.80012, -1.54911 point to? It is a park near the station.',
  ],
};

describe('own words in other languages, teams, rooms and allegations (holdout-27 and -28)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
