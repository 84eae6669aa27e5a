// National ids of the main countries as families (privacy-ids-world.ts) and card numbers in delimited
// rows (privacy-cards.ts): each id by its structure and check, or by its name near the value in the
// country's language, English or Chinese; the format questions, specimens and numbers in code around them
// stay clean. Every value here is invented for this test and passes its id's check.
import { describe, expect, it } from 'vitest';
import { itKeepsLocalAndSends, ruleFindings } from '../support/privacy-shapes.js';

describe('privacy gate: national ids of the main countries, by family', () => {
  itKeepsLocalAndSends(
    {
      'Europe, by name and check': [
        'hey can you put Pieter’s BSN in the HR form before lunch? it is 525965890, he mailed it to me',
        'Mijn burgerservicenummer is 774077013, kun je de brief afmaken?',
        'PESEL pacjenta: 80071987064, proszę o wypis',
        'Rijksregisternummer van mijn vader: 97788870316',
        'Meine Steuer-ID lautet 64280810778, bitte ins Formular eintragen',
        'Personalausweisnummer T692436621, gültig bis 2031',
        'o meu NIF é 206987064 para a fatura',
        'Henkilötunnus 150387-277F, please fill the Kela form',
        "Help me answer NAV: they want my son's fødselsnummer on the form. Magnus Haugen, 05061249631.",
        'Hennes personnummer är 900101-1239, kan du fylla i blanketten?',
        'My PPS number is 9120646A, can you draft the letter to Revenue?',
        'Sozialversicherungsnummer 4280 120389 bitte an die ÖGK schicken',
        'AHV-Nummer 756.5879.2243.75 für die Lohnabrechnung',
        'Patient NHS number 554 240 7218, discharged Tuesday',
        'UK driving licence no. OKAFO906214CN9PH, issued 2020',
      ],
      'Americas, Africa, Middle East': [
        'SIN: 375 975 935, please update my T4',
        'my TFN is 924 366 216 for the super fund',
        'Medicare card 3924 36621 6, ref 1',
        'her Medicare number is 4KJ7-N82-WD19, Part B starts in May',
        'CPF do cliente: 532.837.864-45',
        'CNPJ da empresa do João: 69.896.500/0001-50',
        'mi CURP es PELJ920714HJCRPN04, ¿me ayudas con el trámite?',
        'RFC: PELJ920714Z04 para la factura',
        'CUIL 27-98706428-0 de María',
        'ITIN 952-59-6589 for my tax return',
        'we have recorded your NIN 51830297416 and BVN 22761938405, kindly bring the slip',
        'my South African ID number is 9105230069088',
        'Emirates ID 784-1989-0698706-4 copy attached',
        'iqama 1031632738 expires next month',
        'TC Kimlik No: 36262114308',
        'Kenya ID no. 31874562, Huduma number pending',
        'My driver’s license number is D4417728 (California)',
      ],
      'more populous countries: Russia, Thailand, Iran, Egypt, Malaysia, Vietnam, Latin America': [
        'СНИЛС 513-204-694 41, ИНН 770931836401 — заполни анкету',
        'เลขบัตรประชาชน 3-1386-08398-35-8 ของแม่',
        'کد ملی 0096209526 برای فرم',
        'Egyptian national ID: 29406270101503',
        'MyKad 910827-14-4038, sila isi borang',
        'CCCD 079204018375 của anh Minh',
        'cédula de Camilo: 1.023.874.519',
        'DNI 28.714.093 de Juan, para la reserva',
        'Her driver license # D417-2290-3318 (Florida)',
        'Reisepass C0R8T4K72 von meinem Mann',
        'パスポート番号 TK4829173 を入力して',
      ],
      'Asia, in English, Chinese and the local language': [
        'HKID K822473(0) please scan it',
        '身分證字號 F209219030，請幫我填表',
        'マイナンバー 1298 9616 2961 を記入してください',
        '주민등록번호 870415-2418224 입니다',
        'NRIC S7504841F, FIN G4072186Q for the helper',
        'NIK 3174045208915259 untuk formulir',
        'CNIC 35202-8841736-9 for the bank form',
        'voter id RTK4829173 of my mother',
        '台胞证号码 08261934，帮我填入住登记',
        '我的社保卡号 B28441937，医保卡号 15620930478816',
        '军官证号 南字第2093817号 请填写',
        '泰国身份证号 3138608398358，帮我填签证表',
        'Joost的公民服务号 525965890，帮我填进工资表',
        '加拿大社会保险号 375 975 935，帮我写进表格',
        '阿联酋身份证号 784198906987064',
        '韩国居民登记号 870415-2418224',
        '他的国民保险号码 JT 48 29 17 C',
        '他的证件号码：K8224730（香港）',
      ],
      'distinctive shapes with their check, no name needed': [
        'please copy 532.837.864-45 into the contract for Ana',
        'fill in 756.5879.2243.75 on the payroll sheet',
        'Lucía: PELJ920714HJCRPN04, cita el martes',
        'the form says K822473(0) and the flight is on Friday',
        'helper’s pass G4072186Q, renew in March',
        '870415-2418224 김민지 서류',
        'copy attached: 784-1989-0698706-4',
        'update the account of Bilal, 35202-8841736-9',
        'hire car for Chidi Okafor, licence OKAFO906214CN9PH',
        'licence OKAFO 906214 CN9PH on the rental form',
      ],
      'an id under a record key (snake_case, camelCase, glued number)': [
        '{"national_id": "29406270101503", "name": "Amr Said"}',
        'driver_license_no: D417-2290-3318',
        'bsnNumber=525965890',
        '他的社会安全号码是 219-09-9991',
      ],
      'cards in a CSV column, JSON and a table': [
        'txn_id,cardholder,pan,status\nt_1001,Mei Lin,5262497179156609,declined\nt_1002,Omar Haddad,4539578763621486,approved',
        'id;name;card\n7;Bo Li;"4539578763621486";ok',
        '{"holder":"Mei Lin","pan":"5262497179156609"}',
        '{"customer":"Mei Lin","cards":[4539578763621486,5262497179156609]}',
        '| holder | pan |\n| Mei Lin | 5262 4971 7915 6609 |',
      ],
    },
    {
      'questions about how an id is built': [
        'how is a BSN built? what is the eleven test?',
        'what format does a CURP have, and what does each part mean?',
        'How does the DVLA build a driving licence number?',
        'NIN vs BVN: what is the difference for a Nigerian bank account?',
        '身分證字號的格式是什麼？第一個字母代表什麼？',
        'マイナンバーの桁数は？',
        'What is the structure of a Thai national id, for example 1-2345-67890-12-1?',
        'how many digits does a Russian СНИЛС have?',
      ],
      'published specimens': [
        'The DVLA specimen licence MORGA657054SM9IJ shows how the fields are laid out',
        'The textbook codice fiscale example RSSMRA85T10A562S: how is the last letter computed?',
        'For example, a CPF looks like 111.444.777-35. How are the two check digits computed?',
        'The Swiss AHV number format is 756.1234.5678.97: which digit is the check?',
        'what does an HKID look like, e.g. A123456(3)?',
        'CMS shows the example MBI 1EG4-TE5-MK73 on the new card: what do the parts mean?',
      ],
      'id-shaped numbers in code, maths, orders, ISBNs and phones': [
        'order ID 52596589 shipped; tracking 774077013',
        'const ids = [525965890, 774077013]; // sort these',
        'ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2',
        'compute 375975935 * 924366216 mod 97',
        'user ID 64280810778 cannot log in',
        'user_id: 525965890, session_id: 774077013',
        'orderNumber 36262114308 ships Monday',
        'Order #525965890 confirmed, no BSN needed for this purchase',
        'Mi factura sin IVA: 375975935 pesos, pago en junio',
        'Eid 2026: the count is 784198906987064 grains of sand',
        'pi to sixteen places is 3,1415926535897932',
        'amount,currency\n1,5262497179156609.5',
      ],
    },
  );
});

describe('privacy gate: phone numbers are not read as national ids', () => {
  it('finds a phone number as a phone, never as an id', () => {
    for (const text of ['call me on 06 12 34 56 78', 'text Ada on +44 7911 123456', 'my number is 138 0013 8123', 'call me, my number is 0791 1234 5678 9']) {
      expect(
        ruleFindings(text).filter((f) => f.startsWith('national-id')),
        text,
      ).toEqual([]);
    }
  });
});
