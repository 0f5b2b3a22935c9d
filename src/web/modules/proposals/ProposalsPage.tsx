// 建议提案: suggestions and proposals by lead unit with their reply deadlines; the law office assigns.
// The ledger and the drawer derive from the record definition.
import { Card, Space, Tag } from 'antd';
import { CreateRecord, RecordLedger } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { PROPOSAL, PROPOSAL_WORKFLOW, type ProposalView } from '../../../shared/schemas/proposals.ts';

export default function ProposalsPage() {
  const { can } = useAuth();
  return (
    <Card
      size="small"
      title="建议提案办理"
      extra={can('proposal.manage') && (
        <CreateRecord<ProposalView>
          def={PROPOSAL}
          api="/proposals"
          title="交办建议提案"
          submitText="交办"
          initialValues={{ kind: 'npc', assignedDate: chinaDate(), filed: true }}
          // Filing applies to CPPCC proposals only: an NPC suggestion carries none.
          body={(values) => ({ ...values, filed: values.kind === 'cppcc' ? values.filed : null })}
          to={(p) => `/proposals/${p.id}`}
        />
      )}
    >
      <RecordLedger<ProposalView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={PROPOSAL}
        workflow={PROPOSAL_WORKFLOW}
        url="/proposals"
        exportName="建议提案.xlsx"
        link={{ field: 'title', to: (p) => `/proposals/${p.id}` }}
        trailing={[
          { key: 'due', title: '答复期限', width: 190, render: (_, p) => (p.light ? <DueTag due={p.due!} light={p.light} /> : p.due ? <Space size={4}>{p.due}{p.onTime === false && <Tag color="red">超期</Tag>}</Space> : '—') },
        ]}
      />
    </Card>
  );
}
