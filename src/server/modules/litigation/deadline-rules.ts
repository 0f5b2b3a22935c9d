// Deadline rules of this module (domain.md §6), seeded once and then edited by the law office.
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';

export const LITIGATION_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'litigation.defence', name: '行政诉讼提交答辩状', period: 15, unit: 'calendar_days', citation: '《中华人民共和国行政诉讼法》第六十七条', note: '被告应当在收到起诉状副本之日起15日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状。' },
];
