// 行政执法监督: the bureau's 日常 / 重点 / 专项 supervision with the correction deadline's light; the
// drawer from the definition.
import { LedgerPage } from '../../components/pages.tsx';
import { dueValue } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import type { SupervisionView } from '../../../shared/schemas/enforcement.ts';
import { SUPERVISION_PAGES } from './pages.ts';
import { useBodyChoices } from './shared.tsx';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function SupervisionsPage() {
  const { can } = useAuth();
  const bodies = useBodyChoices();
  return (
    <LedgerPage<SupervisionView>
      pages={SUPERVISION_PAGES}
      create={can('enforcement.supervise') && { title: '开展执法监督', submitText: '开展', references: { bodyId: bodies.data ?? [] }, initialValues: { kind: 'routine', startDate: chinaDate() } }}
      measure="次"
      exportName="行政执法监督台账.xlsx"
      link="title"
      trailing={[{ key: 'due', title: <RuleLabel label="整改期限" rules={['enforcement.supervision_correct']} />, width: 190, render: (_, r) => dueValue(r.due, r.light) }]}
    />
  );
}

