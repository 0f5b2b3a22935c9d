// 驾驶舱大屏: the leaders' dashboard for a meeting-room screen (1920×1080), dark, large figures, no
// menu or header, refreshed every minute. Every number comes from the same APIs as the 驾驶舱.
import { useEffect, useState } from 'react';
import { Button, ConfigProvider, theme } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { get, query } from '../../api.ts';
import { showFigure } from '../../components/IndicatorRecords.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { changeOverLastYear, changeTone, changeWords, figureMeasure, isRatio, type IndicatorValue } from '../../../shared/schemas/indicators.ts';
import { HEADLINES, LIGHT_COLORS, TRENDS, beforeFirstRecord, fiveYears, type Figures, type UnitFigure, type UnitLights } from './figures.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const REFRESH_MS = 60_000;
const RANK_CODE = 'tasks.completion_rate';
const BG = '#0b1a33';
const PANEL = 'rgba(18, 42, 82, 0.85)';
const TEXT = '#e6f0ff';
const MUTED = '#8fa8cc';
// On a dark screen: good news green, bad news red, neither a light grey.
const TONE = { good: '#5bd67a', bad: '#ff6b6b', neutral: '#c9d6ea', flat: '#8fa8cc' } as const;
const AXIS = { axisLabel: { color: TEXT, fontSize: 16 }, axisLine: { lineStyle: { color: '#3a5a8c' } }, splitLine: { lineStyle: { color: 'rgba(143,168,204,0.15)' } } };

/** "↑ 提高10个百分点" in the colour of the news, or why there is nothing to compare. */
function Change({ figure }: { figure: IndicatorValue }) {
  const change = changeOverLastYear(figure);
  const tone = changeTone(figure.better, change);
  if (change === null || tone === null) return <span style={{ color: MUTED }}>去年无可比数据</span>;
  const words = tone === 'flat' ? '与去年持平' : changeWords(figure.kind, change);
  return (
    <span style={{ color: TONE[tone] }} data-tone={tone}>
      {tone !== 'flat' && (change > 0 ? '↑ ' : '↓ ')}
      {words}
    </span>
  );
}

function Panel({ title, children, style }: { title: string; children: React.ReactNode; style?: React.CSSProperties }) {
  return (
    <section style={{ background: PANEL, border: '1px solid #1f3f73', borderRadius: 6, padding: '12px 16px', display: 'flex', flexDirection: 'column', minHeight: 0, ...style }}>
      <h2 style={{ color: TEXT, fontSize: 22, margin: '0 0 8px', fontWeight: 600, borderLeft: '4px solid #d4380d', paddingLeft: 10 }}>{title}</h2>
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}

export default function ScreenPage() {
  const navigate = useNavigate();
  const [now, setNow] = useState(dayjs());
  useEffect(() => {
    const timer = setInterval(() => setNow(dayjs()), 1000);
    return () => clearInterval(timer);
  }, []);
  const year = now.year();
  const years = fiveYears(year);
  const refresh = { refetchInterval: REFRESH_MS, refetchIntervalInBackground: true };
  const trend = useQueries({ queries: years.map((y) => ({ queryKey: ['indicators', y, undefined], queryFn: () => get<Figures>(`/indicators${query({ year: y })}`), ...refresh })) });
  const figures = trend[trend.length - 1]!;
  const ranking = useQuery({ queryKey: ['by-unit', RANK_CODE, year, undefined], queryFn: () => get<{ items: UnitFigure[] }>(`/indicators/${RANK_CODE}/by-unit${query({ year })}`), ...refresh });
  const lights = useQuery({ queryKey: ['lights'], queryFn: () => get<{ units: UnitLights[] }>('/dashboard/lights'), ...refresh });
  const refreshedAt = Math.max(...trend.map((t) => t.dataUpdatedAt), ranking.dataUpdatedAt, lights.dataUpdatedAt);

  const byCode = new Map((figures.data?.details ?? []).map((d) => [d.code, d]));
  const rankDef = byCode.get(RANK_CODE);
  const ranked = (ranking.data?.items ?? []).filter((u) => u.value !== null).slice(0, 10);
  const lightUnits = (lights.data?.units ?? []).slice(0, 10);
  const totals = (['red', 'yellow', 'green'] as const).map((l) => ({ light: l, count: (lights.data?.units ?? []).reduce((sum, u) => sum + u[l], 0) }));

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div data-testid="dashboard-screen" style={{ position: 'fixed', inset: 0, background: `radial-gradient(ellipse at top, #163a6e 0%, ${BG} 60%)`, color: TEXT, display: 'grid', gridTemplateRows: 'auto auto 1fr', gap: 14, padding: '14px 22px', overflow: 'hidden' }}>
        <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <div style={{ color: MUTED, fontSize: 18, minWidth: 360 }}>{now.format('YYYY-MM-DD dddd HH:mm:ss')}</div>
          <h1 style={{ margin: 0, fontSize: 38, letterSpacing: 6, color: '#fff', fontWeight: 700 }}>法治政府建设驾驶舱</h1>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16, minWidth: 360, justifyContent: 'flex-end', color: MUTED, fontSize: 16 }}>
            <span data-testid="refreshed-at">数据更新于 {refreshedAt > 0 ? dayjs(refreshedAt).format('HH:mm:ss') : '—'}（每分钟自动刷新）</span>
            <Button size="small" onClick={() => navigate('/dashboard')} style={{ background: 'transparent', color: TEXT, borderColor: '#3a5a8c' }}>
              退出大屏
            </Button>
          </div>
        </header>
        <ErrorNotice error={figures.error ?? ranking.error ?? lights.error} />
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 12 }}>
          {HEADLINES.map((code) => {
            const f = byCode.get(code);
            if (!f) return <div key={code} />;
            return (
              <div key={code} data-testid={`screen-${code}`} style={{ background: PANEL, border: '1px solid #1f3f73', borderRadius: 6, padding: '10px 16px' }}>
                <div style={{ color: MUTED, fontSize: 18 }}>{f.name}</div>
                <div style={{ fontSize: 46, fontWeight: 700, lineHeight: 1.2, color: code === 'tasks.overdue' && (f.value ?? 0) > 0 ? TONE.bad : '#fff', fontVariantNumeric: 'tabular-nums' }}>
                  {showFigure(f, f.value)}
                  {!isRatio(f.kind) && <span style={{ fontSize: 18, marginLeft: 6, color: MUTED }}>{figureMeasure(f)}</span>}
                </div>
                <div style={{ fontSize: 16 }}>
                  <span style={{ color: MUTED, marginRight: 10 }}>上年 {showFigure(f, f.lastYear)}</span>
                  <Change figure={f} />
                </div>
              </div>
            );
          })}
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: '1.15fr 1fr 1fr', gap: 12, minHeight: 0 }}>
          <Panel title="近五年趋势">
            <ReactEChartsCore
              echarts={echarts}
              style={{ height: '100%' }}
              option={{
                backgroundColor: 'transparent',
                tooltip: { trigger: 'axis' },
                legend: { top: 0, textStyle: { color: TEXT, fontSize: 16 } },
                grid: { left: 12, right: 24, top: 70, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: years.map(String), ...AXIS },
                yAxis: { type: 'value', minInterval: 1, ...AXIS },
                series: TRENDS.map((code) => ({
                  name: byCode.get(code)?.name ?? code,
                  type: 'line',
                  symbolSize: 8,
                  lineStyle: { width: 3 },
                  data: beforeFirstRecord(trend.map((t) => t.data?.details.find((d) => d.code === code)?.value ?? null)),
                })),
              }}
            />
          </Panel>
          <Panel title={`单位排名：${rankDef?.name ?? ''}（前十）`}>
            {ranked.length === 0 ? (
              <div style={{ color: MUTED, fontSize: 20, padding: 24 }}>本年度暂无记录</div>
            ) : (
              <ReactEChartsCore
                echarts={echarts}
                style={{ height: '100%' }}
                option={{
                  backgroundColor: 'transparent',
                  grid: { left: 12, right: 72, top: 8, bottom: 8, containLabel: true },
                  xAxis: { type: 'value', max: !isRatio(rankDef?.kind) ? undefined : 1, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: (v: number) => (!isRatio(rankDef?.kind) ? String(v) : `${Math.round(v * 100)}%`) } },
                  yAxis: { type: 'category', inverse: true, data: ranked.map((u) => u.unitName), ...AXIS, axisLabel: { ...AXIS.axisLabel, width: 260, overflow: 'truncate' } },
                  series: [{ type: 'bar', barMaxWidth: 26, data: ranked.map((u) => u.value), itemStyle: { color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [{ offset: 0, color: '#1f6feb' }, { offset: 1, color: '#36cfc9' }]) }, label: { show: true, position: 'right', color: TEXT, fontSize: 16, formatter: (p: { value: number }) => (rankDef ? showFigure(rankDef, p.value) : String(p.value)) } }],
                }}
              />
            )}
          </Panel>
          <Panel title="红黄牌：未结期限">
            <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 10, marginBottom: 8 }}>
                {totals.map(({ light, count }) => (
                  <div key={light} data-testid={`screen-light-${light}`} style={{ textAlign: 'center', border: `1px solid ${LIGHT_COLORS[light]}`, borderRadius: 6, padding: '4px 0' }}>
                    <div style={{ fontSize: 40, fontWeight: 700, color: LIGHT_COLORS[light], fontVariantNumeric: 'tabular-nums' }}>{count}</div>
                    <div style={{ color: MUTED, fontSize: 16 }}>{{ red: '红牌 · 逾期', yellow: '黄牌 · 临期', green: '绿牌 · 正常' }[light]}</div>
                  </div>
                ))}
              </div>
              <div style={{ flex: 1, minHeight: 0 }}>
                <ReactEChartsCore
                  echarts={echarts}
                  style={{ height: '100%' }}
                  option={{
                    backgroundColor: 'transparent',
                    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                    grid: { left: 12, right: 24, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', minInterval: 1, ...AXIS },
                    yAxis: { type: 'category', inverse: true, data: lightUnits.map((u) => u.unitName), ...AXIS, axisLabel: { ...AXIS.axisLabel, width: 260, overflow: 'truncate' } },
                    series: (['red', 'yellow', 'green'] as const).map((l) => ({
                      name: { red: '逾期', yellow: '临期', green: '正常' }[l],
                      type: 'bar',
                      stack: 'lights',
                      barMaxWidth: 24,
                      data: lightUnits.map((u) => u[l]),
                      itemStyle: { color: LIGHT_COLORS[l] },
                      label: { show: true, fontSize: 14, color: l === 'yellow' ? '#000' : '#fff', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
                    })),
                  }}
                />
              </div>
            </div>
          </Panel>
        </div>
      </div>
    </ConfigProvider>
  );
}
