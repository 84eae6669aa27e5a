// Government ids said in conversation (privacy-ids-world.ts): an id printed in its own shape after its name counts
// even with a mistyped check digit; a generic "ID number"/证件号码 needs a person beside the value; a published
// specimen (the NHS's 943 476 5919) is nobody's id and nobody's phone unless claimed; a format question with the
// canonical example (an Indian PAN like AAAPL1234C) is no one's.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'an id in its printed shape after its name, in chat': [
    'ok so my CPF is 318.402.957-11 and the landlord wants it, normal?',
    'meu CPF é 318.402.957-19, posso passar pro locador?',
    'the agency wants her CPF (318.402.957-19) by Friday',
    'his CNPJ is 11.444.777/0001-61, the bank asked',
    'my RRN: 870214-2384916 for the booking',
    'ok so my SIN is 546-218-709 and the landlord wants it, normal?',
    'mijn BSN is 466.026.007, de huisbaas wil het',
    'my TFN is 465 829 101 lol, is it safe to email?',
  ],
  'a generic id name beside a person': [
    'Passenger name: Amina Yusuf, ID number: KX4471928',
    '他的证件号码：T58820913，帮我填表',
    'my Kenyan ID number is 30418872, is it safe to send?',
  ],
  'a claimed id in a format question': ['my PAN is BQKPM4821L, what does the fourth letter mean?'],
  'a real NHS number, claimed or named': ['my NHS number is 401 023 2137', 'NHS no: 4010232137 (my mum’s), can you fill the form?'],
};

const SENT: Record<string, readonly string[]> = {
  'a claim with the wrong digit count or a template, or asked whether it is valid': [
    'My SIN is 546-218-709, is it valid?',
    'my SIN is 5462 1870, is that the right length?',
    'is my BSN 123456789 a valid test value?',
  ],
  'a generic id name with no person': ['ID number 20231188 is on the invoice header', '证件号码：E12345678 这种格式对吗', '请输入证件号码，例如 123456789'],
  'a check-digit question with the id': ['what does a CPF like 318.402.957-12 look like when the check digit is wrong?', 'Why is 111.111.111-11 rejected as a CPF?'],
  'the NHS specimen': ['Is 943 476 5919 a valid NHS number?', 'The NHS specimen number 943 476 5919 is used in the docs; what’s the check digit?'],
  'format questions with the canonical example': [
    'What does an Indian PAN like AAAPL1234C encode? Why is the fourth letter P for individuals?',
    'In a PAN such as ABCPK5921M, what does the fifth letter stand for?',
    'What do the first two letters of a PAN such as BNZPM2501F stand for?',
    'What does the 4th character in a PAN like BQKPM4821L tell you?',
    'Why does a Dutch BSN like 123456782 pass the 11-test?',
  ],
};

describe('government ids said in conversation', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
