import { Card, Typography } from 'antd';
import { DetailPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import { REPORT_PAGES } from './pages.ts';

type Report = { id: string; version: number; title: string; status: string; content: string } & Record<string, unknown>;

export default function ReportDetailPage() {
  const { can } = useAuth();
  return (
    <DetailPage<Report>
      pages={REPORT_PAGES}
      edit={{ only: ['title', 'headName', 'content'], title: '修改述法报告', may: (r) => can('assessment.report') && r.status === 'draft' }}
    >
      {(r) => (
        <Card size="small" title="述法内容" style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Paragraph>
        </Card>
      )}
    </DetailPage>
  );
}
