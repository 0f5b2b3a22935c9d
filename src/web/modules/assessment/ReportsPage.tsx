// 述法报告: each unit head's annual report (draft → submitted → reviewed), and the units that have not submitted.
import { useState } from 'react';
import { Card, InputNumber, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { LedgerPage } from '../../components/pages.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAuth } from '../../auth.tsx';
import { REPORT_PAGES } from './pages.ts';

type ReportRow = { id: string; title: string; status: string; unitName: string } & Record<string, unknown>;
type Missing = { year: number; items: { unitId: string; unitCode: string; unitName: string; category: string | null; statusLabel: string }[] };

function MissingReports() {
  const [year, setYear] = useState(new Date().getFullYear());
  const missing = useQuery({ queryKey: ['/assessment-reports-missing', year], queryFn: () => get<Missing>(`/assessment-reports-missing?year=${year}`) });
  return (
    <Card size="small" style={{ marginTop: 12 }} title={<Space>尚未提交述法报告的单位<InputNumber size="small" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />年度</Space>}>
      <ErrorNotice error={missing.error} />
      <Table
        size="small"
        rowKey="unitId"
        loading={missing.isLoading}
        dataSource={missing.data?.items}
        pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 个单位` }}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '考评类别', dataIndex: 'category', width: 100 },
          { title: '情况', dataIndex: 'statusLabel', width: 100, render: (s: string) => <Tag color={s === '草稿' ? 'gold' : 'red'}>{s}</Tag> },
        ]}
      />
    </Card>
  );
}

export default function ReportsPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<ReportRow>
      pages={REPORT_PAGES}
      title="主要负责人述法报告"
      create={can('assessment.report') && { button: '起草述法报告', title: '起草述法报告', submitText: '保存草稿', initialValues: { unitId: me?.unit.id, year: new Date().getFullYear() } }}
      link="title"
    >
      <MissingReports />
    </LedgerPage>
  );
}
