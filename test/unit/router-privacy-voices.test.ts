// Families the ninth blind set showed (test/fixtures/privacy/README.md), on prompts written for these tests and
// in none of the sets: Traditional Chinese read as Simplified, an organisation speaking for itself, e-mail
// addresses written to dodge scrapers, CSV rows, addresses in capitals, "born on? It was …" and "(b. …)", and
// the textbook example named after the value.
import { describe, expect, it } from 'vitest';
import { simplifiedFold } from '../../src-main/router/privacy-traditional.js';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, string[]> = {
  'Traditional Chinese, read with the Simplified rules': ['我舅舅張志強昨天在榮總確診肺癌第二期，醫生建議先化療，我們該怎麼跟外婆說？'],
  'an e-mail address written to dodge scrapers': ['send the minutes to priya.nair [at] posteo [dot] de please', 'Kontakt: jonas (at) example-family (dot) org'],
  'a phone number in a CSV row': ['name,phone\nAlma Rivera,07700 123456\nthanks'],
  'a street address in capitals, as on an envelope': ['Deliver to: MRS K. OSEI, 18 LARCHMONT ROAD, READING RG4 7AB'],
  'a date of birth after a question, or as (b. …)': [
    'When was my son Felix born? It was 3 March 2019, I always forget the day of the week',
    'Aunt Bettina (b. 04.07.1951) needs a new bus pass',
  ],
  "a person's own details beside a company's": [
    'Invoice from Quarry Lane Ltd: please pay into my personal account GB33 BUKB 2020 1555 5555 55 instead',
    'Tidy our invoice footer: Payee: Ruth Abara (sole trader) IBAN GB33 BUKB 2020 1555 5555 55',
  ],
  'a relative, their health, pay, birth or password in German, French, Italian or Spanish': [
    'Mi hermana Lucía nació el 9 de mayo de 1994 y quiere sacar el pasaporte',
    'Meine Tochter Lena wurde ins Krankenhaus gebracht, sie hat eine Blinddarmentzündung',
    'Unsere Kollegin Petra Wolf verdient 4.100 € brutto, reicht das für den Kredit?',
    'Il mio vicino Marco mi ha dato la chiave; il mot de passe est Lavande#77 pour le wifi',
    'das Kennwort lautet Birke-2024-Ost, bitte nicht weitergeben',
  ],
  'a plate after its name in another language, a firing as "let … go", a login pair, a relative\'s pill list': [
    'La voiture de mon oncle Henri, plaque AB-482-KT, a été enlevée ce matin',
    'We let Oskar go on Friday after the audit, how do I tell his clients?',
    'The NAS: sign in as backup-admin / Tr0ut&Lake9 from the office only',
    'Tablets for my grandma this week:\n- amlodipine 5mg morning\n- furosemide 40mg morning',
  ],
  'a home by its coordinates': ['Grandad moved last month, his new house is at 53.4808, -2.2426 if the taxi asks'],
  'an id given as a key in a record': ['{"name": "Jonas Weber", "steuer_id": "47036892816"}'],
  "someone of the writer's own beside a public figure": ['My cousin Dana, like Senator Hale, was diagnosed with lymphoma in March'],
};

const SENT: Record<string, string[]> = {
  "an organisation's own address, line and account": [
    "Polish our shop notice: 'Kettle & Crumb Ltd, 9 Harbour Row, Whitby YO21 3PU. Call us on 01947 600 213.'",
    'Translate our charity appeal: Stiftung Lichtblick — IBAN DE02 1203 0000 0000 2020 51, Stichwort Winterhilfe.',
    '帮我改一下门店公告：本店地址 成都市锦江区春熙路 88 号 2 楼，订位电话 028-8666 1234。',
  ],
  "places and numbers that are no one's home": [
    'Big Ben stands at 51.5007, -0.1246, how tall is it?',
    'the model scored 0.8123, 0.7911 on the home and away splits',
    'Wie ändere ich mein Passwort bei der Sparkasse?',
  ],
  "a UK organisation's non-geographic line": ['Is 0345 300 0800 the HMRC helpline? It keeps ringing out.'],
  'the textbook value named as the example afterwards': ['Most guides take 12345678Z as their example of a DNI: walk me through how the letter is computed.'],
  "a public figure's health or birthday, by title or made public": [
    'Draft a neutral news brief: Prime Minister Ana Costa was admitted with pneumonia, her office confirmed on Monday.',
    'The singer Lorde has spoken publicly about her anxiety; write a paragraph on celebrity disclosure.',
  ],
  'documentation stock values': [
    "Use '500 Elm Street, Anytown' in the form's help text",
    'send a test mail to test@example.org from the CI job',
    'password = var.db_admin_password',
  ],
};

describe('the privacy gate reads these shapes', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);

  it('folds Traditional characters one for one, so every span stays where it was', () => {
    const text = '陳先生的電話號碼';
    const folded = simplifiedFold(text);
    expect(folded).toBe('陈先生的电话号码');
    expect(folded!.length).toBe(text.length);
    expect(simplifiedFold('陈先生的电话')).toBeUndefined();
    expect(simplifiedFold('no Chinese here')).toBeUndefined();
  });
});
