// Deadline rules of this module (domain.md §6), seeded once and then edited by the law office.
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';

export const DISCLOSURE_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'foi.reply', name: '政府信息公开申请答复', period: 20, unit: 'working_days', extension: 20, citation: '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条、第三十条', note: '收到申请之日起20个工作日内答复；需延长的，经负责人同意可延长不超过20个工作日。补正的，自收到补正后的申请之日起重新计算。' },
  { code: 'foi.supplement_notice', name: '通知补正公开申请', period: 7, unit: 'working_days', citation: '《中华人民共和国政府信息公开条例》第三十条', note: '申请内容不明确的，自收到申请之日起7个工作日内一次性告知补正。' },
  { code: 'foi.payment', name: '缴纳信息处理费', period: 20, unit: 'working_days', citation: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', note: '申请人自收到收费通知之次日起20个工作日内缴纳费用；缴费期间不计入答复期限，逾期未缴纳的视为放弃申请，行政机关不再处理。' },
  { code: 'foi.third_party', name: '征求第三方意见', period: 15, unit: 'working_days', citation: '《中华人民共和国政府信息公开条例》第三十二条、第三十三条', note: '第三方自收到征求意见书之日起15个工作日内提出意见；征求意见所需时间不计入答复期限。' },
];
