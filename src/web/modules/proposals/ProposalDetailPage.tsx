import { Tag } from 'antd';
import { RecordDetail } from '../../components/RecordDetail.tsx';
import { DueTag } from '../../components/Light.tsx';
import { PROPOSAL, PROPOSAL_WORKFLOW, type ProposalDetail } from '../../../shared/schemas/proposals.ts';

export default function ProposalDetailPage() {
  return (
    <RecordDetail<ProposalDetail>
      def={PROPOSAL}
      workflow={PROPOSAL_WORKFLOW}
      api="/proposals"
      ledger={{ to: '/proposals', label: '建议提案' }}
      tags={(p) => p.onTime === false && <Tag color="red">超期答复</Tag>}
      // Filing applies to CPPCC proposals only (an NPC suggestion shows none).
      show={(p) => ({ filed: p.kind === 'cppcc' ? p.filed : null })}
      extra={(p) => [{ label: '答复期限', value: p.light ? <DueTag due={p.due!} light={p.light} /> : (p.due ?? '—') }]}
    />
  );
}
