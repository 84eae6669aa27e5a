// Records and pay documents as whole families: pay documents of the main countries, every spelling of a record's
// key (JSON, YAML, CSV, SQL, XML, query strings, logs, Markdown), and form and CV headers. Every value here is
// invented for this file; each family has near-misses that must stay clean.
import { describe, expect, it } from 'vitest';
import { compactKey, keyKind } from '../../src-main/router/privacy-records-keys.js';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

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
