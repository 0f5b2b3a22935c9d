// One supervision action: its fields (opinion, correction report, decision), the correction deadline,
// and the workflow (意见书, 整改情况, 退回, 监督决定书, 办结) with clocks, evidence and timeline.
import { RecordDetail } from '../../components/RecordDetail.tsx';
import { dueValue } from '../../components/Light.tsx';
import { SUPERVISION, SUPERVISION_WORKFLOW, type SupervisionView } from '../../../shared/schemas/enforcement.ts';

export default function SupervisionDetailPage() {
  return (
    <RecordDetail<SupervisionView>
      def={SUPERVISION}
      workflow={SUPERVISION_WORKFLOW}
      api="/enforcement-supervisions"
      ledger={{ to: '/enforcement/supervisions', label: '行政执法监督' }}
      extra={(s) => [{ label: '整改期限', value: dueValue(s.due, s.light) }]}
    />
  );
}
