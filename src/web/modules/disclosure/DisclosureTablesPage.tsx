// 政府信息公开工作年度报告的统计表 (国办公开办函〔2021〕30号): tables 2, 3 and 4 for a unit (with its
// subordinate units) and year, laid out as prescribed, counted from the records; every non-zero
// cell opens the records it counts, and the cross-checks say what to fix before the report is approved.
import { useMemo, useState } from 'react';
import { Card, InputNumber, Space, TreeSelect, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { get, query } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { IndicatorRecordsDrawer } from '../../components/IndicatorRecords.tsx';
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';
import type { DisclosureTables, Table2Row } from '../../../shared/schemas/disclosure-report.ts';
import { Table2, Table3, Table4, type Cell } from './ReportTables.tsx';
import { CellDrawer, ChecksAlert } from './TableTrace.tsx';

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
          <ChecksAlert checks={t.checks} />
          <Card size="small" title="二、主动公开政府信息情况">
            <div style={{ overflowX: 'auto' }}><Table2 t={t} onOpen={openFigure} /></div>
          </Card>
          <Card size="small" title="三、收到和处理政府信息公开申请情况">
            <div style={{ overflowX: 'auto' }}>
              <Table3 t={t} onOpen={setCell} />
            </div>
          </Card>
          <Card size="small" title="四、政府信息公开行政复议、行政诉讼情况">
            <div style={{ overflowX: 'auto' }}><Table4 t={t} onOpen={setCell} /></div>
          </Card>
        </>
      )}
      <CellDrawer cell={cell} url={(c) => `/disclosure-report-tables/cell${query({ year, unit, table: c.table, row: c.row, column: c.column })}`} onClose={() => setCell(null)} />
      <IndicatorRecordsDrawer indicator={figure} year={year} unit={unit} onClose={() => setFigure(null)} />
    </Space>
  );
}
