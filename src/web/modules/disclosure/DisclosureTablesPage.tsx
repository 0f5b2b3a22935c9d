// 政府信息公开工作年度报告的统计表 (国办公开办函〔2021〕30号): tables 2, 3 and 4 for a unit (with its
// subordinate units) and year, laid out as prescribed, counted from the records; every non-zero
// cell opens the records it counts, and the cross-checks say what to fix before the report is approved.
import { useMemo, useState } from 'react';
import { Alert, Card, Drawer, InputNumber, List, Space, Table, TreeSelect, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { get, query } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { IndicatorRecordsDrawer } from '../../components/IndicatorRecords.tsx';
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';
import {
  TABLE2_COLUMN_LABELS,
  TABLE2_ROWS,
  TABLE3_COLUMN_LABELS,
  TABLE3_GROUP_HEADINGS,
  TABLE3_ROW_LABELS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_PARTS,
  type CellRecord,
  type DisclosureTables,
  type Table2Row,
  type Table3Column,
  type Table3Row,
  type Table4Column,
  type Table4Part,
} from '../../../shared/schemas/disclosure-report.ts';

type Cell = { table: 3 | 4; row: string; column: string; title: string; count: number };

/** A count that opens its records (zero stays plain: there is nothing behind it). */
function Count({ n, onOpen, testId }: { n: number; onOpen: () => void; testId?: string }) {
  if (!n) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>0</span>;
  return (
    <Typography.Link onClick={onOpen} data-testid={testId}>
      {n}
    </Typography.Link>
  );
}

function CellDrawer({ cell, year, unit, onClose }: { cell: Cell | null; year: number; unit?: string; onClose: () => void }) {
  const records = useQuery({
    queryKey: ['disclosure-cell', cell, year, unit],
    enabled: !!cell,
    queryFn: () => get<{ items: CellRecord[] }>(`/disclosure-report-tables/cell${query({ year, unit, table: cell!.table, row: cell!.row, column: cell!.column })}`),
  });
  return (
    <Drawer open={!!cell} width={680} title={cell && `${cell.title}：${cell.count} 件`} onClose={onClose}>
      <Table<CellRecord>
        rowKey="id"
        size="small"
        loading={records.isLoading}
        dataSource={records.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 件` }}
        columns={[
          { title: '记录', dataIndex: 'title', render: (t: string, r) => <Link to={r.link}>{t}</Link> },
          { title: '单位', dataIndex: 'unitName', width: 160 },
          { title: '日期', dataIndex: 'date', width: 110 },
        ]}
      />
    </Drawer>
  );
}

const cellStyle = { border: '1px solid #d9d9d9', padding: '4px 8px' } as const;
const headStyle = { ...cellStyle, background: '#fafafa', fontWeight: 500, textAlign: 'center' as const };
const numStyle = { ...cellStyle, textAlign: 'right' as const, width: 72 };

function Table2({ t, onOpen }: { t: DisclosureTables; onOpen: (row: Table2Row, column: string) => void }) {
  // Rows grouped by the article's item, each group under its own header row, as the format prints it.
  const groups = new Map<string, Table2Row[]>();
  for (const [key, row] of Object.entries(TABLE2_ROWS) as [Table2Row, (typeof TABLE2_ROWS)[Table2Row]][]) groups.set(row.item, [...(groups.get(row.item) ?? []), key]);
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="table2">
      <tbody>
        {[...groups].flatMap(([item, keys]) => {
          const columns = TABLE2_ROWS[keys[0]!].columns;
          const span = 3 / columns.length;
          return [
            <tr key={`${item}-item`}>
              <td style={{ ...headStyle, textAlign: 'left' }} colSpan={4}>{item}</td>
            </tr>,
            <tr key={`${item}-head`}>
              <td style={headStyle}>信息内容</td>
              {columns.map((c) => <td key={c} style={headStyle} colSpan={span}>{TABLE2_COLUMN_LABELS[c]}</td>)}
            </tr>,
            ...keys.map((key) => (
              <tr key={key}>
                <td style={cellStyle}>{TABLE2_ROWS[key].label}</td>
                {columns.map((c) => {
                  const cell = t.table2[key][c]!;
                  return (
                    <td key={c} style={numStyle} colSpan={span}>
                      {cell.indicator ? <Count n={cell.value ?? 0} onOpen={() => onOpen(key, c)} testId={`t2-${key}-${c}`} /> : <Typography.Text type="secondary" title="县级人民政府及其部门无规章制定权，无规章记录">{cell.value ?? '—'}</Typography.Text>}
                    </td>
                  );
                })}
              </tr>
            )),
          ];
        })}
      </tbody>
    </table>
  );
}

const ORG_COLUMNS: Table3Column[] = ['business', 'research', 'nonprofit', 'legal', 'other'];

function Table3({ t, onOpen }: { t: DisclosureTables; onOpen: (cell: Cell) => void }) {
  const columns: Table3Column[] = ['person', ...ORG_COLUMNS, 'total'];
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="table3">
      <thead>
        <tr>
          <th style={headStyle} rowSpan={3} colSpan={2}>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>
          <th style={headStyle} colSpan={7}>申请人情况</th>
        </tr>
        <tr>
          <th style={headStyle} rowSpan={2}>自然人</th>
          <th style={headStyle} colSpan={5}>法人或其他组织</th>
          <th style={headStyle} rowSpan={2}>总计</th>
        </tr>
        <tr>{ORG_COLUMNS.map((c) => <th key={c} style={headStyle}>{TABLE3_COLUMN_LABELS[c]}</th>)}</tr>
      </thead>
      <tbody>
        {TABLE3_ROWS.map((row: Table3Row) => {
          const group = TABLE3_GROUP_HEADINGS[row];
          const inResults = row !== 'new' && row !== 'carried_in' && row !== 'carried_out';
          const numbered = /^\d\./.test(TABLE3_ROW_LABELS[row]);
          return [
            group && group.startsWith('三') ? (
              <tr key={`${row}-g`}>
                <td style={{ ...cellStyle, fontWeight: 500 }} colSpan={9}>{group}</td>
              </tr>
            ) : null,
            <tr key={row}>
              {inResults && <td style={{ ...cellStyle, width: 120, color: 'rgba(0,0,0,0.65)' }}>{numbered ? (group ?? '') : ''}</td>}
              <td style={{ ...cellStyle, paddingLeft: inResults && !numbered ? 8 : undefined }} colSpan={inResults ? 1 : 2}>{TABLE3_ROW_LABELS[row]}</td>
              {columns.map((c) => (
                <td key={c} style={numStyle}>
                  <Count n={t.table3[row][c]} onOpen={() => onOpen({ table: 3, row, column: c, title: `${TABLE3_ROW_LABELS[row]}（${TABLE3_COLUMN_LABELS[c]}）`, count: t.table3[row][c] })} testId={`t3-${row}-${c}`} />
                </td>
              ))}
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}

function Table4({ t, onOpen }: { t: DisclosureTables; onOpen: (cell: Cell) => void }) {
  const parts = Object.keys(TABLE4_PARTS) as Table4Part[];
  const columns = Object.keys(TABLE4_COLUMNS) as Table4Column[];
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', minWidth: 900 }} data-testid="table4">
        <thead>
          <tr>
            <th style={headStyle} colSpan={5} rowSpan={2}>行政复议</th>
            <th style={headStyle} colSpan={10}>行政诉讼</th>
          </tr>
          <tr>
            <th style={headStyle} colSpan={5}>未经复议直接起诉</th>
            <th style={headStyle} colSpan={5}>复议后起诉</th>
          </tr>
          <tr>{parts.flatMap((p) => columns.map((c) => <th key={`${p}-${c}`} style={headStyle}>{TABLE4_COLUMNS[c]}</th>))}</tr>
        </thead>
        <tbody>
          <tr>
            {parts.flatMap((p) =>
              columns.map((c) => (
                <td key={`${p}-${c}`} style={{ ...numStyle, textAlign: 'center' }}>
                  <Count n={t.table4[p][c]} onOpen={() => onOpen({ table: 4, row: p, column: c, title: `${TABLE4_PARTS[p]} · ${TABLE4_COLUMNS[c]}`, count: t.table4[p][c] })} testId={`t4-${p}-${c}`} />
                </td>
              )),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export default function DisclosureTablesPage() {
  const [year, setYear] = useState(dayjs().year() - 1);
  const [unit, setUnit] = useState<string | undefined>();
  const [cell, setCell] = useState<Cell | null>(null);
  const [figure, setFigure] = useState<IndicatorValue | null>(null);
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []).map(function toCode(n): any { return { ...n, value: n.unit.code, children: n.children.map(toCode) }; }), [units.data]);
  const tables = useQuery({ queryKey: ['disclosure-tables', year, unit], placeholderData: keepPreviousData, queryFn: () => get<DisclosureTables>(`/disclosure-report-tables${query({ year, unit })}`) });
  const figures = useQuery({ queryKey: ['indicators', year, unit], queryFn: () => get<{ details: IndicatorValue[] }>(`/indicators${query({ year, unit })}`) });
  const t = tables.data;
  const failed = t?.checks.filter((c) => !c.ok) ?? [];
  const openFigure = (row: Table2Row, column: string) => {
    const code = t?.table2[row][column as keyof (typeof t.table2)[Table2Row]]?.indicator;
    setFigure(figures.data?.details.find((d) => d.code === code) ?? null);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small" title="政府信息公开工作年度报告 · 统计表">
        <Space wrap>
          <InputNumber min={2000} max={dayjs().year()} value={year} onChange={(v) => v && setYear(v)} aria-label="报告年度" addonAfter="年度" style={{ width: 140 }} />
          <TreeSelect style={{ width: 260 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder={t?.unit ? '本单位' : '全县（全部单位）'} value={unit} onChange={setUnit} aria-label="单位" />
          <Typography.Text type="secondary">按 国办公开办函〔2021〕30号 格式，由台账记录统计（含下级单位）；点击数字查看所统计的记录。</Typography.Text>
        </Space>
      </Card>
      {tables.error && <ErrorNotice error={tables.error} />}
      {t && (
        <>
          {failed.length ? (
            <Alert
              type="error"
              showIcon
              message={`校验未通过（${failed.length} 项），报告审定前须更正台账`}
              description={
                <List
                  size="small"
                  dataSource={failed}
                  renderItem={(c) => (
                    <List.Item>
                      <Space direction="vertical" size={0}>
                        <span>{c.message}</span>
                        <Space wrap size={4}>{c.recordIds.slice(0, 20).map((id, i) => <Link key={id} to={`/foi/${id}`}>申请{i + 1}</Link>)}</Space>
                      </Space>
                    </List.Item>
                  )}
                />
              }
              data-testid="checks-failed"
            />
          ) : (
            <Alert type="success" showIcon message="表三勾稽关系校验通过：各列“本年新收 + 上年结转”等于“办理结果总计 + 结转下年度”" data-testid="checks-passed" />
          )}
          <Card size="small" title="二、主动公开政府信息情况">
            <Table2 t={t} onOpen={openFigure} />
          </Card>
          <Card size="small" title="三、收到和处理政府信息公开申请情况">
            <div style={{ overflowX: 'auto' }}>
              <Table3 t={t} onOpen={setCell} />
            </div>
          </Card>
          <Card size="small" title="四、政府信息公开行政复议、行政诉讼情况">
            <Table4 t={t} onOpen={setCell} />
          </Card>
        </>
      )}
      <CellDrawer cell={cell} year={year} unit={unit} onClose={() => setCell(null)} />
      <IndicatorRecordsDrawer indicator={figure} year={year} unit={unit} onClose={() => setFigure(null)} />
    </Space>
  );
}
