// The records behind a figure (provenance), in a drawer: every dashboard and indicator view drills here.
import { useMemo, useState } from 'react';
import { Drawer, Table, Tag, TreeSelect, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api.ts';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { changeOverLastYear, changeTone, changeWords, figureMeasure, figureNumber, type IndicatorRecord, type IndicatorValue } from '../../shared/schemas/indicators.ts';
import { ExportButton } from './ledger.tsx';
import { codeTree, figuresUnitLabel, useUnits } from './units.ts';
import { linkedTitle } from './columns.tsx';

/** The figures' unit picker (by unit code): before a choice it names the unit the answer counted (`answered`). */
export function FiguresUnitPicker({ value, answered, onChange }: { value: string | undefined; answered: string | null | undefined; onChange(code: string | undefined): void }) {
  const units = useUnits();
  const tree = useMemo(() => codeTree(units.data ?? []), [units.data]);
  return <TreeSelect style={{ width: 260 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder={figuresUnitLabel(units.data, answered)} value={value} onChange={onChange} />;
}

/** A figure's number as read: a ratio in per cent, an amount kept in fen in 万元 (its measure: `figureMeasure`). */
export const showFigure = (v: Pick<IndicatorValue, 'kind' | 'code'>, value: number | null) =>
  value === null ? '—' : v.kind === 'rate' ? `${(value * 100).toFixed(1)}%` : v.kind === 'change' ? `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%` : v.kind === 'count' ? `${value}` : figureNumber(v, value);

const TONE_COLOR = { good: '#389e0d', bad: '#cf1322', neutral: 'rgba(0,0,0,0.65)', flat: 'rgba(0,0,0,0.45)' } as const;

/**
 * The change over last year as officials write it (a rate in 百分点, a count in per cent, no change is
 * 持平), coloured by whether it is good news for this figure — not by the arrow.
 */
export function ChangeOverLastYear({ figure }: { figure: IndicatorValue }) {
  const change = changeOverLastYear(figure);
  const tone = changeTone(figure.better, change);
  // Nothing to compare (no value last year, or a count up from 0): 上年 beside it says why.
  if (change === null || tone === null) return null;
  const words = tone === 'flat' ? '持平' : changeWords(figure.kind, change).replace('较去年', '');
  return (
    <span style={{ color: TONE_COLOR[tone] }} data-tone={tone}>
      {tone !== 'flat' && (change > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />)} {words}
    </span>
  );
}

export function IndicatorRecordsDrawer({ indicator, year, unit, onClose }: { indicator: IndicatorValue | null; year: number; unit?: string; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const records = useQuery({
    queryKey: ['indicator-records', indicator?.code, year, unit, page],
    enabled: !!indicator,
    queryFn: () => get<{ items: IndicatorRecord[]; total: number }>(`/indicators/${indicator!.code}/records${query({ year, unit, page, pageSize: 20 })}`),
  });
  // The unit is chosen by its code; people read its name.
  const unitName = useUnits(true).data?.find((u) => u.code === unit)?.name ?? unit;
  return (
    <Drawer
      open={!!indicator}
      width={720}
      title={indicator && `${indicator.name}：${showFigure(indicator, indicator.value)}（${year} 年${unitName ? ` · ${unitName}` : ''}）`}
      extra={indicator && <ExportButton url="/indicators/records/export" filters={{ code: indicator.code, year, unit }} filename={`${indicator.name}-${year}.xlsx`} />}
      onClose={() => { setPage(1); onClose(); }}
    >
      <Typography.Paragraph type="secondary">{indicator?.definition}</Typography.Paragraph>
      <Table<IndicatorRecord>
        rowKey="id"
        size="small"
        loading={records.isLoading}
        dataSource={records.data?.items}
        pagination={{ current: page, pageSize: 20, total: records.data?.total, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          linkedTitle('记录'),
          { title: '单位', dataIndex: 'unitName', width: 160 },
          { title: '日期', dataIndex: 'date', width: 110 },
          ...(indicator?.kind === 'sum' || indicator?.kind === 'average' ? [{ title: figureMeasure(indicator) === '万元' ? '金额（万元）' : indicator.measure === '分' ? '分值' : '数值', dataIndex: 'amount', width: 100, align: 'right' as const, render: (a: number | null) => (a === null || a === undefined ? '—' : figureNumber(indicator, a)) }] : []),
          ...(indicator?.kind === 'rate' ? [{ title: '计入分子', dataIndex: 'counted', width: 90, render: (c: boolean) => (c ? <Tag color="green">是</Tag> : <Tag>否</Tag>) }] : []),
        ]}
      />
    </Drawer>
  );
}
