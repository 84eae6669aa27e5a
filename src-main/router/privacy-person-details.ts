// The personal details the named-person rules (privacy-person.ts) look for beside a name: health, pay and
// HR, a date of birth, a home; and the strict level's wider net (an age, a family member, a workplace). Each
// is a pattern of words, not a list of people: neither half of "a name and a detail" is private alone.

import { FAMILY_EN } from './privacy-relatives.js';
import { forLastText } from './privacy-text.js';
import { factored } from './privacy-factor.js';
import { HEALTH_EVENT_ZH, MEDICINE_OR_READING_EN } from './privacy-health-terms.js';

export type PersonDetailKind = 'health' | 'employment' | 'birth-date' | 'location' | 'personal';

export const HEALTH_DETAIL_EN = factored(
  new RegExp(
    `${/\b(?:diagnos(?:is|es|ed)|cancers?|tumou?rs?|leuka?emia|lymphoma|melanoma|chemo(?:therapy)?|radiotherapy|biops(?:y|ies)|depression|antidepressants?|bipolar|schizophreni(?:a|c)|psychosis|psychiatrist|dementia|alzheimer'?s|parkinson'?s|epilepsy|seizures?|diabet(?:es|ic)|insulin|hepatitis|pneumonia|stroke|heart (?:attack|surgery|failure|condition)|surgery|pregnan(?:t|cy)|miscarriage|abortion|sertraline|fluoxetine|antiretroviral|rehab|addiction|overdosed?|suicidal|self[- ]harm|admitted|hospitali[sz]ed|in hospital|(?:in|on|to) the (?:\w+ )?(?:ICU|ward|hospice|A&E|ER)|due date|expecting (?:a baby|twins)|having (?:a baby|twins)|(?:knee|hip|joint|valve) replacement|discharged|sick note|miscarr(?:y|ied|iage)|(?:off|signed off|home) sick|signed off|burn-?out|(?:nervous )?breakdown|recovering from|hernia|fractured?|concussion|asthma|migraine|allerg(?:y|ies|ic)|disabled|wheelchair|hearing loss|hearing aids?|deafness|tinnitus|visual(?:ly)? impair(?:ed|ment)|partially sighted|cochlear implant|psychiatric|fibrillation|arrhythmia|transplant|dialysis|appendicitis|arthritis|bronchitis|meningitis|tuberculosis|sclerosis|cirrhosis|mastectomy|hysterectomy|gout|angina|lupus|shingles|sepsis|coma|cataracts?|glaucoma|IBS|crohn'?s|colitis|COPD|emphysema|home oxygen|sleep apno?ea|CPAP|insulin pump|Omnipod|stammer|stutter|coeliac|celiac)\b|\b(?:HIV|AIDS|ICU|PTSD|ADHD|OCD|HbA1c|Dx|Rx)\b|\b\d+(?:\.\d+)? ?(?:mg|mcg|units? of insulin|puffs? of)\b(?!\/)|\b(?:[Mm]eds|[Mm]edications?|[Aa]llergies|[Cc]ondition|[Dd]iagnosis|[Tt]reatment) ?:/g.source}|${MEDICINE_OR_READING_EN}`,
    'g',
  ),
);
const HEALTH_DETAIL_ZH =
  /病历|甲状腺|甲狀腺|结节|結節|穿刺|早产|早產|新生儿科|新生兒科|听力筛查|聽力篩查|复筛|複篩|保温箱|诊断|确诊|抑郁|焦虑症|艾滋|癌|肿瘤|化疗|放疗|处方|怀孕|流产|不孕|糖尿病|高血压|心脏病|精神病|精神分裂|双相|自闭症|痴呆|癫痫|乙肝|肝炎|梅毒|病情|住院|出院|手术|医院|肺炎|吃药|服药|患有|得了|心衰|重症|病危|康复|复诊|药物|过敏|骨折|中风|抑郁症|阿尔茨海默|帕金森|脑梗|心梗|痛风|透析|病了|生病|狂犬(?:病)?疫苗|症(?!状)|진단|당뇨|입원|수술|우울증|암 /g;

const EMPLOYMENT_DETAIL_EN = factored(
  /\b(?:salary|salaries|earns|earning|pay (?:rise|cut)|raise to|bonus|raising a concern (?:that|about)|(?:fraud|theft|bribery|kickbacks?) by|(?:paying|pay|paid) (?:him|her|them) (?:about |around |roughly )?[£$€] ?\d{2,3}(?:,\d{3})+|(?:exercise|exercising) (?:[\d,]{1,9} )?(?:share |stock )?options|options granted|(?:share|stock) option (?:grant|award)|restricted stock units?|RSU (?:grant|award)|payslip|performance (?:review|improvement plan)|appraisal|(?:written|final) warning|disciplinary|dismiss(?:ed|al)|fired|sacked|laid off|letting (?:\w+ )?go|let (?:\w+ ){1,2}go(?= last| on| yesterday| today| this| after| because| for|[.,;!])|(?:got|was|been|being) written up|made redundant|redundant|redundancy|contract (?:is not|isn['’]t|will not be|won['’]t be|was not|wasn['’]t) (?:being )?renewed|not renewing (?:\w+ )?contract|(?:suspended|suspension) (?:from (?:work|duty)|without pay|on full pay|pending)|(?:harassment|misconduct|disciplinary) (?:complaint|investigation|hearing)|terminat(?:ed|ion)|gross misconduct|grievance|lay(?:ing)? (?:\w+ )?off|sick leave|maternity leave|paternity leave|(?:shared|unpaid) parental leave|adoption leave|KIT days|keeping in touch days|resign(?:ed|ation)|probation|pay (?:raise|band|grade)|a raise|compensation package|base pay|equity|stock options|RSUs|(?:job )?offer (?:came in|letter|of)|performance rating|below expectations|let go|laid-off|promoted|not to promote|(?:a|the|his|her|their) promotion|(?:['’]s|his|her|their) Bradford (?:factor|score)|no raise|(?:pay|salary|new|his|her|their) band (?:is|of)|base (?:goes|pay|salary|is)|rating (?:of )?\d)\b|\bPIP\b|\b(?:start(?:s|ing)? on|paid|earn(?:s|ing)?|on a salary of|offered|package of|base of) (?:about |around )?[£$€¥₹] ?\d[\d,.]{0,12}k?\b/gi,
);
// Rarer shapes, each behind a cheap test (SPARSE_DETAILS): a disease by its ending (endometriosis,
// colitis, neuropathy, appendectomy) and pay in thousands ("on 41k", "from 62k to 70k", "20 grand more",
// a band "(95-105k)").
const HEALTH_SUFFIX_EN = /\b[a-z]{3,20}(?<=[a-z]{3}(?:osis|itis|pathy|ectomy|algia|otomy))(?![a-z])/g;
const HEALTH_SUFFIX_HINT = /osis|itis|pathy|ectomy|algia|otomy/;
const PAY_AMOUNT_EN =
  /\b(?:on|earns?|earning|makes|paid|base|band|salary|package|from|to) (?:about |around |like )?[£$€]?\d{1,3}(?:[.,]\d{1,3})?(?:k|K| ?grand)\b|(?:→|->) ?[£$€]?\d{1,3}(?:[.,]\d{1,3})?(?:k|K)\b|\b\d{1,3} grand (?:more|less|a year|per year)\b|\(\d{2,3}(?:k|K)?[-–]\d{2,3}(?:k|K)\)/g;
const PAY_AMOUNT_HINT = /\d ?(?:k|K|grand)\b/;

// Traditional and Cantonese spellings follow: 人工 and 糧 are pay (扣人工, 出糧), 花紅 a bonus, 炒魷魚 a dismissal; 人工
// alone is also "artificial" (人工智能), so it counts only after a Cantonese word that makes it pay.
const EMPLOYMENT_DETAIL_ZH =
  /月薪|年薪|工资|薪水|薪资|奖金|年终奖|考绩|考績|试用期|转正|晋升|升职|降职|调岗|辞职|赔偿金|补偿金|绩效|考核|辞退|开除|解雇|裁员|处分|降薪|加薪|涨薪|离职|警告|劝退|记过|记大过|记小过|通报批评|通報批評|虚报|虛報|无薪假|停薪留职|陪产假|育儿假|旷工|调薪|薪酬|待遇|劳动合同|工資|薪資|獎金|年終獎|試用期|轉正|晉升|升職|降職|辭職|賠償金|補償金|績效|辭退|開除|解僱|解雇|裁員|處分|減薪|降薪|離職|警告信|勸退|曠工|調薪|勞動合同|花紅|花红|炒魷魚|炒鱿鱼|病假|產假|产假|全勤[獎奖]|限制性股票|股票期权|股票期權|授予数量|授予數量|举报|舉報|检举|檢舉|贪污|受贿|挪用公款|吃回扣|[扣減减]糧|出糧|[扣減减冇加份啲嘅]人工|人工(?=[介係都未])/g;

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE_EN = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH},? (?:19|20)\\d{2}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2})`;
// The label in the languages of the forms people paste (fecha de nacimiento, date de naissance, Geburtsdatum).
// The same in the main European languages: "è nata il 17 aprile 2012", "née le 3 mars 1990", "geboren am 4. Mai 1961".
const MONTH_EU =
  '(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|d[ée]cembre|januar|februar|m[äa]rz|juni|juli|oktober|dezember|enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus|maj|augusti|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[śs]nia|pa[źz]dziernika|listopada|grudnia|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince)';
const BIRTH_EU = `(?:[èe] nat[oa]|narodil[ao]?(?: se)?|nat[oa]|n[ée]e?|geboren|naci[óo]|nacid[oa]|nasceu|nascid[oa]|f[öo]dd|f[øo]dt|urodzi[łl][ao]?|urodzon[ay])(?: (?:il|le|am|el|em|a|op|en|den|dnia))? (?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2}|\\d{1,2}(?:er|\\.)?(?: de)? ${MONTH_EU}(?: de)? (?:19|20)\\d{2})`;
const MONTH_TR = '(?:ocak|[şs]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k)';
const BIRTH_DETAIL_EN = new RegExp(
  `\\b(?:born|d\\.?o\\.?b|date of birth|birthday|birth ?date|fecha de nacimiento|date de naissance|geburtsdatum|geboren|data di nascita)(?![A-Za-z])(?:[^\\n?!]|\\? (?=(?:it|that) (?:was|is))){0,40}?${DATE_EN}|\\(b\\. ?${DATE_EN}|\\b${BIRTH_EU}|\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-]|\\d{1,2} ${MONTH_TR} )(?:19|20)\\d{2} do[ğg]umlu`,
  'gi',
);
// A lunar date may carry its calendar's name and its year on either side (1945 年农历正月初八, 农历八月十五，1962 年).
const LUNAR_CALENDAR_ZH = '(?:农历|阴历|農曆|陰曆)';
const LUNAR_DAY_ZH = '[正腊臘冬一二三四五六七八九十]{1,2}月(?:初|廿|二十|三十)?[一二三四五六七八九十]{1,2}';
const YEAR_ZH = '(?:19|20)\\d{2}\\s?年';
const DATE_ZH = `(?:${YEAR_ZH}\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?[日号號]|${YEAR_ZH}\\s?${LUNAR_CALENDAR_ZH}?${LUNAR_DAY_ZH}|${LUNAR_CALENDAR_ZH}${LUNAR_DAY_ZH}[，,]?\\s?${YEAR_ZH}|(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2})`;
const BIRTH_YEAR_HINT = /(?:19|20)\d{2}/;
// A date of birth for a horoscope (八字) is given with its calendar (公历/农历) and hour (辰时, 8点).
const BIRTH_DETAIL_ZH = new RegExp(
  `(?:出生|出世|生日|生于|八字|生辰|公历|农历|阳历|阴历)[^\\n。！？]{0,8}?${DATE_ZH}|${DATE_ZH}\\s?(?:[子丑寅卯辰巳午未申酉戌亥]时|\\d{1,2}\\s?[点时:：](?:\\d{1,2}分?)?)?\\s?(?:出生|出世|生)`,
  'g',
);

const LOCATION_DETAIL_EN =
  /\blives (?:\w+ )?(?:at|in|near)\b|\b(?:currently )?resides? (?:at|in)\b|\bresiding at\b|\b(?:lives|living) on (?=[A-Z0-9])|\b(?:home|house|flat|address) is\b|\b[Ww]here \w+(?: \w+)? lives\b|\b[Ww]here (?:does|do) [^.?!\n]{1,40}? live\b/g;
// 的家 is a home, not 的家庭 (a family), 的家具 or 的家乡.
const LOCATION_DETAIL_ZH = /住在|家住|家在|住址|住处|的家(?![庭具乡人务长属族电政教用居访])|搬到|搬去|搬进|住进|暂住|借住|租住/g;
// A home described by its surroundings rather than an address: "lives on the third floor above the
// bakery", "moved into the flats behind the library", "staying at his mum's in …", "her new place is the
// yellow house at the end of …", "mine's the bungalow at the end of …". The verb, then a landmark word
// within the same sentence. "Living with Parkinson's" is an illness named after a person, not a place.
const HOME_LANDMARK_EN =
  /\b(?:(?:lives|living)(?! with (?:Parkinson|Alzheimer|Crohn|Hodgkin|Huntington|Tourette|Asperger|Graves|Addison|Cushing|Hashimoto|Raynaud|M[eé]ni[eè]re|Sj[oö]gren|Beh[cç]et|Paget|Bell)['’]s)|moved (?:in(?:to)?|to|over to)|moving (?:in(?:to)?|to)|staying (?:at|with|in)|(?:new )?(?:place|house|flat|home|apartment) is|(?:[Mm]ine|[Oo]urs)(?:['’]s| is) the)\b[^.?!\n]{0,60}?(?:\b(?:above|below|behind|opposite|next door to|across from|beside|round the corner from|at the end of|on the corner of|floor|flats|bungalow|cottage|estate|street|road|lane)\b|['’]s\b)/g;
// A Chinese home given down to its district, street or estate: 住在杭州西湖区…, 搬到…高新区.
// The span is the verb, as LOCATION_DETAIL_ZH's; the place is looked at ahead of it.
// …or by what stands around it: 家就在万达广场后面那排别墅里, 住在学校对面的那栋楼.
const HOME_FINE_ZH =
  /(?:住在|住喺|家住|家在|家就在|屋企喺|搬到|搬去|搬进|住进|暂住|借住|租住)(?=[^\n。！？，,]{0,20}?(?:区|街道|路|街|镇|村|小区|弄|巷|号)|[^\n。！？，,]{1,16}?(?:后面|後面|旁边|旁邊|对面|對面|隔壁|楼上|樓上|楼下|樓下|那排|那栋|那棟|那幢))/g;

// Where someone will be, by routine or by appointment: "goes to the PureGym on Deansgate every Tuesday", "fietst elke
// ochtend … van ons huis", 我老公今晚10點喺機場快綫香港站等我 (read in Simplified characters). Counted for a relative too.
const ROUTINE_EN =
  /\b(?:goes|walks|cycles|bikes|drives|runs|swims|trains) (?:to|at|from) [^.?!\n]{1,50}? every (?:day|morning|evening|night|weekday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)s?\b/g;
const ROUTINE_EU =
  /\b(?:fietst|loopt|rijdt|gaat|f[äa]hrt|geht|l[äa]uft|va|marche|camina|anda) [^.?!\n]{0,40}?(?:elke|iedere|jeden|jede|tous les|toutes les|todas las|todos los|ogni) (?:ochtend|dag|avond|middag|morgen|tag|abend|matins?|jours|soirs|ma[ñn]anas|d[íi]as|tardes|mattina|giorno|sera)\b/gi;
const ROUTINE_EU_HINT = /elke|iedere|jeden?|tous les|toutes les|todas las|todos los|ogni/i;
// A routine in Chinese (read in Simplified): 每天早上八点去洱海边骑车, 逢星期二同四朝早九点去观塘街市.
const ROUTINE_ZH =
  /(?:每天|每晚|每周[一二三四五六日天]|逢(?:星期|周|礼拜)[一二三四五六日天](?:[同和及][一二三四五六日天])?)[^，,。！？\n]{0,8}?[\d一二三四五六七八九十两]{1,3}\s?[点:：][^，,。！？\n]{0,6}?去/g;
// Someone left alone, or the writer away, on given days: "se queda sola en su piso … del 3 al 10 de agosto".
const ALONE_EU = /\b(?:se queda sol[oa]|estar[ée] en|reste seule?|bleibt allein|resta da sol[oa]|blijft alleen|fica sozinh[oa])\b/gi;
const ALONE_EU_HINT = /sol[oa]|seule?|allein|alleen|sozinh|estar[ée]/i;
const MEETING_ZH = /(?:今晚|今早|今天|明天|明早|明晚|听日|今日|后天)[^，,。！？\n]{0,8}?[喺在][^，,。！？\n]{2,20}?(?:等|接|见)/g;

// Health and work in the main European languages, for the messages people write to relatives and colleagues there:
// "Mon père … a été hospitalisé … après un AVC", "Stefan Huber verdient 5.200 € brutto … Elternzeit".
export const HEALTH_DETAIL_EU =
  /\b(?:hospitalis[ée]e?s?|gediagnosticeerd|todettiin|diagnosoitiin|hospitali[sz]ad[oa]s?|ricoverat[oa]|(?:im|ins) Krankenhaus|diagnostiqu[ée]e?|diagnosticat[oa]|diagnosticad[oa]|diagnostiziert|diagn[óo]stico|Krebs|cancro|tumeur|tumore|AVC|ictus|scl[ée]rose en plaques|Multiple Sklerose|esclerosis m[úu]ltiple|sclerosi multipla|multiple sclerose|Schlaganfall|infarto|Herzinfarkt|d[ée]mence|Demenz|demenza|chimioth[ée]rapie|chimio|Chemotherapie|quimioterapia|chemioterapia|soins intensifs|Intensivstation|terapia intensiva|cuidados intensivos|d[ée]pression|depressione|depresi[óo]n|enceinte|schwanger|incinta|embarazada|gr[áa]vida|zwanger|diab[èe]te|diab[ée]tique|Diabetiker(?:in)?|diab[ée]tic[oa]|diabetes tipo|diabete di tipo|krankgeschrieben|arr[êe]t maladie|baja m[ée]dica|kanker|ziekenhuis|allergique|allergisch|al[ée]rgic[oa]|allergic[oa]|burn-?out|opgenomen|sjukhus|szpital|ipotiroidismo|ipertiroidismo|hipotiroidismo|hipertiroidismo|hypothyro[ïi]die|hyperthyro[ïi]die|Schilddr[üu]senunterfunktion|Hashimoto|Morbus [A-Z]\p{L}+|Crohn|colite ulcerosa|Colitis ulcerosa|epilessia|epilepsia|[ée]pilepsie|Epilepsie|gravidanza a rischio|embarazo de riesgo|Risikoschwangerschaft|grossesse [àa] risque|diagnosi|diagnosen|diagnoosi|diagnoza|bipol[äa]r\p{L}*|litium|celiachia|celiaqu[íi]a|Z[öo]liakie|maladie c[œo]eliaque|tiroidite)(?![\p{L}])/gu;
const EMPLOYMENT_DETAIL_EU =
  /\b(?:verdient|Gehalt|brutto|rupture conventionnelle|indemnit[ée] (?:de licenciement|sp[ée]cifique|de rupture)|Abfindung|finiquito|indemnizaci[óo]n por despido|buonuscita|transitievergoeding|ontslagvergoeding|gek[üu]ndigt|K[üu]ndigung|Abmahnung|(?:offici[ëe]le |schriftelijke ){1,2}waarschuwing|avertissement (?:écrit|formel)|amonestaci[óo]n|ammonimento|skriftlig varning|Elternzeit|Mutterschutz|salaire|licenci[ée]e?|licenciement|cong[ée] (?:maternit[ée]|parental)|stipendio|licenziat[oa]|sueldo|despedid[oa]|despido|sal[áa]rio|demitid[oa]|salaris|ontslagen|ouderschapsverlof|verbetertraject|verbeterplan|plan d['’]am[ée]lioration (?:des performances|de la performance)|Leistungsverbesserungsplan|zwangerschapsverlof|bevallingsverlof|f[öo]r[äa]ldraledig\w*|urlop macierzy[ńn]ski|wynagrodzenie|upps[äa]gning(?:stid\p{L}*)?|uppsagd|varslad|varslat|avskedad|opsagt|afskediget|oppsagt|oppsigelse|irtisanottu|irtisanominen|lomautettu|zwolnion[ya]|propu[šs]t[ěe]n[ay]?|maa[şs]\w*|kovuldu|işten çıkarıldı|l[öø]nn?(?:en|ehöjning|eökning|eförhöjning|forhøjelse|nsøkning)?|m[åa]nadsl[öø]n|podwyżk[aięą]|loonsverhoging)(?![\p{L}])/gu;
// Their cheap test: a letter English does not use (or €), or one of the words that may be written without one.
const EUROPEAN_HINT =
  /[àâçéèêëîïôûùüÿñæœäößãõ€ìòáíóúåø]|Krankenhaus|Krebs|Demenz|diabet|brutto|Gehalt|verdient|Elternzeit|AVC|ictus|infarto|ziekenhuis|kanker|salaris|allergi[sq]|allergic[oa]|burn-?out|opgenomen|verlof|verbeter|[ğşıńłąęśźż]/;

/** EUROPEAN_HINT's answer for the text, kept for the last text: three detectors ask it of every prompt. */
export const looksEuropean = forLastText((text) => EUROPEAN_HINT.test(text));

// The last flag: a detail specific enough that a relative without a name counts (a home described closely, a
// full date of birth).
export const DETAILS: ReadonlyArray<readonly [PersonDetailKind, RegExp, boolean, boolean?]> = [
  ['health', HEALTH_DETAIL_EN, false],
  ['health', HEALTH_DETAIL_ZH, true],
  ['employment', EMPLOYMENT_DETAIL_EN, false],
  ['health', HEALTH_SUFFIX_EN, false],
  ['health', HEALTH_EVENT_ZH, true],
  ['employment', PAY_AMOUNT_EN, false],
  ['employment', EMPLOYMENT_DETAIL_ZH, true],
  ['health', HEALTH_DETAIL_EU, false],
  ['employment', EMPLOYMENT_DETAIL_EU, false],
  // A full date of birth (with its year) is as private for "my wife" as for a name.
  ['birth-date', BIRTH_DETAIL_EN, false, true],
  ['birth-date', BIRTH_DETAIL_ZH, true, true],
  ['location', LOCATION_DETAIL_EN, false],
  ['location', LOCATION_DETAIL_ZH, true],
  ['location', HOME_LANDMARK_EN, false, true],
  ['location', HOME_FINE_ZH, true, true],
  ['location', ROUTINE_EN, false, true],
  ['location', ROUTINE_EU, false, true],
  ['location', MEETING_ZH, true, true],
  ['location', ROUTINE_ZH, true, true],
  ['location', ALONE_EU, false, true],
];

// Details run only when their cheap test passes: most prompts have neither a medical ending nor "41k".
export const SPARSE_DETAILS = new Map<RegExp, RegExp | ((text: string) => boolean)>([
  [HEALTH_SUFFIX_EN, HEALTH_SUFFIX_HINT],
  [PAY_AMOUNT_EN, PAY_AMOUNT_HINT],
  // Every date form of theirs holds a four-digit year.
  [BIRTH_DETAIL_EN, BIRTH_YEAR_HINT],
  [BIRTH_DETAIL_ZH, BIRTH_YEAR_HINT],
  [ROUTINE_EN, /\bevery\b/],
  [ROUTINE_EU, ROUTINE_EU_HINT],
  [ALONE_EU, ALONE_EU_HINT],
  [HEALTH_DETAIL_EU, looksEuropean],
  [EMPLOYMENT_DETAIL_EU, looksEuropean],
]);

// The strict level's wider net: an age, a family member, a workplace, with any name anywhere in the message.
// An age: "41 years old", "aged 41", "turns 41", "is 58", "Marco Rossi, 67,", a "30th birthday", any birthday.
const AGE_EN =
  /\b\d{1,3}[- ](?:years?[- ]old|yrs? old|y\/o)\b|\b(?:aged?|turns|turned|turning|is) \d{1,3}\b(?![.,]\d|%| ?(?:percent|per cent|kg|km|cm|m|mph|points?|minutes?|hours?|dollars?|pounds?|euros?)\b)|(?<=[a-z]), \d{1,3},|\b\d{1,3}(?:st|nd|rd|th) birthday\b|\bbirthday\b/gi;
const AGE_ZH = /\d{1,3}岁|生日/g;
// A family member, anywhere in the message (the name may be the relative's or the person's).
// "nan" and "mam" stand alone as NaN and ma'am: only after "my" (the shared list's other readers) are they family;
// "a child", "any parent" are nobody's.
const FAMILY_WORD_EN = new RegExp(
  `\\b(?<!\\b(?:a|an|any|every|each) )(?!nan\\b|mam\\b)(?:${FAMILY_EN}|fianc[ée]{1,2}|babies|grandchildren|grandsons?|granddaughters?|stepsons?|stepdaughters?)s?\\b`,
  'gi',
);
const FAMILY_ZH = /(?:的|他|她)(?:妻子|老婆|丈夫|老公|儿子|女儿|孩子|父母|母亲|父亲|妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|爷爷|奶奶|外公|外婆)/g;
// A workplace or a role in one: "works at", "joined Brightwave", "from the Norwich office", "in the finance team".
const WORKPLACE_EN = /\bworks?\s(?:at|for|in)\s|\bjoined\s(?=[A-Z])|\b(?:office|team|department|employer|company)\b|\b(?:GmbH|Inc|Ltd|LLC|PLC|AG|S\.?A)\b/g;
const WORKPLACE_ZH = /在[\u4e00-\u9fff]{2,16}(?:上班|工作|任职|实习)|(?:公司|部门|单位|团队)/g;

export const STRICT_DETAILS: ReadonlyArray<readonly [PersonDetailKind, RegExp, boolean]> = [
  ['personal', AGE_EN, false],
  ['personal', AGE_ZH, true],
  ['personal', FAMILY_WORD_EN, false],
  ['personal', FAMILY_ZH, true],
  ['personal', WORKPLACE_EN, false],
  ['personal', WORKPLACE_ZH, true],
];
