import { Link } from 'react-router-dom';
import { RecordDetail } from '../../components/RecordDetail.tsx';
import { DISPUTE, DISPUTE_WORKFLOW, type DisputeView } from '../../../shared/schemas/mediation.ts';

export default function DisputeDetailPage() {
  return (
    <RecordDetail<DisputeView>
      def={DISPUTE}
      workflow={DISPUTE_WORKFLOW}
      api="/disputes"
      ledger={{ to: '/disputes', label: '矛盾纠纷调解' }}
      show={(d) => ({ linkedTitle: d.linkedDisputeId ? <Link to={`/disputes/${d.linkedDisputeId}`}>{d.linkedTitle}</Link> : null })}
    />
  );
}
