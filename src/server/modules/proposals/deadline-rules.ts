// Deadline rules of this module (domain.md §6), seeded once and then edited by the law office.
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';

export const PROPOSAL_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'proposals.reply', name: '人大建议、政协提案办复', period: 3, unit: 'months', citation: '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》（2025年修正）第五十一条；政协提案按本地提案工作规定', note: '自交办之日起3个月内答复；涉及面广、处理难度大的，不超过6个月（见 proposals.reply_complex）。' },
  { code: 'proposals.reply_complex', name: '人大建议、政协提案办复（情况复杂）', period: 6, unit: 'months', citation: '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》（2025年修正）第五十一条', note: '涉及面广、处理难度大的建议，应当在6个月内答复。' },
];
