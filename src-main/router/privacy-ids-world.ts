// National ids of the main countries, as families: each id is found by its real structure and check
// digit where it has one (a standalone shape when the shape is distinctive: 756.xxxx.xxxx.xx, a
// CURP, an HKID with its bracketed check), else by the id's name near the value, in the country's
// language, English or Chinese ("BSN … it's 109433476", "NIN 48291037562", "台胞证号码 …"). A name
// alone is not enough: the value must pass that id's check or length rule, so "how is a BSN built?"
// and an order number next to the word "ID" stay clean. Compiled once, bounded, look-behind anchored.
import { eachMatch } from './privacy-match.js';
import { factored } from './privacy-factor.js';
import { belgianIdValid, bsnValid, peselValid } from './privacy-id-checks.js';
import {
  aeEmiratesIdValid,
  arCuitValid,
  atSvnrValid,
  auMedicareValid,
  auTfnValid,
  brCnpjValid,
  brCpfValid,
  caSinValid,
  chAhvValid,
  deTaxIdValid,
  dePersonalausweisValid,
  egIdValid,
  irNationalCodeValid,
  myKadValid,
  ruInnValid,
  ruSnilsValid,
  thIdValid,
  dkCprValid,
  fiHetuValid,
  hkidValid,
  idNikValid,
  iePpsnValid,
  jpMyNumberValid,
  krRrnValid,
  mxCurpValid,
  mxRfcValid,
  nhsValid,
  ptNifValid,
  saIdValid,
  sgNricValid,
  templateDigits,
  trKimlikValid,
  twIdValid,
  ukDrivingLicenceValid,
  usItinValid,
  zaIdValid,
} from './privacy-id-checks-world.js';

type Found = (label: string, start: number, end: number) => void;

// Specimens the issuers and textbooks publish (the DVLA's licence, the Agenzia's codice fiscale, the
// CRA's SIN, the BMF's Steuer-ID, …), compact and upper case: nobody's, wherever they appear.
const SPECIMENS = new Set([
  'MORGA657054SM9IJ',
  'RSSMRA85T10A562S',
  'RSSMRA80A01H501U',
  '111222333',
  '123456782',
  '046454286',
  '9434765919',
  '86095742719',
  'T220001293',
  'L01X00T47',
  '7561234567897',
  '131052308T',
  '12345678909',
  '11144477735',
  '11222333000181',
  '1237010180',
  '1234567T',
  '1234567FA',
  'A123456789',
  'S1234567D',
  '123456789018',
  '10000000146',
  'GODE561231HDFRRN09',
  'HEGG560427MVZRRL04',
  'VECJ880326XXX',
  '1EG4TE5MK73',
]);

/** True for an issuer's or a textbook's published specimen at [start, end), shown as an example and claimed by nobody ("my BSN is 111222333" still counts). */
export function shownSpecimen(text: string, start: number, end: number): boolean {
  if (
    !SPECIMENS.has(
      text
        .slice(start, end)
        .replace(/[ ./()-]/g, '')
        .toUpperCase(),
    )
  )
    return false;
  // A specimen is also an example when the question is whether it is valid ("is 943 476 5919 a valid NHS number?").
  const window = text.slice(Math.max(0, start - 100), Math.min(text.length, end + 60));
  return (EXAMPLE_NEAR.test(window) || /\b(?:valid|invalid|check|real)\b/i.test(window)) && !CLAIMED.test(window);
}

interface IdFamily {
  /** What was found, for people. */
  label: string;
  /** True when the compact, upper-case value is this id. */
  valid: (compact: string) => boolean;
  /** A check digit makes a chance match rare, so the name may stand further from the value. */
  checked: boolean;
}

/** Letters and digits of some length with enough digits, not a template (000000, 123456): ids without a check. */
function plain(min: number, max: number, minDigits: number): (s: string) => boolean {
  return (s) => {
    if (s.length < min || s.length > max) return false;
    const digits = s.replace(/\D/g, '');
    return digits.length >= minDigits && !templateDigits(digits);
  };
}

const F = {
  bsn: { label: 'a Dutch citizen service number (BSN)', valid: bsnValid, checked: true },
  be: { label: 'a Belgian national register number', valid: belgianIdValid, checked: true },
  deTax: { label: 'a German tax id (Steuer-ID)', valid: deTaxIdValid, checked: true },
  deCard: { label: 'a German identity card number', valid: dePersonalausweisValid, checked: true },
  ptNif: { label: 'a Portuguese tax number (NIF)', valid: ptNifValid, checked: true },
  pesel: { label: 'a Polish PESEL number', valid: peselValid, checked: true },
  dkCpr: { label: 'a Danish CPR number', valid: dkCprValid, checked: false },
  fiHetu: { label: 'a Finnish personal identity code', valid: fiHetuValid, checked: true },
  iePpsn: { label: 'an Irish PPS number', valid: iePpsnValid, checked: true },
  atSvnr: { label: 'an Austrian social insurance number', valid: atSvnrValid, checked: true },
  chAhv: { label: 'a Swiss AHV number', valid: chAhvValid, checked: true },
  nhs: { label: 'an NHS number', valid: nhsValid, checked: true },
  ukDl: { label: 'a UK driving licence number', valid: ukDrivingLicenceValid, checked: true },
  licence: { label: 'a driving licence number', valid: plain(5, 16, 5), checked: false },
  itin: { label: 'a US taxpayer id (ITIN)', valid: usItinValid, checked: true },
  caSin: { label: 'a Canadian Social Insurance Number', valid: caSinValid, checked: true },
  auTfn: { label: 'an Australian tax file number', valid: auTfnValid, checked: true },
  auMedicare: { label: 'an Australian Medicare number', valid: auMedicareValid, checked: true },
  usMbi: {
    label: 'a US Medicare number',
    valid: (s: string) => /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/.test(s),
    checked: false,
  },
  cpf: { label: 'a Brazilian CPF number', valid: brCpfValid, checked: true },
  cnpj: { label: 'a Brazilian CNPJ number', valid: brCnpjValid, checked: true },
  curp: { label: 'a Mexican CURP', valid: mxCurpValid, checked: true },
  rfc: { label: 'a Mexican tax id (RFC)', valid: mxRfcValid, checked: true },
  cuit: { label: 'an Argentine CUIL/CUIT', valid: arCuitValid, checked: true },
  dni: { label: 'a national id number', valid: plain(7, 8, 7), checked: false },
  ngNin: { label: 'a Nigerian National Identification Number', valid: plain(11, 11, 11), checked: false },
  ngBvn: { label: 'a Nigerian Bank Verification Number', valid: plain(11, 11, 11), checked: false },
  za: { label: 'a South African id number', valid: zaIdValid, checked: true },
  ae: { label: 'an Emirates ID number', valid: aeEmiratesIdValid, checked: true },
  sa: { label: 'a Saudi national id or iqama number', valid: saIdValid, checked: true },
  tr: { label: 'a Turkish identity number', valid: trKimlikValid, checked: true },
  voter: { label: 'an Indian voter id (EPIC)', valid: (s: string) => /^[A-Z]{3}\d{7}$/.test(s), checked: false },
  cnic: { label: 'a Pakistani CNIC number', valid: plain(13, 13, 13), checked: false },
  bdNid: { label: 'a Bangladeshi national id', valid: (s: string) => /^(?:\d{10}|\d{13}|\d{17})$/.test(s) && !templateDigits(s), checked: false },
  hk: { label: 'a Hong Kong identity card number', valid: hkidValid, checked: true },
  tw: { label: 'a Taiwanese id number', valid: twIdValid, checked: true },
  jp: { label: 'a Japanese Individual Number (My Number)', valid: jpMyNumberValid, checked: true },
  kr: { label: 'a Korean resident registration number', valid: (s: string) => krRrnValid(s, false), checked: false },
  sg: { label: 'a Singapore NRIC/FIN', valid: sgNricValid, checked: true },
  nik: { label: 'an Indonesian NIK', valid: idNikValid, checked: true },
  ruSnils: { label: 'a Russian SNILS number', valid: ruSnilsValid, checked: true },
  ruInn: { label: 'a Russian tax number (INN)', valid: ruInnValid, checked: true },
  th: { label: 'a Thai national id', valid: thIdValid, checked: true },
  ir: { label: 'an Iranian national code', valid: irNationalCodeValid, checked: true },
  eg: { label: 'an Egyptian national id', valid: egIdValid, checked: true },
  my: { label: 'a Malaysian MyKad number', valid: myKadValid, checked: true },
  vn: { label: 'a Vietnamese citizen id', valid: (s: string) => /^(?:\d{9}|\d{12})$/.test(s) && !templateDigits(s), checked: false },
  // Ids without a public check: Kenya's ID, China's permits and service ids, social and health insurance numbers, tax ids.
  id: { label: 'a national id number', valid: plain(6, 18, 6), checked: false },
  social: { label: 'a social or health insurance number', valid: plain(6, 20, 6), checked: false },
  tax: { label: 'a tax id', valid: plain(8, 15, 8), checked: false },
} satisfies Record<string, IdFamily>;

// Each name of an id and the families it may introduce; `upper`: an acronym that counts only in
// capitals (SIN, NIN and NIK are words or names in lower case).
const NAMES: ReadonlyArray<{ re: RegExp; upper?: true; families: readonly IdFamily[] }> = [
  { re: /^(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)$/i, families: [F.bsn] },
  { re: /^(?:rijksregisternummer|numéro national|numero national|national register number|identificatienummer)$/i, families: [F.be] },
  { re: /^(?:steuer-?id|steueridentifikationsnummer|steuerliche identifikationsnummer|identifikationsnummer|idnr)$/i, families: [F.deTax] },
  { re: /^(?:personalausweis(?:nummer)?|ausweisnummer|ausweis-nr|ausweis)$/i, families: [F.deCard] },
  { re: /^(?:nif|contribuinte|número de contribuinte|numero de contribuinte)$/i, upper: true, families: [F.ptNif] },
  { re: /^pesel$/i, families: [F.pesel] },
  { re: /^(?:cpr|cpr-nummer|cpr-nr)$/i, upper: true, families: [F.dkCpr] },
  { re: /^(?:hetu|henkilötunnus|henkilotunnus|sotu|personal identity code)$/i, families: [F.fiHetu] },
  { re: /^(?:ppsn?|pps number|personal public service)$/i, upper: true, families: [F.iePpsn] },
  {
    re: /^(?:svnr|sv-nummer|sozialversicherungsnummer|versicherungsnummer|e-card)$/i,
    families: [F.atSvnr, F.social],
  },
  { re: /^(?:ahv|avs|ahv-nummer|ahv-nr|numéro avs)$/i, families: [F.chAhv] },
  { re: /^(?:nhs|nhs number|nhs no)$/i, upper: true, families: [F.nhs] },
  {
    re: /^(?:driving licen[cs]e|driver'?s licen[cs]e|drivers licen[cs]e|driver licen[cs]e|licen[cs]e (?:no|number)|führerschein|permis de conduire|carnet de conducir|permiso de conducir|rijbewijs|patente|驾驶证|驾照|驾驶执照|駕照|運転免許証?)$/i,
    families: [F.ukDl, F.licence],
  },
  { re: /^dl$/i, upper: true, families: [F.ukDl, F.licence] },
  { re: /^itin$/i, upper: true, families: [F.itin] },
  { re: /^(?:sin|nas)$/i, upper: true, families: [F.caSin] },
  { re: /^(?:social insurance number|numéro d'assurance sociale)$/i, families: [F.caSin] },
  { re: /^(?:tfn|tax file number)$/i, families: [F.auTfn] },
  { re: /^(?:medicare|mbi|medicare beneficiary identifier)$/i, families: [F.auMedicare, F.usMbi, F.social] },
  { re: /^(?:cpf|cadastro de pessoas físicas)$/i, families: [F.cpf] },
  { re: /^cnpj$/i, families: [F.cnpj] },
  { re: /^curp$/i, families: [F.curp] },
  { re: /^(?:rfc|registro federal de contribuyentes)$/i, upper: true, families: [F.rfc] },
  { re: /^(?:cuil|cuit)$/i, families: [F.cuit] },
  { re: /^(?:dni|documento nacional de identidad)$/i, upper: true, families: [F.dni] },
  { re: /^(?:nin|nimc|national identification number)$/i, upper: true, families: [F.ngNin] },
  { re: /^(?:bvn|bank verification number)$/i, families: [F.ngBvn] },
  { re: /^emirates id$/i, families: [F.ae] },
  { re: /^eid$/i, upper: true, families: [F.ae] },
  { re: /^(?:iqama|muqeem)$/i, families: [F.sa] },
  { re: /^(?:tc kimlik|t\.c\. kimlik|kimlik no|kimlik numarası|tckn|tc no|tc kimlik no)$/i, families: [F.tr] },
  { re: /^(?:voter id|voter card)$/i, families: [F.voter] },
  { re: /^epic$/i, upper: true, families: [F.voter] },
  { re: /^(?:cnic|nicop|computerized national identity card)$/i, families: [F.cnic] },
  { re: /^nid$/i, upper: true, families: [F.bdNid] },
  { re: /^(?:hkid|香港身份证|香港身份證|身份證)$/i, families: [F.hk, F.tw] },
  { re: /^(?:身分證|身分证|統一證號|统一证号)$/, families: [F.tw] },
  // "My Number" only as the card names it: "my number is …" is a phone.
  { re: /^(?:マイナンバー|個人番号|My Number)$/, families: [F.jp] },
  { re: /^(?:주민등록번호|주민번호|rrn|resident registration number)$/i, families: [F.kr] },
  { re: /^(?:nric|fin)$/i, upper: true, families: [F.sg, F.my] },
  { re: /^(?:mykad|ic no|ic number|kad pengenalan)$/i, families: [F.my] },
  { re: /^(?:снилс|snils)$/i, families: [F.ruSnils] },
  { re: /^(?:инн|inn)$/i, upper: true, families: [F.ruInn] },
  { re: /^(?:thai id|เลขประจำตัวประชาชน|เลขบัตรประชาชน|บัตรประชาชน)$/i, families: [F.th] },
  { re: /^(?:کد ملی|كد ملي|national code|melli code|code melli)$/i, families: [F.ir] },
  // Chinese names for any country's id card or id number ("泰国身份证号", "他的证件号码").
  {
    re: /^(?:身份证号|身份证号码|居民身份证|公民身份号码|证件号|证件号码|个人识别号)$/,
    families: [F.hk, F.tw, F.ae, F.za, F.tr, F.sa, F.eg, F.th, F.ir, F.my, F.kr, F.id],
  },
  { re: /^(?:公民服务号|公民服务号码)$/, families: [F.bsn] },
  { re: /^(?:社会保险号|社会保险号码|社会保险卡号)$/, families: [F.caSin, F.social] },
  { re: /^(?:个人编号|个人编号卡)$/, families: [F.jp] },
  { re: /^(?:居民登记号|居民登录号|住民登录号|居民登记号码)$/, families: [F.kr] },
  { re: /^(?:国民身份号码|国民身份证号|国家身份证号)$/, families: [F.ngNin, F.za, F.id] },
  { re: /^(?:银行验证号|银行验证码)$/, families: [F.ngBvn] },
  { re: /^(?:税务档案号|个人税号|税务编号)$/, families: [F.auTfn, F.deTax, F.ptNif, F.ruInn, F.tax] },
  { re: /^(?:الرقم القومي|egyptian id|egyptian national id)$/i, families: [F.eg] },
  { re: /^(?:cccd|cmnd|căn cước|can cuoc|chứng minh nhân dân)$/i, families: [F.vn] },
  {
    re: /^(?:national id|national identity|identity card|id card|cédula|cedula|carte d'identité|carta d'identità|documento de identidad|dowód osobisty|numer dowodu|fayda)$/i,
    families: [F.za, F.tr, F.sa, F.eg, F.th, F.ir, F.my, F.id],
  },
  { re: /^(?:nik|ktp|e-ktp)$/i, upper: true, families: [F.nik] },
  {
    re: /^(?:id number|id no|id#|identity number|identification number|huduma(?: number)?|kitambulisho|national id number|philsys|philid|台胞证|台湾居民来往大陆通行证|回乡证|港澳居民来往内地通行证|居住证|军官证|士兵证|军人证|文职干部证)$/i,
    families: [F.za, F.tr, F.sa, F.id],
  },
  { re: /^(?:psn|umid|sss|crn)$/i, upper: true, families: [F.za, F.tr, F.sa, F.id] },
  { re: /^nss$/i, upper: true, families: [F.social] },
  {
    re: /^(?:social security|seguridad social|imss|sécurité sociale|securite sociale|health insurance number|krankenversicherungsnummer|versichertennummer|carte vitale|tessera sanitaria|ehic|社保卡|社会保障卡|社会保障号|医保卡|医保号|社保号|社保账号|医保账号|参保号|医疗保险号|健保卡|社会安全号码|社会安全号|社安号|社会安全号|社会安全号码|社安号)$/i,
    families: [F.social],
  },
  { re: /^tin$/i, upper: true, families: [F.tax] },
  { re: /^(?:taxpayer id|taxpayer identification number|tax id|tax identification number|steuernummer|纳税人识别号|个人税号)$/i, families: [F.tax] },
];

// One pattern for every name above; which name matched is looked up afterwards (rare: only near a value).
// A space in a name may also be an underscore or nothing (national_id, nationalId: a record's key), and
// "number"/"no"/"nr" may follow it glued (passportNo, id_number).
const NAME_SOURCE = String.raw`(bsn|burgerservicenummer|sofi-?nummer|rijksregisternummer|num[ée]ro national|national register number|identificatienummer|steuer-?id|steueridentifikationsnummer|steuerliche identifikationsnummer|identifikationsnummer|idnr|personalausweis(?:nummer)?|ausweisnummer|ausweis-nr|ausweis|nif|contribuinte|n[úu]mero de contribuinte|pesel|cpr-nummer|cpr-nr|cpr|hetu|henkil[öo]tunnus|sotu|personal identity code|pps number|ppsn|pps|personal public service|svnr|sv-nummer|sozialversicherungsnummer|versicherungsnummer|e-card|ahv-nummer|ahv-nr|ahv|num[ée]ro avs|avs|nhs number|nhs no|nhs|driving licen[cs]e|driver'?s licen[cs]e|drivers licen[cs]e|driver licen[cs]e|licen[cs]e (?:no|number)|DL|f[üu]hrerschein|permis de conduire|carnet de conducir|permiso de conducir|rijbewijs|patente|itin|sin|nas|social insurance number|num[ée]ro d'assurance sociale|tfn|tax file number|medicare beneficiary identifier|medicare|mbi|cpf|cadastro de pessoas f[íi]sicas|cnpj|curp|rfc|registro federal de contribuyentes|cuil|cuit|dni|documento nacional de identidad|nin|nimc|national identification number|bvn|bank verification number|emirates id|eid|iqama|muqeem|tc kimlik no|tc kimlik|t\.c\. kimlik|kimlik no|kimlik numaras[ıi]|tckn|tc no|voter id|voter card|epic|cnic|nicop|computerized national identity card|nid|hkid|nric|fin|nik|ktp|e-ktp|my number|rrn|resident registration number|id number|id no|id#|identity number|identification number|huduma(?: number)?|kitambulisho|national id number|philsys|philid|psn|umid|sss|crn|social security|seguridad social|nss|imss|s[ée]curit[ée] sociale|health insurance number|krankenversicherungsnummer|versichertennummer|carte vitale|tessera sanitaria|ehic|tin|taxpayer id|taxpayer identification number|tax id|tax identification number|steuernummer|mykad|ic no|ic number|kad pengenalan|снилс|snils|инн|inn|thai id|เลขประจำตัวประชาชน|เลขบัตรประชาชน|บัตรประชาชน|کد ملی|كد ملي|national code|melli code|code melli|الرقم القومي|egyptian id|egyptian national id|cccd|cmnd|c[ăa]n c[ưu][ớo]c|chứng minh nhân dân|national id|national identity|identity card|id card|c[ée]dula|carte d'identit[ée]|carta d'identit[àa]|documento de identidad|dowód osobisty|numer dowodu|fayda|身份证号码|身份证号|居民身份证|公民身份号码|证件号码|证件号|个人识别号|香港身份证|香港身份證|身份證|身分證|身分证|統一證號|统一证号|マイナンバー|個人番号|運転免許証?|주민등록번호|주민번호|驾驶证|驾照|驾驶执照|駕照|台胞证|台湾居民来往大陆通行证|回乡证|港澳居民来往内地通行证|居住证|军官证|士兵证|军人证|文职干部证|社保卡|社会保障卡|社会保障号|医保卡|医保号|社保号|社保账号|医保账号|参保号|医疗保险号|健保卡|纳税人识别号|个人税号|社会安全号码|社会安全号|社安号|公民服务号码|公民服务号|社会保险卡号|社会保险号码|社会保险号|个人编号卡|个人编号|居民登记号码|居民登记号|居民登录号|住民登录号|国民身份号码|国民身份证号|国家身份证号|银行验证号|银行验证码|税务档案号|税务编号)`;
const NAME_PATTERN = factored(new RegExp(`${NAME_SOURCE.replace(/ /g, '[ _]?')}(?:[ _-]?(?:number|num|nr|no|nummer|numero|número))?(?![A-Za-z])`, 'gi'));

// Candidate values, in one scan that starts at digits (so it tests digits, not every letter of the
// text; look-behinds find the letters before a digit, and findWorldIds adds them back). Each group is a
// kind of value:
// 1. a Finnish HETU (6 digits, its century sign, 3 digits, its check character);
// 2. a UK driving licence in its three printed groups (the surname's five letters are in the look-behind);
// 3. one to five letters, then letters and digits (a passport, a CURP, an HKID with its bracketed check)
//    or digit groups joined by dashes (a US licence, D417-2290-3318);
// 4. digits then one or two letters (an Irish PPSN), or a US Medicare number (1EG4-TE5-MK73);
// 5. digits with single separators: the check or the id's name decides.
const CANDIDATE =
  /\d(?:(?<=(?:^|[^\w-])\d)(\d{5}[-+A]\d{3}[0-9A-Y])(?![\w-])|(?<=(?:^|[^\w-])[A-Z][A-Z9]{4} \d)(\d{5} [A-Z][A-Z9]\d[A-Z]{2})(?![\w-])|(?<=(?:^|[^\w-])[A-Za-z]{1,5}\d)([A-Za-z\d]{3,16}(?: ?\([\dA]\))?|\d{2,4}(?:-\d{2,5}){2,4})(?![\w-])|(?<=(?:^|[^\w-])\d)(\d{4,11}[A-Za-z]{1,2}|[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y]{2}\d{2})(?![\w-])|(?<=(?:^|[^\w.,/-])\d)((?:[ ./-]?\d){5,19})(?![\w]|[./-]\d))/g;
const DECIMAL = /^\d+\.\d+$/;
// Digits grouped by thousands with dots (an Argentine DNI 12.345.678, a Colombian cédula): not a decimal.
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
// A value introduced as an order's, an invoice's or a parcel's number belongs to that, whatever id is named nearby.
const ORDER_BEFORE =
  /(?:order|invoice|tracking|ref(?:erence)?|serial|isbn|sku|booking|ticket|订单|单号|发票|快递|运单|流水)(?:\s*(?:no\.?|number|#|id|号|号码))?\s*[:：#]?\s*$/i;
// Words before "ID" that make it a record's or a system's id, not a person's.
const SYSTEM_ID_BEFORE =
  /\b(?:order|user|transaction|txn|session|request|product|item|message|app|client|tracking|invoice|ticket|job|process|thread|device|record|row|merchant|reference|booking|chat|group|channel|file|build|commit|container|task|event)\s*$/i;
// The value is an example of the format, not someone's: "what does a CURP look like, e.g. …".
const EXAMPLE_NEAR =
  /\b(?:example|e\.g\.|such as|for instance|specimen|textbook|sample|dummy|fake|made[- ]up|template|format|structure|built|look like|looks like|encodes?|decoded?|parts of|each part|placeholder|validat\w*|regex|check digit|checksum|test (?:data|value|number))\b|示例|例如|比如|样例|格式|模板|校验|规则|虚构/i;
const CLAIMED = /\b(?:my|his|her|their|our)\b|['’]s\b|我的|他的|她的|本人|客户|员工/i;

interface NameHit {
  start: number;
  end: number;
  families: readonly IdFamily[];
}

// How far before and after a value its id's name may stand (the widest family's reach).
const REACH_BEFORE = 160;
const REACH_AFTER = 60;

/** The names of ids within reach of the values, with the families each may introduce: only those stretches of a long text are read. */
function nameHits(text: string, values: ReadonlyArray<{ start: number; written: string }>): NameHit[] {
  const hits: NameHit[] = [];
  let from = -1;
  let to = -1;
  const sorted = values.length > 1 ? [...values].sort((a, b) => a.start - b.start) : values;
  for (const v of sorted) {
    const start = Math.max(0, v.start - REACH_BEFORE);
    const end = Math.min(text.length, v.start + v.written.length + REACH_AFTER);
    if (start <= to) {
      to = Math.max(to, end);
      continue;
    }
    if (to > from) namesIn(text, from, to, hits);
    from = start;
    to = end;
  }
  if (to > from) namesIn(text, from, to, hits);
  return hits;
}

/** Adds the names of ids in text[from, to) to `hits`. */
function namesIn(text: string, from: number, to: number, hits: NameHit[]): void {
  const part = text.slice(from, to);
  NAME_PATTERN.lastIndex = 0;
  for (let m = NAME_PATTERN.exec(part); m !== null; m = NAME_PATTERN.exec(part)) {
    const index = from + m.index;
    // The name starts a word, or a camelCase part of a key (passengerNationalId).
    if (index > 0 && /[A-Za-z]/.test(text[index - 1]!) && !(/[a-z]/.test(text[index - 1]!) && /[A-Z]/.test(text[index]!))) continue;
    const word = m[1]!.replace(/([a-z])(?=[A-Z])/g, '$1 ').replace(/[\s_]+/g, ' ');
    const entry = NAMES.find((n) => n.re.test(word) || n.re.test(word.replace(/ /g, '')));
    if (entry === undefined || (entry.upper === true && !word.includes(' ') && word !== word.toUpperCase())) continue;
    if (/^id/i.test(word) && SYSTEM_ID_BEFORE.test(text.slice(Math.max(0, index - 16), index))) continue;
    hits.push({ start: index, end: index + m[0].length, families: entry.families });
  }
}

/** The compact forms to try for a written value: the whole, then its first space-separated groups (the run may join a following number). */
function compactForms(written: string): string[] {
  const whole = written.replace(/[ ./-]/g, '').toUpperCase();
  if (!written.includes(' ')) return [whole];
  const groups = written.split(' ');
  const forms = [whole];
  for (let n = groups.length - 1; n >= 1; n--) forms.push(groups.slice(0, n).join('').replace(/[./-]/g, '').toUpperCase());
  return forms;
}

/** The family a value near an id's name belongs to, with the length of the value written, or undefined. */
function namedValue(text: string, start: number, written: string, hits: readonly NameHit[]): { label: string; length: number } | undefined {
  const end = start + written.length;
  for (const hit of hits) {
    const before = hit.end <= start ? start - hit.end : -1;
    const after = hit.start >= end ? hit.start - end : -1;
    if (before < 0 && after < 0) continue;
    for (const family of hit.families) {
      // "0.49-1.08 mg/dL": decimals are measurements; only an id with a check may be written with dots.
      if (!family.checked && written.includes('.') && !THOUSANDS.test(written)) continue;
      const reach = family.checked ? (before >= 0 ? REACH_BEFORE : REACH_AFTER) : before >= 0 ? 60 : 24;
      if ((before >= 0 ? before : after) > reach) continue;
      for (const form of compactForms(written)) {
        if (!family.valid(form)) continue;
        const length = form.length === written.replace(/[ ./-]/g, '').length ? written.length : writtenLength(written, form.length);
        return { label: family.label, length };
      }
    }
  }
  return undefined;
}

/** How many characters of `written` hold its first `chars` letters and digits. */
function writtenLength(written: string, chars: number): number {
  let n = 0;
  for (let i = 0; i < written.length; i++) {
    if (/[A-Za-z\d]/.test(written[i]!)) n++;
    if (n === chars) return i + 1;
  }
  return written.length;
}

/** True when the value is given as an example of its format and claimed by nobody. */
function formatExample(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - 100), Math.min(text.length, end + 60));
  return EXAMPLE_NEAR.test(window) && !CLAIMED.test(window);
}

// Shapes distinctive enough to stand without a name, each confirmed by its check. They are tested on
// the candidate values (one scan of the text for all of them), not each by a scan of its own.
const DIGIT_SHAPES: ReadonlyArray<readonly [RegExp, IdFamily]> = [
  [/^756\.\d{4}\.\d{4}\.\d{2}$/, F.chAhv],
  [/^\d{3}\.\d{3}\.\d{3}-\d{2}$/, F.cpf],
  [/^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/, F.cnpj],
  [/^(?:2[0347]|3[034])-\d{8}-\d$/, F.cuit],
  [/^\d{5}-\d{7}-\d$/, F.cnic],
  [/^\d{6}-[1-4]\d{6}$/, { ...F.kr, valid: (s: string) => krRrnValid(s, true) }],
  [/^784-(?:19|20)\d{2}-\d{7}-\d$/, F.ae],
  [/^9\d{2}-\d{2}-\d{4}$/, F.itin],
  [/^\d-\d{4}-\d{5}-\d{2}-\d$/, F.th],
];
const ALNUM_SHAPES: ReadonlyArray<readonly [RegExp, IdFamily]> = [
  [/^[A-Z][A-Z9]{4}\d{6}[A-Z][A-Z9]\d[A-Z]{2}$/, F.ukDl],
  [/^[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z\d]\d$/, F.curp],
  [/^[A-Z]{1,2}\d{6} ?\([\dA]\)$/, F.hk],
  [/^[STFG]\d{7}[A-Z]$/, F.sg],
  [/^[A-Z][12]\d{8}$/, F.tw],
];
/** The family of a standalone shape the written value has, when its check passes. */
function standaloneFamily(written: string, shapes: ReadonlyArray<readonly [RegExp, IdFamily]>): IdFamily | undefined {
  for (const [re, family] of shapes) {
    if (re.test(written)) return family.valid(written.replace(/[ ./()-]/g, '').toUpperCase()) ? family : undefined;
  }
  return undefined;
}

/** National ids of the main countries by structure and check, or by their name near the value; reported through `found`. */
export function findWorldIds(text: string, found: Found): void {
  const report = (label: string, start: number, end: number): void => {
    if (!formatExample(text, start, end)) found(label, start, end);
  };
  const values: Array<{ start: number; written: string }> = [];
  eachMatch(CANDIDATE, text, (m) => {
    const end = m.index + m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) {
      const start = m[2] !== undefined ? m.index - 6 : m.index;
      const family = m[2] !== undefined ? F.ukDl : F.fiHetu;
      if (family.valid(text.slice(start, end).replace(/ /g, ''))) report(family.label, start, end);
    } else if (m[5] !== undefined) {
      const family = /[./-]/.test(m[0]) ? standaloneFamily(m[0], DIGIT_SHAPES) : undefined;
      if (family !== undefined) report(family.label, m.index, end);
      // A decimal (3.14159265, 0.000123) is no id: no family is written with one dot alone.
      else if (!DECIMAL.test(m[0])) values.push({ start: m.index, written: m[0] });
    } else {
      let start = m.index;
      while (start > 0 && start > m.index - 5 && /[A-Za-z]/.test(text[start - 1]!)) start--;
      const written = text.slice(start, end);
      const family = standaloneFamily(written, ALNUM_SHAPES);
      if (family !== undefined) report(family.label, start, end);
      else if (/\d{5}|\d.*\d.*\d.*\d.*\d/.test(written)) values.push({ start, written });
    }
  });
  if (values.length === 0) return;
  const hits = nameHits(text, values);
  if (hits.length === 0) return;
  for (const v of values) {
    if (ORDER_BEFORE.test(text.slice(Math.max(0, v.start - 24), v.start))) continue;
    const named = namedValue(text, v.start, v.written, hits);
    if (named !== undefined) report(named.label, v.start, v.start + named.length);
  }
}
