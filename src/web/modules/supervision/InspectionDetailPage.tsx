import { useState } from 'react';
import { Breadcrumb, Button, Card, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { get, post } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { RecordFields, RecordForm } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { CHECKLIST_KINDS, FINDING, INSPECTION, INSPECTION_KINDS, type InspectionView } from '../../../shared/schemas/supervision.ts';
import { FindingsLedger } from './FindingsLedger.tsx';
import { KIND_COLOR, findingCounts } from './InspectionsPage.tsx';
import { formOf } from './forms.ts';

export default function InspectionDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const client = useQueryClient();
  const inspection = useQuery({ queryKey: ['inspection', id], queryFn: () => get<InspectionView>(`/inspections/${id}`) });
  const [open, setOpen] = useState(false);
  const i = inspection.data;
  const findingForm = formOf(FINDING, ['unitId', 'description', 'severity', 'dueDate'], {
    unitId: '该次督察的对象单位',
    severity: '重大问题须约谈单位负责人后才能销号',
    dueDate: i ? `不早于督察日期 ${i.date}；自督察日起计算，逾期将自动督办并印发督办单` : '',
  });

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/inspections">督察安排</Link> }, { title: i?.title ?? '…' }]} />
      <ErrorNotice error={inspection.error} />
      <Card size="small" loading={inspection.isLoading} title={i?.title} extra={i && <Tag color={KIND_COLOR[i.kind]}>{INSPECTION_KINDS[i.kind]}</Tag>} style={{ marginBottom: 12 }}>
        {i && (
          <RecordFields
            def={INSPECTION}
            view={i}
            extra={[
              { label: '问题', value: findingCounts(i) },
              { label: '督察对象', span: 3, value: i.targets.map((t) => <Tag key={t.id}>{t.name}</Tag>) },
              {
                label: '检查清单',
                span: 3,
                value: i.checklist.length ? i.checklist.map((c, n) => <div key={n}><Tag color={c.kind === 'required' ? 'red' : 'default'}>{CHECKLIST_KINDS[c.kind]}</Tag>{c.item}</div>) : '—',
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title="发现的问题" extra={can('inspection.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>记录问题</Button>}>
        <FindingsLedger params={{ inspectionId: id }} />
      </Card>
      {i && (
        <RecordForm
          def={findingForm}
          open={open}
          title="记录问题"
          submitText="记录"
          initialValues={{ severity: 'general', dueDate: dayjs().add(30, 'day').format('YYYY-MM-DD'), ...(i.targets.length === 1 ? { unitId: i.targets[0]!.id } : {}) }}
          references={{ unitId: i.targets.map((t) => ({ value: t.id, label: t.name })) }}
          onClose={() => setOpen(false)}
          onSubmit={async (body) => {
            await post('/findings', { ...body, inspectionId: id });
            client.invalidateQueries({ queryKey: ['/findings'] });
            client.invalidateQueries({ queryKey: ['inspection', id] });
          }}
        />
      )}
      {can('inspection.manage') && <Typography.Text type="secondary">记录的问题进入问题池，责任单位的联络员和负责人会在“我的待办”中看到。</Typography.Text>}
    </>
  );
}
