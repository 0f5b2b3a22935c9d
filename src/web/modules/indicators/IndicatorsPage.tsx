// 指标统计: every registered figure for a year and a unit (or the county), with last year and the
// change; click a figure to see the records behind it.
import { useState } from 'react';
import { InputNumber, Space, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { get, query } from '../../api.ts';
import { figureMeasure, isRatio, type IndicatorValue } from '../../../shared/schemas/indicators.ts';
import { ChangeOverLastYear, FiguresUnitPicker, IndicatorRecordsDrawer, showFigure } from '../../components/IndicatorRecords.tsx';
import { useAuth } from '../../auth.tsx';
import { ListCard } from '../../components/ListCard.tsx';

// The number with its measure (16 件, 0.12 万元); a ratio carries its % already.
const show = (v: IndicatorValue, value: number | null) => (value === null || isRatio(v.kind) ? showFigure(v, value) : `${showFigure(v, value)} ${figureMeasure(v)}`);

export default function IndicatorsPage() {
  const [year, setYear] = useState(dayjs().year());
  const [unit, setUnit] = useState<string | undefined>();
  const figures = useQuery({ queryKey: ['indicators', year, unit], queryFn: () => get<{ unit: string | null; details: IndicatorValue[] }>(`/indicators${query({ year, unit })}`) });
  const [open, setOpen] = useState<IndicatorValue | null>(null);
  // The law office configures reports and integrations by code; everyone else reads names.
  const showCodes = !!useAuth().me?.roles.includes('law_office');
  return (
    <ListCard<IndicatorValue> title="指标统计" extra={<Typography.Text type="secondary">点击一项指标，查看计入该数字的每条记录，可导出 Excel</Typography.Text>}
      rowKey="code"
      loading={figures.isLoading}
      rows={figures.data?.details}
      error={figures.error}
      onRow={(v) => ({ onClick: () => setOpen(v), style: { cursor: 'pointer' } })}
      columns={[
        // The code is API (domain.md §4): shown to those who configure and integrate, on hover.
        { title: '指标', dataIndex: 'name', width: 220, render: (name: string, v) => (showCodes ? <Tooltip title={`指标编码 ${v.code}`}>{name}</Tooltip> : name) },
        { title: `${year} 年`, width: 110, align: 'right', render: (_, v) => <b>{show(v, v.value)}</b> },
        { title: `${year - 1} 年`, width: 110, align: 'right', render: (_, v) => show(v, v.lastYear) },
        { title: '较上年', width: 150, align: 'right', render: (_, v) => <ChangeOverLastYear figure={v} /> },
        { title: '口径', dataIndex: 'definition', ellipsis: true },
      ]}
    >
      <Space style={{ marginBottom: 12 }}>
        <span>年度</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <FiguresUnitPicker value={unit} answered={figures.data?.unit} onChange={setUnit} />
      </Space>
      <IndicatorRecordsDrawer indicator={open} year={year} unit={unit} onClose={() => setOpen(null)} />
    </ListCard>
  );
}
