// What holdout-31's and -32's blind runs showed (stop 33), false alarms: role mailboxes by words the list lacked
// (payments@, repairs@, memberships@, hr-service@, a Czech podatelna@, a Spanish padron@) or beside words for a site
// in other languages (sul sito, en la web), a class's public mailbox at a free provider named so right before it, a
// device's factory codes in Chinese past a comma (工程密码), a council's and HMRC's accounts, an out-of-hours line, a
// school gate's and a dispatcher's numbers (门卫室电话, 调度电话), a Finnish service number "for example", Adyen's test
// card and a test card "in our test environment" in German.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a default code changed to the writer’s own, and an initial password handed to a colleague': [
    '门禁的默认密码我已经改成 Lq84!tz0pW 了，记得别告诉别人。',
    '新同事的账号信息：OA 账号 wu.xiaofan，初始密码 Rm7#kq2Vx9，登录后请修改。',
  ],
  'the writer’s own mobile beside a gatehouse': ['外卖备注：放门卫室就行，别打座机，打我手机 15829364071'],
  'a person’s own account in a council tax question': [
    'Council tax: the Direct Debit still comes from Mr P. Oduya, sort code 20-41-77, account 53820914, but he left in May. How do I move it to mine?',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'role mailboxes of organisations': [
    'Our landlord never answers. Their repairs inbox is repairs@maplecourtlets.co.uk. Can you write a firm reminder about the leaking roof?',
    'The dentist says card payments only ever come by a link from payments@brightbay-dental.co.uk. Write a notice for our practice’s page warning patients about scam calls.',
    'Jak napsat žádost, když obecní úřad přijímá podání jen na podatelna@obec-lhota.cz? Píšu návod pro seniory.',
    'Per il 730 lo studio indica info@studioronchetti.it sul sito: scrivi un sollecito cortese.',
    '帮我写一个接龙：照片请发到班级公共邮箱 class4_2025@163.com，注明孩子姓名。',
  ],
  'factory codes in Chinese': ['门禁说明书上写管理员默认密码是 666666，工程密码是 012345，帮我写个通知提醒安装师傅上线前改掉。'],
  'a council’s and HMRC’s accounts': [
    "Council tax question: the council's bank details for one-off payments are Eastmoor Borough Council, sort code 60-71-82, account 20417733. Can I pay the year at once?",
    'Pay Self Assessment to sort code 08 32 10, account number 12001020, account name HMRC Shipley, with the UTR as reference. Same for Class 2?',
  ],
  'organisations’ own lines': [
    "For the expedition pack: the centre's out-of-hours line is 01865 413 907, should it go at the top of the contacts table?",
    '家长群通知：接送卡丢了请拨学校门卫室电话 0571-8839 2210 登记补办。',
    '春游接龙：大巴公司调度电话 0571-8721 4400，家长电话不用写在群里。',
    'Kelan sivuilla on eri palvelunumerot eri etuuksille, esimerkiksi 020 634 11. Teen listan taloyhtiön ilmoitustaululle.',
  ],
  'published test cards': [
    'Welke testkaarten werken in de sandbox van Adyen? Ik zie 4111 1111 4555 1142, vervaldatum 03/2030, CVC 737.',
    'Ist 5555 5555 5555 4444 eine echte Kreditkartennummer? Die steht in unserer Testumgebung und wird abgelehnt.',
  ],
};

describe('role mailboxes, organisations’ lines and factory codes (holdout-31 and -32)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
