// 建议提案: suggestions and proposals by lead unit with their reply deadlines; the law office assigns.
// The ledger and the drawer derive from the record definition.
import { Space, Tag } from 'antd';
import { LedgerPage } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import type { ProposalView } from '../../../shared/schemas/proposals.ts';
import { PROPOSAL_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

// Filing applies to CPPCC proposals only: an NPC suggestion carries none.
const body = (values: Record<string, unknown>) => ({ ...values, filed: values.kind === 'cppcc' ? values.filed : null });

export default function ProposalsPage() {
  const { can } = useAuth();
  return (
    <LedgerPage<ProposalView>
      pages={PROPOSAL_PAGES}
      title="建议提案办理"
      create={can('proposal.manage') && { title: '交办建议提案', submitText: '交办', initialValues: { kind: 'npc', assignedDate: chinaDate(), filed: true }, body }}
      link="title"
      trailing={[
        { key: 'due', title: <RuleLabel label="答复期限" rules={['proposals.reply', 'proposals.reply_complex']} />, width: 190, render: (_, p) => (p.light ? <DueTag due={p.due!} light={p.light} /> : p.due ? <Space size={4}>{p.due}{p.onTime === false && <Tag color="red">超期</Tag>}</Space> : '—') },
      ]}
    />
  );
}
