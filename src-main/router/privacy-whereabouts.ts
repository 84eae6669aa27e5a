// Where someone is or has been, read from what a phone or a card records (read by privacy.ts's detectors):
// - a transit card's history (八達通, Oyster, 悠遊卡, Suica …): two or more taps with their times, in a text about a
//   relative or a named person ("幫我睇下我個仔（陳樂軒）嘅八達通紀錄 … 16:05 港鐵 大圍 入閘");
// - a phone's live or last location of a relative or a named person (爸爸刘德胜 … 手机定位最后显示在 …, "Mum's Find
//   My shows her at …");
// - a regular lift's pick-up and drop-off points with its rider (乘客：孟凡 … 上车点：…);
// - a hotel room with its guest ("Dad … is in room 214 at the Premier Inn").
// A card's fares explained, or location sharing as a topic, name no one and stay clean.
import { FAMILY_EN } from './privacy-relatives.js';
import { firstMatches } from './privacy-match.js';
import { findNames } from './privacy-person-names.js';

type Found = (start: number, end: number) => void;

const LIMIT = 16;

const TRANSIT_CARD = /八达通|八達通|octopus|oyster|交通卡|公交卡|一卡通|羊城通|悠遊卡|悠游卡|suica|pasmo|opal card|presto|clipper|navigo/;
const TAP_LINE = /\d{1,2}[:：]\d{2}[^\n]{0,40}?(?:入闸|出闸|入閘|出閘|进站|出站|進站|上车|下车|tap(?:ped)? (?:in|out)|touch(?:ed)? (?:in|out)|\bentry\b|\bexit\b)/gi;
// Case-sensitive: "where do I find my tax number" is no app.
const LIVE_LOCATION =
  /(?:手机|手機)?定位(?:最后|最後)?(?:显示|顯示|在)|位置共享|实时位置|實時位置|共享位置|\b(?:Find My(?= app| iPhone|,| shows| showed| says)|Life360|location sharing|last (?:seen|known) location|(?:phone|location) (?:last )?(?:showed|shows|pinged))\b/g;
// Someone of the writer's, or the person the text is about.
const SOMEONE_ZH = /我(?:個|个|嘅|的)?(?:仔|女)|女儿|女兒|儿子|兒子|老公|老婆|爸爸|妈妈|媽媽|父亲|父親|母親|母亲|外婆|奶奶|爷爷|爺爺|外公|阿爸|阿媽|老豆|老母/;
const SOMEONE_EN = new RegExp(`\\b(?:my|our|his|her) (?:${FAMILY_EN}|kid|child|partner)\\b|\\b(?:Mum|Mom|Dad|Grandma|Grandpa|Nan)['’]s\\b`, 'i');

function someone(text: string): boolean {
  return SOMEONE_ZH.test(text) || SOMEONE_EN.test(text) || findNames(text).some((n) => n.relative !== true);
}

// A hotel room someone is staying in ("Dad … is in room 214 at the Premier Inn", "alloggio all'Hotel Bellavista, camera
// 318"): the room number with a hotel's word near it, in a text about a relative or a named person.
const HOTEL_ROOM =
  /(?:\b(?:room|rm\.?|camera|chambre|Zimmer|habitaci[óo]n|kamer|rum|pok[óo]j|quarto)|房间|房間|房号|房號)\s?(?:no\.?\s?|nr\.?\s?|n[°º]\s?|#\s?)?\d{2,4}(?![\d:])/gi;
const HOTEL_WORD = /\b(?:hotel|h[ôo]tel|inn|hostel|motel|lodge|B&B|guest ?house|albergo|pensione|hostal|Travelodge|Airbnb)\b|酒店|宾馆|賓館|旅馆|旅館/i;
const HOTEL_REACH = 80;

/** A relative or a named person, not a hotel's name read as one ("the Grand Hotel", "Premier Inn"). */
function guest(text: string): boolean {
  if (SOMEONE_ZH.test(text) || SOMEONE_EN.test(text)) return true;
  return findNames(text).some((n) => n.relative !== true && !HOTEL_WORD.test(text.slice(n.start, n.end + 8)));
}

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
  if (HOTEL_WORD.test(text)) {
    const rooms: [number, number][] = [];
    firstMatches(HOTEL_ROOM, text, LIMIT, (m) => {
      if (HOTEL_WORD.test(text.slice(Math.max(0, m.index - HOTEL_REACH), m.index + m[0].length + HOTEL_REACH))) rooms.push([m.index, m.index + m[0].length]);
    });
    if (rooms.length > 0 && guest(text)) for (const [start, end] of rooms) found(start, end);
  }
  if (lower.includes('定位') || lower.includes('位置') || lower.includes('location') || lower.includes('find my') || lower.includes('life360')) {
    const spots: [number, number][] = [];
    firstMatches(LIVE_LOCATION, text, LIMIT, (m) => spots.push([m.index, m.index + m[0].length]));
    if (spots.length > 0 && someone(text)) for (const [start, end] of spots) found(start, end);
  }
}
