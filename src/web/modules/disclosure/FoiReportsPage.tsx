// 政府信息公开工作年度报告: every report in the user's scope by year and unit, with its deadline (31
// January for departments and towns, 31 March for the county); drafting one counts its tables and
// opens it.
import { useState } from 'react';
import { Button, Card, InputNumber, Space } from 'antd';
import { PlusOutlined, TableOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { post } from '../../api.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { useUrlFilters } from '../../components/ledger.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { ProgressCard } from '../../components/ProgressCard.tsx';
import { useAuth } from '../../auth.tsx';
import { FOI_REPORT, FOI_REPORT_DRAFT, FOI_REPORT_WORKFLOW, type FoiReportView } from '../../../shared/schemas/disclosure-report.ts';

/** The report year, kept in the URL with the ledger's other filters. */
function YearFilter() {
  const { params, patch } = useUrlFilters();
  return <InputNumber placeholder="报告年度" aria-label="报告年度" min={2000} max={2100} value={params.get('year') ? Number(params.get('year')) : null} onChange={(year) => patch({ year })} />;
}

export default function FoiReportsPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <ProgressCard api="/foi-annual-reports/progress" workflow={FOI_REPORT_WORKFLOW} link={(id) => `/foi/reports/${id}`} />
      <Card
        size="small"
        title="政府信息公开工作年度报告"
        extra={
          <Space>
            <Link to="/foi/annual-tables"><TableOutlined /> 按单位查看统计表</Link>
            {can('foi.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>起草年度报告</Button>}
          </Space>
        }
      >
        <RecordLedger<FoiReportView>
          def={FOI_REPORT}
          url="/foi-annual-reports"
          measure="份"
          exportName="政府信息公开工作年度报告.xlsx"
          rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
          leading={[{ key: 'title', title: '标题', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 340, render: (t: string, r) => <Link to={`/foi/reports/${r.id}`}>{t}</Link> }]}
          trailing={[
            { key: 'status', title: '状态', dataIndex: 'status', width: 170, render: (s: string) => <StatusTag def={FOI_REPORT_WORKFLOW} status={s} /> },
            { key: 'due', title: '公开期限', width: 190, render: (_, r) => (r.light ? <DueTag due={r.due!} light={r.light} /> : (r.due ?? '—')) },
            { key: 'updatedAt', title: '最后修改', dataIndex: 'updatedAt', width: 140, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
          ]}
          toolbar={<YearFilter />}
        />
      </Card>
      <RecordForm
        def={FOI_REPORT_DRAFT}
        open={open}
        title="起草政府信息公开工作年度报告"
        submitText="生成草稿"
        // The report on last year (approved only once that year is over).
        initialValues={{ year: dayjs().year() - 1, unitId: me?.unit.id }}
        onClose={() => setOpen(false)}
        onSubmit={async (body) => {
          const report = await post<FoiReportView>('/foi-annual-reports', body);
          navigate(`/foi/reports/${report.id}`);
        }}
      />
    </>
  );
}
