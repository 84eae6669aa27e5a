// Where someone is or has been, read from what a phone or a card records (read by privacy.ts's detectors):
// - a transit card's history (八達通, Oyster, 悠遊卡, Suica …): two or more taps with their times, in a text about a
//   relative or a named person ("幫我睇下我個仔（陳樂軒）嘅八達通紀錄 … 16:05 港鐵 大圍 入閘");
// - a phone's live or last location of a relative or a named person (爸爸刘德胜 … 手机定位最后显示在 …, "Mum's Find
//   My shows her at …");
// - a regular lift's pick-up and drop-off points with its rider (乘客：孟凡 … 上车点：…);
// - a hotel room with its guest ("Dad … is in room 214 at the Premier Inn");
// - where a relative lives, in another European language ("Ma tante Odile habite à Annecy-le-Vieux");
// - the writer's home empty on given days, in another European language, with its door ("del 3 al 17 de agosto no
//   estaremos en casa (ático B del número 12)"): English has its own rule (privacy.ts).
// - a hotel system's room and guest (rm=1412 gst=HALVORSEN/INGRID), a photo's GPS position taken at the writer's home.
// A card's fares explained, or location sharing as a topic, name no one and stay clean.
import { FAMILY_EN, FAMILY_EU } from './privacy-relatives.js';
import { firstMatches } from './privacy-match.js';
import { findNames } from './privacy-person-names.js';

type Found = (start: number, end: number) => void;

const LIMIT = 16;

const TRANSIT_CARD = /八达通|八達通|octopus|oyster|交通卡|公交卡|一卡通|羊城通|悠遊卡|悠游卡|suica|pasmo|opal card|presto|clipper|navigo/;
const TAP_LINE = /\d{1,2}[:：]\d{2}[^\n]{0,40}?(?:入闸|出闸|入閘|出閘|进站|出站|進站|上车|下车|tap(?:ped)? (?:in|out)|touch(?:ed)? (?:in|out)|\bentry\b|\bexit\b)/gi;
// Case-sensitive: "where do I find my tax number" is no app.
const LIVE_LOCATION =
  /(?:手机|手機)?定位(?:最后|最後)?(?:显示|顯示|在)|位置共享|实时位置|實時位置|共享位置|\b(?:Find My(?= app| iPhone|,| shows| showed| says)|Life360|location sharing|last (?:seen|known) location|(?:phone|location) (?:last )?(?:showed|shows|pinged))\b/g;
// How to turn the feature on or off, with no place it showed: the app is the topic (我和老婆开着位置共享 … 怎么关闭？).
const SHARING_HOW_TO =
  /(?:怎么|如何|怎样|咋)(?:关闭|关掉|打开|开启|设置|取消|退出|关)|\bhow (?:do|can|to|should) (?:I |we )?(?:turn|switch|stop|disable|enable|set up|share|hide)\b/i;
const PLACE_SHOWN = /显示|顯示|停在|在[^\n，。,]{1,12}(?:路|街|号|號|站|小区|醫院|医院|附近)|\b(?:shows?|showed|pinged|at|near)\b/i;
// Someone of the writer's, or the person the text is about.
const SOMEONE_ZH = /我(?:個|个|嘅|的)?(?:仔|女)|女儿|女兒|儿子|兒子|老公|老婆|爸爸|妈妈|媽媽|父亲|父親|母親|母亲|外婆|奶奶|爷爷|爺爺|外公|阿爸|阿媽|老豆|老母/;
// …also a message that opens with the relative, as texts do ("mum (ruth ashby) is in room 212 …").
const SOMEONE_EN = new RegExp(
  `\\b(?:my|our|his|her) (?:${FAMILY_EN}|kid|child|partner)\\b|\\b(?:Mum|Mom|Dad|Grandma|Grandpa|Nan)['’]s\\b|^\\s*(?:mum|mom|dad|nan|gran|grandma|grandpa)\\b`,
  'i',
);

/** A relative, or a named person that `keepName` accepts (by default any name that is not a relation word). */
function someone(text: string, keepName: (start: number, end: number) => boolean = () => true): boolean {
  return SOMEONE_ZH.test(text) || SOMEONE_EN.test(text) || findNames(text).some((n) => n.relative !== true && keepName(n.start, n.end));
}

// A hotel room someone is staying in ("Dad … is in room 214 at the Premier Inn", "alloggio all'Hotel Bellavista, camera
// 318"): the room number with a hotel's word near it, in a text about a relative or a named person.
const HOTEL_ROOM =
  /(?:\b(?:room|rm\.?|camera|chambre|Zimmer|habitaci[óo]n|kamer|rum|pok[óo]j|quarto)|房间|房間|房号|房號)\s?(?:no\.?\s?|nr\.?\s?|n[°º]\s?|#\s?)?\d{1,4}(?![\d:]|[.,]\d)/gi;
const HOTEL_WORD =
  /\b(?:hotel|h[ôo]tel|inn|hostel|motel|lodge|B&B|guest ?house|albergo|pensione|hostal|Travelodge|Airbnb|parador|ryokan|pousada|riad|resort)\b|酒店|宾馆|賓館|旅馆|旅館/i;
const HOTEL_REACH = 80;

// Where a relative lives, said in another European language: "Ma tante Odile habite maintenant à Annecy-le-Vieux, juste
// derrière l'église", "meine Mutter wohnt in Graz, gleich neben der Post". The relative (FAMILY_EU),
// the verb of living, a place's capital, and where exactly.
const LIVES_EU =
  /(?<![\p{L}])(?:habite|vit|wohnt|lebt|vive|abita|woont|bor|mieszka|mora)(?: (?:maintenant|désormais|jetzt|inzwischen|ahora|ora|adesso|nu|teraz|agora))? (?:à|au|aux|in|im|en|a|op|i|w|em|na) [A-ZÀ-Þ]/gu;
const LIVES_REACH = 60;
// Cheap first tests, plain substrings of the lower-cased text: the verbs of living, the words for a room.
const LIVES_STEMS = ['habite', 'vit ', 'wohnt', 'lebt', 'vive', 'abita', 'woont', ' bor ', 'mieszka', 'mora'] as const;
const ROOM_STEMS = ['room', 'rm', 'camera', 'chambre', 'zimmer', 'habitaci', 'kamer', 'rum', 'pok', 'quarto', '房'] as const;
// …and where exactly, as the English rule asks (privacy-homes.ts): a landmark's preposition or a street with its number.
// A city alone ("mi abuela vive en Sevilla") stays a topic.
const EXACTLY_EU =
  /(?<![\p{L}])(?:derri[èe]re|à côté d[eu]|en face d[eu]|au-dessus d[eu]|neben|gegen[üu]ber|hinter|al lado de|frente a|detr[áa]s de|encima de|accanto a|dietro|di fronte a|sopra|naast|tegenover|achter|boven|bredvid|mittemot|bakom|obok|naprzeciwko|za|ao lado d[eo]|em frente a|atr[áa]s d[eo])(?![\p{L}])|(?:rue|avenue|Stra(?:ß|ss)e|str\.|[Gg]asse|[Ww]eg|calle|avenida|via|viale|straat|laan|gatan|v[äa]gen|ulica|ul\.|rua)[ \p{L}'’.-]{0,30}\d/iu;

// The writer away from home, in the main European languages; then when (a day's number) and which door (a flat's or a
// house's number) near it.
const AWAY_FROM_HOME_EU =
  /(?<![\p{L}])(?:no (?:estaremos|estaré) en casa|nous (?:serons absents|ne serons pas (?:là|à la maison|chez nous))|je serai absente?|wir sind nicht (?:zu Hause|da)|ich bin nicht (?:zu Hause|da)|wir verreisen|non (?:saremo|sarò) a casa|we zijn (?:niet thuis|weg)|ik ben niet thuis|vi är bortresta|vi er bortrejst|nie będzie nas w domu|não estaremos em casa)(?![\p{L}])/giu;
const AWAY_HINT = /casa|absent|serons|hause|nicht da|verreisen|thuis|zijn weg|bortre|w domu/;
const DAY_NEAR = /\b\d{1,2}(?:\.|\/| de | al | bis | au | a | tot | till | do )|\b\d{1,2}\.? (?:[a-zäéû]{3,9})\b/;
const DOOR_NEAR =
  /(?:número|n[º°o]\.?|piso|ático|puerta|portal|Nr\.|Hausnummer|Wohnung|étage|appartement|porte|porta|interno|scala|nummer|huisnummer|lgh|mieszkanie)\s?\d|\d+\s?[ºª]/i;
const AWAY_REACH = 120;

// A hotel system's line with a room and its guest (rm=1412 gst=HALVORSEN/INGRID MS): where that guest sleeps tonight.
const GUEST_ROOM_LINE = /\b(?:rm|room)[=:][ \t]?\d{2,5}\b[^\n]{0,20}?\b(?:gst|guest|name)[=:][ \t]?[A-Z][A-Za-z'-]{1,30}\/[A-Z]/g;
// A photo's GPS position with the writer's home or child in it ("taken in our back garden … GPS 51.45672, -2.59231").
const GPS_PAIR = /\bGPS\b[^\n\d-]{0,16}-?\d{1,2}\.\d{4,},[ \t]?-?\d{1,3}\.\d{4,}/g;
const HOME_OR_CHILD = /\b(?:our|my) (?:house|home|flat|garden|back garden|front garden|street|daughter|son|kids?|children|baby)\b/i;

// A regular lift's pick-up and drop-off points with the rider named (顺风车长期拼车：乘客：孟凡 … 上车点：文三路 翠苑一区东门 … 每周一至周五).
const PICKUP_POINT = /(?:上车点|下车点|上车地点|下车地点|接送地点|接送点|pick-?up (?:point|location|address)|drop-?off (?:point|location|address))\s?[：:]/gi;
const RIDER_FIELD = /(?:乘客|乘车人|passenger|rider)\s?[：:]\s?\S/i;

/** A transit card's taps, a phone's location, a lift's pick-up point, a hotel room, of a relative or a named person. `lower` is the text lower-cased. */
export function findWhereabouts(text: string, lower: string, found: Found): void {
  if (TRANSIT_CARD.test(lower)) {
    const taps: [number, number][] = [];
    firstMatches(TAP_LINE, text, LIMIT, (m) => taps.push([m.index, m.index + m[0].length]));
    if (taps.length >= 2 && someone(text)) for (const [start, end] of taps) found(start, end);
  }
  if (lower.includes('车点') || lower.includes('接送') || lower.includes('pick')) {
    const points: [number, number][] = [];
    firstMatches(PICKUP_POINT, text, LIMIT, (m) => points.push([m.index, m.index + m[0].length]));
    if (points.length > 0 && (RIDER_FIELD.test(text) || someone(text))) for (const [start, end] of points) found(start, end);
  }
  if (LIVES_STEMS.some((stem) => lower.includes(stem))) {
    firstMatches(LIVES_EU, text, LIMIT, (m) => {
      const before = text.slice(Math.max(0, m.index - LIVES_REACH), m.index);
      const after = text.slice(m.index, m.index + m[0].length + LIVES_REACH * 2);
      if (FAMILY_EU.test(before) && EXACTLY_EU.test(after)) found(m.index, m.index + m[0].length);
    });
  }
  if ((lower.includes('gst=') || lower.includes('guest=')) && /\b(?:rm|room)[=:]/.test(lower)) {
    firstMatches(GUEST_ROOM_LINE, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
  }
  if (text.includes('GPS') && HOME_OR_CHILD.test(text)) firstMatches(GPS_PAIR, text, LIMIT, (m) => found(m.index, m.index + m[0].length));
  if (AWAY_HINT.test(lower)) {
    firstMatches(AWAY_FROM_HOME_EU, text, LIMIT, (m) => {
      const near = text.slice(Math.max(0, m.index - AWAY_REACH), m.index + m[0].length + AWAY_REACH);
      if (DAY_NEAR.test(near) && DOOR_NEAR.test(near)) found(m.index, m.index + m[0].length);
    });
  }
  if (ROOM_STEMS.some((stem) => lower.includes(stem)) && HOTEL_WORD.test(text)) {
    const rooms: [number, number][] = [];
    firstMatches(HOTEL_ROOM, text, LIMIT, (m) => {
      if (HOTEL_WORD.test(text.slice(Math.max(0, m.index - HOTEL_REACH), m.index + m[0].length + HOTEL_REACH))) rooms.push([m.index, m.index + m[0].length]);
    });
    // A hotel's name read as a person's ("the Grand Hotel", "Premier Inn") is no guest.
    if (rooms.length > 0 && someone(text, (start, end) => !HOTEL_WORD.test(text.slice(start, end + 8)))) for (const [start, end] of rooms) found(start, end);
  }
  if (lower.includes('定位') || lower.includes('位置') || lower.includes('location') || lower.includes('find my') || lower.includes('life360')) {
    const spots: [number, number][] = [];
    firstMatches(LIVE_LOCATION, text, LIMIT, (m) => spots.push([m.index, m.index + m[0].length]));
    const topic = SHARING_HOW_TO.test(text) && !PLACE_SHOWN.test(text);
    if (spots.length > 0 && !topic && someone(text)) for (const [start, end] of spots) found(start, end);
  }
}
