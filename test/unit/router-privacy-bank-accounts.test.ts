// Domestic bank accounts (no IBAN) under their label with a bank's words near, the writer's own full date of birth,
// keypad and alarm codes said in words, and the false alarms beside them: a famous address with its quadrant, a
// Chinese address given as a format's example, a card number (the card rules read it), masked and counting digits.
import { describe, expect, it } from 'vitest';
import { itKeepsLocalAndSends, ruleFindings } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a UK, US or Australian account with its sort code, routing number or BSB': [
    'Pay John Smith, account number 41235678, sort code 20-00-00, for the deposit',
    'Set up direct deposit for me: routing 021000021, checking account # 4839201755',
    'pls transfer the rent: BSB 062-000 acc 1093 4471',
  ],
  'a Chinese account or card number with its bank or holder': [
    '我在淘宝退货，商家让我提供退款账户：户名马晨，招商银行北京分行，账号 6214906354908696。帮我写一条给客服的消息。',
    '工资卡换了，新的是建设银行，卡号 6217 0012 3400 5566 781，帮我通知财务',
  ],
  'the writer’s own full date of birth, in digits or in words': [
    'put my date of birth as 19 June 1988 on the rental form',
    'ok so for the rental application put my date of birth as the nineteenth of june nineteen eighty eight',
    'I was born on 3 March 1979, which day of the week was that?',
    '我的生日是1990年5月20日，帮我看看星座',
  ],
  'a keypad, garage or alarm code, in digits or in words': [
    'the keypad code is 4719, let the cleaner in',
    'note to self the garage keypad code is four seven one nine and the alarm disarm code is two two eight zero',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'account numbers that are no one’s': [
    'how many digits is a UK bank account number? e.g. 12345678',
    'the statement shows account ****12345678 at the bank, what is the rest for?',
    'sort code 00-00-00 and account 00000000 are what the form shows before you type',
  ],
  'a birthday without its year, and an account with no bank': ['My birthday is next week, suggest a restaurant in Bristol', 'my birthday is 12 June, plan a small party'],
  'a code named but not given': ['what is a keypad code usually, 4 or 6 digits?', 'the garage code is the same as last year'],
  'a famous address with its quadrant': [
    'Help me write a letter to the President about climate policy. The address is The White House, 1600 Pennsylvania Avenue NW, Washington, DC 20500 — how should I format the envelope?',
  ],
  'a Chinese address given as the example of a format': [
    "中国地址翻译成英文一般是什么顺序？比如'北京市朝阳区建国路88号'这种，应该怎么写？",
    '中国地址翻译成英文，比如北京市朝阳区建国路88号怎么写？',
  ],
};

describe('bank accounts, own dates of birth and spoken codes', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);

  it('reads a valid card number under 卡号 as a card, not as an account', () => {
    expect(ruleFindings('你好，我是持卡人 梁文博，卡号 6225 2631 2441 8419，上周被盗刷两笔')).toEqual(['card:6225 2631 2441 8419']);
  });

  it('reads an address one digit off a famous one as someone’s', () => {
    expect(ruleFindings('Please send the parcel to Tom Reed, 110 Downing Street, Leeds LS6 2AB')).not.toEqual([]);
  });

  it('keeps a Chinese example address local when someone lives there', () => {
    expect(ruleFindings('比如北京市朝阳区建国路88号，我家就在这里')).not.toEqual([]);
  });
});
