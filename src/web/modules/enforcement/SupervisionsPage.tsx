// 行政执法监督: the bureau's 日常 / 重点 / 专项 supervision with the correction deadline's light; the
// drawer from the definition.
import { Card } from 'antd';
import { CreateRecord, RecordLedger } from '../../components/records.tsx';
import { dueValue } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { SUPERVISION, SUPERVISION_WORKFLOW, type SupervisionView } from '../../../shared/schemas/enforcement.ts';
import { useBodyChoices } from './shared.tsx';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function SupervisionsPage() {
  const { can } = useAuth();
  const bodies = useBodyChoices();
  return (
    <Card
      size="small"
      title="行政执法监督"
      extra={can('enforcement.supervise') && (
        <CreateRecord<SupervisionView> def={SUPERVISION} api="/enforcement-supervisions" title="开展执法监督" submitText="开展" references={{ bodyId: bodies.data ?? [] }} initialValues={{ kind: 'routine', startDate: chinaDate() }} to={(s) => `/enforcement/supervisions/${s.id}`} />
      )}
    >
      <RecordLedger<SupervisionView>
        def={SUPERVISION}
        workflow={SUPERVISION_WORKFLOW}
        url="/enforcement-supervisions"
        measure="次"
        exportName="行政执法监督台账.xlsx"
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        link={{ field: 'title', to: (s) => `/enforcement/supervisions/${s.id}` }}
        trailing={[{ key: 'due', title: <RuleLabel label="整改期限" rules={['enforcement.supervision_correct']} />, width: 190, render: (_, r) => dueValue(r.due, r.light) }]}
      />
    </Card>
  );
}

