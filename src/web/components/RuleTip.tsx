// The legal basis of a rule, on hover: beside a field's label (its definition's note and basis) or a
// deadline's column and line (the deadline rule's period and citation, read from the rules the law
// office maintains, so a changed period or citation shows here at once).
import type { ReactNode } from 'react';
import { Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useAuth } from '../auth.tsx';
import { useRules } from './rules.ts';
import { PERIOD_UNITS, type DeadlineRuleView } from '../../shared/schemas/calendar.ts';
import type { FieldDef } from '../../shared/records.ts';

/** A rule's period as a clerk says it: 不少于30日, 20个工作日（可延长20个工作日）. */
export const rulePeriod = (r: Pick<DeadlineRuleView, 'period' | 'unit' | 'extension' | 'minimum'>) =>
  `${r.minimum ? '不少于' : ''}${r.period}${PERIOD_UNITS[r.unit]}${r.extension ? `（经批准可延长${r.extension}${PERIOD_UNITS[r.unit]}）` : ''}`;

/** One rule as the tooltip and the help pages state it. */
export const ruleSentence = (r: DeadlineRuleView) => `${r.name}：${rulePeriod(r)}。${r.note ? `${r.note}` : ''}依据：${r.citation}`;

const TIP_STYLE = { maxWidth: 480 };

/** A label with a question mark whose tooltip says `tip` (nothing added when there is none). */
export function TipLabel({ label, tip }: { label: ReactNode; tip: ReactNode }) {
  if (!tip) return <>{label}</>;
  return (
    <span>
      {label}
      <Tooltip title={tip} styles={{ root: TIP_STYLE }}>
        <QuestionCircleOutlined style={{ marginInlineStart: 4, color: 'rgba(0,0,0,0.45)', cursor: 'help' }} aria-label="说明与依据" />
      </Tooltip>
    </span>
  );
}

/** What a field's tooltip says: its note, then its legal basis. */
export function fieldTip(spec: Pick<FieldDef, 'note' | 'basis'>): string | null {
  const parts = [spec.note, spec.basis && `依据：${spec.basis}`].filter(Boolean);
  return parts.length ? parts.join('。').replace(/。。/g, '。') : null;
}

/** Deadline rules by code, as the law office maintains them (none for a role that may not read them). */
export function useRulesByCode(codes: readonly string[]): DeadlineRuleView[] {
  const { can } = useAuth();
  const all = useRules(can('calendar.read'));
  return codes.map((code) => all.data?.find((r) => r.code === code)).filter((r): r is DeadlineRuleView => !!r);
}

/** A deadline's label (答复期限) with its rules' period and citation on hover. */
export function RuleLabel({ label, rules }: { label: ReactNode; rules: readonly string[] }) {
  const found = useRulesByCode(rules);
  const tip = found.length ? (
    <div style={{ fontSize: 12, lineHeight: 1.7 }}>
      {found.map((r) => (
        <div key={r.code}>{ruleSentence(r)}</div>
      ))}
    </div>
  ) : null;
  return <TipLabel label={label} tip={tip} />;
}
