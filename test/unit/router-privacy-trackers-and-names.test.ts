// A tracker's records with a person in them, blood results said as one's own, a Cantonese relative's home, and a
// Chinese name after a clause's verb or before a date; each beside the same shape with no one in it.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a tracker’s record with a person or a relative’s device': [
    'write a jq filter for this:\n{"device": "Dad\'s Corolla", "lat": 53.80744, "lon": -1.55891, "status": "parked"}',
    'dedupe these pings: {"owner": "Bill Hendry", "lat": 53.80744, "lng": -1.55891}',
    'plot these: {"device": "my sister\'s Fiat", "lat": 53.80744, "lon": -1.55891}',
  ],
  'blood results said as one’s own': ['These are my blood results from Tuesday, can you explain them in plain English?', 'my bloodwork came back, TSH 7.8, is that bad?'],
  'a Cantonese relative’s home described closely': ['我阿爺一個人住喺大埔林村嗰間村屋，門口有棵大榕樹，點樣描述個位置俾速遞員？'],
  'a Chinese name after a clause’s verb or before a date': [
    '本周完成陈敏的产假交接，期间客户由我分担',
    '陈敏5月20日开始休产假，帮我写周报',
    '另外韩松因工作签证到期未获续签，已于周五办理离职。',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'a fleet’s or a sensor’s coordinates': ['write a jq filter for our fleet export:\n{"device": "van-07", "depot": "Leeds", "lat": 53.80744, "lon": -1.55891}'],
  'blood results as a topic': ['what does a normal blood count look like?', 'how long do blood results take at an NHS surgery?'],
  'a home described with no one in it': ['大埔林村嗰啲村屋通常點樣描述位置俾速遞員？'],
  'HR words with no name': ['产假交接一般要准备哪些材料？', '工作签证到期未获续签，公司应该怎么处理离职手续？'],
};

describe('trackers, own blood results, Cantonese relatives and Chinese names in clauses', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
