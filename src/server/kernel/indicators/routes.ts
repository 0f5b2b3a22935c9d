import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod.ts';
import { route } from '../http/route.ts';
import { assertInScope, countyUnitIn, homeUnitCode, unitDirectory } from '../auth/scope.ts';
import type { RequestContext } from '../auth/context.ts';
import type { Platform } from '../platform.ts';
import { computeAll, indicatorByUnit, indicatorRecords, scopeForUnitCode } from './registry.ts';
import { indicatorQuery, indicatorRecordsQuery, type Peers } from '../../../shared/schemas/indicators.ts';
import { exportRoute } from '../exports/xlsx.ts';
import { reusable } from '../http/reusable.ts';
import type { IndicatorValue } from '../../../shared/schemas/indicators.ts';

const codeParams = z.strictObject({ code: z.string().min(1).max(64).meta({ title: '指标编码' }) });

export async function indicatorRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['指标'];
  const answers = new WeakMap<IndicatorValue[], { year: number; unit: string | null; indicators: Record<string, number | null>; details: IndicatorValue[] }>();

  /** A unit's figures need that unit in the user's scope; without a unit, the user's home (homeUnitCode). */
  async function scopeFor(ctx: RequestContext, year: number, code: string | undefined) {
    // Each request of a dashboard costs its round trips on PostgreSQL: the unit comes with the scope.
    const scope = await scopeForUnitCode(platform, year, code ?? homeUnitCode(ctx.scope, ctx.unitCode));
    if (scope.unitId) assertInScope(ctx.scope, scope.unitId, '单位');
    return scope;
  }

  route(api, {
    method: 'GET',
    url: '/indicators',
    permission: 'indicator.read',
    summary: '某年度、某单位（含下级）或全部的指标值，附名称、计量单位、上年值与同比',
    tags,
    query: indicatorQuery,
    handler: async ({ ctx, query }) => {
      const scope = await scopeFor(ctx, query.year, query.unit);
      // The same figures (until the next write) make the same answer, serialised and compressed once.
      const values = await computeAll(platform, scope);
      let answer = answers.get(values);
      if (!answer) {
        answer = reusable({ year: query.year, unit: scope.unitCode, indicators: Object.fromEntries(values.map((v) => [v.code, v.value])), details: values });
        answers.set(values, answer);
      }
      return answer;
    },
  });

  route(api, {
    method: 'GET',
    url: '/indicators/:code/by-unit',
    permission: 'indicator.read',
    summary: '某指标按单位排名（单位自身的记录；比率按各单位自身的分子分母）',
    tags,
    params: codeParams,
    query: indicatorQuery,
    handler: async ({ ctx, params, query }) => {
      const scope = await scopeFor(ctx, query.year, query.unit);
      const items = await indicatorByUnit(platform, params.code, scope);
      const alone = scope.unitCode && items.length <= 1;
      return { year: query.year, unit: scope.unitCode, items, peers: alone ? await peersOf(scope.unitCode!, params.code, query.year) : null };
    },
  });

  /**
   * For a scope of one unit (a liaison's, a department head's), a ranking of one bar says nothing: the
   * unit is placed among the units of its 考评类别 instead — its rank, the category's average and best.
   * Only those three figures leave the scope; no other unit is named.
   */
  async function peersOf(unitCode: string, code: string, year: number): Promise<Peers | null> {
    const directory = await unitDirectory(platform.db);
    const unit = directory.byCode.get(unitCode);
    if (!unit?.category) return null;
    const def = platform.indicators.get(code)!;
    // Units of the category without a record of the year count 0 (a rate: no value).
    // Peers are the county's: in a province a department is ranked among its own county's.
    const county = countyUnitIn(directory, unit.path);
    const units = [...directory.byId.values()].filter((u) => u.category === unit.category && u.active === 1 && u.path.startsWith(county?.path ?? ''));
    const figures = new Map((await indicatorByUnit(platform, code, await scopeForUnitCode(platform, year, county?.code))).map((u) => [u.unitId, u.value]));
    const valueOf = (id: string) => (figures.has(id) ? figures.get(id)! : def.kind === 'count' || def.kind === 'sum' ? 0 : null);
    const own = valueOf(unit.id);
    const valued = units.map((u) => valueOf(u.id)).filter((v): v is number => v !== null);
    // With fewer than three, the average and the best would give another unit's own figure away.
    if (valued.length < 3) return null;
    // First place is the highest value, or the lowest where less is better (lost cases).
    const lowFirst = def.better === 'down';
    const ahead = (v: number) => (lowFirst ? v < own! : v > own!);
    return {
      category: unit.category,
      value: own,
      units: valued.length,
      rank: own === null ? null : valued.filter(ahead).length + 1,
      average: valued.reduce((a, b) => a + b, 0) / valued.length,
      best: lowFirst ? Math.min(...valued) : Math.max(...valued),
      better: def.better ?? null,
    };
  }

  route(api, {
    method: 'GET',
    url: '/indicators/:code/records',
    permission: 'indicator.read',
    summary: '指标所统计的记录（溯源），分页',
    tags,
    params: codeParams,
    query: indicatorRecordsQuery,
    handler: async ({ ctx, params, query }) => {
      const scope = await scopeFor(ctx, query.year, query.unit);
      return { ...(await indicatorRecords(platform, params.code, scope, query.page, query.pageSize)), page: query.page, pageSize: query.pageSize };
    },
  });

  exportRoute(api, platform, {
    url: '/indicators/records/export',
    permission: 'indicator.read',
    summary: '导出指标所统计的记录（.xlsx，最多 100000 条；文件名为指标编码、名称、单位与年度）',
    tags,
    query: indicatorQuery.extend({ code: z.string().min(1, { error: '指标编码（code）不能为空' }).max(64).meta({ title: '指标编码' }) }),
    sheet: '指标记录',
    targetType: 'indicator',
    rows: async (ctx, query) => {
      const scope = await scopeFor(ctx, query.year, query.unit);
      const name = platform.indicators.get(query.code)?.name ?? query.code;
      return (await indicatorRecords(platform, query.code, scope, 1, 100_000)).items.map((r) => ({ ...r, indicator: name }));
    },
    // Named after the indicator (code and name), the unit and the year: what a clerk finds again in the downloads folder.
    fileName: async (ctx, query) => {
      const scope = await scopeFor(ctx, query.year, query.unit);
      const unitName = scope.unitId ? (await unitDirectory(platform.db)).byId.get(scope.unitId)?.name : undefined;
      return indicatorFileName(query.code, platform.indicators.get(query.code)?.name ?? query.code, query.year, unitName);
    },
    columns: [
      { header: '指标', width: 20, value: (r) => r.indicator },
      { header: '记录', width: 48, value: (r) => r.title },
      { header: '单位', width: 22, value: (r) => r.unitName },
      { header: '日期', width: 12, value: (r) => r.date },
      { header: '计入分子', width: 10, value: (r) => (r.counted === undefined ? null : r.counted ? '是' : '否') },
    ],
  });
}

/** `mediation.disputes 受理矛盾纠纷（城关镇 2026年）.xlsx`: what a clerk finds again in the downloads folder, without characters a file system refuses. */
export const indicatorFileName = (code: string, name: string, year: number, unitName?: string) => `${code} ${name}（${unitName ? `${unitName} ` : ''}${year}年）.xlsx`.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_');
