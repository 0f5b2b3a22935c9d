// 年度报告: every report in the user's scope by year and unit, with its 1 April deadline; drafting a
// new one fills it with the unit's figures and opens the editor.
import { useMemo, useState } from 'react';
import { Button, Card, Drawer, Form, InputNumber, Progress, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { get, post } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { useLedger } from '../../components/ledger.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { REPORT_STATUSES, REPORT_WORKFLOW, reportCreateInput, type ReportProgress, type ReportView } from '../../../shared/schemas/reports.ts';

const PROGRESS_COLORS: Record<string, string> = { none: 'red', draft: 'default', approved: 'processing', submitted: 'warning', reported: 'warning', published: 'success' };

/** 报送情况: every department and town for a year, the ones that have not started first. */
function ProgressCard() {
  const [year, setYear] = useState(dayjs().year() - 1);
  const [only, setOnly] = useState<string | null>(null);
  const progress = useQuery({ queryKey: ['/annual-reports/progress', year], queryFn: () => get<ReportProgress>(`/annual-reports/progress?year=${year}`) });
  const p = progress.data;
  const total = p?.units.length ?? 0;
  const rank = ['none', 'draft', 'approved', 'submitted', 'reported', 'published'];
  const units = (p?.units ?? []).filter((u) => !only || (u.status ?? 'none') === only).sort((a, b) => rank.indexOf(a.status ?? 'none') - rank.indexOf(b.status ?? 'none'));
  // A unit sees only itself: the overview is for those who oversee several (the law office, leaders).
  if (p && total <= 1) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={<Space>各部门、乡镇报送情况<InputNumber size="small" min={2000} max={dayjs().year()} value={year} onChange={(v) => v && setYear(v)} />年度</Space>} extra={p && <Typography.Text type="secondary">应于 {p.due} 前向社会公开</Typography.Text>}>
      {p && (
        <Space direction="vertical" style={{ width: '100%' }}>
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

export default function ReportsPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const { set, list, pagination } = useLedger<ReportView>('/annual-reports', '份');
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const create = async () => {
    const values = await form.validateFields();
    setError(null);
    setBusy(true);
    try {
      const report = await post<ReportView>('/annual-reports', values);
      navigate(`/reports/${report.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
    <ProgressCard />
    <Card size="small" title="法治政府建设年度报告" extra={can('report.write') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setOpen(true); }}>起草年度报告</Button>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber placeholder="年度" min={2000} max={2100} onChange={(year) => set({ year: year ?? undefined })} />
        <TreeSelect style={{ width: 240 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="单位（含下级）" onChange={(unitId) => set({ unitId })} />
        <Select style={{ width: 170 }} allowClear placeholder="状态" options={Object.entries(REPORT_STATUSES).map(([value, label]) => ({ value, label }))} onChange={(status) => set({ status })} />
      </Space>
      <Table<ReportView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        pagination={pagination}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/reports/${r.id}`}>{t}</Link> },
          { title: '单位', dataIndex: 'unitName', width: 180, ellipsis: true },
          { title: '类别', dataIndex: 'kind', width: 80, render: (k: string) => (k === 'county' ? '县政府' : '部门/乡镇') },
          { title: '状态', dataIndex: 'status', width: 150, render: (s: string) => <StatusTag def={REPORT_WORKFLOW} status={s} /> },
          { title: '公开期限', width: 190, render: (_, r) => (r.light ? <DueTag due={r.due!} light={r.light} /> : r.publishedDate ? `已于 ${r.publishedDate} 公开` : (r.due ?? '—')) },
          { title: '最后修改', dataIndex: 'updatedAt', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      <Drawer open={open} width={460} title="起草年度报告" onClose={() => setOpen(false)} extra={<Button type="primary" loading={busy} onClick={create}>生成草稿</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ year: dayjs().year() - (dayjs().month() < 6 ? 1 : 0), unitId: me?.unit.id }}>
          <Form.Item name="unitId" label="单位" rules={[zodRule(field(reportCreateInput, 'unitId'))]} extra="县政府的报告统计全县（含所有部门、乡镇）；部门、乡镇的报告统计本单位及下级。">
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="year" label="报告年度" rules={[zodRule(field(reportCreateInput, 'year'))]}>
            <InputNumber min={2000} max={dayjs().year()} />
          </Form.Item>
        </Form>
        <p style={{ color: '#666' }}>草稿按《法治政府建设与责任落实督察工作规定》列出各部分，并自动写入本单位该年度的统计数字及同比变化；数字与指标保持关联，记录变化后会提示刷新。</p>
      </Drawer>
    </Card>
    </>
  );
}
