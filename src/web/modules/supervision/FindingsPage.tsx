// 问题整改看板: every finding in scope by status (待整改 → 整改中 → 已整改待核查 → 销号), red when
// overdue; a table view and the export for the ledger.
import { useMemo, useState } from 'react';
import { App, Badge, Button, Card, Col, Empty, Row, Segmented, Select, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { download, get, query } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { FINDING_WORKFLOW, SEVERITIES, type FindingView } from '../../../shared/schemas/supervision.ts';

const BOARD = ['open', 'reopened', 'rectifying', 'rectified', 'verified'];

function useFindings(filters: Record<string, string | number | undefined>) {
  return useQuery({ queryKey: ['findings', filters], queryFn: () => get<{ items: FindingView[]; total: number }>(`/findings${query({ pageSize: 200, ...filters })}`) });
}

const due = (f: FindingView) => (f.light ? <DueTag due={f.dueDate} light={f.light} /> : <span style={{ color: f.overdue ? '#cf1322' : undefined }}>{f.dueDate}</span>);

export function FindingsTable({ filters }: { filters: Record<string, string | number | undefined> }) {
  const findings = useFindings(filters);
  return (
    <Table<FindingView>
      rowKey="id"
      size="small"
      loading={findings.isLoading}
      dataSource={findings.data?.items}
      rowClassName={(f) => (f.overdue ? 'row-overdue' : '')}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个` }}
      columns={[
        { title: '问题', dataIndex: 'description', render: (d: string, f) => <Link to={`/findings/${f.id}`}>{d}</Link> },
        { title: '责任单位', dataIndex: 'unitName', width: 150, ellipsis: true },
        { title: '严重程度', dataIndex: 'severity', width: 80, render: (s: 'general' | 'major') => <Tag color={s === 'major' ? 'red' : undefined}>{SEVERITIES[s]}</Tag> },
        { title: '整改期限', width: 190, render: (_, f) => due(f) },
        { title: '状态', dataIndex: 'status', width: 130, render: (s: string) => <StatusTag def={FINDING_WORKFLOW} status={s} /> },
      ]}
    />
  );
}

export default function FindingsPage() {
  const { message } = App.useApp();
  const [view, setView] = useState<'board' | 'table'>('board');
  const [filters, setFilters] = useState<Record<string, string | number | undefined>>({});
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const findings = useFindings(filters);
  const set = (patch: Record<string, string | undefined>) => setFilters({ ...filters, ...patch });
  const exportXlsx = () => download(`/findings/export${query(filters)}`, '问题整改台账.xlsx').catch((e) => message.error(errorText(e)));
  const items = findings.data?.items ?? [];

  return (
    <Card
      size="small"
      title="问题整改"
      extra={
        <Space>
          <Segmented size="small" value={view} onChange={(v) => setView(v as 'board' | 'table')} options={[{ value: 'board', label: '看板' }, { value: 'table', label: '列表' }]} />
          <Button size="small" icon={<DownloadOutlined />} onClick={exportXlsx}>导出 Excel</Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <TreeSelect style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="责任单位（含下级）" onChange={(unitId) => set({ unitId })} />
        <Select style={{ width: 110 }} allowClear placeholder="严重程度" options={Object.entries(SEVERITIES).map(([value, label]) => ({ value, label }))} onChange={(severity) => set({ severity })} />
        <Space size={4}>
          <Switch size="small" onChange={(on) => set({ overdue: on ? 'true' : undefined })} />
          <span>仅看逾期</span>
        </Space>
        {findings.data && findings.data.total > items.length && <Typography.Text type="warning">看板显示前 {items.length} 个，共 {findings.data.total} 个，请筛选或用列表</Typography.Text>}
      </Space>
      {view === 'table' ? (
        <FindingsTable filters={filters} />
      ) : (
        <Row gutter={8} wrap={false} style={{ overflowX: 'auto' }}>
          {BOARD.map((status) => {
            const column = items.filter((f) => f.status === status);
            return (
              <Col key={status} flex="1 0 220px">
                <div style={{ background: '#fafafa', borderRadius: 6, padding: 8, minHeight: 300 }} data-status={status}>
                  <Space style={{ marginBottom: 8 }}>
                    <StatusTag def={FINDING_WORKFLOW} status={status} />
                    <Badge count={column.length} showZero color="#999" />
                  </Space>
                  {column.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />}
                  {column.map((f) => (
                    <Card key={f.id} size="small" style={{ marginBottom: 8, borderLeft: `3px solid ${f.overdue ? '#cf1322' : f.severity === 'major' ? '#fa8c16' : '#d9d9d9'}` }}>
                      <Link to={`/findings/${f.id}`}>{f.description}</Link>
                      <div style={{ fontSize: 12, color: '#666', margin: '4px 0' }}>
                        {f.unitName} {f.severity === 'major' && <Tag color="red">重大</Tag>}
                      </div>
                      {f.status === 'verified' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>销号 {f.verifiedDate}</Typography.Text> : due(f)}
                    </Card>
                  ))}
                </div>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}
