// What holdout-18's blind run still missed after its config and false-alarm families (stop 30), by family: a relative or
// a named person in a hotel room; a date of birth in Polish, French or Spanish; a Danish mobile in pairs after
// "mobilnummer er"; a neighbour's empty house in a residents' note; hearing loss; a raise column in a pay table; the
// writer's own payslip in French; dialysis (洗腎) in Traditional Chinese. And two of the older sets' last misses: where a
// relative lives, exactly, in French or German, and a seed phrase named in pinyin. Each beside the same words when
// nobody's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a hotel room with its guest': [
    'Mum (Patricia Quayle) is in room 306 at the Travelodge Bristol Central until Sunday; write her a note with the breakfast times.',
    "Ciao Marco, sono Elena Rinaldi: fino a domenica alloggio all'Hotel Miramare, camera 112.",
  ],
  'a date of birth in another European language': [
    'Popraw mój życiorys: „Nazywam się Tomasz Lis, urodziłem się 4 kwietnia 1979 r. w Lublinie.”',
    'Je suis née le 3 mars 1985 à Lyon, quel est mon signe ?',
    'Traduce: mi padre nació el 14 de mayo de 1962 en Zaragoza.',
  ],
  'where a relative lives, exactly, in another European language': [
    'Meine Mutter wohnt in Graz, gleich neben der Post. Welche Konditorei liefert dorthin?',
    'Mon oncle habite à Lille, rue Nationale 48 — tu peux traduire son adresse pour le colis ?',
  ],
  'a seed phrase under its pinyin name': ['zhe shi wo de qian bao zhu ci ci:\nbridge muffin rural echo velvet tiny scissors globe tenant awful crane oyster'],
  'a mobile in pairs after a Nordic label': ['Oversæt: „Mit mobilnummer er 42 17 93 60 – ring hvis der sker noget.“'],
  'a neighbour’s empty house': ['- Mr Alan Pryce (no. 9) away at his son’s in Leeds until 12 April, house empty, bins to be put out'],
  'hearing loss, a raise column, a French payslip, dialysis': [
    'Requester: Tom Okoro\nDetails: Tom has hearing loss in both ears and uses hearing aids; he needs captions in meetings.',
    'Name | Team | Raise%\nLena Fischer | Ops | 3.5%\nOmar Haddad | Ops | 0%',
    'Voici ma fiche de paie de mars : salaire brut 2 980,00 €. Comment demander une augmentation ?',
    '我阿嬤現在每週都要去洗腎，請問健保有補助嗎？',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'hotels, birthdays, numbers and pay as topics': [
    'Which hotel rooms have a sea view? Is room 101 at the Grand Hotel one of them?',
    'Picasso nació el 25 de octubre de 1881 en Málaga: ¿qué pintó primero?',
    'Score was 12 10 14 15 in the four rounds; what is the average?',
    'Mi abuela vive en Sevilla. ¿Qué tiempo hace allí en agosto?',
    'Is it safe to leave a house empty for 3 months? The insurer says unoccupied after 30 days.',
    'How do hearing aids work, and what causes tinnitus?',
    'Product | Raise%\nWidget | 4%',
    'Comment lire une fiche de paie : salaire brut 3 250,00 € par exemple ?',
    '洗腎病人一週要洗幾次？健保有給付嗎？',
  ],
};

describe('hotel stays, European birth dates and phones, empty houses, payslips (holdout-18)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
