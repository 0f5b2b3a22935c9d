import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import { PERIOD_UNITS, type DeadlineRuleView } from '../../shared/schemas/calendar.ts';

/** The deadline rules (statutory and the law office's own), shared by every page that picks or explains one. */
export function useRules(enabled = true) {
  return useQuery({ queryKey: ['deadline-rules'], enabled, staleTime: 300_000, queryFn: () => get<{ items: DeadlineRuleView[] }>('/deadline-rules').then((r) => r.items) });
}

/** A rule as a choice: its name and period (办理期限（15个工作日）). */
export const ruleOption = (r: DeadlineRuleView) => ({ value: r.code, label: `${r.name}（${r.period}${PERIOD_UNITS[r.unit]}）` });
