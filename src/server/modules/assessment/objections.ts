// 异议: after the preliminary results are released, a unit may object once per line within the
// window of working days (the scheme's objection clock); the law office answers each, and an upheld
// objection changes the score (with the answer as its reason). Final waits for every answer.
import './tables.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import { inScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps } from '../../kernel/db/versioned.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { OBJECTION_STATES, SCHEME_RECORD_TYPE, type AnswerInput, type ObjectionInput, type ObjectionView } from '../../../shared/schemas/assessment.ts';
import { engineLines, fromC, loadScheme, objectionDue, schemeLines, toC, visibleScheme, type Who } from './schemes.ts';
import { assessedUnits, currentLineScore } from './scores.ts';

export async function createObjection(tx: Tx, platform: Platform, who: Who, schemeId: string, input: ObjectionInput): Promise<string> {
  const scheme = await visibleScheme(tx, who, schemeId);
  if (!inScope(who.scope, input.unitId)) throw fieldError('unitId', '提出异议的单位', '不存在或无权访问');
  if (scheme.status !== 'preliminary') throw conflict('只能在初评结果公布后的异议期内提出异议');
  const due = await objectionDue(tx, scheme.id);
  if (due && chinaToday() > due) throw conflict(`异议期已于 ${due} 届满，不能再提出异议`);
  const unit = (await assessedUnits(tx, scheme)).find((u) => u.unitId === input.unitId);
  if (!unit) throw fieldError('unitId', '提出异议的单位', '不在本方案的考评范围内');
  const line = engineLines(await schemeLines(tx, scheme.id)).find((l) => l.id === input.lineId);
  if (!line || (line.categories?.length && !line.categories.includes(unit.category))) throw fieldError('lineId', '考评指标', '不存在或不适用于本单位');
  if (await tx.selectFrom('assessment_objections').select('id').where('line_id', '=', line.id).where('unit_id', '=', unit.unitId).executeTakeFirst()) throw conflict(`对「${line.code}」已提出过异议，每项指标只能提出一次`);
  const old = await currentLineScore(tx, platform, scheme, unit.unitId, line.id);
  const id = newId();
  await tx.insertInto('assessment_objections').values({ id, ref: null, unit_id: unit.unitId, scheme_id: scheme.id, line_id: line.id, reason: input.reason, status: 'open', answer: null, old_score_c: old === null ? null : toC(old), new_score_c: null, answered_at: null, ...newStamps(who.id) }).execute();
  await tx.updateTable('assessment_schemes').set({ open_objections: (eb) => eb('open_objections', '+', 1) }).where('id', '=', scheme.id).execute();
  await addTimeline(tx, who, { recordType: SCHEME_RECORD_TYPE, recordId: scheme.id, action: 'objection', label: `${unit.unitName}对「${line.code}」提出异议` });
  await platform.audit.record(tx, who, { action: 'assessment.objection', targetType: SCHEME_RECORD_TYPE, targetId: scheme.id, detail: { unit: unit.unitCode, line: line.code } });
  return id;
}

export async function answerObjection(tx: Tx, platform: Platform, who: Who, id: string, input: AnswerInput): Promise<string> {
  const o = await tx.selectFrom('assessment_objections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o || !inScope(who.scope, o.unit_id)) throw notFound('异议');
  if (o.status !== 'open') throw conflict('该异议已答复');
  const scheme = await loadScheme(tx, o.scheme_id);
  if (scheme.status !== 'preliminary') throw conflict('考评结果已定稿，不能再答复异议');
  const line = engineLines(await schemeLines(tx, scheme.id)).find((l) => l.id === o.line_id)!;
  let newScore: number | null = null;
  if (input.upheld) {
    if (input.score === undefined) throw fieldError('score', '调整后得分', '采纳异议的须填写调整后得分');
    if (line.method === 'veto' && input.score !== 0 && input.score !== 1) throw fieldError('score', '调整后得分', '一票否决项填 1（触发）或 0（未触发）');
    if (line.method !== 'veto' && input.score > line.points) throw fieldError('score', '调整后得分', `不能超过该项分值 ${line.points} 分`);
    newScore = input.score;
    const existing = await tx.selectFrom('assessment_scores').selectAll().where('line_id', '=', line.id).where('unit_id', '=', o.unit_id).executeTakeFirst();
    const values = { score_c: toC(newScore), reason: `异议采纳：${input.answer}` };
    if (existing) await tx.updateTable('assessment_scores').set({ ...values, version: Number(existing.version) + 1, updated_at: nowIso(), updated_by: who.id }).where('id', '=', existing.id).execute();
    else await tx.insertInto('assessment_scores').values({ id: newId(), ref: null, unit_id: o.unit_id, scheme_id: scheme.id, line_id: line.id, self_score_c: null, self_reason: null, self_evidence: null, evidence: null, ...values, ...newStamps(who.id) }).execute();
  }
  await tx
    .updateTable('assessment_objections')
    .set({ status: input.upheld ? 'upheld' : 'rejected', answer: input.answer, new_score_c: newScore === null ? null : toC(newScore), answered_at: nowIso(), version: Number(o.version) + 1, updated_at: nowIso(), updated_by: who.id })
    .where('id', '=', id)
    .execute();
  await tx.updateTable('assessment_schemes').set({ open_objections: (eb) => eb('open_objections', '-', 1) }).where('id', '=', scheme.id).execute();
  await addTimeline(tx, who, { recordType: SCHEME_RECORD_TYPE, recordId: scheme.id, action: 'objection_answer', label: `答复异议（${line.code}）：${input.upheld ? `采纳，调整为 ${newScore} 分` : '不予采纳'}`, note: input.answer });
  await platform.audit.record(tx, who, { action: 'assessment.objection_answer', targetType: SCHEME_RECORD_TYPE, targetId: scheme.id, detail: { objection: id, upheld: input.upheld, score: newScore } });
  return o.scheme_id;
}

export async function listObjections(platform: Platform, who: Who, schemeId: string): Promise<ObjectionView[]> {
  await visibleScheme(platform.db, who, schemeId);
  const rows = await platform.db
    .selectFrom('assessment_objections as o')
    .innerJoin('assessment_lines as l', 'l.id', 'o.line_id')
    .innerJoin('org_units as u', 'u.id', 'o.unit_id')
    .selectAll('o')
    .select(['l.code as line_code', 'l.title as line_title', 'u.name as unit_name'])
    .where('o.scheme_id', '=', schemeId)
    .orderBy('o.created_at')
    .execute();
  return rows
    .filter((r) => inScope(who.scope, r.unit_id))
    .map((r) => ({
      id: r.id,
      schemeId: r.scheme_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      lineId: r.line_id,
      lineCode: r.line_code,
      lineTitle: r.line_title,
      reason: r.reason,
      status: r.status as ObjectionView['status'],
      statusLabel: OBJECTION_STATES[r.status as keyof typeof OBJECTION_STATES] ?? r.status,
      answer: r.answer,
      oldScore: fromC(r.old_score_c),
      newScore: fromC(r.new_score_c),
      createdAt: r.created_at,
    }));
}
