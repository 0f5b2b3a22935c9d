// Deadline rules of this module (domain.md §6), seeded once and then edited by the law office.
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';

export const RECONSIDERATION_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'review.accept', name: '行政复议申请审查受理', period: 5, unit: 'working_days', citation: '《中华人民共和国行政复议法》（2023年修订）第三十条；第八十八条第二款（“三日”“五日”“七日”“十日”指工作日）', note: '收到申请后5个工作日内审查；期满未作出决定的，视为受理。' },
  { code: 'review.supplement_notice', name: '通知补正复议申请材料', period: 5, unit: 'working_days', citation: '《中华人民共和国行政复议法》第三十一条', note: '申请材料不齐全或表述不清楚的，自收到申请之日起5个工作日内书面通知补正。' },
  { code: 'review.supplement', name: '申请人补正期限', period: 10, unit: 'working_days', citation: '《中华人民共和国行政复议法》第三十一条', note: '申请人应当自收到补正通知之日起10个工作日内补正；补正时间不计入审理期限（计时暂停）。' },
  { code: 'review.notify_respondent', name: '向被申请人发送复议申请书副本', period: 7, unit: 'working_days', citation: '《中华人民共和国行政复议法》第四十八条', note: '自受理之日起7个工作日内。' },
  { code: 'review.respondent_reply', name: '被申请人提出书面答复', period: 10, unit: 'working_days', citation: '《中华人民共和国行政复议法》第四十八条', note: '被申请人自收到申请书副本之日起10个工作日内提出书面答复并提交证据、依据。' },
  { code: 'review.simple_notify', name: '简易程序发送申请书副本', period: 3, unit: 'working_days', citation: '《中华人民共和国行政复议法》第五十三条、第五十四条' },
  { code: 'review.simple_reply', name: '简易程序被申请人答复', period: 5, unit: 'working_days', citation: '《中华人民共和国行政复议法》第五十三条、第五十四条' },
  { code: 'review.decide', name: '行政复议决定（普通程序）', period: 60, unit: 'calendar_days', extension: 30, citation: '《中华人民共和国行政复议法》第六十二条', note: '自受理之日起60日内作出决定；情况复杂的，经行政复议机构负责人批准，可以延长，延长期限最多不超过30日。' },
  { code: 'review.decide_simple', name: '行政复议决定（简易程序）', period: 30, unit: 'calendar_days', citation: '《中华人民共和国行政复议法》第六十二条', note: '适用简易程序的，自受理之日起30日内作出决定。' },
];
