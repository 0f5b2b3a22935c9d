// A body: its fields (corrected in place), its 权责清单 with the powers delegated to it (赋权事项:
// who delegated, when), and its officers — the officers' ledger narrowed to the body.
import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { del, get, post } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { EditRecord, RecordFields, RecordForm, RecordLedger, renderValue } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { entries } from '../../../shared/records.ts';
import { BODY_KINDS, ENFORCEMENT_BODY, ENFORCEMENT_POWER, OFFICER, OFFICER_WORKFLOW, type BodyDetail, type OfficerView, type PowerView } from '../../../shared/schemas/enforcement.ts';
import { CertificateTag } from './shared.tsx';
import { ListItems } from './ListsPage.tsx';

export default function BodyDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['/enforcement-bodies', id];
  const detail = useQuery({ queryKey: key, queryFn: () => get<BodyDetail>(`/enforcement-bodies/${id}`) });
  const [open, setOpen] = useState<'power' | null>(null);
  const b = detail.data;
  const manage = can('enforcement.register');
  const reload = () => client.invalidateQueries({ queryKey: key });
  const remove = async (power: PowerView) => {
    try {
      await del(`/enforcement-bodies/${id}/powers/${power.id}`);
      void reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/enforcement/bodies">执法主体</Link> }, { title: b?.name ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={b?.name} style={{ marginBottom: 12 }} extra={b && <Space><Tag color="blue">{BODY_KINDS[b.kind]}</Tag>{manage && <EditRecord def={ENFORCEMENT_BODY} record={b} api="/enforcement-bodies" only={['name', 'kind', 'basis', 'entrustedBy']} title="更正执法主体" button onSaved={() => void reload()} />}</Space>}>
        {b && <RecordFields def={ENFORCEMENT_BODY} view={b} extra={[{ label: '在岗执法人员', value: `${b.officers} 人` }]} />}
      </Card>
      {b && (
        <Card size="small" title={`权责清单（${b.powers} 项，其中赋权事项 ${b.delegatedPowers} 项）`} style={{ marginBottom: 12 }} extra={manage && <Button size="small" onClick={() => setOpen('power')}>添加职权</Button>}>
          <Table<PowerView>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={b.powerList}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '尚未登记职权' }}
            columns={[
              ...entries(ENFORCEMENT_POWER)
                .filter(([, spec]) => spec.list)
                .map(([name, spec]) => ({ key: name, title: spec.label, render: (_: unknown, p: PowerView) => renderValue(spec, name, p) })),
              ...(manage ? [{ key: 'remove', title: '', width: 60, render: (_: unknown, p: PowerView) => <Popconfirm title={`删除「${p.title}」？`} onConfirm={() => remove(p)}><a>删除</a></Popconfirm> }] : []),
            ]}
          />
        </Card>
      )}
      {b && (
        <Card size="small" title="四张清单与检查事项" style={{ marginBottom: 12 }}>
          <ListItems bodyId={id} />
        </Card>
      )}
      {b && (
        <Card size="small" title="执法人员">
          <RecordLedger<OfficerView>
            def={OFFICER}
            workflow={OFFICER_WORKFLOW}
            url="/enforcement-officers"
            params={{ bodyId: id }}
            measure="人"
            exportName={`${b.name}执法人员.xlsx`}
            link={{ field: 'name', to: (o) => `/enforcement/officers/${o.id}` }}
            trailing={[{ key: 'certificate', title: '执法证', width: 110, render: (_, o) => <CertificateTag state={o.certificateState} validUntil={o.certificateValidUntil} /> }]}
          />
        </Card>
      )}
      {b && (
        <>
          <RecordForm
            def={ENFORCEMENT_POWER}
            open={open === 'power'}
            title="添加职权"
            submitText="添加"
            initialValues={{ delegated: false }}
            onClose={() => setOpen(null)}
            onSubmit={async (values) => {
              await post(`/enforcement-bodies/${id}/powers`, values);
              void reload();
            }}
          />
        </>
      )}
    </>
  );
}
