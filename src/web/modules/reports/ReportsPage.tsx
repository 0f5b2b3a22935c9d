// 年度报告: every report in the user's scope by year and unit, with its 1 April deadline (the
// ledger of the record definition: filters, keyword, server-side sort and paging in the URL, export of
// the filtered list); drafting a new one fills it with the unit's figures and opens the editor.
import { useState } from 'react';
import { Button, Card, InputNumber, Progress, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { get, post } from '../../api.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { useUrlFilters } from '../../components/ledger.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { REPORT, REPORT_DRAFT, REPORT_STATUSES, REPORT_WORKFLOW, type ReportProgress, type ReportView } from '../../../shared/schemas/reports.ts';

const PROGRESS_COLORS: Record<string, string> = { none: 'red', draft: 'default', in_approval: 'processing', approved: 'processing', submitted: 'warning', reported: 'warning', published: 'success' };

/** 报送情况: every department and town for a year, the ones that have not started first. */
function ProgressCard() {
  const [year, setYear] = useState(dayjs().year() - 1);
  const [only, setOnly] = useState<string | null>(null);
  // The previous year stays on screen while the next loads (the year box stays where it is).
  const progress = useQuery({ queryKey: ['/annual-reports/progress', year], placeholderData: keepPreviousData, queryFn: () => get<ReportProgress>(`/annual-reports/progress?year=${year}`) });
  const p = progress.data;
  const total = p?.units.length ?? 0;
  const rank = ['none', 'draft', 'in_approval', 'approved', 'submitted', 'reported', 'published'];
  const units = (p?.units ?? []).filter((u) => !only || (u.status ?? 'none') === only).sort((a, b) => rank.indexOf(a.status ?? 'none') - rank.indexOf(b.status ?? 'none'));
  // A unit sees only itself: the overview is for those who oversee several (the law office, leaders).
  if (p && total <= 1) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title="各部门、乡镇报送情况">
      {p && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <InputNumber size="small" min={2000} max={dayjs().year()} value={year} onChange={(v) => v && setYear(v)} aria-label="报送年度" addonAfter="年度" style={{ width: 140 }} />
            <Typography.Text type="secondary">应于 {p.due} 前向社会公开</Typography.Text>
          </Space>
          <Space wrap>
            <Progress type="circle" size={56} percent={total ? Math.round((p.counts.published / total) * 100) : 0} format={(v) => `${v}%`} />
            {Object.entries(p.counts).map(([k, n]) => (
              <Tag.CheckableTag key={k} checked={only === k} onChange={(on) => setOnly(on ? k : null)} data-testid={`progress-${k}`}>
                <Tag color={PROGRESS_COLORS[k]} style={{ marginInlineEnd: 0 }}>{k === 'none' ? '未起草' : REPORT_STATUSES[k]} {n}</Tag>
              </Tag.CheckableTag>
            ))}
          </Space>
          <Table
            rowKey="unitId"
            size="small"
            dataSource={units}
            pagination={{ pageSize: 8, size: 'small', showTotal: (t) => `共 ${t} 个单位` }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '单位', dataIndex: 'unitName', render: (n: string, u) => (u.reportId ? <Link to={`/reports/${u.reportId}`}>{n}</Link> : n) },
              { title: '类别', dataIndex: 'kind', width: 90, render: (k: string) => (k === 'town' ? '乡镇街道' : '部门') },
              { title: '状态', dataIndex: 'statusLabel', width: 170, render: (l: string, u) => <Tag color={PROGRESS_COLORS[u.status ?? 'none']}>{l}</Tag> },
              { title: '公开日期', dataIndex: 'publishedDate', width: 110, render: (d: string | null) => d ?? '—' },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

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
      <ProgressCard />
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
