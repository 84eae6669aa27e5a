// What holdout-21's and holdout-22's blind runs showed of health, HR, births and homes (stop 31). Missed: the writer's
// own condition or pregnancy in Italian and German (ipotiroidismo, Morbus Crohn, "sono incinta", "prendo", "nehme"),
// "Ich verdiene aktuell …", a Swedish notice of dismissal, a probation extension in a letter whose salutation followed a
// blank line, wages transferred to a named person (转账给 马春燕 … 工资), a kindergarten form's 既往病史 under 幼儿姓名,
// a Finnish "syntymäaikani", a Keycloak export's birthdate beside firstName, a chat's "at kasia's, the flat above the
// launderette", liveaboards on berth C14, "no estaremos en casa (ático B del número 12)", a Taiwanese plate after 車牌,
// and an address percent-encoded in a URL. Each beside the same words with nobody's detail in them.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the writer’s own health and pay in other languages': [
    "Sono Giulia Ferraro, vorrei il rinnovo della ricetta per la levotiroxina che prendo per l'ipotiroidismo di Hashimoto.",
    'Sono Giulia Ferraro, sono incinta di 14 settimane (gravidanza a rischio per placenta bassa).',
    'Ich habe seit drei Jahren Morbus Crohn und nehme wieder Budesonid, deshalb bin ich Dienstag nicht da.',
    'Ich verdiene aktuell 4.850 € brutto im Monat als Pflegefachkraft in Leipzig.',
  ],
  'HR said of or to a named person': [
    'Vi har varslat Johan Lindgren på lagret om uppsägning på grund av arbetsbrist.',
    'Please proofread this letter:\n\nDear Karim,\n\nI am writing to confirm that your probationary period will be extended by three months.',
    '3月5日 转账给 马春燕 ¥6,800 备注「2月工资」',
  ],
  'forms and records with a name': [
    '幼儿姓名：吴可欣\n既往病史：热性惊厥 2 次',
    'Nimeni on Aino Lehtonen ja syntymäaikani on 3.7.1991, voisitteko korjata sen?',
    '{ "firstName": "Olumide", "lastName": "Adeyemi", "attributes": { "birthdate": ["1987-10-03"] } }',
  ],
  'homes and cars': [
    "[23:49] jules: still at kasia's, the flat above the launderette on Gower St, 2nd floor",
    'Callum and Jess Fairweather have been living on their narrowboat Kestrel, berth C14, since March.',
    'Aviso que del 3 al 17 de agosto no estaremos en casa (ático B del número 12); mi cuñado tiene llave.',
    '我弟廖冠宇那台車牌 BKR-3617 的白色 Altis 被拖吊了',
  ],
  'an address in a URL': ['https://app.example-crm.io/auth/callback?login_hint=marguerite.duval%40gmail.com&error=invalid_request'],
};

const SENT: Record<string, readonly string[]> = {
  'the same topics, nobody’s': [
    "Che cos'è l'ipotiroidismo di Hashimoto e come si cura?",
    'Was ist Morbus Crohn, wie unterscheidet er sich von Colitis ulcerosa?',
    'Hur lång är uppsägningstiden enligt LAS efter åtta års anställning?',
    '微信转账给商家¥6,800 备注货款，怎么开发票？',
    '狂犬疫苗一共要打几针？被狗抓了要不要打？',
    'What does "berth C14" mean on a marina map?',
    '台灣的車牌 ABC-1234 這種格式是什麼時候開始用的？',
    'https://app.io/callback?login_hint=user%40example.com&error=invalid_request',
  ],
};

describe('first-person health and pay in Europe, named HR, forms, homes, plates, encoded addresses (holdout-21 and -22)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
