// Deadline rules shipped with the platform (domain.md §6) are declared by the modules that use them
// (`deadlineRules` in a manifest), seeded into the deadline_rules table once; from then on the law
// office edits them there (audited), and a release never overwrites an edited rule. The rules listed
// here belong to modules not built yet (normative documents, enforcement, services):
// each moves into its module's manifest when that module arrives.
import type { CreateRuleInput } from '../../../shared/schemas/calendar.ts';

export type DeadlineRuleSeed = Required<Pick<CreateRuleInput, 'code' | 'name' | 'period' | 'unit' | 'citation'>> &
  Pick<CreateRuleInput, 'extension' | 'note' | 'minimum' | 'warnDays'>;

export const DEFAULT_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'normdoc.filing', name: '行政规范性文件报送备案', period: 30, unit: 'calendar_days', citation: '省级行政规范性文件备案规定（可按本省规定调整）；参照《法规规章备案审查条例》（2024年修订）第四条', note: '自公布之日起30日内报送备案；期限以本省规定为准。' },
  { code: 'enforcement.disclosure', name: '行政执法决定公示', period: 20, unit: 'working_days', citation: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）', note: '行政执法决定作出之日起20个工作日内公开。' },
  { code: 'enforcement.disclosure_penalty_licence', name: '行政许可、行政处罚决定公示', period: 7, unit: 'working_days', citation: '国办发〔2018〕118号', note: '行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开。' },
  { code: 'enforcement.penalty_decide', name: '行政处罚案件办结', period: 90, unit: 'calendar_days', citation: '《中华人民共和国行政处罚法》（2021年修订）第六十条', note: '自立案之日起90日内作出行政处罚决定；法律、法规、规章另有规定的从其规定。' },
  { code: 'services.bad_rating_fix', name: '政务服务差评整改', period: 15, unit: 'working_days', citation: '政务服务“好差评”制度（国办发〔2019〕51号）及省级实施办法（如四川省）', note: '差评自评价之日起15个工作日内整改并回访。' },
];
