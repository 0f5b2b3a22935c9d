import { DetailPage } from '../../components/pages.tsx';
import { dueValue, lateReplyTag } from '../../components/Light.tsx';
import type { ProposalDetail } from '../../../shared/schemas/proposals.ts';
import { PROPOSAL_PAGES } from './pages.ts';

export default function ProposalDetailPage() {
  return (
    <DetailPage<ProposalDetail>
      pages={PROPOSAL_PAGES}
      tags={lateReplyTag}
      // Filing applies to CPPCC proposals only (an NPC suggestion shows none).
      show={(p) => ({ filed: p.kind === 'cppcc' ? p.filed : null })}
      extra={(p) => [{ label: '答复期限', rules: ['proposals.reply', 'proposals.reply_complex'], value: dueValue(p.due, p.light) }]}
    />
  );
}
