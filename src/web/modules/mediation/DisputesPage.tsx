// 矛盾纠纷调解: the disputes ledger and the organisations, intake of a dispute (with a cross-channel
// link) and registration of an organisation — all from the record definitions.
import { useState } from 'react';
import { Button, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { get, post } from '../../api.ts';
import { RecordForm, RecordLedger, RecordTable } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { TabsCard } from '../../components/TabsCard.tsx';
import { DISPUTE, DISPUTE_WORKFLOW, MEDIATION_CHANNELS, MEDIATION_ORG, type DisputeView, type MediationOrgView } from '../../../shared/schemas/mediation.ts';
import { chinaDate } from '../../../shared/records.ts';

export default function DisputesPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  // After an organisation is registered, its tab opens.
  const [, setParams] = useSearchParams();
  const [open, setOpen] = useState<'dispute' | 'org' | null>(null);
  const orgs = useQuery({ queryKey: ['mediation-orgs'], queryFn: () => get<{ items: MediationOrgView[] }>('/mediation-orgs').then((r) => r.items) });
  // Candidates for a cross-channel link: the latest disputes one may see.
  const recent = useQuery({ queryKey: ['/disputes', 'recent'], enabled: open === 'dispute', queryFn: () => get<{ items: DisputeView[] }>('/disputes?pageSize=200').then((r) => r.items) });
  const manage = can('mediation.manage');
  return (
    <TabsCard
      title="矛盾纠纷调解"
      extra={manage && (
        <Space>
          <Button size="small" onClick={() => setOpen('org')}>登记调解组织</Button>
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen('dispute')}>受理纠纷</Button>
        </Space>
      )}
      items={[
        {
          key: 'disputes',
          label: '纠纷台账',
          children: (
            <RecordLedger<DisputeView>
              def={DISPUTE}
              url="/disputes"
              exportName="矛盾纠纷.xlsx"
              leading={[{ key: 'title', title: '纠纷', dataIndex: 'title', fixed: 'left', render: (t: string, d) => <Link to={`/disputes/${d.id}`}>{t}</Link> }]}
              workflow={DISPUTE_WORKFLOW}
            />
          ),
        },
        {
          key: 'orgs',
          label: `调解组织（${orgs.data?.length ?? 0}）`,
          children: (
            <RecordTable<MediationOrgView> def={MEDIATION_ORG} rows={orgs.data} loading={orgs.isLoading} trailing={[{ key: 'disputes', title: '调解纠纷', dataIndex: 'disputes', width: 90, align: 'right' }]} />
          ),
        },
      ]}
    >
      <RecordForm
        def={DISPUTE}
        open={open === 'dispute'}
        title="受理矛盾纠纷"
        submitText="受理"
        initialValues={{ unitId: me?.unit.id, channel: 'people', receivedDate: chinaDate() }}
        references={{
          orgId: (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          linkedDisputeId: (recent.data ?? []).map((d) => ({ value: d.id, label: `${MEDIATION_CHANNELS[d.channel]} · ${d.title}` })),
        }}
        onClose={() => setOpen(null)}
        onSubmit={async (body) => {
          const created = await post<DisputeView>('/disputes', body);
          client.invalidateQueries({ queryKey: ['/disputes'] });
          navigate(`/disputes/${created.id}`);
        }}
      />
      <RecordForm
        def={MEDIATION_ORG}
        open={open === 'org'}
        title="登记调解组织"
        submitText="登记"
        initialValues={{ unitId: me?.unit.id }}
        onClose={() => setOpen(null)}
        onSubmit={async (body) => {
          await post('/mediation-orgs', body);
          client.invalidateQueries({ queryKey: ['mediation-orgs'] });
          setParams({ tab: 'orgs' });
        }}
      />
    </TabsCard>
  );
}
