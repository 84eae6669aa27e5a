// Addresses in the main countries' own formats, homes described by a landmark and mobiles in national formats,
// each beside a person or a label; and the same shapes where no one's home or phone is given.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const ADDRESSES: Record<string, readonly string[]> = {
  'Spain, Portugal and Italy: street first, floor and door, then the postcode': [
    'Please put this on the envelope: Lucía Fernández, C/ Alcalá 47, 2ºB, 28014 Madrid',
    'Ana Pereira, Rua das Gaivotas 19, 3º Esq, 1200-123 Lisboa',
    'please forward to Matteo Ricci, Via dei Mille 23, int. 4, 40121 Bologna',
    'Bitte an Jonas Weber schicken, Lindenstr. 14, 50674 Köln',
  ],
  'France and Belgium: number first': ['Renvoyez le colis à Chloé Martin, 14 bis, rue des Tanneurs, 67000 Strasbourg'],
  'Latin America and Brazil: colonia and CP, CEP': [
    'Entrega para Guadalupe Ortiz: Av. Revolución 1520, Col. San Ángel, C.P. 01000, CDMX',
    'Meu endereço: Rua das Acácias, 231 - apto 52, CEP 04567-120, São Paulo',
  ],
  'Vietnam: house number, street, ward and district': [
    'ship it to my sister at 112/7 Lê Văn Sỹ, Phường 14, Quận Phú Nhuận',
    'địa chỉ của anh Phạm Quốc Bảo: 27 ngõ 91 Trần Duy Hưng, Phường Trung Hòa, Quận Cầu Giấy',
  ],
  'Taiwan, Hong Kong and China: section, lane, number, floor': [
    '收件人：刘晓燕 上海市徐汇区漕溪北路二段 88 巷 6 号 1202 室',
    '寄到 香港九龍旺角彌敦道 688 號 12 樓 1203 室 給 陳大文',
    '寄件人 林美玲，地址 新北市板橋區文化路一段 36 巷 5 號 3 樓',
    'Mr Wong, Flat 12B, 18/F, Block 3, Taikoo Shing, Hong Kong',
  ],
  'Japan and Korea': ['〒150-0041 東京都渋谷区神南1丁目19-11 田中 美咲 様', '김민준 씨 주소: 서울특별시 강남구 테헤란로 152, 101동 1203호'],
  'India and Nigeria: unit, estate, PIN': [
    'Ship to Ananya Rao, Flat 302, Lakeview Residency, opp. Forum Mall, Koramangala, Bengaluru - 560034',
    'Deliver to Chinedu Eze, House 14, 5th Avenue, Gwarinpa Estate, Abuja',
  ],
};

const HOMES: Record<string, readonly string[]> = {
  'a named person or a relative, their home by a landmark': [
    'tell the driver Chiamaka lives in the third house after the Oando filling station, the gate is blue',
    'Siobhan stays in the flat above the chemist on the high street, buzz twice',
    'my cousin Dmitri lives in the second house past the school, the one with the red gate',
    "we'll meet at my uncle Tomás Ibarra's place (green house behind the football pitch)",
    'Lucía vive en la casa azul detrás de la iglesia',
  ],
  'in Chinese, simplified and traditional': ['我妈现在住在菜市场对面那栋楼', '王建国住在小学旁边的第二栋', '我表姐 黃雅婷 現在住在高雄三民區，市場後面那排的第二間'],
};

const PHONES: Record<string, readonly string[]> = {
  'a label in the main languages': [
    'Contacto: Marta Ibáñez, móvil 623 48 19 07',
    'Chiara Conti, cellulare 347 812 6650',
    'Ruf bitte Lukas an, Handy 0176 2938 4410',
    '田中さんの携帯 090-4412-8873 に連絡して',
    '민지 핸드폰 010-4827-3391 로 전화해줘',
    'Meu celular é (11) 98765-4321, me liga',
  ],
  'a national mobile beside a person or a phone word': [
    'Llama a Sergio al 634 218 907 cuando llegues',
    'Appelle Camille au 06 48 27 91 35 ce soir',
    "Kemi's line is 0803 456 7821, call after 6",
    'Hubungi Budi di 0812 3456 7890 ya',
    'text Maria Santos 0917 482 5531 about the keys',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'places that are nobody’s home': [
    "What's the history of the Via Appia 12 mile marker?",
    'The Calle Mayor is the main street in Madrid, number 5 has a bakery.',
    'How do French addresses work, e.g. 10 rue de Rivoli?',
    'Quận 1 is the center of Ho Chi Minh City, with many hotels.',
    '台北101在信義路五段7號，是一座地標。',
    '东京都的丁目是什么意思？',
  ],
  'landmarks with no one living by them': [
    'Sherlock Holmes lives behind the museum in the novel, right?',
    'The bakery lives next to the station now.',
    'Who lives in the house behind the church in the film?',
    'Most people in Lagos live behind the main roads.',
    '住在学校旁边好不好？',
    'The Prime Minister lives above the offices at Downing Street.',
  ],
  'numbers that are not phones': [
    'The population of the region grew from 612 57 03 94 to more.',
    'Order 634 218 907 shipped yesterday',
    'The values were 98 201 47 735 in total',
  ],
};

describe('addresses, homes and phones of the main countries', () => {
  itKeepsLocalAndSends({ ...ADDRESSES, ...HOMES, ...PHONES }, SENT);
});
