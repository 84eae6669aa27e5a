// HR matters said to the person a message is addressed to, as a family: a vocative ("Tunde, your bonus…"),
// a salutation ("Hi Priya,", "Dear Marcus," over a whole letter), 同志/同学 as titles and a Chinese
// vocative with 你/您. Templates, generic salutations, "how is a bonus taxed" and a chief executive's
// published pay stay clean. Names and figures are invented for these tests.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

describe('HR matters addressed to the person', () => {
  itKeepsLocalAndSends(
    {
      'a vocative or a salutation with "your"/"you"': [
        'soften this: Kwame, your raise is on hold until the audit is done and your rating stays at 2.',
        'Hi Ingrid, following the review panel you are being placed on a performance improvement plan.',
        'Dear Rafael,\n\nFurther to Tuesday’s meeting, your employment will end on 28 February and your severance is six weeks’ pay.',
        'Hello Mr Okoro, you have been given a final warning for the missed shifts.',
        'Jordan, you are being let go at the end of the month; your final pay will include accrued leave.',
      ],
      'a Chinese addressee': [
        '帮我改得委婉些：孙浩同志，因你连续三次考核不合格，公司决定与你解除劳动合同。',
        '亲爱的林悦：你本季度绩效为D，年终奖暂缓发放。',
        '郭婷，你这个月的病假已经超过了规定天数',
        '彭经理，您的年终奖因为项目延期减半发放。',
      ],
    },
    {
      'templates, generic salutations and questions': [
        'Dear [Employee Name], your performance improvement plan starts on [date].',
        'Dear Employee, you are being placed on a performance improvement plan. Please sign below.',
        'Hi team, how is a bonus taxed in the UK?',
        'Hi Sam, your review of my pull request was really helpful',
        'Hi Sam, your job is to test the new checkout flow.',
        '各位同事，你们的绩效考核表请在周五前提交。',
      ],
      'published pay of a public figure': ['Satya Nadella’s 2023 bonus was disclosed in Microsoft’s proxy statement; how is it calculated?'],
    },
  );
});
