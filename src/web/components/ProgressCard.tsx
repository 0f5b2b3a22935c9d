// 报送情况: where every department and town stands with a report it owes for a year (kernel/records/
// progress.ts), the ones that have not started first, filterable by status. For those who oversee
// several units (the law office, leaders); a unit alone sees nothing here.
import { useState } from 'react';
import { Card, InputNumber, Progress, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { get } from '../api.ts';
import type { YearlyProgress } from '../../shared/records.ts';
import type { WorkflowDef } from '../../shared/workflow.ts';
import { TONE_COLOR } from './WorkflowPanel.tsx';

/** `api`: the progress route (…/progress); `link`: a unit's report page. */
export function ProgressCard({ api, workflow, link, done = 'published' }: { api: string; workflow: WorkflowDef; link: (reportId: string) => string; done?: string }) {
  const [year, setYear] = useState(dayjs().year() - 1);
  const [only, setOnly] = useState<string | null>(null);
  // The previous year stays on screen while the next loads (the year box stays where it is).
  const progress = useQuery({ queryKey: [api, year], placeholderData: keepPreviousData, queryFn: () => get<YearlyProgress>(`${api}?year=${year}`) });
  const p = progress.data;
  const total = p?.units.length ?? 0;
  const rank = ['none', ...Object.keys(workflow.states)];
  const color = (status: string | null) => (status ? TONE_COLOR[workflow.states[status]?.tone ?? 'default'] : 'red');
  const units = (p?.units ?? []).filter((u) => !only || (u.status ?? 'none') === only).sort((a, b) => rank.indexOf(a.status ?? 'none') - rank.indexOf(b.status ?? 'none'));
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
            <Progress type="circle" size={56} percent={total ? Math.round(((p.counts[done] ?? 0) / total) * 100) : 0} format={(v) => `${v}%`} />
            {Object.entries(p.counts).map(([k, n]) => (
              <Tag.CheckableTag key={k} checked={only === k} onChange={(on) => setOnly(on ? k : null)} data-testid={`progress-${k}`}>
                <Tag color={color(k === 'none' ? null : k)} style={{ marginInlineEnd: 0 }}>{k === 'none' ? '未起草' : workflow.states[k]?.label} {n}</Tag>
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
              { title: '单位', dataIndex: 'unitName', render: (n: string, u) => (u.reportId ? <Link to={link(u.reportId)}>{n}</Link> : n) },
              { title: '类别', dataIndex: 'kind', width: 90, render: (k: string) => (k === 'town' ? '乡镇街道' : '部门') },
              { title: '状态', dataIndex: 'statusLabel', width: 190, render: (l: string, u) => <Tag color={color(u.status)}>{l}</Tag> },
              { title: '公开日期', dataIndex: 'publishedDate', width: 110, render: (d: string | null) => d ?? '—' },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
