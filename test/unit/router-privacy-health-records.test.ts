// A named or related person's health where no "I" speaks (privacy-health-records.ts), and the false alarms of
// the same families: a value with no person, a blank template, a general question, "explain like I'm 12",
// placeholder and masked e-mail addresses in a format question, an organisation's own mailbox.
import { describe } from 'vitest';
import { itKeepsLocalAndSends } from '../support/privacy-shapes.js';

const KEPT_LOCAL: Record<string, readonly string[]> = {
  'a health-check or lab report under a person’s field': [
    '体检报告\n受检人：韦丽娟  性别：女  年龄：41\n空腹血糖 6.9 mmol/L ↑\n甘油三酯 2.8 mmol/L ↑\n帮我看看要注意什么',
    '健康檢查報告\n姓名：岑志強  性別：男\n總膽固醇 6.8 mmol/L ↑\n尿酸 520 μmol/L ↑\n幫我解釋一下',
    '化验单 患者：邱佳宁 乙肝表面抗原 阳性（+） 转氨酶 75 U/L ↑ 这个严重吗',
    'Patient: Ingrid Solberg\nHb 96 g/L L\nFerritin 7 ug/L L\nsummarise for the referral letter',
    '检验报告单 姓名：欧阳思远 白细胞 13.6 ↑ 帮我看看',
    '體檢報告\n受檢者：溫子軒\n血壓 154/97 mmHg 偏高\n請幫我寫個摘要',
  ],
  'English lab results headed by a name': [
    'Lab results for Tomasz Wierzbicki\nCreatinine 151 umol/L H\nPotassium 5.8 mmol/L H\nwhat should he ask his GP?',
    'Blood test results for Mrs Adaeze Nwankwo: TSH 8.1 mIU/L (H), free T4 8 pmol/L (L). explain it kindly',
    'Results for: Duong Van Minh\nPSA 8.7 ng/mL (H)\nis this worrying?',
  ],
  'a relative or a named person with a health event, in Chinese, Traditional and Cantonese': [
    '群聊记录\n二姨：阿琳怀孕了，三个月了\n我：恭喜恭喜\n帮我回一句得体的话',
    '聊天記錄\n家姐：細佬琴日入咗院，醫生話要做手術\n幫我總結',
    '阿Kit上個禮拜確診咗乳癌，我哋想幫佢搞個籌款，點寫文案好？',
    '老邓上周住院了，我们去看看他吧，帮我写个慰问短信',
    '龚思琪确诊了甲状腺癌，部门同事想凑钱，帮我写个倡议',
    '我個仔病咗，要睇醫生，幫我同老師請假',
    '嫲嫲上個月中咗風，而家喺醫院做物理治療，幫我寫封信同公司講',
  ],
};

const SENT: Record<string, readonly string[]> = {
  'a value or a question with no person': [
    'Explain HbA1c to me like I’m 12. What does 7.4% mean compared to normal?',
    'Explain like I’m five: what is chemotherapy?',
    'What do lab results for potassium 5.9 mean?',
    '请帮我解释一下糖尿病的诊断标准',
    '怀孕10周需要做哪些检查？可以继续上夜班吗？',
    '中风之后右手无力，康复训练一般要多久？',
    '小孩发烧住院一般要几天？',
    '高龄怀孕有哪些风险？',
    '阿姨说怀孕了不能吃螃蟹，是真的吗？',
    '妈妈怀孕期间能吃什么水果？',
    '老人家中风后怎么护理？',
    '姐姐怀孕要注意什么',
  ],
  'blank templates': ['出院记录模板：患者姓名＿＿ 性别＿＿ 年龄＿＿ 入院诊断＿＿ 出院医嘱＿＿ 帮我排版', '體檢報告模板：受檢人＿＿＿ 性別＿＿ 檢查結果＿＿ 幫我設計表格'],
  'placeholder, masked and organisation mailboxes': [
    'Write a regex for email addresses that accepts plus-addressing like user+news@domain.com.',
    '帮我写一个正则表达式，匹配 xxx@126.com 和 xxxx@sina.com 格式的邮箱。',
    'The official contact for the Dutch data protection authority is autoriteit@autoriteit.nl per their website',
    'The ICO’s website lists casework@ico.org.uk as the complaints address — is that right?',
    'Email the press office: press.office@ons.gov.uk',
    'For complaints write to complaints@ofcom.org.uk (official address on their site)',
    '[09:14:03] DEBUG smtp: AUTH PLAIN user=noreply@example.com pass=********\nwhat causes 535?',
  ],
};

describe('health records and their false alarms', () => {
  itKeepsLocalAndSends(KEPT_LOCAL, SENT);
});
