// 通报与督办单: circulars (to every unit) and supervision notices (to one finding's unit, also issued
// by escalation); the law office issues circulars here.
import { useState } from 'react';
import { Button, Card, Modal, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { get, post } from '../../api.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { NOTICE, NOTICE_KINDS, type InspectionView, type NoticeView } from '../../../shared/schemas/supervision.ts';
import { formOf } from './forms.ts';

const CIRCULAR_FORM = formOf(NOTICE, ['title', 'issuedDate', 'content', 'inspectionId'], { inspectionId: '可空：通报所针对的督察' });

export default function NoticesPage() {
  const { can } = useAuth();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [reading, setReading] = useState<NoticeView | null>(null);
  const inspections = useQuery({ queryKey: ['/inspections', 'choices'], enabled: creating, queryFn: () => get<{ items: InspectionView[] }>('/inspections?pageSize=200') });
  return (
    <Card size="small" title="通报与督办单" extra={can('notice.issue') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>印发通报</Button>}>
      <RecordLedger<NoticeView>
        def={NOTICE}
        url="/notices"
        exportName="通报与督办单.xlsx"
        measure="份"
        leading={[{ key: 'kind', title: NOTICE.fields.kind.label, width: 100, render: (_, n) => <Tag color={n.kind === 'circular' ? 'blue' : 'red'}>{NOTICE_KINDS[n.kind]}{n.level ? `·${n.level === 1 ? '一级' : '二级'}` : ''}</Tag> }]}
        trailing={[
          { key: 'content', title: NOTICE.fields.content.label, width: 80, render: (_, n) => <a onClick={() => setReading(n)}>阅读</a> },
          { key: 'finding', title: NOTICE.fields.findingId.label, width: 240, ellipsis: true, render: (_, n) => (n.findingId ? <Link to={`/findings/${n.findingId}`}>{n.findingTitle}</Link> : '—') },
        ]}
      />
      <Modal open={!!reading} title={reading?.title} footer={null} onCancel={() => setReading(null)} width={640}>
        {reading && (
          <>
            <div style={{ color: '#666', marginBottom: 8 }}>
              {NOTICE_KINDS[reading.kind]} · {reading.issuedDate} · {reading.unitName}
              {reading.inspectionId && <> · <Link to={`/inspections/${reading.inspectionId}`}>{reading.inspectionTitle}</Link></>}
            </div>
            <div style={{ whiteSpace: 'pre-wrap' }}>{reading.content}</div>
          </>
        )}
      </Modal>
      <RecordForm
        def={CIRCULAR_FORM}
        open={creating}
        title="印发通报"
        submitText="印发"
        initialValues={{ issuedDate: chinaDate() }}
        references={{ inspectionId: (inspections.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.date} ${i.title}` })) }}
        onClose={() => setCreating(false)}
        onSubmit={async (body) => {
          await post('/notices', { ...body, kind: 'circular' });
          client.invalidateQueries({ queryKey: ['/notices'] });
        }}
      />
    </Card>
  );
}
