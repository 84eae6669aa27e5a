// Records and pay documents as whole families: pay documents of the main countries, every spelling of a record's
// key (JSON, YAML, CSV, SQL, XML, query strings, logs, Markdown), and form and CV headers. Every value here is
// invented for this file; each family has near-misses that must stay clean.
import { describe, expect, it } from 'vitest';
import { compactKey, keyKind } from '../../src-main/router/privacy-records-keys.js';
import { itKeepsLocalAndSends, ruleFindings } from '../support/privacy-shapes.js';

describe('pay documents of the main countries', () => {
  itKeepsLocalAndSends(
    {
      'UK payslip, P60, P45': [
        'Why is my tax so high?\n\nHALBERD FOODS PLC     PAYSLIP  Month 3\nEmployee: Owen Pritchard      Payroll no: 4410\nBasic pay          2,950.00\nIncome tax          -356.20\nNational Insurance  -184.75\nNet pay            2,409.05',
        'P60 End of Year Certificate\nEmployee: Ayesha Raza\nPay in this employment: £38,905.00\nTax deducted in this employment: £5,191.00',
        'P45 part 1A\nEmployee name: Lewis Carrow\nTotal pay to date: £19,440.00\nTotal tax to date: £2,310.40\nIncome tax: £2,310.40',
      ],
      'US pay stub, W-2, 1099': [
        'Employee: Marisol Vega\nGross pay: $4,120.00\nFederal income tax withheld: $512.33\nNet pay: $3,104.87',
        'W-2 check please\nEmployee: Darnell Hughes\n1 Wages, tips, other comp: 64,230.10\n2 Federal income tax withheld: 7,802.44\n3 Social security wages: 64,230.10',
        'Form 1099-NEC\nRecipient name: Petra Lindqvist\nName: Petra Lindqvist\n1 Nonemployee compensation: 18,750.00\nState income tax: 912.00',
      ],
      'IN salary slip, AU payslip, CA T4': [
        'Salary slip for October\nEmployee Name: Rohan Mehta\nBasic Salary: 62,000\nHouse Rent Allowance: 24,800\nProvident Fund: 7,440\nNet Pay: 71,530',
        'Payslip\nEmployee: Chloe Brennan\nGross pay $3,860.00\nPAYG withholding $742.00\nSuperannuation $443.90',
        'T4 slip\nEmployee name: Étienne Gagnon\nEmployment income: 58,200.00\nCPP contributions: 3,210.40\nEI premiums: 952.12',
      ],
      'IN Form 16, UK P11D, US 1040, bank salary credits, offer letters': [
        'Form 16 Part B\nName of Employee: Suresh Iyer\nGross Salary: 9,80,000\nTax deducted at source: 62,400',
        'P11D\nEmployee: Gwen Talbot\nCar benefit: £4,210.00\nMedical insurance cash equivalent: £612.00',
        'Form 1040\nName: Bradley Okafor\n1a Total amount from Form(s) W-2, box 1: 91,200\n11 Adjusted gross income: 88,450\n24 Total tax: 9,870',
        'Statement\nAccount holder: Marek Nowak\n05/10 SALARY CREDIT NORDLINE 3,412.00\n05/11 SALARY CREDIT NORDLINE 3,412.00',
        'Offer letter, please proofread\nCandidate: Priya Natarajan\nBase salary: $132,000\nSigning bonus: $15,000',
      ],
      'DE, FR, ES pay slips': [
        'Lohnabrechnung November\nMitarbeiter: Jonas Brückner\nGesamtbrutto 4.250,00\nLohnsteuer 612,41\nAuszahlungsbetrag 2.804,77',
        'Fiche de paie\nSalarié: Camille Rousseau\nSalaire de base 2 640,00\nNet à payer 2 071,35',
        'Nómina de octubre\nTrabajador: Lucía Ferrer Gil\nSalario base 1.980,00\nIRPF -247,50\nLíquido a percibir 1.611,20',
      ],
      'CN 工资条, 个税, 收入证明': [
        '工资条\n姓名：孙晓峰  部门：财务部\n基本工资 9,800  绩效工资 2,200\n个人所得税 -145.00\n实发工资 10,120.40',
        '个税记录\n纳税人：郑雨婷\n工资薪金所得 收入合计 198,400.00 元\n已申报税额 9,312.00 元',
        '员工姓名：韩立新\n应发工资：15,600.00\n住房公积金：-1,248.00\n实发合计：12,731.55',
        '社保缴费记录\n参保人：曹雪梅\n缴费基数 9,200.00  个人缴费 736.00  单位缴费 1,472.00',
        '收入证明：兹证明 蒋立伟 同志系我单位正式员工，月收入 21,500 元，特此证明。',
      ],
    },
    {
      'a blank payslip template': [
        'Make me a payslip template:\nEmployee: ____\nGross pay: ____\nIncome tax: ____\nNet pay: ____',
        '工资条模板：\n姓名：{name}  基本工资：{base}\n实发工资 = 基本工资 - 个人所得税',
        'Employee: [Employee Name]\nBasic pay: [amount]\nNet pay: [amount]',
      ],
      'a salary-band job ad': ['Job ad: Data Engineer, gross pay £58,000-£66,000, pension 6% matched, income tax handled by PAYE as usual.'],
      'how a W-2 box works, with no person': [
        'On a W-2, box 1 Wages, tips, other comp: 50,000.00 is lower than box 3 Social security wages: 52,000.00 when you contribute to a 401(k). Why?',
      ],
      'a blank income certificate': ['收入证明模板：兹证明 ____ 同志系我单位员工，月收入 ____ 元。'],
      "a public figure's published salary": ["The Prime Minister's salary is £172,153 in total, of which gross pay as an MP is £91,346. How does that compare abroad?"],
    },
  );
});

describe('every spelling of a record key', () => {
  it('normalises a key once and reads it from one lexicon', () => {
    const dob = ['dateOfBirth', 'DateOfBirth', 'date_of_birth', 'date-of-birth', 'DOB', 'd_o_b', 'd.o.b.', 'birthDate', 'bday', 'passenger.dateOfBirth'];
    const moreDob = ['fecha_nacimiento', 'Geburtsdatum', 'date de naissance', 'data_di_nascita', 'geboortedatum', '出生日期', '生日', '出生年月', 'PassengerDOB'];
    for (const key of [...dob, ...moreDob]) expect(keyKind(key), key).toBe('birth-date');
    for (const key of ['givenName', 'last_name', 'Surname', 'nombre', 'Nachname', 'prénom', 'patientName', 'employee.name', '姓名', '被保险人'])
      expect(keyKind(key), key).toBe('person');
    for (const key of ['basic_salary', 'grossPay', 'Gehalt', 'sueldo', '实发工资']) expect(keyKind(key), key).toBe('employment');
    for (const key of ['username', 'fileName', 'hostname', 'user_id', 'created_at']) expect(keyKind(key), key).toBeUndefined();
    expect(compactKey('Salary (USD)')).toBe('salary');
  });

  itKeepsLocalAndSends(
    {
      'JSON, YAML and dotted keys': [
        '{"travellers":[{"first_name":"Yusuf","last_name":"Demir","date_of_birth":"1979-02-11"}]}',
        '{"PassengerName": "Ilse Vandenberg", "PassengerDOB": "03/09/1986"}',
        'guest:\n  givenName: Tomasz\n  familyName: Wójcik\n  birthDate: 1991-07-30',
        'passengers:\n  - name: Zainab Okoye\n    dob: 1983-01-26\n  - name: Emeka Okoye\n    dob: 2012-09-04',
        "rows = [{'given_name': 'Anneli', 'surname': 'Korhonen', 'date_of_birth': '1977-06-15'}]",
        "const guest = { givenName: 'Ines', familyName: 'Duarte', birthDate: '1990-02-03' };",
        '[employee]\nname = "Rafael Ortiz"\nsalary = 84000',
      ],
      'CSV, TSV and Markdown tables': [
        'dedupe this csv\nfull_name,bday,city\nRenata Oliveira,1984-12-05,Porto\nKwame Asante,1990-03-17,Kumasi',
        'Nombre;Fecha de nacimiento;Ciudad\nPilar Ortega;14/06/1972;Sevilla',
        '| Name | Diagnosis |\n|---|---|\n| Hugo Lemaire | type 2 diabetes |',
      ],
      'SQL, XML, query strings, key=value logs': [
        "INSERT INTO patients (first_name, last_name, dob) VALUES ('Agnes', 'Morrow', '1958-10-22'), ('Felix', 'Morrow', '1960-01-09');",
        '<guest><fullName>Saanvi Kulkarni</fullName><dateOfBirth>1993-05-28</dateOfBirth></guest>',
        'GET /register?given_name=Oskar&surname=Nyberg&dob=1987-08-14 400',
        'WARN booking rejected passenger_name="Leila Haddad" passenger_dob=2001-11-30 reason=age',
      ],
      'other languages': ['Vorname: Friederike\nNachname: Albrecht\nGeburtsdatum: 22.04.1969', 'Nom : Garnier\nPrénom : Solène\nDate de naissance : 09/11/1988'],
    },
    {
      'a JSON schema with no value or a placeholder': [
        '{"type":"object","properties":{"givenName":{"type":"string"},"dateOfBirth":{"type":"string","format":"date"}}}',
        'Fix my schema example: {"givenName": "string", "dateOfBirth": "YYYY-MM-DD"}',
        'test fixture: {"givenName": "Alice", "surname": "Example", "dateOfBirth": "1970-01-01"}',
      ],
      'a CSV header alone': ['Which column type for this header? first_name,last_name,date_of_birth,salary'],
      'ordinary keys': ['config: username=admin hostname=db01 timeout=30', '{"fileName": "Report Q3", "createdDate": "2024-01-05"}'],
    },
  );
});

describe('form and CV headers', () => {
  itKeepsLocalAndSends(
    {
      'a name alone on its line over personal fields': [
        'Tidy my CV:\nBJÖRN ÅKESSON\nDate of birth: 3 March 1990 | Nationality: Swedish',
        'Resume header\nMaría José Peña\nDOB: 17/08/1995\nPhone: +34 611 20 48 93',
        '帮我改简历：\n欧阳娜娜\n出生年月：1996年4月\n手机：139 1234 5678',
      ],
      'insurance, visa and enrolment forms': [
        '投保单：被保险人 黃志強，出生日期 1975年3月2日，投保人 本人。',
        '申请人：许文静\n出生日期：1999年12月8日\n护照号码：E12345678',
        'Visa form\nApplicant: Oluwaseun Bakare\nDate of birth: 1988-06-19\nPassport number: A09876543',
        '学生姓名 林嘉怡，出生日期 2015年9月1日，入学年级 一年级',
        '要保書：被保險人 蔡承翰，出生日期 1979年10月30日，身高 175 公分。',
      ],
    },
    {
      'a heading over a blank form': [
        'CURRICULUM VITAE\nDate of birth: DD/MM/YYYY\nNationality: ____',
        'PERSONAL DETAILS\nDate of birth: \nPassport number: ',
        '个人信息\n出生日期：____年__月__日',
      ],
      'a title over a date that is no birthday': ['Release Notes\nDate: 12 May 2026\nVersion: 3.1'],
    },
  );

  it('reports the detail, not the name', () => {
    expect(ruleFindings('NGUYỄN VĂN AN\nDate of birth: 02 Feb 1992')).toEqual(['birth-date:02 Feb 1992']);
  });
});
