// The statutory deadline rules shipped with the platform (domain.md §6). They are seeded into the
// deadline_rules table once; from then on the law office edits them there (audited), and a release
// never overwrites an edited rule.
import type { CreateRuleInput } from '../../../shared/schemas/calendar.ts';

type Seed = Required<Pick<CreateRuleInput, 'code' | 'name' | 'period' | 'unit' | 'citation'>> &
  Pick<CreateRuleInput, 'extension' | 'note' | 'minimum' | 'warnDays'>;

export const DEFAULT_RULES: readonly Seed[] = [
  { code: 'review.accept', name: '行政复议申请审查受理', period: 5, unit: 'working_days', citation: '《中华人民共和国行政复议法》（2023年修订）第三十条；第八十八条第二款（“三日”“五日”“七日”“十日”指工作日）', note: '收到申请后5个工作日内审查；期满未作出决定的，视为受理。' },
  { code: 'review.supplement_notice', name: '通知补正复议申请材料', period: 5, unit: 'working_days', citation: '《中华人民共和国行政复议法》第三十一条', note: '申请材料不齐全或表述不清楚的，自收到申请之日起5个工作日内书面通知补正。' },
  { code: 'review.supplement', name: '申请人补正期限', period: 10, unit: 'working_days', citation: '《中华人民共和国行政复议法》第三十一条', note: '申请人应当自收到补正通知之日起10个工作日内补正；补正时间不计入审理期限（计时暂停）。' },
  { code: 'review.notify_respondent', name: '向被申请人发送复议申请书副本', period: 7, unit: 'working_days', citation: '《中华人民共和国行政复议法》第四十八条', note: '自受理之日起7个工作日内。' },
  { code: 'review.respondent_reply', name: '被申请人提出书面答复', period: 10, unit: 'working_days', citation: '《中华人民共和国行政复议法》第四十八条', note: '被申请人自收到申请书副本之日起10个工作日内提出书面答复并提交证据、依据。' },
  { code: 'review.simple_notify', name: '简易程序发送申请书副本', period: 3, unit: 'working_days', citation: '《中华人民共和国行政复议法》第五十三条、第五十四条' },
  { code: 'review.simple_reply', name: '简易程序被申请人答复', period: 5, unit: 'working_days', citation: '《中华人民共和国行政复议法》第五十三条、第五十四条' },
  { code: 'review.decide', name: '行政复议决定（普通程序）', period: 60, unit: 'calendar_days', extension: 30, citation: '《中华人民共和国行政复议法》第六十二条', note: '自受理之日起60日内作出决定；情况复杂的，经行政复议机构负责人批准，可以延长，延长期限最多不超过30日。' },
  { code: 'review.decide_simple', name: '行政复议决定（简易程序）', period: 30, unit: 'calendar_days', citation: '《中华人民共和国行政复议法》第六十二条', note: '适用简易程序的，自受理之日起30日内作出决定。' },
  { code: 'foi.reply', name: '政府信息公开申请答复', period: 20, unit: 'working_days', extension: 20, citation: '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条、第三十条', note: '收到申请之日起20个工作日内答复；需延长的，经负责人同意可延长不超过20个工作日。补正的，自收到补正后的申请之日起重新计算。' },
  { code: 'foi.supplement_notice', name: '通知补正公开申请', period: 7, unit: 'working_days', citation: '《中华人民共和国政府信息公开条例》第三十条', note: '申请内容不明确的，自收到申请之日起7个工作日内一次性告知补正。' },
  { code: 'foi.third_party', name: '征求第三方意见', period: 15, unit: 'working_days', citation: '《中华人民共和国政府信息公开条例》第三十二条、第三十三条', note: '第三方自收到征求意见书之日起15个工作日内提出意见；征求意见所需时间不计入答复期限。' },
  { code: 'litigation.defence', name: '行政诉讼提交答辩状', period: 15, unit: 'calendar_days', citation: '《中华人民共和国行政诉讼法》第六十七条', note: '被告应当在收到起诉状副本之日起15日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状。' },
  { code: 'decision.public_comment', name: '重大行政决策公开征求意见', period: 30, unit: 'calendar_days', minimum: true, citation: '《重大行政决策程序暂行条例》第十五条', note: '征求意见期限一般不少于30日；因情况紧急等原因需要缩短的，应当予以说明。' },
  { code: 'decision.legality_review', name: '重大行政决策合法性审查', period: 7, unit: 'working_days', minimum: true, citation: '《重大行政决策程序暂行条例》第二十五条、第二十六条', note: '保证合法性审查机构的审查时间一般不少于7个工作日。' },
  { code: 'normdoc.filing', name: '行政规范性文件报送备案', period: 30, unit: 'calendar_days', citation: '省级行政规范性文件备案规定（可按本省规定调整）；参照《法规规章备案审查条例》（2024年修订）第四条', note: '自公布之日起30日内报送备案；期限以本省规定为准。' },
  { code: 'enforcement.disclosure', name: '行政执法决定公示', period: 20, unit: 'working_days', citation: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）', note: '行政执法决定作出之日起20个工作日内公开。' },
  { code: 'enforcement.disclosure_penalty_licence', name: '行政许可、行政处罚决定公示', period: 7, unit: 'working_days', citation: '国办发〔2018〕118号', note: '行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开。' },
  { code: 'enforcement.penalty_decide', name: '行政处罚案件办结', period: 90, unit: 'calendar_days', citation: '《中华人民共和国行政处罚法》（2021年修订）第六十条', note: '自立案之日起90日内作出行政处罚决定；法律、法规、规章另有规定的从其规定。' },
  { code: 'proposals.reply', name: '人大建议、政协提案办复', period: 3, unit: 'months', citation: '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》（2025年修正）第五十一条；政协提案按本地提案工作规定', note: '自交办之日起3个月内答复；涉及面广、处理难度大的，不超过6个月（见 proposals.reply_complex）。' },
  { code: 'proposals.reply_complex', name: '人大建议、政协提案办复（情况复杂）', period: 6, unit: 'months', citation: '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》（2025年修正）第五十一条', note: '涉及面广、处理难度大的建议，应当在6个月内答复。' },
  { code: 'services.bad_rating_fix', name: '政务服务差评整改', period: 15, unit: 'working_days', citation: '政务服务“好差评”制度（国办发〔2019〕51号）及省级实施办法（如四川省）', note: '差评自评价之日起15个工作日内整改并回访。' },
  { code: 'matter.reply', name: '交办事项办理', period: 10, unit: 'working_days', citation: '本级法治政府建设工作督办规则（可按本地规定调整）', note: '法治办交办事项，自交办之日起10个工作日内办结并报送办理情况。' },
];
