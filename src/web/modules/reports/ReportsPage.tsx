// 年度报告: every report in the user's scope by year and unit, with its 1 April deadline (the
// ledger of the record definition: filters, keyword, server-side sort and paging in the URL, export of
// the filtered list); drafting a new one fills it with the unit's figures and opens the editor.
import { useState } from 'react';
import { Button, Card, InputNumber } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { post } from '../../api.ts';
import { ProgressCard } from '../../components/ProgressCard.tsx';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { useUrlFilters } from '../../components/ledger.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { REPORT, REPORT_DRAFT, REPORT_WORKFLOW, type ReportView } from '../../../shared/schemas/reports.ts';

/** The report year, kept in the URL with the ledger's other filters (the kit filters a year by a date field only). */
function YearFilter() {
  const { params, patch } = useUrlFilters();
  const set = (year: number | null) => patch({ year });
  return <InputNumber placeholder="报告年度" aria-label="报告年度" min={2000} max={2100} value={params.get('year') ? Number(params.get('year')) : null} onChange={set} />;
}

export default function ReportsPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <ProgressCard api="/annual-reports/progress" workflow={REPORT_WORKFLOW} link={(id) => `/reports/${id}`} />
      <Card size="small" title="法治政府建设年度报告" extra={can('report.write') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>起草年度报告</Button>}>
        <RecordLedger<ReportView>
          def={REPORT}
          url="/annual-reports"
          measure="份"
          exportName="法治政府建设年度报告.xlsx"
          rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
          leading={[{ key: 'title', title: '标题', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 340, render: (t: string, r) => <Link to={`/reports/${r.id}`}>{t}</Link> }]}
          trailing={[
            { key: 'status', title: '状态', dataIndex: 'status', width: 150, render: (s: string) => <StatusTag def={REPORT_WORKFLOW} status={s} /> },
            { key: 'due', title: '公开期限', width: 190, render: (_, r) => (r.light ? <DueTag due={r.due!} light={r.light} /> : (r.due ?? '—')) },
            { key: 'updatedAt', title: '最后修改', dataIndex: 'updatedAt', width: 140, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
          ]}
          toolbar={<YearFilter />}
        />
      </Card>
      <RecordForm
        def={REPORT_DRAFT}
        open={open}
        title="起草年度报告"
        submitText="生成草稿"
        // Last year's report until the summer, when this year's drafting may begin.
        initialValues={{ year: dayjs().year() - (dayjs().month() < 6 ? 1 : 0), unitId: me?.unit.id }}
        onClose={() => setOpen(false)}
        onSubmit={async (body) => {
          const report = await post<ReportView>('/annual-reports', body);
          navigate(`/reports/${report.id}`);
        }}
      />
    </>
  );
}
