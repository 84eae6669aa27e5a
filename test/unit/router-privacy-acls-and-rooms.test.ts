// What holdout-25's and holdout-26's blind runs showed (stop 31), by family. Missed: a Redis ACL's >password, a
// secrets command's --data, OpenWrt's option key, a VBA pass = "…", Google's eight-digit backup codes, a key safe "is
// 4719", "I'm on £41,250 as a senior analyst", 现在税前月薪 23k before a new offer, 炒咗阿明（陳志明）, a Dutch written
// warning, a one-digit hostal room, "nasci a 3 de março de 1989", 出生日期 民國 40 年 10 月 5 日 under a named 申請人, a debt collector's
// message naming the emergency contact's mobile, a list's or a filing's person with 男/女 (no anonymised case), an
// address in 张店区 (店 read as a shop). False alarms: Lou Gehrig's 1939 diagnosis in a piece the writer is writing, a
// saleroom's own address, a Firebase test number, lettings@ and valuations@ on an agency's pages, a Tableau field
// named Base Salary, a Singapore UEN and CEA licence, a Brazilian CNPJ, 虚构案例, a published 公开邮箱, a docs example's
// customer, a sandbox's 111111, an SSH public key, a Stichting's IBAN, "Approved Premises", "World Rugby", a pulumi
// --secret flag, 'DEIN_PASSWORT', a dummy fixture's password. Each beside the other way round.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'secrets in config, commands and code': [
    'user default off\nuser reporting on >ledger-Mint-5530 ~report:* -@all +get',
    "drone secret add --repository monorga/site --name ssh_deploy_pass --data 'Gr3nouille!Bleue-77'",
    "config wifi-iface 'default_radio0'\n\toption ssid 'Nordlicht'\n\toption key 'Zwetschge-Karussell-58'",
    'Sub Upload()\n    user = "mwhitlock"\n    pass = "Pelican$Dune88"',
    'my google backup codes:\n4829 1047\n6613 0928\n7350 2261\n1198 4736\n5502 8814',
    'the key safe on the left of the side gate is 4719',
    "$cfg['blowfish_secret'] = 'D8WETa!hy120l#aFMW7Xlz2YdkCrm4tP';",
  ],
  'pay, HR, stays, births and contacts': [
    "I'm on £41,250 as a senior analyst and I've just been offered £47,000 elsewhere.",
    '现在税前月薪 23k，一年 14 薪。新 offer 是 28k×16 薪，值不值得跳？',
    '老細話下個月要炒咗阿明（陳志明），佢人工係 $22,000。',
    'Ik ben Sanne de Vries en mijn leidinggevende gaf me vandaag een officiële schriftelijke waarschuwing.',
    'Soy Marta Quintana y estoy alojada en el Hostal Las Tres Rosas de Granada, habitación 5, hasta el domingo.',
    'Chamo-me Inês Falcão Moreira e nasci a 3 de março de 1989, em Braga.',
    '申請人 吳天賜，出生日期 民國 40 年 10 月 5 日，設籍台南市永康區。',
    '"您在我司的借款已逾期 47 天，本机已联系您的紧急联系人 刘母 138 2761 4409"',
    '候选人一：张卫东，男，52 岁，住 5 栋 2 单元 1101，退休教师',
    '被告 苗振东，男，汉族，住 山东省淄博市张店区 柳泉路 205 号 鑫城小区 12 号楼 3 单元 601 室。',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'organisations, examples and tests': [
    "I'm writing a piece on Lou Gehrig: he retired in 1939 after being diagnosed with ALS. When was it named after him?",
    'Items can be dropped off at our saleroom, Harrowgate Auctions, 2 Station Yard, Harrogate HG1 1TE.',
    'const val TEST_PHONE = "+1 650-555-3434"   // fictional number configured in the Firebase console',
    'Brochures for all our properties can be requested at lettings@beaconhomes.co.uk.',
    'IF [Rating] = "Exceeds" THEN [Base Salary] * 0.18 — from our published bonus policy',
    '"Harbourfront Homes Pte Ltd, UEN 201912345K" — does the UEN have to be on every ad?',
    'A empresa Carvalho Nunes Importação Ltda., inscrita no CNPJ sob o nº 12.457.803/0001-40, com sede em Campinas.',
    '来访者：A（虚构案例，无真实原型），女，二十多岁，情绪持续低落半年。',
    '招生办公开邮箱是 yzb@example-univ.edu.cn，帮我写封咨询邮件。',
    'I copied the customer object from Square\'s own docs example: "given_name": "Amelia", "phone_number": "+1-212-555-4240"',
    '银联测试环境文档里给了一张测试卡号，短信验证码固定是 111111。',
    'The public half is:\n\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq2Jv8rWm0Tq4yLk3s9cZpXe7aNfB1dGhUoV5iRtE6w root@DS920',
    'The donation page of Stichting Voedselhulp De Korenschoof lists its IBAN as NL91 ABNA 0417 1643 00.',
  ],
  'topics, flags and placeholders': [
    'What are Approved Premises in England and Wales, and who lives in them?',
    "What does World Rugby's graduated return to play after concussion look like for adult community players? I'm the welfare officer at an amateur club.",
    'I ran `pulumi config set --secret billing-api:dbPassword` — where does the value go?',
    "config wifi-iface 'default_radio0'\n\toption key 'DEIN_PASSWORT'",
    'pw = "hunter2"  # dummy fixture password',
    '台湾的地址要怎么翻成英文？例如「新北市板桥区文化路一段 188 巷 12 弄 5 号 4 楼」这种有巷、弄的地址，英文格式怎么写？',
    '现在月薪 23k 在杭州算什么水平？',
  ],
};

describe('ACLs, commands, backup codes, stays, filings; organisations, tests, topics (holdout-25 and -26)', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
