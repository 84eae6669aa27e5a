// False alarms of the twelfth set, as families, each beside the same shape when it is someone's: shared and
// placeholder mailboxes, organisations' lines and venues, shows and biographies, pets, published examples in other
// languages, provider ids and dates that are no secret; and three take-backs that wrongly cleared someone's data.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const SENT: Record<string, readonly string[]> = {
  'shared, role and placeholder mailboxes': [
    '如有问题请发邮件到学校德育处公共邮箱 deyu@bjsz.edu.cn，或者工作日拨打学校总机。',
    'make this CV header template look cleaner: [FULL NAME] | [email@domain.com] | [City]',
    'reservations now go to prenotazioni@trattoria-dasilvio.it, it is on their website',
    'From: Parish Council Clerk <clerk@lowerbrayton-pc.gov.uk>\nSubject: Village hall booking',
  ],
  'an organisation’s line or venue': [
    '以后报修直接打物业服务中心 021-64387710，24 小时有人',
    'Harbor Realty: Questions about the unit? Call our office at (415) 555-0142. Reply STOP to opt out.',
    '周末带孩子去南京博物院吧，在中山东路 321 号，周一闭馆，要提前预约',
    "INSERT INTO stores (store_name, line1) VALUES ('星巴克 南京西路店', '上海市静安区南京西路 1266 号 恒隆广场 1 层');",
  ],
  'a show, a biography, a pet, a generic child': [
    "Sam: did you watch grey's last night\nSam: the storyline where meredith's patient has the miscarriage, the writers are cruel",
    '这是我们追剧群的聊天记录：《我们与恶的距离》看到第六集了，里面那个哥哥的抑郁症演得好真实',
    '鲁迅晚年长期患有肺结核，病情时好时坏。1936 年 10 月 19 日凌晨，鲁迅在上海逝世。帮我压缩成 200 字',
    '帮我看看我家猫的体检报告，它叫咪咪，肌酐偏高，医生说可能是早期肾病',
    '2016年3月8日出生的孩子，今年周岁几岁、虚岁几岁？',
  ],
  'published examples, named as such in other languages': [
    "my IBAN validator says the Wikipedia example 'IE29 AIBK 9311 5212 3456 78' is valid, explain the mod-97 steps",
    'Czy przykładowy IBAN PL61 1090 1014 0000 0712 1981 2874 z dokumentacji przechodzi walidację mod-97?',
    '¿Qué tarjetas de prueba ofrece Redsys? He visto la 4548 8120 4940 0004 en la documentación',
    '香港身份證號碼括號入面嗰個數字點計出嚟㗎？用入境處網站示範號碼 A123456(3) 講解吓',
    'IBAN: ES60 0049 1500 0512 3456 7892 (published on the school website)',
  ],
  'ids, tokens and dates that are no secret': [
    "INSERT INTO orders (card_token) VALUES ('tok_1PdX9bLk2f0qZ8xYwV3mNc7A');",
    'WARN 登录失败 email=w***@foxmail.com reason=bad_password\n2024-07-01 12:00:05 WARN 登录失败',
    "VALUES ('user_1042', '138****7746', '3201**********3318', '2024-05-02');\n-- table: id_card VARCHAR(15)",
    'REDIS_URL=redis://:<password>@<host>:6379/0',
    "INSERT INTO patients (full_name, dob, ward) VALUES ('Test Patient', '01/01/1900', 'Demo'); -- our seed script",
  ],
};

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'the same shapes when they are someone’s': [
    'my IBAN is IE29 AIBK 9311 5212 3456 78, pay the deposit there',
    'did you watch the news? my mum had a miscarriage last week and I can’t stop thinking about it',
    '帮我看看我妈妈的体检报告，肌酐偏高',
  ],
  'data a take-back used to clear': [
    'DSN=postgresql://orders_rw:Wm7qLz2pX-fen88@db.internal:5432/orders',
    '12306 上给孩子买票，王梓涵，出生日期 2017-06-30，现在还能买儿童票吗？要用他的身份证号吗',
    '把这份病历摘要翻译成英文：\n患者：赵建国，男，62岁\n诊断：冠心病，不稳定型心绞痛',
  ],
};

describe('false alarms of the twelfth set, by family', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
