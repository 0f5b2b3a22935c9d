// Deadline rules shipped with the platform (domain.md §6) are declared by the modules that use them
// (`deadlineRules` in a manifest), seeded into the deadline_rules table once; from then on the law
// office edits them there (audited), and a release never overwrites an edited rule. The kernel ships
// none of its own: this is the shape of a module's rule.
import type { CreateRuleInput } from '../../../shared/schemas/calendar.ts';

export type DeadlineRuleSeed = Required<Pick<CreateRuleInput, 'code' | 'name' | 'period' | 'unit' | 'citation'>> &
  Pick<CreateRuleInput, 'extension' | 'note' | 'minimum' | 'warnDays'>;
