// 法治画像: one unit's figures with their change over last year and its rank in its 考评类别, its
// trends over five years, its open problems from the problem pool and the 红黄牌 of its running
// clocks. Every number comes from the figures APIs the 驾驶舱 uses, for this unit.
import { useState } from 'react';
import { Card, Col, Empty, InputNumber, Result, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { ApiError, get, query } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useUnits } from '../../components/units.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ChangeOverLastYear, IndicatorRecordsDrawer, showFigure } from '../../components/IndicatorRecords.tsx';
import { LIGHT_STYLE } from '../../components/Light.tsx';
import { PROBLEM_SEVERITIES, type ProblemView } from '../../../shared/schemas/problems.ts';
import { figureMeasure, figureNumber, isRatio, type IndicatorValue } from '../../../shared/schemas/indicators.ts';
import { HEADLINES, LIGHT_COLORS, TRENDS, beforeFirstRecord, fiveYears, type Figures, type LightItem, type Peers } from './figures.ts';
import { linkedTitle } from '../../components/columns.tsx';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function TrendChart({ years, series, percent }: { years: number[]; series: { name: string; data: (number | null)[] }[]; percent: boolean }) {
  const narrow = window.innerWidth < 768;
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 280 }}
      option={{
        tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '无数据' : percent ? `${Math.round(v * 1000) / 10}%` : String(v)) },
        // On a phone the legend scrolls on one line rather than wrapping over the plot.
        legend: { top: 0, type: narrow ? 'scroll' : 'plain' },
        grid: { left: 8, right: 16, top: narrow ? 36 : 64, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: years.map(String) },
        yAxis: percent ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } } : { type: 'value', minInterval: 1 },
        // A year without data is a gap in the line, not a zero.
        series: series.map((s) => ({ ...s, type: 'line', connectNulls: false, symbolSize: 7 })),
      }}
    />
  );
}

/** Where the unit stands in its 考评类别: a rank where one way is better, else the category's average. */
function peerWords(f: IndicatorValue, peers: Peers | null | undefined): string {
  if (!peers) return '类别排名：暂无可比数据';
  if (!peers.better) return `「${peers.category}」${peers.units} 个单位平均 ${!isRatio(f.kind) ? figureNumber(f, peers.average) : showFigure(f, peers.average)}`;
  return peers.rank ? `「${peers.category}」${peers.units} 个单位中第 ${peers.rank} 名` : `「${peers.category}」类排名：暂无可比数据`;
}

export default function UnitProfilePage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const [year, setYear] = useState(dayjs().year());
  const [drill, setDrill] = useState<IndicatorValue | null>(null);
  const units = useUnits(true);
  const unit = units.data?.find((u) => u.id === id);
  const code = unit?.code;
  const years = fiveYears(year);

  const trend = useQueries({ queries: years.map((y) => ({ queryKey: ['indicators', y, code], enabled: !!code, queryFn: () => get<Figures>(`/indicators${query({ year: y, unit: code })}`) })) });
  const figures = trend[trend.length - 1]!;
  const ranks = useQueries({
    queries: HEADLINES.map((c) => ({ queryKey: ['by-unit', c, year, code], enabled: !!code, queryFn: () => get<{ peers: Peers | null }>(`/indicators/${c}/by-unit${query({ year, unit: code })}`) })),
  });
  const lights = useQuery({ queryKey: ['lights', id], enabled: !!unit, queryFn: () => get<{ items: LightItem[] }>(`/dashboard/lights?unitId=${id}`) });
  const problems = useQuery({
    queryKey: ['problems', 'open', id],
    enabled: !!unit && can('problem.read'),
    queryFn: () => get<{ items: ProblemView[]; total: number }>(`/problems${query({ unitId: id, status: 'open', pageSize: 200 })}`),
  });

  if (units.isLoading) return <Spin style={{ margin: 48 }} />;
  // A unit outside the user's data scope: the figures API answers 404, as for no unit at all.
  if (!unit || (figures.error instanceof ApiError && figures.error.status === 404)) return <Result status="404" title="单位不存在" subTitle="该单位不存在或不在您的数据范围内" />;

  const byCode = new Map((figures.data?.details ?? []).map((d) => [d.code, d]));
  const valuesOf = (c: string) => trend.map((t) => t.data?.details.find((d) => d.code === c)?.value ?? null);
  const countSeries = TRENDS.map((c) => ({ name: byCode.get(c)?.name ?? c, data: beforeFirstRecord(valuesOf(c)) }));
  // A rate without a denominator that year is null already: a gap.
  const rateSeries = HEADLINES.filter((c) => byCode.get(c)?.kind === 'rate').map((c) => ({ name: byCode.get(c)!.name, data: valuesOf(c) }));
  const lightItems = lights.data?.items ?? [];
  const lightCount = (l: string) => lightItems.filter((i) => i.light === l).length;

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="profile-title">
            {unit.name} · 法治画像
          </Typography.Title>
          {unit.category && <Tag>{unit.category}</Tag>}
          <span>年度</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <Link to="/dashboard">返回驾驶舱</Link>
        </Space>
      </Card>
      <ErrorNotice error={figures.error ?? lights.error ?? problems.error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {HEADLINES.map((c, i) => {
          const f = byCode.get(c);
          if (!f) return null;
          const peers = ranks[i]?.data?.peers;
          return (
            <Col key={c} xs={12} sm={8} lg={6} xl={{ flex: '1 0 19%' }}>
              <Card size="small" hoverable onClick={() => setDrill(f)} data-testid={`profile-${c}`} style={{ height: '100%' }}>
                <Statistic title={f.name} value={showFigure(f, f.value)} valueStyle={{ fontSize: 22 }} suffix={!isRatio(f.kind) ? <span style={{ fontSize: 13 }}>{figureMeasure(f)}</span> : undefined} />
                <div style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary">上年 {showFigure(f, f.lastYear)}</Typography.Text> <ChangeOverLastYear figure={f} />
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`rank-${c}`}>
                  {peerWords(f, peers)}
                </Typography.Text>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title="近五年件数">
            <TrendChart years={years} series={countSeries} percent={false} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="近五年比率">
            <TrendChart years={years} series={rateSeries} percent />
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title="红黄牌：未结期限"
            extra={
              <Space size={4} data-testid="profile-lights">
                {(['red', 'yellow', 'green'] as const).map((l) => (
                  <Tag key={l} color={LIGHT_COLORS[l]} style={{ color: l === 'yellow' ? '#000' : undefined }}>
                    {LIGHT_STYLE[l]!.label} {lightCount(l)}
                  </Tag>
                ))}
              </Space>
            }
          >
            <Table<LightItem>
              rowKey={(i) => `${i.recordType}:${i.recordId}:${i.clock}`}
              size="small"
              loading={lights.isLoading}
              dataSource={lightItems}
              scroll={{ x: 520 }}
              locale={{ emptyText: <Empty description="没有未结期限" /> }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '牌', dataIndex: 'light', width: 60, render: (l: string) => <Tag color={LIGHT_STYLE[l]!.color}>{LIGHT_STYLE[l]!.label}</Tag> },
                { title: '届满日', dataIndex: 'due', width: 100 },
                linkedTitle('事项'),
                { title: '期限', dataIndex: 'clock', width: 110 },
              ]}
            />
          </Card>
        </Col>
        {can('problem.read') && (
          <Col xs={24} lg={12}>
            <Card size="small" title={`未整改问题${problems.data ? `（${problems.data.total} 个）` : ''}`} extra={<Link to="/problems">问题池</Link>}>
              <Table<ProblemView>
                rowKey="id"
                size="small"
                loading={problems.isLoading}
                dataSource={problems.data?.items}
                scroll={{ x: 520 }}
                locale={{ emptyText: <Empty description="没有未整改的问题" /> }}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  linkedTitle('问题'),
                  { title: '来源', dataIndex: 'sourceLabel', width: 90, render: (s: string) => <Tag>{s}</Tag> },
                  { title: '程度', dataIndex: 'severity', width: 70, render: (s: 'general' | 'major') => <Tag color={s === 'major' ? 'red' : undefined}>{PROBLEM_SEVERITIES[s]}</Tag> },
                  { title: '发现日期', dataIndex: 'openedOn', width: 100 },
                ]}
              />
            </Card>
          </Col>
        )}
      </Row>
      {drill && <IndicatorRecordsDrawer indicator={drill} year={year} unit={code} onClose={() => setDrill(null)} />}
    </>
  );
}
