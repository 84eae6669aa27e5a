// The world's national ids as families (what each id is, its check or length rule) and the names they go
// by, in the country's language, English or Chinese, with the families each name may introduce. Kept
// apart from the scan (privacy-ids-world.ts) because it is a table: adding a country touches this file.
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
  noFodselsnummerValid,
  roCnpValid,
  sePersonnummerValid,
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

export interface IdFamily {
  /** What was found, for people. */
  label: string;
  /** True when the compact, upper-case value is this id. */
  valid: (compact: string) => boolean;
  /** How many digits the id has, for an id claimed right after its name with a mistyped check digit (see claimedTypo). */
  digits?: readonly number[];
  /** The id's name is generic ("ID number", 证件号码): the value counts only beside a person (see namedValue). */
  needsPerson?: boolean;
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

export const F = {
  bsn: { label: 'a Dutch citizen service number (BSN)', valid: bsnValid, checked: true, digits: [9] },
  be: { label: 'a Belgian national register number', valid: belgianIdValid, checked: true },
  deTax: { label: 'a German tax id (Steuer-ID)', valid: deTaxIdValid, checked: true, digits: [11] },
  deCard: { label: 'a German identity card number', valid: dePersonalausweisValid, checked: true },
  ptNif: { label: 'a Portuguese tax number (NIF)', valid: ptNifValid, checked: true, digits: [9] },
  pesel: { label: 'a Polish PESEL number', valid: peselValid, checked: true, digits: [11] },
  dkCpr: { label: 'a Danish CPR number', valid: dkCprValid, checked: false },
  fiHetu: { label: 'a Finnish personal identity code', valid: fiHetuValid, checked: true },
  noFnr: { label: 'a Norwegian national identity number (fødselsnummer)', valid: noFodselsnummerValid, checked: true, digits: [11] },
  sePnr: { label: 'a Swedish personal identity number', valid: sePersonnummerValid, checked: true },
  roCnp: { label: 'a Romanian personal numeric code (CNP)', valid: roCnpValid, checked: true, digits: [13] },
  iePpsn: { label: 'an Irish PPS number', valid: iePpsnValid, checked: true },
  atSvnr: { label: 'an Austrian social insurance number', valid: atSvnrValid, checked: true },
  chAhv: { label: 'a Swiss AHV number', valid: chAhvValid, checked: true, digits: [13] },
  nhs: { label: 'an NHS number', valid: nhsValid, checked: true, digits: [10] },
  ukDl: { label: 'a UK driving licence number', valid: ukDrivingLicenceValid, checked: true },
  licence: { label: 'a driving licence number', valid: plain(5, 16, 5), checked: false },
  itin: { label: 'a US taxpayer id (ITIN)', valid: usItinValid, checked: true, digits: [9] },
  caSin: { label: 'a Canadian Social Insurance Number', valid: caSinValid, checked: true, digits: [9] },
  auTfn: { label: 'an Australian tax file number', valid: auTfnValid, checked: true, digits: [9] },
  auMedicare: { label: 'an Australian Medicare number', valid: auMedicareValid, checked: true },
  usMbi: {
    label: 'a US Medicare number',
    valid: (s: string) => /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/.test(s),
    checked: false,
  },
  cpf: { label: 'a Brazilian CPF number', valid: brCpfValid, checked: true, digits: [11] },
  cnpj: { label: 'a Brazilian CNPJ number', valid: brCnpjValid, checked: true },
  curp: { label: 'a Mexican CURP', valid: mxCurpValid, checked: true },
  rfc: { label: 'a Mexican tax id (RFC)', valid: mxRfcValid, checked: true },
  cuit: { label: 'an Argentine CUIL/CUIT', valid: arCuitValid, checked: true },
  dni: { label: 'a national id number', valid: plain(7, 8, 7), checked: false },
  ngNin: { label: 'a Nigerian National Identification Number', valid: plain(11, 11, 11), checked: false },
  ngBvn: { label: 'a Nigerian Bank Verification Number', valid: plain(11, 11, 11), checked: false },
  za: { label: 'a South African id number', valid: zaIdValid, checked: true, digits: [13] },
  ae: { label: 'an Emirates ID number', valid: aeEmiratesIdValid, checked: true },
  sa: { label: 'a Saudi national id or iqama number', valid: saIdValid, checked: true },
  tr: { label: 'a Turkish identity number', valid: trKimlikValid, checked: true, digits: [11] },
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
  // After a generic name ("ID number", "identity number", 证件号码) any record's id fits 6-18 characters: an all-digit value
  // needs 7 digits, and the value counts only beside a person (a claim, a name field, a nationality).
  idPerson: { label: 'a national id number', valid: (s: string) => plain(6, 18, 6)(s) && !/^\d{6}$/.test(s), checked: false, needsPerson: true },
  social: { label: 'a social or health insurance number', valid: plain(6, 20, 6), checked: false },
  tax: { label: 'a tax id', valid: plain(8, 15, 8), checked: false },
} satisfies Record<string, IdFamily>;

// Each name of an id and the families it may introduce; `upper`: an acronym that counts only in
// capitals (SIN, NIN and NIK are words or names in lower case).
export const NAMES: ReadonlyArray<{ re: RegExp; upper?: true; families: readonly IdFamily[] }> = [
  { re: /^(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)$/i, families: [F.bsn] },
  { re: /^(?:rijksregisternummer|numéro national|numero national|national register number|identificatienummer)$/i, families: [F.be] },
  { re: /^(?:steuer-?id|steueridentifikationsnummer|steuerliche identifikationsnummer|identifikationsnummer|idnr)$/i, families: [F.deTax] },
  { re: /^(?:personalausweis(?:nummer)?|ausweisnummer|ausweis-nr|ausweis)$/i, families: [F.deCard] },
  { re: /^(?:nif|contribuinte|número de contribuinte|numero de contribuinte)$/i, upper: true, families: [F.ptNif] },
  { re: /^pesel$/i, families: [F.pesel] },
  { re: /^(?:cpr|cpr-nummer|cpr-nr)$/i, upper: true, families: [F.dkCpr] },
  { re: /^(?:hetu|henkilötunnus|henkilotunnus|sotu|personal identity code)$/i, families: [F.fiHetu] },
  { re: /^(?:fødselsnummer|fodselsnummer|fødselsnr|fnr)$/i, families: [F.noFnr] },
  { re: /^(?:personnummer|personnr)$/i, families: [F.sePnr, F.noFnr] },
  { re: /^(?:cnp|cod numeric personal)$/i, upper: true, families: [F.roCnp] },
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
    re: /^(?:身份证号|身份证号码|居民身份证|公民身份号码)$/,
    families: [F.hk, F.tw, F.ae, F.za, F.tr, F.sa, F.eg, F.th, F.ir, F.my, F.kr, F.id],
  },
  {
    re: /^(?:证件号|证件号码|个人识别号)$/,
    families: [F.hk, F.tw, F.ae, F.za, F.tr, F.sa, F.eg, F.th, F.ir, F.my, F.kr, F.idPerson],
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
    re: /^(?:id number|id no|id#|identity number|identification number)$/i,
    families: [F.za, F.tr, F.sa, F.idPerson],
  },
  {
    re: /^(?:huduma(?: number)?|kitambulisho|national id number|philsys|philid|台胞证|台湾居民来往大陆通行证|回乡证|港澳居民来往内地通行证|居住证|军官证|士兵证|军人证|文职干部证)$/i,
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
const NAME_SOURCE = String.raw`(bsn|burgerservicenummer|sofi-?nummer|rijksregisternummer|num[ée]ro national|national register number|identificatienummer|steuer-?id|steueridentifikationsnummer|steuerliche identifikationsnummer|identifikationsnummer|idnr|personalausweis(?:nummer)?|ausweisnummer|ausweis-nr|ausweis|nif|contribuinte|n[úu]mero de contribuinte|pesel|cpr-nummer|cpr-nr|cpr|hetu|henkil[öo]tunnus|sotu|personal identity code|f[øo]dselsnummer|f[øo]dselsnr|fnr|personnummer|personnr|cnp|cod numeric personal|pps number|ppsn|pps|personal public service|svnr|sv-nummer|sozialversicherungsnummer|versicherungsnummer|e-card|ahv-nummer|ahv-nr|ahv|num[ée]ro avs|avs|nhs number|nhs no|nhs|driving licen[cs]e|driver'?s licen[cs]e|drivers licen[cs]e|driver licen[cs]e|licen[cs]e (?:no|number)|DL|f[üu]hrerschein|permis de conduire|carnet de conducir|permiso de conducir|rijbewijs|patente|itin|sin|nas|social insurance number|num[ée]ro d'assurance sociale|tfn|tax file number|medicare beneficiary identifier|medicare|mbi|cpf|cadastro de pessoas f[íi]sicas|cnpj|curp|rfc|registro federal de contribuyentes|cuil|cuit|dni|documento nacional de identidad|nin|nimc|national identification number|bvn|bank verification number|emirates id|eid|iqama|muqeem|tc kimlik no|tc kimlik|t\.c\. kimlik|kimlik no|kimlik numaras[ıi]|tckn|tc no|voter id|voter card|epic|cnic|nicop|computerized national identity card|nid|hkid|nric|fin|nik|ktp|e-ktp|my number|rrn|resident registration number|id number|id no|id#|identity number|identification number|huduma(?: number)?|kitambulisho|national id number|philsys|philid|psn|umid|sss|crn|social security|seguridad social|nss|imss|s[ée]curit[ée] sociale|health insurance number|krankenversicherungsnummer|versichertennummer|carte vitale|tessera sanitaria|ehic|tin|taxpayer id|taxpayer identification number|tax id|tax identification number|steuernummer|mykad|ic no|ic number|kad pengenalan|снилс|snils|инн|inn|thai id|เลขประจำตัวประชาชน|เลขบัตรประชาชน|บัตรประชาชน|کد ملی|كد ملي|national code|melli code|code melli|الرقم القومي|egyptian id|egyptian national id|cccd|cmnd|c[ăa]n c[ưu][ớo]c|chứng minh nhân dân|national id|national identity|identity card|id card|c[ée]dula|carte d'identit[ée]|carta d'identit[àa]|documento de identidad|dowód osobisty|numer dowodu|fayda|身份证号码|身份证号|居民身份证|公民身份号码|证件号码|证件号|个人识别号|香港身份证|香港身份證|身份證|身分證|身分证|統一證號|统一证号|マイナンバー|個人番号|運転免許証?|주민등록번호|주민번호|驾驶证|驾照|驾驶执照|駕照|台胞证|台湾居民来往大陆通行证|回乡证|港澳居民来往内地通行证|居住证|军官证|士兵证|军人证|文职干部证|社保卡|社会保障卡|社会保障号|医保卡|医保号|社保号|社保账号|医保账号|参保号|医疗保险号|健保卡|纳税人识别号|个人税号|社会安全号码|社会安全号|社安号|公民服务号码|公民服务号|社会保险卡号|社会保险号码|社会保险号|个人编号卡|个人编号|居民登记号码|居民登记号|居民登录号|住民登录号|国民身份号码|国民身份证号|国家身份证号|银行验证号|银行验证码|税务档案号|税务编号)`;
// A space or an optional hyphen in a name may be an underscore in a key (steuer_id, cpr_nr).
export const NAME_PATTERN = factored(
  new RegExp(`${NAME_SOURCE.replace(/ /g, '[ _]?').replace(/-\?/g, '[ _-]?')}(?:[ _-]?(?:number|num|nr|no|nummer|numero|número))?(?![A-Za-z])`, 'gi'),
);
