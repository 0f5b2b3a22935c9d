// 驾驶舱: headline figures with their change over last year, five-year trends, units ranked on any
// figure, and the 红黄牌 of open deadlines by unit. Every chart drills down to the records.
import { useState } from 'react';
import { Button, Card, Col, Drawer, Empty, Grid, InputNumber, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { FullscreenOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { get, query } from '../../api.ts';
import { useUnits } from '../../components/units.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ChangeOverLastYear, FiguresUnitPicker, IndicatorRecordsDrawer, showFigure } from '../../components/IndicatorRecords.tsx';
import { LIGHT_STYLE } from '../../components/Light.tsx';
import { figureMeasure, isRatio, type IndicatorValue } from '../../../shared/schemas/indicators.ts';
import { HEADLINES, TRENDS, beforeFirstRecord, fiveYears, LIGHT_COLORS, type Figures, type LightItem, type Peers, type UnitFigure, type UnitLights } from './figures.ts';
import { linkedTitle } from '../../components/columns.tsx';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A chart's place while its data loads (not its empty state, which would say there is nothing). */
function Loading({ height }: { height: number }) {
  return (
    <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin />
    </div>
  );
}

export default function DashboardPage() {
  const [year, setYear] = useState(dayjs().year());
  const [unit, setUnit] = useState<string | undefined>();
  const [rankCode, setRankCode] = useState('tasks.completion_rate');
  const [category, setCategory] = useState<string | undefined>();
  const [drill, setDrill] = useState<{ indicator: IndicatorValue; unit?: string; year: number } | null>(null);
  const [lightUnit, setLightUnit] = useState<UnitLights | null>(null);
  const units = useUnits();
  const navigate = useNavigate();
  // On a phone the trend's legend is one line that pages (five names would wrap over the chart).
  const phone = Grid.useBreakpoint().sm === false;
  const chosenUnit = unit ? units.data?.find((u) => u.code === unit) : undefined;
  // A unit's name on a chart (its axis label) opens its 法治画像.
  const openProfile = (unitId: string | undefined) => unitId && navigate(`/units/${unitId}/profile`);

  const figures = useQuery({ queryKey: ['indicators', year, unit], queryFn: () => get<Figures>(`/indicators${query({ year, unit })}`) });
  const years = fiveYears(year);
  const trend = useQueries({ queries: years.map((y) => ({ queryKey: ['indicators', y, unit], queryFn: () => get<Figures>(`/indicators${query({ year: y, unit })}`) })) });
  const ranking = useQuery({ queryKey: ['by-unit', rankCode, year, unit], queryFn: () => get<{ items: UnitFigure[]; peers: Peers | null }>(`/indicators/${rankCode}/by-unit${query({ year, unit })}`) });
  const peers = ranking.data?.peers ?? null;
  const lights = useQuery({ queryKey: ['lights'], queryFn: () => get<{ units: UnitLights[] }>('/dashboard/lights') });
  const lightItems = useQuery({ queryKey: ['lights', lightUnit?.unitId], enabled: !!lightUnit, queryFn: () => get<{ items: LightItem[] }>(`/dashboard/lights?unitId=${lightUnit!.unitId}`) });

  const byCode = new Map((figures.data?.details ?? []).map((d) => [d.code, d]));
  const rankDef = byCode.get(rankCode);
  const ranked = (ranking.data?.items ?? []).filter((u) => !category || u.category === category).slice(0, 20);
  const categories = [...new Set((ranking.data?.items ?? []).map((u) => u.category).filter(Boolean))] as string[];
  // Until the figures arrive the series have no names to show (not their codes): the chart waits.
  const trendLoading = !figures.data || trend.some((t) => t.isLoading);
  const trendSeries = (figures.data ? TRENDS : []).map((code) => ({
    name: byCode.get(code)?.name ?? code,
    type: 'line' as const,
    data: beforeFirstRecord(trend.map((t) => t.data?.details.find((d) => d.code === code)?.value ?? null)),
  }));
  const lightUnits = (lights.data?.units ?? []).slice(0, 15);

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>法治政府建设驾驶舱</Typography.Text>
          <span>年度</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <FiguresUnitPicker value={unit} answered={figures.data?.unit} onChange={setUnit} />
          <Typography.Text type="secondary">点击任一数字或图形查看所统计的记录，点击单位名称查看其法治画像</Typography.Text>
          {chosenUnit && <Link to={`/units/${chosenUnit.id}/profile`}>{chosenUnit.name}法治画像</Link>}
          <Link to="/dashboard/screen"><Button icon={<FullscreenOutlined />}>大屏展示</Button></Link>
        </Space>
      </Card>
      <ErrorNotice error={figures.error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {HEADLINES.map((code) => {
          const f = byCode.get(code);
          if (!f) return null;
          return (
            // Five a row on a wide screen, fewer as it narrows: two on a phone.
            <Col key={code} xs={12} sm={8} lg={6} xl={{ flex: '1 0 19%' }}>
              <Card size="small" hoverable onClick={() => setDrill({ indicator: f, unit, year })} data-testid={`headline-${code}`}>
                <Statistic
                  title={f.name}
                  value={showFigure(f, f.value)}
                  valueStyle={{ fontSize: 22, color: code === 'tasks.overdue' && (f.value ?? 0) > 0 ? '#cf1322' : undefined }}
                  suffix={!isRatio(f.kind) ? <span style={{ fontSize: 13 }}>{figureMeasure(f)}</span> : undefined}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  上年 {showFigure(f, f.lastYear)} <ChangeOverLastYear figure={f} />
                </Typography.Text>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title="近五年趋势">
            <ReactEChartsCore
              echarts={echarts}
              style={{ height: 300 }}
              showLoading={trendLoading}
              loadingOption={{ text: '加载中…', color: '#b8232f' }}
              option={{ tooltip: { trigger: 'axis' }, legend: { top: 0, type: phone ? 'scroll' : 'plain' }, grid: { left: 8, right: 16, top: phone ? 40 : 56, bottom: 8, containLabel: true }, xAxis: { type: 'category', data: years.map(String) }, yAxis: { type: 'value', minInterval: 1 }, series: trendSeries }}
              onEvents={{ click: (e: { seriesIndex: number; dataIndex: number }) => {
                const code = TRENDS[e.seriesIndex]!;
                const f = trend[e.dataIndex]?.data?.details.find((d) => d.code === code);
                if (f) setDrill({ indicator: f, unit, year: years[e.dataIndex]! });
              } }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title="单位排名"
            extra={
              <Space>
                <Select size="small" style={{ width: 200 }} showSearch optionFilterProp="label" value={rankCode} onChange={setRankCode} options={(figures.data?.details ?? []).map((d) => ({ value: d.code, label: d.name }))} labelRender={(chosen) => (figures.data ? chosen.label : '')} />
                <Select size="small" style={{ width: 110 }} allowClear placeholder="考评类别" value={category} onChange={setCategory} options={categories.map((c) => ({ value: c, label: c }))} />
              </Space>
            }
          >
            {ranking.isLoading || figures.isLoading ? (
              <Loading height={268} />
            ) : peers && rankDef ? (
              <div data-testid="peer-ranking">
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  本单位在「{peers.category}」类 {peers.units} 个单位中{peers.rank ? <>排第 <b style={{ fontSize: 18 }}>{peers.rank}</b> 名</> : '暂无可比数据'}
                  {ranking.data?.items[0] && <Link to={`/units/${ranking.data.items[0].unitId}/profile`} style={{ marginLeft: 12 }}>本单位法治画像</Link>}
                </Typography.Paragraph>
                <ReactEChartsCore
                  echarts={echarts}
                  style={{ height: 240 }}
                  option={{
                    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => showFigure(rankDef, v) } },
                    yAxis: { type: 'category', inverse: true, data: ['本单位', `${peers.category}平均`, `${peers.category}${peers.better ? '最好' : '最高'}`] },
                    series: [{ type: 'bar', data: [peers.value, peers.average, peers.best], itemStyle: { color: (p: { dataIndex: number }) => (p.dataIndex === 0 ? '#b8232f' : '#8c8c8c') }, label: { show: true, position: 'right', formatter: (p: { value: number }) => (!isRatio(rankDef.kind) ? String(Math.round(p.value * 10) / 10) : showFigure(rankDef, p.value)) } }],
                  }}
                />
              </div>
            ) : ranked.length === 0 ? (
              <Empty description="该指标本年度暂无记录" style={{ height: 268 }} />
            ) : (
              <ReactEChartsCore
                echarts={echarts}
                style={{ height: 300 }}
                option={{
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
                  xAxis: { type: 'value', axisLabel: { formatter: (v: number) => (!isRatio(rankDef?.kind) ? String(v) : `${Math.round(v * 100)}%`) } },
                  yAxis: { type: 'category', inverse: true, triggerEvent: true, data: ranked.map((u) => u.unitName) },
                  series: [{ type: 'bar', data: ranked.map((u) => u.value), itemStyle: { color: '#b8232f' }, label: { show: true, position: 'right', formatter: (p: { value: number }) => (rankDef ? showFigure(rankDef, p.value) : p.value) } }],
                }}
                onEvents={{ click: (e: { componentType: string; value: unknown; dataIndex: number }) => {
                  if (e.componentType === 'yAxis') return openProfile(ranked.find((u) => u.unitName === e.value)?.unitId);
                  if (rankDef) setDrill({ indicator: { ...rankDef, value: ranked[e.dataIndex]!.value }, unit: ranked[e.dataIndex]!.unitCode, year });
                } }}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="红黄牌：各单位未结期限" extra={<Typography.Text type="secondary">红：逾期；黄：临期；绿：正常。点击单位查看事项</Typography.Text>}>
        {lights.isLoading ? (
          <Loading height={200} />
        ) : lightUnits.length === 0 ? (
          <Empty description="没有未结期限" />
        ) : (
          <ReactEChartsCore
            echarts={echarts}
            style={{ height: Math.max(200, lightUnits.length * 26 + 40) }}
            option={{
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
              legend: { top: 0 },
              grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
              xAxis: { type: 'value', minInterval: 1, name: '件', nameGap: 4 },
              yAxis: { type: 'category', inverse: true, triggerEvent: true, data: lightUnits.map((u) => u.unitName) },
              series: (['red', 'yellow', 'green'] as const).map((l) => ({
                name: LIGHT_STYLE[l]!.label,
                type: 'bar',
                stack: 'lights',
                barMaxWidth: 22,
                data: lightUnits.map((u) => u[l]),
                itemStyle: { color: LIGHT_COLORS[l] },
                // Each segment says its count; an empty one says nothing.
                label: { show: true, color: l === 'yellow' ? '#000' : '#fff', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
              })),
            }}
            onEvents={{ click: (e: { componentType: string; value: unknown; dataIndex: number }) => (e.componentType === 'yAxis' ? openProfile(lightUnits.find((u) => u.unitName === e.value)?.unitId) : setLightUnit(lightUnits[e.dataIndex]!)) }}
          />
        )}
      </Card>
      {drill && <IndicatorRecordsDrawer indicator={drill.indicator} year={drill.year} unit={drill.unit} onClose={() => setDrill(null)} />}
      <Drawer open={!!lightUnit} width={720} title={lightUnit && `${lightUnit.unitName}：逾期 ${lightUnit.red}，临期 ${lightUnit.yellow}，正常 ${lightUnit.green}`} extra={lightUnit && <Link to={`/units/${lightUnit.unitId}/profile`}>法治画像</Link>} onClose={() => setLightUnit(null)}>
        <Table<LightItem>
          rowKey={(i) => `${i.recordType}:${i.recordId}:${i.clock}`}
          size="small"
          loading={lightItems.isLoading}
          dataSource={lightItems.data?.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '牌', dataIndex: 'light', width: 60, render: (l: string) => <Tag color={LIGHT_STYLE[l]!.color}>{LIGHT_STYLE[l]!.label}</Tag> },
            { title: '届满日', dataIndex: 'due', width: 100 },
            { title: '类别', dataIndex: 'typeTitle', width: 110 },
            linkedTitle('事项'),
            { title: '期限', dataIndex: 'clock', width: 110 },
          ]}
        />
      </Drawer>
    </>
  );
}
