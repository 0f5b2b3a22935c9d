// 问题整改: every finding in scope, as a board by status (待整改 → 整改中 → 已整改待核查 → 销号, red
// when overdue) or as the ledger. Both read their filters from the URL, and export what they show.
import { useMemo, useState } from 'react';
import { Badge, Card, Col, Empty, Input, Row, Segmented, Select, Space, Switch, Tag, TreeSelect, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { get, query } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ExportButton, useUrlFilters } from '../../components/ledger.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { FINDING, FINDING_WORKFLOW, SEVERITIES, type FindingView } from '../../../shared/schemas/supervision.ts';
import { FindingsLedger, dueOf } from './FindingsLedger.tsx';

const BOARD = ['open', 'reopened', 'rectifying', 'rectified', 'verified'];
const BOARD_SIZE = 200;
/** The filters the board offers (the ledger offers the same, and more). */
const BOARD_FILTERS = ['inspectionId', 'unitId', 'severity', 'overdue', 'q'];

export default function FindingsPage() {
  const [view, setView] = useState<'board' | 'table'>('board');
  return (
    <Card size="small" title="问题整改" extra={<Segmented size="small" value={view} onChange={(v) => setView(v as 'board' | 'table')} options={[{ value: 'board', label: '看板' }, { value: 'table', label: '列表' }]} />}>
      {view === 'table' ? <FindingsLedger /> : <FindingsBoard />}
    </Card>
  );
}

function FindingsBoard() {
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const { params, patch: set } = useUrlFilters();
  const filters = Object.fromEntries(BOARD_FILTERS.map((name) => [name, params.get(name) ?? undefined]));
  const findings = useQuery({ queryKey: ['/findings', 'board', filters], placeholderData: keepPreviousData, queryFn: () => get<{ items: FindingView[]; total: number }>(`/findings${query({ ...filters, pageSize: BOARD_SIZE })}`) });
  const items = findings.data?.items ?? [];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search key={filters.q ?? ''} allowClear style={{ width: 220 }} placeholder={`搜索${FINDING.fields.description.label}`} aria-label="关键词" defaultValue={filters.q} onSearch={(q) => set({ q })} />
        <TreeSelect style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder={`${FINDING.fields.unitId.label}（含下级）`} aria-label={FINDING.fields.unitId.label} value={filters.unitId} onChange={(unitId) => set({ unitId })} />
        <Select style={{ width: 110 }} allowClear placeholder={FINDING.fields.severity.label} aria-label={FINDING.fields.severity.label} value={filters.severity} options={Object.entries(SEVERITIES).map(([value, label]) => ({ value, label }))} onChange={(severity) => set({ severity })} />
        <Space size={4}>
          <Switch size="small" checked={filters.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} aria-label="仅看逾期" />
          <span>仅看逾期</span>
        </Space>
        <ExportButton url="/findings/export" filters={filters} filename="问题整改台账.xlsx" />
        {findings.data && findings.data.total > items.length && <Typography.Text type="warning">看板显示前 {items.length} 个，共 {findings.data.total} 个，请筛选或用列表</Typography.Text>}
      </Space>
      <ErrorNotice error={findings.error} />
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
                    {f.status === 'verified' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>销号 {f.verifiedDate}</Typography.Text> : dueOf(f)}
                  </Card>
                ))}
              </div>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
