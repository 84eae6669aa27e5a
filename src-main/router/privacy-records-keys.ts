// One field lexicon for every spelling of a record's key: "Date of birth", dateOfBirth, DateOfBirth,
// date_of_birth, date-of-birth, passenger.dateOfBirth, DOB, d_o_b, bday, fecha_nacimiento, Geburtsdatum,
// 出生日期, 被保險人 (simplified and traditional). A key is normalised once (accents dropped, lower case, separators
// and camel-case humps gone) and looked up in one table, in English, Chinese and the main European languages; an
// owner in front of it (passenger_, patientName, employee.) is stripped before a second look-up.

export type FieldKind = 'person' | 'birth-date' | 'health' | 'employment' | 'passport' | 'address' | 'phone';

// Each kind's keys, compact (lower case, no accents, no spaces, "_", "-", "." or quotes), apart by spaces.
const KEYS: Readonly<Record<FieldKind, string>> = {
  person:
    'name user username login fullname firstname lastname givenname givennames given family surname familyname forename forenames middlename maidenname legalname fname lname ' +
    'nombre nombrecompleto nombreyapellidos apellido apellidos vorname nachname familienname nom prenom nometprenom nomdefamille nomcomplet ' +
    'cognome nome naam voornaam achternaam employee employeename empname payee payeename staffname workername patient patientname insured ' +
    'insuredname insuredperson policyholder applicant applicantname claimant passenger passengername paxname guestname studentname pupil childsname childname kidsname ' +
    'candidatename tenant cardholder cardholdername holdername accountholder customername clientname membername mitarbeiter mitarbeitername ' +
    'arbeitnehmer salarie salariee empleado trabajador taxpayer taxpayername 姓名 名字 患者 患者姓名 病人 被保险人 被保人 投保人 申请人 员工 员工姓名 职工姓名 纳税人 纳税人姓名 学生姓名 乘客 ' +
    '乘客姓名 旅客姓名 收款人 户名 持卡人 承租人 考生姓名 受益人 参保人 缴费人 职工 职工姓名 被保險人 申請人 員工 員工姓名 職工姓名 納稅人 納稅人姓名 學生姓名 參保人 成员 成員 成员姓名 成員姓名 计划成员 計劃成員 幼儿姓名 儿童姓名 孩子姓名 宝宝姓名 受种者 受种者姓名 接种者 就诊人 就诊人姓名 幼兒姓名 兒童姓名 受種者',
  'birth-date':
    'dob dateofbirth birthdate birthday bday birthdt dtofbirth datebirth birth born fechadenacimiento fechanacimiento fnacimiento nacimiento ' +
    'geburtsdatum geburtstag gebdatum datedenaissance datenaissance naissance datadinascita datanascita datadenascimento datanascimento ' +
    'geboortedatum 出生日期 出生年月 出生年月日 生日 出生',
  health:
    'diagnosis diagnoses dx medicalcondition medication medications meds allergies icd10 icdcode diagnosiscode primarydiagnosis diagnostico ' +
    'diagnose diagnostic diagnosi disability disabilities medicalneeds medicalhistory specialneeds additionalneeds healthconditions medicalnotes 诊断 病情 病史 疾病 入院诊断 出院诊断 既往史 既往病史 现病史 过敏史 接种疫苗 疫苗名称 診斷 病情 病史 現病史 過敏史 入院診斷 出院診斷',
  employment:
    'salary basesalary basicsalary basepay basicpay grosspay netpay grosssalary netsalary annualsalary monthlysalary wage wages compensation ' +
    'totalcompensation bonus payrate hourlyrate annualincome ctc takehome takehomepay gehalt bruttogehalt nettogehalt lohn bruttolohn nettolohn ' +
    'salario sueldo salaire salairebrut salairenet stipendio performancerating 工资 月薪 年薪 奖金 基本工资 实发工资 应发工资 税前工资 月收入 年收入 薪资 薪酬 年终奖 實發工資 應發工資 基本工資 薪資 稅前工資 年終獎 獎金',
  passport:
    'passport passportno passportnumber passportnum passportid pasaporte numeropasaporte reisepass reisepassnummer passeport numeropasseport ' +
    'passaporto 护照 护照号 护照号码 護照 護照號 護照號碼',
  address:
    'address homeaddress streetaddress addressline1 address1 residentialaddress supplyaddress billingaddress deliveryaddress shippingaddress propertyaddress mailingaddress correspondenceaddress postaladdress installationaddress serviceaddress direccion domicilio adresse anschrift wohnadresse indirizzo 地址 住址 ' +
    '家庭住址 现住址 户籍地址 家庭地址 戶籍地址 現住址',
  phone:
    'phone phonenumber phoneno mobile mobilephone mobilenumber cellphone tel telephone telefono movil handy telefon telefonnummer portable ' +
    'cellulare 电话 手机 手机号 手机号码 联系电话 电话号码 電話 手機 手機號 手機號碼 聯繫電話 聯絡電話 電話號碼',
};

const LEXICON = new Map<string, FieldKind>();
for (const [kind, keys] of Object.entries(KEYS) as [FieldKind, string][]) for (const k of keys.split(' ')) LEXICON.set(k, kind);

// Who a composite key is about (passengerDateOfBirth, patient_name, employee.salary): stripped for the second look-up.
const OWNERS =
  /^(?:passenger|patient|employee|emp|customer|client|member|guest|cardholder|holder|insured|applicant|student|child|person|contact|traveller|traveler|pax|primary|beneficiary|staff|candidate|tenant|driver|subject|owner|policyholder|worker|my|user)(?=.)/;
// Keys an owner turns into something else: a login is not a name.
const NOT_PERSONAL = new Set(['username', 'accountname', 'nickname', 'screenname', 'loginname', 'userid', 'ownername']);

/** A key in its compact form: no accents, lower case, no separators or brackets' contents ("Salary (USD)" is salary). */
export function compactKey(raw: string): string {
  return raw
    .replace(/\([^)]{0,12}\)/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_.\-'"`’:：#*[\]]+/g, '');
}

/** The field kind of a key in any spelling (camelCase, snake_case, dotted path, another language), or undefined. */
export function keyKind(raw: string): FieldKind | undefined {
  if (raw.length > 48) return undefined;
  const whole = compactKey(raw);
  const kind = lookUp(whole);
  if (kind !== undefined) return kind;
  // A dotted or bracketed path: its last named step (data.passengers[0].dateOfBirth).
  const steps = raw.split(/[.[\]]+/).filter((s) => /[A-Za-z\u4e00-\u9fff]/.test(s));
  return steps.length > 1 ? lookUp(compactKey(steps[steps.length - 1]!)) : undefined;
}

function lookUp(compact: string): FieldKind | undefined {
  if (compact === '' || NOT_PERSONAL.has(compact)) return undefined;
  const kind = LEXICON.get(compact);
  if (kind !== undefined) return kind;
  const owner = OWNERS.exec(compact);
  return owner === null ? undefined : LEXICON.get(compact.slice(owner[0].length));
}

// The cheap first test for a keyed record: a detail's key glued to another word (camel, snake, kebab or dotted
// case: dateOfBirth, passenger_dob, birthDate, basic-salary) or in another language (fecha_nacimiento,
// Geburtsdatum), which the word scan misses. Case-sensitive, so prose ("childbirth", "birth rate") does not start it.
export const KEYED_DETAIL =
  /[a-z0-9](?:Birth|Dob|DOB|Salary|Diagnos|Passport)|[_.-](?:[Bb]irth|[Dd]ob|DOB|[Ss]alary|[Dd]iagnos|[Pp]assport)|(?:birth|dob|salary|passport)(?:[A-Z]|_[a-z])|[Bb]day|d_o_b|[Gg]eburt|[Nn]acimiento|[Nn]aissance|[Nn]ascita|[Gg]eboorte|[Gg]ehalt|[Ss]ueldo|[Pp]asaporte|[Rr]eisepass|[Pp]asseport/;

// Chinese form fields written with a space or a colon and no other separator: 被保险人 鄭家豪，出生日期 1982年9月14日.
const ZH_KEYS = [...LEXICON.keys()].filter((k) => /^[\u4e00-\u9fff]+$/.test(k)).sort((a, b) => b.length - a.length);
export const ZH_FIELD = new RegExp(`(?<![\\u4e00-\\u9fff])(${ZH_KEYS.join('|')})(?:[ \\t]*[:：][ \\t]*|[ \\t]+)([^\\s，,。；;：:、（）()]{1,24})`, 'g');

// key=value pairs of logs, query strings and TOML or INI files: name="Hamid Rahimi" dob=1988-04-23, ?given_name=Hamid&dob=….
export const KEY_VALUE = /(?<![\w.-])([A-Za-z_][\w.-]{0,40})[ \t]?=(?![=>])[ \t]?(?:"([^"\n]{1,80})"|'([^'\n]{1,80})'|([^\s&;,"'|<>()]{1,80}))/g;

// XML elements holding a value: <dateOfBirth>1988-04-23</dateOfBirth>.
export const XML_FIELD = /<([A-Za-z_][\w.:-]{0,40})(?:\s[^<>\n]{0,200})?>([^<>\n]{1,80})<\/\1>/g;

// SQL INSERT with its column list, and the value tuples after it.
export const SQL_INSERT = /\binsert\s+into\s+[\w."`[\]]{1,64}\s*\(([^()]{1,400})\)\s*values\s*/gi;
export const SQL_TUPLE = /\s*,?\s*\(([^()]{1,600})\)/y;
