// Addresses of India, Korea, Japan, Singapore and Hong Kong in notices, forms and config values, and public places
// (a famous figure's house asked about, an embassy, a company office, a format question) beside them. Every value
// here is invented.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'India: parts with a locality word, the city and a PIN': [
    'Notice\nTo: Mr Arjun Pillai, 7C Lotus Apartments, 2nd Cross, Jayanagar, Bengaluru 560041\nThe rent rises from March.',
    'Send the parcel to Kavita Joshi, 18/4, 9th Main, BTM Layout Stage 2, Bengaluru - 560076',
    'my address: 502, Sai Niwas, Sector 21, Nerul, Navi Mumbai 400706',
    'address = "C-9, Malviya Nagar, New Delhi 110017" # Rohit Bansal',
  ],
  'Korea and Japan in Latin letters': [
    'locals {\n  owner_contact = "Seo-yeon Choi, 203-1102 Prugio Apt, 31 Hakdong-ro, Gangnam-gu, Seoul 06045"\n}',
    'ship to Do-hyun Yoon, 18 Dosan-daero 45-gil, Gangnam-gu, Seoul',
    'Please send it to Haruka Mori, 4-12-7 Ebisu, Shibuya-ku, Tokyo 150-0013',
    'Mr Daichi Ueda, 3-chome 8-2, Kita-Aoyama, Minato-ku, Tokyo',
  ],
  'Singapore: block and unit; Hong Kong estates': [
    'Blk 318 Clementi Ave 5, #09-221, Singapore 120318 (Lim Jia Hui)',
    'deliver to Nurul, Blk 72 Bedok North St 3 #05-118 S(460072)',
    '我屋企地址係新界大埔富亨邨亨泰樓 1508 室，寄去呢度',
    '收件人：黃嘉欣，地址：香港將軍澳日出康城 5 期 3 座 21 樓 C 室',
  ],
  'the same kind of house when it is someone’s': [
    "My aunt's house in Key West is at 614 Olivia Street. Is it true the cats still live there?",
    "Tom Ashby's house is at 27 Larch Road in Leeds, can you write him a card?",
    "Nadia's house is at Keizersgracht 310, can we visit on Sunday?",
  ],
};

const SENT: Record<string, readonly string[]> = {
  'offices, embassies and headquarters': [
    'Wipro campus: 72 Electronics City, Hosur Road, Bengaluru 560100 — where do visitors park?',
    'The Canadian Embassy is at 21 Jeong-dong-gil, Jung-gu, Seoul. What are the visa hours?',
    "Sony's head office is at 1-7-1 Konan, Minato-ku, Tokyo 108-0075",
    'The Australian High Commission is at 25 Napier Road, Singapore 258507',
  ],
  'format questions with their example': [
    'How are Indian addresses written? Is the PIN code always 6 digits like 560041?',
    'What is the format of a Korean road address such as 31 Hakdong-ro, Gangnam-gu?',
    'Korean addresses changed to road names in 2014, e.g. 22 Olympic-ro, Songpa-gu. Why?',
    'Singapore HDB addresses: what do Blk and #09-221 mean?',
    '香港地址英文格式點寫？樓層同室號應該放邊度？',
  ],
  'a public or fictional figure’s house asked about': [
    "Ernest Hemingway's house in Key West is at 907 Whitehead Street. Is it true the six-toed cats still live there?",
    "Elvis Presley's Graceland is at 3764 Elvis Presley Boulevard in Memphis. How long is the tour?",
    "Mark Twain's house at 351 Farmington Avenue in Hartford is a museum now — worth a visit?",
    "Rembrandt's house at Jodenbreestraat 4 is a museum; do I need to book?",
    "Freud's house at 20 Maresfield Gardens in Hampstead is a museum now; what's in it?",
  ],
};

describe('addresses of Asia and public places', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
