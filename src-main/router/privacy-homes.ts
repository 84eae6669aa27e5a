// A named or identified person's home described by a landmark rather than an address: "Amaka lives in the last
// house on the left after the petrol station", "my aunt Rosa Jiménez's place (blue house behind the market)",
// "Lucía vive en la casa azul detrás de la iglesia", 我表哥现在住在…夜市后面那条巷子的第三间. Three parts, in
// one sentence: a home word (lives, stays, X's place, 住在), a person just before it (a name, accents and all,
// or a relative), and after it a landmark's preposition or a house picked out by its order or colour.
// Each part is a short pattern over a slice around a home word; the home words are found first, and are rare.

import { FAMILY_EN } from './privacy-relatives.js';
import { eachMatch } from './privacy-match.js';
import { inventedPeople, SURNAMES_ZH } from './privacy-person.js';
import { hasHan } from './privacy-text.js';

export type HomeFound = (start: number, end: number) => void;

const UP = 'A-ZÀ-ÖØ-Þ';
const LOW = 'a-zß-öø-ÿ\\u0100-\\u017f';
const NAME = `[${UP}][${LOW}'-]{1,20}(?: [${UP}][${LOW}'-]{1,20}){0,2}`;
const RELATION = `(?:${FAMILY_EN}|girlfriend|boyfriend|friend|colleague|boss|tenant|neighbou?r|ex|ex-wife|ex-husband|ex-partner|client|patient|student|nanny|cleaner|maid|helper|housekeeper|carer|caregiver|driver|babysitter|au pair|lodger|landlord|landlady|flatmate|roommate|housemate|mother-in-law|father-in-law|in-laws|stepmum|stepmom|stepdad|fiancée?)`;

// The home words: a verb of living, or someone's place.
// Each verb is found at its rare letter (v, y) and read behind; the whole word is taken back from there.
const HOME_WORD_EN =
  /v(?<=\bliv)(?:es|ing|e)\b|v(?<=\bmov)ed (?:in(?:to)?|to)\b|y(?<=\bstay)(?:s|ing)\b|v(?<=\bviv)en?\b|['’]s,? (?:the |her |his |their )?(?:place|house|home|flat|apartment|compound|farm|cottage)\b/g;
// The person just before the home word: a name, or a relative (with their name, perhaps).
const SUBJECT_BEFORE = new RegExp(
  `(?:(?<![${UP}${LOW}]|\\b[Tt]he |\\b[Aa]n? )(${NAME})|\\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Mm]i|[Mm]a|[Mm]on|[Mm]eine?) (?:\\w+ )?${RELATION}(?: ${NAME})?)(?: (?:now|still|currently|also|actually|ahora|todavía|maintenant|jetzt))?(?: (?:is|has|have been|has been|had been|are|were))? ?$`,
);
const LOWER_POSSESSOR = /\b(?:at|to|from|round|over at|back at) ([a-z][a-z'-]{2,20})$/;
// Capitalised words that are not a person (sentence openers, pronouns, the undefined someone).
const NOT_A_NAME =
  /^(?:He|She|It|They|We|I|You|Who|This|That|There|Here|Nobody|Everyone|Everybody|Someone|Somebody|Anyone|The|A|An|My|Our|His|Her|Their|Santa|God|Jesus|Prime|President|King|Queen|Pope|Mayor|Governor|Emperor|Minister|Sultan|Prince|Princess|Duke|Lord|Everything|Nothing|Where|Which|What|How|Why|When)(?: |$)/;
// After the home word, in its sentence: a landmark's preposition and an article, or a house picked out by its order or colour.
const LANDMARK_AFTER =
  /\b(?:behind|after|past|next to|next door to|opposite|across (?:the road |the street )?from|beside|at the end of|on the corner of|round the corner from|above|below|detrás de|al lado de|enfrente de|frente a|junto a|derrière|à côté de|en face de|hinter|neben|gegenüber|dietro|accanto a|di fronte a|atrás d[oa]|ao lado d[oa])\b ?(?:the|a|that|this|el|la|los|las|le|les|l'|der|die|dem|den|il|lo|o|a)\b|\b(?:last|first|second|third|fourth|fifth|\d{1,2}(?:st|nd|rd|th)|blue|green|red|yellow|white|pink|grey|gray|brown|black|orange|purple|azul|verde|roja|amarilla|blanca|bleue|verte|rouge|jaune|blanche|blaue|grüne|rote|gelbe|weiße)(?: [a-z]+)?? (?:house|building|gate|door|bungalow|compound|cottage|casa|maison|haus|portón|puerta|porte|tür)\b|\b(?:casa|maison|haus) (?:azul|verde|roja|amarilla|blanca|bleue|verte|rouge|jaune|blanche)\b|\bthe (?:gate|door|roof) is (?:blue|green|red|yellow|white|black|brown|grey|gray)\b|\b(?:berth|mooring|pitch) [A-Z]?\d{1,3}[A-Z]?\b/i;
// A neighbourhood named by its unit word (colonia Isidro Fabela, Barangay San Roque, Kampung Melayu, bairro Vila
// Madalena): finer than a city, so with a named person it says where they live. Case kept: the name is capitalised.
const NEIGHBOURHOOD_AFTER =
  /(?<![A-Za-z])(?:[Cc]olonia|[Cc]ol\.|[Bb]arangay|[Bb]rgy\.?|[Kk]ampung|[Kk]elurahan|[Bb]airro|[Bb]arrio|[Ff]raccionamiento|[Ff]racc\.|[Uu]rbanizaci[oó]n|[Qq]uartier|[Ss]ubdivision|[Hh]ousing [Ee]state|[Cc]ouncil [Ee]state) (?:d[eo] )?[A-ZÀ-Þ\d]|\bthe [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:estate|subdivision|compound|housing scheme)\b/;
// The writer's own home picked out among others: "we're the last house before the roundabout", "ours is the blue
// cottage after the bridge", "I'm the one with the yellow door on Kiln Road". The house words are rare, so they are
// found first; the first person is read just before, and a landmark, a street or a door just after.
const HOUSE_PICKED =
  /\bthe (?:last|first|second|third|fourth|fifth|\d{1,2}(?:st|nd|rd|th)|blue|green|red|yellow|white|pink|grey|gray|brown|black|orange|purple|thatched|end)(?: [a-z]+)?? (?:house|cottage|bungalow|farmhouse|terrace|semi|building|flat|door|gate)\b|\bthe (?:one|house|cottage|bungalow|flat|place) with the (?:[a-z]+ )?(?:door|gate|roof|shutters|fence|porch|hedge|garage)\b/g;
const FIRST_PERSON_BEFORE =
  /\b(?:[Ww]e['’]re|[Ww]e are|I['’]m|I am|[Oo]urs is|[Mm]ine is|(?:[Oo]ur|[Mm]y) (?:house|home|place|flat|cottage|bungalow) is|[Ww]e live in|I live in|[Ww]e(?:['’]re| are) in|I['’]m in)[ ,]{1,2}(?:(?:now|still|actually|just) )?$/;
const PLACE_AFTER_PICKED =
  /^[^.!?\n]{0,80}?(?:\b(?:before|after|past|behind|next to|opposite|across from|beside|at the end of|on the corner of|round the corner from)\b|\b(?:on|in|off) [A-Z][a-z]+ (?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Drive|Close|Way|Crescent|Terrace|Grove|Hill|Green|Row|Walk)\b|\bthe one with the )/;
// One pattern, not a substring test per word: includes() is slow over a text with Chinese in it.
const OWN_HOUSE_MAX_CHARS = 1500;
const HOUSE_HINT = /\b(?:house|cottage|bungalow|door|gate)\b/;
const AFTER_REACH = 140;
const BEFORE_REACH = 60;

// Chinese: a home verb, a person before it, and a landmark or a door counted along a lane after it.
// Cantonese too: 住喺, 搬咗去, 屋企喺.
const HOME_WORD_ZH = /住在|住|家在|搬到|搬去|租住|搬咗去|搬咗嚟|屋企喺|屋企係|屋企在/g;
const RELATIVE_ZH =
  '(?:妈妈|媽媽|爸爸|母亲|母親|父亲|父親|老妈|老媽|老爸|外婆|外公|奶奶|爷爷|爺爺|姥姥|姥爷|姥爺|婆婆|公公|岳父|岳母|老公|老婆|哥哥|姐姐|弟弟|妹妹|姊姊|儿子|兒子|女儿|女兒|舅舅|舅妈|舅媽|姑姑|叔叔|阿姨|伯伯|表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|男朋友|女朋友|前男友|前女友|前夫|前妻|前度|前任|老豆|老竇|老窦|阿嫲|阿嬤|阿爺|阿爷|阿公|阿婆|阿媽|阿妈|阿爸|家姐|細佬|细佬|細妹|大佬|保姆|工人姐姐|房客|租客|房东|房東|嫂子|姐夫|妹夫|女婿|媳妇|媳婦|孙子|孫子|孙女|孫女|外甥|侄子|闺蜜|閨蜜|室友|同事|朋友|我[爸妈媽哥姐弟妹])';
const SUBJECT_BEFORE_ZH = new RegExp(
  `(?:${RELATIVE_ZH}(?:\\s?[\\u4e00-\\u9fff]{2,3})?|[${SURNAMES_ZH}張陳劉楊黃趙吳週鄭謝許韓馮鄧蕭葉蘇盧鍾譚陸範賈韋鄒熊邱薛閆雷龍陶賀顧龔萬錢嚴][\\u4e00-\\u9fff]{1,2}|[他她佢])\\s?(?:现在|現在|目前|一直|还|還|一个人|一個人|一家人?|平时|平時|而家|依家|宜家|已经|已經|最近)?\\s?$`,
);
const LANDMARK_AFTER_ZH =
  /后面|後面|后边|後邊|后头|後頭|旁边|旁邊|对面|對面|斜对面|斜對面|隔壁|楼上|樓上|楼下|樓下|背后|背後|拐角|转角|轉角|第[一二三四五六七八九十\d]{1,3}(?:间|間|栋|棟|家|户|戶|号楼|號樓|排|幢|个门|個門)/;
const HOME_HINT_ZH = /住|家在|搬到|搬去|搬咗|屋企/;
// A relative earlier in the same sentence, for a second home verb (阿嫲而家搬咗去屯門，住喺兆康苑): relatives are
// specific words, so unlike a name they may stand a clause away.
const RELATIVE_IN_SENTENCE_ZH = new RegExp(`${RELATIVE_ZH}[^。！？\\n]{0,20}$`);
// The estate, neighbourhood or lane they live in (那个小区叫“锦城湖岸”, 兆康苑, 禾輋邨, 龍門社區, 永康街 12 巷): finer than a
// district, so with a person it is their home. 村 alone is the countryside (农村), so only 新村 counts.
const ESTATE_AFTER_ZH =
  /小区|小區|社区|社區|屋苑|屋邨|[\u4e00-\u9fff]{1,5}[苑邨]|[\u4e00-\u9fff]{2,6}(?:花园|花園|新村|公寓|大厦|大廈|山莊|山庄|豪庭)|[\u4e00-\u9fff]{2,4}城(?![市里裡区區])|[\d一二三四五六七八九十]{1,3}\s?[巷弄]|巷子|弄堂|胡同/;
// The same in pinyin: "wo de qianfu zhu zai … xiaoqu".
const PINYIN_HOME =
  /\b(?:wo|ta|ni) de (?:qianfu|qianqi|mama|baba|waipo|waigong|nainai|yeye|laogong|laopo|gege|jiejie|didi|meimei|erzi|nver|nü'?er|biaoge|biaojie|pengyou|tongshi|baomu) (?:xianzai )?zhu zai [^.!?\n]{0,60}?\b(?:xiaoqu|shequ|huayuan|gongyu|xincun)\b/gi;

/** The sentence after `end`, at most `reach` characters: cut at a full stop, question or exclamation mark, or a line break. */
function sentenceAfter(text: string, end: number, reach: number): string {
  const after = text.slice(end, end + reach);
  const cut = after.search(/[.!?](?:\s|$)|\n|[。！？]/);
  return cut < 0 ? after : after.slice(0, cut);
}

/** A named or identified person's home described by a landmark, in English, the main European languages and Chinese. */
export function findHomesByLandmark(text: string, found: HomeFound): void {
  HOME_WORD_EN.lastIndex = 0;
  const english = HOME_WORD_EN.test(text);
  const chinese = hasHan(text) && HOME_HINT_ZH.test(text);
  // An exam question or a word problem ("Carson lives in an old house…") is about invented people.
  // The writer's own house and pinyin are told in a short message; a long prompt (code, a document) skips both scans.
  const short = text.length <= OWN_HOUSE_MAX_CHARS;
  const house = short && HOUSE_HINT.test(text);
  const pinyin = short && text.includes('zhu zai');
  if ((!english && !chinese && !house && !pinyin) || inventedPeople(text)) return;
  if (english) {
    eachMatch(HOME_WORD_EN, text, (m) => {
      let start = m.index;
      while (start > 0 && text.charCodeAt(start - 1) >= 97 && text.charCodeAt(start - 1) <= 122) start--;
      const before = text.slice(Math.max(0, start - BEFORE_REACH), start).replace(/[,(]\s*$/, '');
      // A chat's lower-case name before a possessive home ("still at kasia's, the flat above the launderette").
      const named = SUBJECT_BEFORE.exec(before);
      const possessorFrom = Math.max(0, m.index - BEFORE_REACH);
      const possessor = named === null && /^['’]/.test(m[0]) ? LOWER_POSSESSOR.exec(text.slice(possessorFrom, m.index)) : null;
      const subject = named ?? possessor;
      if (subject === null || (subject[1] !== undefined && NOT_A_NAME.test(subject[1]))) return;
      const subjectStart = named !== null ? start - (before.length - named.index) : possessorFrom + possessor!.index;
      // "live" goes with a plural: "my parents live", not a name ("most people in Lagos live behind…").
      if (subject[1] !== undefined && text.startsWith('live', start) && m[0] === 've') return;
      const end = m.index + m[0].length;
      const after = sentenceAfter(text, end, AFTER_REACH);
      const landmark = LANDMARK_AFTER.exec(after) ?? NEIGHBOURHOOD_AFTER.exec(after);
      if (landmark !== null) found(subjectStart, end + landmark.index + landmark[0].length);
    });
  }
  if (house) findOwnHousePicked(text, found);
  if (pinyin) eachMatch(PINYIN_HOME, text, (m) => found(m.index, m.index + m[0].length));
  if (!chinese) return;
  eachMatch(HOME_WORD_ZH, text, (m) => {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    // The subject just before the verb, or a relative earlier in the same sentence (阿嫲而家搬咗去屯門，住喺…).
    if (!SUBJECT_BEFORE_ZH.test(before.slice(-16)) && !RELATIVE_IN_SENTENCE_ZH.test(before)) return;
    // The clause may go on past a comma: 住在台中西屯區，逢甲夜市後面那條巷子的第三間.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 48).split(/[。！？\n]/)[0]!;
    const landmark = LANDMARK_AFTER_ZH.exec(after) ?? ESTATE_AFTER_ZH.exec(after);
    if (landmark !== null) found(m.index, m.index + m[0].length + landmark.index + landmark[0].length);
  });
}

/** The writer's own house picked out by its order or colour, with a landmark, a street or a door after it. */
function findOwnHousePicked(text: string, found: HomeFound): void {
  eachMatch(HOUSE_PICKED, text, (m) => {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const own = FIRST_PERSON_BEFORE.exec(before);
    if (own === null) return;
    const end = m.index + m[0].length;
    if (PLACE_AFTER_PICKED.test(text.slice(end, end + 100))) found(m.index - (before.length - own.index), end);
  });
}

// A room in a student hall or a dorm, the writer's own or a named person's: "son Rory Blackwood is in Cartwright Hall,
// block C, room 214", "ich wohne … im Studentenwohnheim in der Pfeilgasse, Zimmer 3.14". A room number is as close as an
// address; a hall's room with no one in the sentence (a timetable's "Lecture in Fenwick Hall, room 2.14") is not. So are a
// hostel's, a boarding school's, a hotel's or a hospital's ("Mio figlio … dorme all'Ostello Santa Monaca, camera 204").
const HALL_ROOM =
  /\b(?:[A-Z][\w'’-]+ (?:Hall|Halls|House|Court|Lodge|Residence)|(?:Studenten)?[Ww]ohnheim|r[ée]sidence (?:universitaire|[ée]tudiante)|residencia(?: de estudiantes| universitaria)?|studentenhuis|halls? of residence|dorm(?:itory)?|[Oo]stello|[Hh]ostel|[Ee]fterskole\w*|[Ii]nternat\w*|[Hh]otell?\w*|[Zz]iekenhuis|[Kk]rankenhaus|[Oo]spedale|[A-Z][\w'’-]+ (?:Hotel|Hostel|Inn))\b[^.?!\n]{0,40}?\b(?:[Rr]oom|[Zz]immer|[Cc]hambre|[Hh]abitaci[óo]n|[Kk]amer|[Pp]ok[óo]j|[Vv]ærelse|[Cc]amera|[Ss]tanza|[Rr]om|[Rr]um)\.? ?(?:[Nn][or]\.? ?)?\d{1,4}(?:\.\d{1,3})?[A-Za-z]?(?![\w.]\d)/g;
const HALL_WORDS = [
  'Hall',
  'House',
  'Court',
  'Lodge',
  'Residence',
  'ohnheim',
  'sidence',
  'residencia',
  'studentenhuis',
  'halls',
  'dorm',
  'stello',
  'ostel',
  'fterskole',
  'nternat',
  'otel',
  'iekenhuis',
  'rankenhaus',
  'spedale',
  'Inn',
] as const;
// A room's number, the rarer part: looked for first, so that the common hall words cost nothing without one.
const ROOM_NUMBER = /\b(?:[Rr]oom|[Zz]immer|[Cc]hambre|[Hh]abitaci[óo]n|[Kk]amer|[Pp]ok[óo]j|[Vv]ærelse|[Cc]amera|[Ss]tanza|[Rr]om|[Rr]um)\.? ?(?:[Nn][or]\.? ?)?\d/;
// Someone the room is of, earlier in its sentence: the writer, a relative, or a name before "is in"/"is staying in".
const ROOM_HOLDER_BEFORE = new RegExp(
  `(?:\\b(?:I|I['’]m|my|ich|wohne|mein(?:e[nm]?)?|je|j['’]habite|vivo|woon|mijn|bor|mieszkam|[Mm]io|[Mm]ia|[Mm]on|[Mm]in|[Mm]it|[Mm]ój|[Mm]oja)\\b|\\b(?:${RELATION})\\b|${NAME} (?:is|lives|stays|is staying|is living) (?:in|at)\\b)[^.?!\\n]*$`,
);

/** A student hall's or a dorm's room beside the person who has it. */
export function findHallRooms(text: string, found: HomeFound): void {
  if (!HALL_WORDS.some((w) => text.includes(w)) || !ROOM_NUMBER.test(text)) return;
  eachMatch(HALL_ROOM, text, (m) => {
    if (ROOM_HOLDER_BEFORE.test(text.slice(Math.max(0, m.index - 120), m.index))) found(m.index, m.index + m[0].length);
  });
}
