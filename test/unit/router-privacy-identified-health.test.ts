// Health about an identified person whatever the register, as a family: lower-case titles (mrs, mr, dr), a
// patient or resident known by room or bed, a pupil (…同学), someone's relative ("deepa's son"), a medicine
// by its class stem (metformin, lisinopril, atorvastatin), a dose or a reading, and in Chinese 被诊断为/服用/
// 血糖. A leaflet, a normal-range question, a textbook and "what is 八字" stay clean. Everything is invented.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

describe('health and birth dates of an identified person', () => {
  itKeepsLocalAndSends(
    {
      'lower-case notes with a title, a room or a bed': [
        'handover: mrs adeyemi folake in room 9 lisinopril 10 at breakfast bp was 168 over 95 tell dr',
        'mr kowalczyk bed 14 needs his atorvastatin at night',
        'bed 6 gets 12 units of insulin before dinner',
        'remind me dr nwosu said mum should stop the omeprazole',
      ],
      'a pupil or a resident in Chinese': [
        '请转告各位老师：初一（5）班刘思雨同学确诊为焦虑症，目前在服用氟西汀。',
        '12床周大爷今天血糖 15.8，晚上的二甲双胍先停一次',
        '小陈同学，你这学期的体检报告显示血压偏高，请家长带去复查',
        '备忘：黄大爷 降压药 氨氯地平 每天早上一片',
      ],
      'a birth date with its calendar and hour, or a relative’s in words': [
        '帮我合八字：女方 吴佳怡，农历1996年3月12日卯时生',
        'add to my notes: priya’s daughter anika was born on the second of may twenty twenty',
      ],
    },
    {
      'general health questions and leaflets': [
        'what is a normal blood sugar for a 60 year old',
        'Metformin leaflet: take 500mg twice a day with meals. Common side effects include nausea.',
        'How does lisinopril lower blood pressure?',
        'the meeting in room 4 is about the bonus scheme',
        'my friend’s son is learning ms word',
        'What is 八字? 怎么看生辰八字',
        '舍曲林的常见副作用有哪些？',
        '血压偏高的人平时饮食要注意什么？',
      ],
    },
  );
});
