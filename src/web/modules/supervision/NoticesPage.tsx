// 通报与督办单: circulars (to every unit) and supervision notices (to one finding's unit, also issued
// by escalation), each with its 文号; the law office issues circulars here. A notice's page prints it.
import { useState } from 'react';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { get, post } from '../../api.ts';
import { RecordForm } from '../../components/records.tsx';
import { LedgerPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { NOTICE, NOTICE_KINDS, type InspectionView, type NoticeView } from '../../../shared/schemas/supervision.ts';
import { formOf } from './forms.ts';
import { NOTICE_PAGES } from './pages.ts';

const CIRCULAR_FORM = formOf(NOTICE, ['title', 'issuedDate', 'content', 'inspectionId'], { inspectionId: '可空：通报所针对的督察' });

export default function NoticesPage() {
  const { can } = useAuth();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const inspections = useQuery({ queryKey: ['/inspections', 'choices'], enabled: creating, queryFn: () => get<{ items: InspectionView[] }>('/inspections?pageSize=200') });
  return (
    <LedgerPage<NoticeView>
      pages={NOTICE_PAGES}
      status={false}
      actions={can('notice.issue') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>印发通报</Button>}
      measure="份"
      leading={[{ key: 'kind', title: NOTICE.fields.kind.label, width: 100, render: (_, n) => <Tag color={n.kind === 'circular' ? 'blue' : 'red'}>{NOTICE_KINDS[n.kind]}{n.level ? `·${n.level === 1 ? '一级' : '二级'}` : ''}</Tag> }]}
      link="title"
      trailing={[
        { key: 'finding', title: NOTICE.fields.findingId.label, width: 240, ellipsis: true, render: (_, n) => (n.findingId ? <Link to={`/findings/${n.findingId}`}>{n.findingTitle}</Link> : '—') },
      ]}
    >
      <RecordForm
        def={CIRCULAR_FORM}
        open={creating}
        title="印发通报"
        submitText="印发"
        initialValues={{ issuedDate: chinaDate() }}
        references={{ inspectionId: (inspections.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.date} ${i.title}` })) }}
        onClose={() => setCreating(false)}
        onSubmit={async (body) => {
          const notice = await post<NoticeView>('/notices', { ...body, kind: 'circular' });
          client.invalidateQueries({ queryKey: ['/notices'] });
          navigate(`/notices/${notice.id}`);
        }}
      />
    </LedgerPage>
  );
}
