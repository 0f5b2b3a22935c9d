import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod.ts';
import { route } from '../http/route.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { countyScope, inScope, unitWithCounty } from '../auth/scope.ts';
import { chinaToday } from '../calendar/days.ts';
import type { Platform } from '../platform.ts';
import { nextCaseNumber, setPattern } from './index.ts';
import { patternView, setPatternInput, type PatternView } from '../../../shared/schemas/numbering.ts';

export async function numberingRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform;
  const tags = ['编号规则'];
  const defOf = (recordType: string) => {
    const def = platform.caseNumbers.get(recordType);
    if (!def) throw notFound('编号类型');
    return def;
  };

  route(api, {
    method: 'GET',
    url: '/case-number-patterns',
    permission: 'case_number.read',
    summary: '案号、文号的编号规则：各类记录的规则（全县的和单位自定的）及下一个号',
    tags,
    response: z.object({ items: z.array(patternView) }),
    handler: async ({ ctx }) => {
      const year = Number(chinaToday().slice(0, 4));
      // The next numbers as the user's county would get them (a province's: its top unit's); the units' own rules of the county only.
      const place = await unitWithCounty(db, ctx.unitId);
      const top = place?.county;
      // A county of a province sets its county-wide rule on its own unit (numbering/index.ts).
      const countyRule = place?.belowRoot ? place.county.id : null;
      const rows = (await db.selectFrom('case_number_patterns as p').leftJoin('org_units as u', 'u.id', 'p.unit_id').select(['p.record_type', 'p.unit_id', 'p.pattern', 'u.name']).orderBy('u.code').execute()).filter(
        (r) => r.unit_id === '' || inScope(countyScope(ctx.scope), r.unit_id),
      );
      const items: PatternView[] = [];
      for (const def of platform.caseNumbers.values()) {
        const flow = platform.workflows.get(def.recordType);
        const mine = rows.filter((r) => r.record_type === def.recordType);
        const units = [];
        for (const r of mine.filter((m) => m.unit_id !== '' && m.unit_id !== countyRule)) units.push({ unitId: r.unit_id, unitName: r.name ?? '', pattern: r.pattern, next: await nextCaseNumber(db, def, r.unit_id, year) });
        items.push({
          recordType: def.recordType,
          title: flow?.title ?? def.label,
          label: def.label,
          assignedAt: def.atCreation ?? def.transitions.map((key) => flow?.transitions.find((t) => t.key === key)?.label ?? key).join('或'),
          defaultPattern: def.defaultPattern,
          pattern: mine.find((m) => m.unit_id === countyRule)?.pattern ?? mine.find((m) => m.unit_id === '')?.pattern ?? def.defaultPattern,
          countyUnitId: countyRule,
          next: top ? await nextCaseNumber(db, def, top.id, year) : '',
          units,
        });
      }
      return { items };
    },
  });

  route(api, {
    method: 'PUT',
    url: '/case-number-patterns/:recordType',
    permission: 'case_number.manage',
    summary: '设置编号规则（不填单位为全县规则；规则为空则删除单位自定规则）',
    tags,
    params: z.strictObject({ recordType: z.string().max(64) }),
    body: setPatternInput,
    status: 200,
    response: z.object({ recordType: z.string(), unitId: z.string().nullable(), pattern: z.string().nullable() }),
    handler: async ({ ctx, params, body }) => {
      const def = defOf(params.recordType);
      const unitId = body.unitId ?? '';
      if (unitId && !(await db.selectFrom('org_units').select('id').where('id', '=', unitId).executeTakeFirst() && inScope(ctx.scope, unitId))) throw notFound('单位');
      // The rule without a unit is every county's in a province (see RouteSpec.platformSetting): a county sets its own on its county's unit.
      if (!unitId && !ctx.scope.all) throw forbidden('不填单位的编号规则是各县共用的全平台规则，只能由能看到全部单位的人员修改；本县的全县规则请设在本县政府单位上');
      await db.transaction().execute((tx) => setPattern(tx, platform, ctx, def, unitId, body.pattern ?? null));
      return { recordType: def.recordType, unitId: unitId || null, pattern: body.pattern ?? null };
    },
  });
}
