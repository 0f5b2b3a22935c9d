// Pre-review flags on a submitted draft and the reviewer's decisions on them; the check rules as
// data the law office maintains. The legality review waits until every flag of the submitted text
// is confirmed or dismissed (the `open_flags` guard of the review transition).
import './tables.ts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { assertInScope, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { NORMDOC_RECORD_TYPE, NORMDOC_WORKFLOW, FLAG_STATUSES, type CheckRuleView, type NormativeFlagView } from '../../../shared/schemas/normative.ts';
import type { z } from '../../../shared/zod.ts';
import type { checkRuleInput, checkRuleUpdateInput, flagDecisionInput } from '../../../shared/schemas/normative.ts';
import { patternProblem, runChecks, type CheckRule } from './checks.ts';
import type { NormativeDocTable, NormdocCheckRuleTable } from './tables.ts';

const ruleOf = (r: NormdocCheckRuleTable): CheckRule => ({ code: r.code, category: r.category as CheckRule['category'], name: r.name, scope: r.scope as CheckRule['scope'], pattern: r.pattern, basis: r.basis, citation: r.citation });

async function countOpen(tx: Executor, docId: string, textNo: number): Promise<number> {
  const row = await tx.selectFrom('normative_doc_flags').select(sql<number>`count(*)`.as('n')).where('doc_id', '=', docId).where('text_no', '=', textNo).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Runs the active rules on a submitted draft's text and its record of public comment, once per
 * text: a draft sent back and submitted unchanged keeps the decisions already made on it.
 */
export async function runPrecheck(tx: Tx, doc: NormativeDocTable): Promise<void> {
  const done = await tx.selectFrom('normative_doc_flags').select('id').where('doc_id', '=', doc.id).where('text_no', '=', doc.text_no).executeTakeFirst();
  if (!done) {
    const rules = (await tx.selectFrom('normdoc_check_rules').selectAll().where('active', '=', 1).orderBy('sort_order').orderBy('code').execute()).map(ruleOf);
    const byCode = new Map(rules.map((r) => [r.code, r]));
    // The comment record is read by the rules that look for what the draft lacks, after the text.
    const flags = runChecks(`${doc.body ?? ''}\n${doc.consultation ?? ''}`, rules).filter((f) => f.sentence === null || f.position < (doc.body ?? '').length + 1);
    const now = nowIso();
    for (const flag of flags) {
      const rule = byCode.get(flag.ruleCode)!;
      await tx.insertInto('normative_doc_flags').values({ id: newId(), doc_id: doc.id, unit_id: doc.unit_id, text_no: doc.text_no, rule_code: rule.code, rule_name: rule.name, category: rule.category, citation: rule.citation, sentence: flag.sentence, position: Math.min(flag.position, 2_000_000_000), status: 'open', note: null, decided_by: null, decided_at: null, created_at: now }).execute();
    }
  }
  await tx.updateTable('normative_docs').set({ open_flags: await countOpen(tx, doc.id, doc.text_no) }).where('id', '=', doc.id).execute();
}

/** The flags of a draft's current text (none until it is submitted), in text order. */
export async function flagsOf(db: Executor, docId: string, textNo: number): Promise<NormativeFlagView[]> {
  const rows = await db.selectFrom('normative_doc_flags as f').leftJoin('users as u', 'u.id', 'f.decided_by').selectAll('f').select('u.name as decided_by_name').where('f.doc_id', '=', docId).where('f.text_no', '=', textNo).orderBy('f.position').orderBy('f.rule_code').execute();
  return rows.map((f) => ({ id: f.id, textNo: f.text_no, ruleCode: f.rule_code, ruleName: f.rule_name, category: f.category, citation: f.citation, sentence: f.sentence, status: f.status as NormativeFlagView['status'], note: f.note, decidedByName: f.decided_by_name, decidedAt: f.decided_at }));
}

/** The reviewer confirms or dismisses a flag, with a reason, while the draft is under review. */
export async function decideFlag(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, docId: string, flagId: string, input: z.infer<typeof flagDecisionInput>): Promise<void> {
  const doc = await tx.selectFrom('normative_docs').selectAll().where('id', '=', docId).executeTakeFirst();
  if (!doc) throw notFound('规范性文件');
  assertInScope(scope, doc.unit_id, '规范性文件');
  const flag = await tx.selectFrom('normative_doc_flags').selectAll().where('id', '=', flagId).where('doc_id', '=', docId).executeTakeFirst();
  if (!flag) throw notFound('预审提示');
  if (doc.status !== 'reviewing') throw conflict(`当前状态为「${NORMDOC_WORKFLOW.states[doc.status]?.label ?? doc.status}」，只有合法性审查中的文件可以处理预审提示`);
  if (flag.text_no !== doc.text_no) throw conflict('该提示属于以前的一稿，已不适用');
  await tx.updateTable('normative_doc_flags').set({ status: input.decision, note: input.note, decided_by: actor.id, decided_at: nowIso() }).where('id', '=', flagId).execute();
  await updateVersioned(tx, 'normative_docs', docId, input.version, { open_flags: await countOpen(tx, docId, doc.text_no) }, actor.id);
  await addTimeline(tx, actor, { recordType: NORMDOC_RECORD_TYPE, recordId: docId, action: 'flag', label: `预审提示「${flag.rule_name}」：${FLAG_STATUSES[input.decision]}`, note: input.note });
  await platform.audit.record(tx, actor, { action: 'normative.flag', targetType: NORMDOC_RECORD_TYPE, targetId: docId, detail: { flag: flagId, rule: flag.rule_code, decision: input.decision } });
}

const ruleView = (r: NormdocCheckRuleTable): CheckRuleView => ({ ...ruleOf(r), active: r.active === 1, version: r.version });

export async function listRules(db: Executor): Promise<CheckRuleView[]> {
  return (await db.selectFrom('normdoc_check_rules').selectAll().orderBy('sort_order').orderBy('code').execute()).map(ruleView);
}

function checkPatterns(input: { pattern: string; basis?: string | null }): void {
  const problem = patternProblem(input.pattern);
  if (problem) throw fieldError('pattern', '匹配模式', problem);
  const basis = input.basis ? patternProblem(input.basis) : null;
  if (basis) throw fieldError('basis', '依据豁免模式', basis);
}

export async function createRule(tx: Tx, platform: Platform, actor: Actor, input: z.infer<typeof checkRuleInput>): Promise<void> {
  checkPatterns(input);
  if (await tx.selectFrom('normdoc_check_rules').select('code').where('code', '=', input.code).executeTakeFirst()) throw fieldError('code', '规则编码', `「${input.code}」已存在`);
  const last = await tx.selectFrom('normdoc_check_rules').select((eb) => eb.fn.max('sort_order').as('n')).executeTakeFirst();
  await tx.insertInto('normdoc_check_rules').values({ code: input.code, category: input.category, name: input.name, scope: input.scope, pattern: input.pattern, basis: input.basis ?? null, citation: input.citation, active: input.active ? 1 : 0, sort_order: Number(last?.n ?? 0) + 1, ...newStamps(actor.id) }).execute();
  await platform.audit.record(tx, actor, { action: 'normative.rule.create', targetType: 'normdoc_check_rule', targetId: input.code, detail: { pattern: input.pattern } });
}

export async function updateRule(tx: Tx, platform: Platform, actor: Actor, code: string, input: z.infer<typeof checkRuleUpdateInput>): Promise<void> {
  checkPatterns(input);
  if (!(await tx.selectFrom('normdoc_check_rules').select('code').where('code', '=', code).executeTakeFirst())) throw notFound('预审规则');
  await updateVersioned(tx, 'normdoc_check_rules', code, input.version, { name: input.name, pattern: input.pattern, basis: input.basis ?? null, citation: input.citation, active: input.active ? 1 : 0 }, actor.id, 'code');
  await platform.audit.record(tx, actor, { action: 'normative.rule.update', targetType: 'normdoc_check_rule', targetId: code, detail: { pattern: input.pattern, active: input.active } });
}
