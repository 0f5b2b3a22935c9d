// Deadline rules of this module (domain.md §6), seeded once and then edited by the law office.
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';

export const MATTER_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'matter.reply', name: '交办事项办理', period: 10, unit: 'working_days', citation: '本级法治政府建设工作督办规则（可按本地规定调整）', note: '法治办交办事项，自交办之日起10个工作日内办结并报送办理情况。' },
];
