// 普法 / 学法: responsibility lists, activities, the 法律明白人 registry and its coverage by village,
// 民主法治示范村 with their re-check clock, and law-study sessions. Registry records through the
// kernel's registry-record commands (kernel/records/plain.ts); the rules of this domain here.
import { moduleSettings } from '../../kernel/records/settings.ts';
import './tables.ts';
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { inScope, scoped, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { plainRecords } from '../../kernel/records/plain.ts';
import { clocksWithLights } from '../../kernel/workflow/clocks.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { unmaskSealed } from '../../kernel/pii/unmask.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';
import {
  DEFAULT_LITERATES_PER_VILLAGE, LEGAL_LITERATE, LEGAL_LITERATE_RECORD_TYPE, LEGAL_LITERATE_WORKFLOW, MODEL_VILLAGE, MODEL_VILLAGE_RECORD_TYPE, MODEL_VILLAGE_WORKFLOW, PUFA_ACTIVITY, PUFA_ACTIVITY_WORKFLOW, PUFA_DUTY,
  PUFA_DUTY_WORKFLOW, STUDY_SESSION, STUDY_SESSION_WORKFLOW, VILLAGE_LEVELS, type Coverage, type EducationSettings, type LegalLiterateView, type ModelVillageView, type PufaActivityView, type PufaDutyView, type StudySessionView,
} from '../../../shared/schemas/education.ts';
import type { RecordInput } from '../../../shared/records.ts';

export const EDUCATION_RULES: readonly DeadlineRuleSeed[] = [
  {
    code: 'pufa.model_village_recheck',
    name: '民主法治示范村（社区）复核',
    period: 24,
    unit: 'months',
    citation: '《全国民主法治示范村（社区）建设指导标准》及司法部、民政部关于开展“民主法治示范村（社区）”动态管理的规定（每两年复核一次）；省级、市级按本地规定',
    note: '自命名年度年末（或上次复核之日）起每两年复核一次；复核结果为保留或撤销命名。',
  },
];

const thisYear = () => Number(chinaToday().slice(0, 4));

type DutyInput = RecordInput<typeof PUFA_DUTY>;

const dutyRecords = plainRecords<DutyInput, PufaDutyView>({
  def: PUFA_DUTY,
  workflow: PUFA_DUTY_WORKFLOW,
  what: '普法责任清单',
  actions: { create: 'education.duty_create', update: 'education.duty_update' },
  initial: { status: 'planned', label: '制定普法责任清单' },
  unit: { field: 'unitId', label: '责任单位' },
  title: (input) => `${input.year}年度普法责任清单`,
  async check(tx, input, existing) {
    const unitId = input.unitId ?? existing?.unit_id;
    if (input.year < 2000 || input.year > thisYear() + 1) throw fieldError('year', '年度', `应在 2000—${thisYear() + 1} 之间`);
    let same = tx.selectFrom('pufa_duties').select('id').where('unit_id', '=', unitId).where('year', '=', input.year);
    if (existing) same = same.where('id', '<>', existing.id);
    if (await same.executeTakeFirst()) throw fieldError('year', '年度', `该单位已有${input.year}年度普法责任清单`);
    if (existing && existing.status === 'reviewed' && existing.year !== input.year) throw fieldError('year', '年度', '已评议的清单不能更改年度');
  },
  defaultSort: { field: 'year', order: 'desc' },
});

export const duties = {
  ...dutyRecords,
  /**
   * Corrects a duty list with what its form shows (PUFA_DUTY_CORRECTABLE): the unit and the year the
   * check and the title read are the stored ones unless the caller gives them.
   */
  async update(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Pick<DutyInput, 'laws' | 'actions'> & Partial<DutyInput>): Promise<void> {
    const stored = await tx.selectFrom('pufa_duties').select('year').where('id', '=', id).executeTakeFirst();
    await dutyRecords.update(tx, platform, actor, scope, id, version, { year: stored?.year, ...input } as DutyInput);
  },
};

export const activities = plainRecords<RecordInput<typeof PUFA_ACTIVITY>, PufaActivityView>({
  def: PUFA_ACTIVITY,
  workflow: PUFA_ACTIVITY_WORKFLOW,
  what: '普法活动',
  actions: { create: 'education.activity_create', update: 'education.activity_update' },
  initial: { status: 'held', label: '登记普法活动' },
  unit: { field: 'unitId', label: '主办单位' },
  defaultSort: { field: 'date', order: 'desc' },
});

/** The village's town (乡镇/街道) for the ledgers and the coverage view. */
const withTown = (q: any) => q.leftJoin('org_units as t', 't.id', 'u.parent_id').select(['t.name as town_name']);

export const literates = plainRecords<RecordInput<typeof LEGAL_LITERATE>, LegalLiterateView>({
  def: LEGAL_LITERATE,
  workflow: LEGAL_LITERATE_WORKFLOW,
  what: '法律明白人',
  actions: { create: 'education.literate_create', update: 'education.literate_update' },
  initial: { status: 'active', label: '登记法律明白人' },
  unit: { field: 'unitId', label: '所在村（社区）', kinds: ['village'] },
  query: withTown,
  view: (r) => ({ townName: r.town_name ?? null }),
  async check(tx, input, existing) {
    if (existing?.removed_date && input.trainedDate > existing.removed_date) throw fieldError('trainedDate', '培训日期', `不能晚于退出日期 ${existing.removed_date}`);
  },
  defaultSort: { field: 'trainedDate', order: 'desc' },
});

/** A 法律明白人's phone in full (audited); the registry holds no ID number. */
export async function unmaskLiterate(platform: Platform, ctx: RequestContext, id: string, field: 'idNumber' | 'phone') {
  if (field !== 'phone') throw fieldError('field', '查看字段', '法律明白人名册只登记手机号码（phone）');
  return unmaskSealed(platform, ctx, { table: 'legal_literates', recordType: LEGAL_LITERATE_RECORD_TYPE, what: '法律明白人', idNumber: 'phone_enc', phone: 'phone_enc' }, id, 'phone');
}

const villages = plainRecords<RecordInput<typeof MODEL_VILLAGE> & { title?: string }, ModelVillageView>({
  def: MODEL_VILLAGE,
  workflow: MODEL_VILLAGE_WORKFLOW,
  what: '民主法治示范村（社区）',
  actions: { create: 'education.village_create', update: 'education.village_update' },
  initial: { status: 'named', label: '登记民主法治示范村（社区）' },
  unit: { field: 'unitId', label: '村（社区）', kinds: ['village'] },
  columns: (input) => (input.title ? { title: input.title } : {}),
  async check(tx, input, existing) {
    if (input.namedYear < 1990 || input.namedYear > thisYear()) throw fieldError('namedYear', '命名年度', `应在 1990—${thisYear()} 之间（不能晚于今年）`);
    if (existing?.revoked_date && existing.revoked_date < `${input.namedYear}-01-01`) throw fieldError('namedYear', '命名年度', `不能晚于撤销日期 ${existing.revoked_date}`);
    let same = tx.selectFrom('model_villages').select('id').where('unit_id', '=', existing?.unit_id ?? input.unitId).where('level', '=', input.level).where('status', '=', 'named');
    if (existing) same = same.where('id', '<>', existing.id);
    if (await same.executeTakeFirst()) throw fieldError('level', '命名级别', '该村（社区）已是在册的同级示范村（社区）');
  },
  query: withTown,
  view: (r) => ({ townName: r.town_name ?? null }),
  defaultSort: { field: 'namedYear', order: 'desc' },
});

export const RECHECK_CLOCK = { start: 'recheck', label: '复核期限', rule: 'pufa.model_village_recheck' } as const;

/** The re-check clock counts from the end of the named year (or today, for a village named this year). */
const recheckStart = (namedYear: number) => {
  const end = `${namedYear}-12-31`;
  return end > chinaToday() ? chinaToday() : end;
};

export async function createModelVillage(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof MODEL_VILLAGE> & { ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select('name').where('id', '=', input.unitId).executeTakeFirst();
  const title = `${unit?.name ?? ''}（${VILLAGE_LEVELS[input.level].replace('民主法治示范村（社区）', '')}）`;
  const id = await villages.create(tx, platform, actor, scope, { ...input, title });
  const row = await tx.selectFrom('model_villages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await applyEffects(tx, platform, actor, MODEL_VILLAGE_WORKFLOW, row as unknown as WorkflowRecord, [RECHECK_CLOCK], recheckStart(input.namedYear));
  return id;
}

export async function updateModelVillage(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Pick<RecordInput<typeof MODEL_VILLAGE>, 'level' | 'namedYear'>): Promise<void> {
  const row = await tx.selectFrom('model_villages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !inScope(scope, row.unit_id)) throw notFound('民主法治示范村（社区）');
  const unit = await tx.selectFrom('org_units').select('name').where('id', '=', row.unit_id).executeTakeFirstOrThrow();
  await villages.update(tx, platform, actor, scope, id, version, { ...input, unitId: row.unit_id, title: `${unit.name}（${VILLAGE_LEVELS[input.level].replace('民主法治示范村（社区）', '')}）` });
}

async function villageViews(platform: Platform, items: ModelVillageView[]): Promise<ModelVillageView[]> {
  if (items.length === 0) return items;
  const clocks = await clocksWithLights(platform, MODEL_VILLAGE_RECORD_TYPE, items.map((v) => v.id), 'recheck');
  return items.map((v) => {
    const c = clocks.get(v.id);
    const running = c?.clock.status === 'running';
    return { ...v, due: running ? c!.clock.due_date : null, light: running ? (c!.light ?? null) : null };
  });
}

export async function listModelVillages(platform: Platform, scope: DataScope, query: any) {
  const page = await villages.list(platform, scope, query);
  return { ...page, items: await villageViews(platform, page.items) };
}

export async function getModelVillage(platform: Platform, scope: DataScope, id: string) {
  return (await villageViews(platform, [await villages.get(platform, scope, id)]))[0]!;
}

export const modelVillages = { def: MODEL_VILLAGE, create: createModelVillage, update: updateModelVillage, list: listModelVillages, get: getModelVillage };

export const sessions = plainRecords<RecordInput<typeof STUDY_SESSION>, StudySessionView>({
  def: STUDY_SESSION,
  workflow: STUDY_SESSION_WORKFLOW,
  what: '学法活动',
  actions: { create: 'education.session_create', update: 'education.session_update' },
  initial: { status: 'held', label: '登记学法活动' },
  unit: { field: 'unitId', label: '组织单位' },
  check(_tx, input) {
    if (input.attendance < 1) throw fieldError('attendance', '参加人数', '应为正整数');
    if (input.passed !== undefined && input.passed !== null) {
      if (input.kind !== 'exam') throw fieldError('passed', '考试合格人数', '只适用于法治理论考试');
      if (input.passed > input.attendance) throw fieldError('passed', '考试合格人数', `不能超过参加人数 ${input.attendance}`);
    }
  },
  defaultSort: { field: 'date', order: 'desc' },
});

/** The law office's settings of legal education: how many 法律明白人 each village should have. */
export const educationSettings = moduleSettings<EducationSettings>({
  table: 'education_settings',
  keys: { literatesPerVillage: { key: 'literates_per_village', fallback: DEFAULT_LITERATES_PER_VILLAGE } },
  action: 'education.settings',
});

/**
 * 法律明白人 by village at the end of the year (trained by then, not removed by then), against the
 * target per village: every active village in the reader's scope (or one town's), the ones short of
 * the target first.
 */
export async function coverage(platform: Platform, scope: DataScope, query: { year?: number; townId?: string }): Promise<Coverage> {
  const year = query.year ?? thisYear();
  const end = `${year}-12-31`;
  const { literatesPerVillage: target } = await educationSettings.read(platform.db);
  let q = scoped(platform.db.selectFrom('org_units as v').leftJoin('org_units as t', 't.id', 'v.parent_id'), scope, 'v.id')
    .where('v.kind', '=', 'village')
    .where('v.active', '=', 1)
    .select(['v.id', 'v.name', 'v.code', 'v.parent_id', 't.name as town_name'])
    .select(sql<number>`(select count(*) from legal_literates l where l.unit_id = v.id and l.trained_date <= ${end} and (l.removed_date is null or l.removed_date > ${end}))`.as('n'));
  if (query.townId) q = q.where('v.parent_id', '=', query.townId);
  const rows = await q.execute();
  const villagesShown = rows
    .map((r) => ({ unitId: r.id, unitName: r.name, unitCode: r.code, townId: r.parent_id, townName: r.town_name ?? null, count: Number(r.n), meets: Number(r.n) >= target }))
    .sort((a, b) => Number(a.meets) - Number(b.meets) || (a.townName ?? '').localeCompare(b.townName ?? '', 'zh') || a.unitCode.localeCompare(b.unitCode));
  return { year, target, villages: villagesShown, meeting: villagesShown.filter((v) => v.meets).length, total: villagesShown.length, people: villagesShown.reduce((s, v) => s + v.count, 0) };
}
