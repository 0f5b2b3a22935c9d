// 问题池: every module reports the problems it finds against a unit (an inspection finding, a
// corrected reconsideration decision, a lost lawsuit, a bad rating…) so that each unit's open risks
// show in one place. A problem is keyed by its source record and follows it: opened, closed, reopened.
import type { Executor } from '../db/index.ts';
import { newId, nowIso } from '../ids.ts';

export interface ProblemReport {
  sourceType: string;
  sourceId: string;
  /** Where it came from, in Chinese (督察发现, 复议纠错…). */
  sourceLabel: string;
  unitId: string;
  title: string;
  severity: 'general' | 'major';
  openedOn: string;
  link: string | null;
  /** False when the law office closes it (the source record has no rectification of its own). */
  closesWithSource?: boolean;
}

/** Opens (or re-opens and refreshes) the problem of a source record. */
export async function openProblem(tx: Executor, p: ProblemReport): Promise<void> {
  const now = nowIso();
  await tx
    .insertInto('problems')
    .values({ id: newId(), source_type: p.sourceType, source_id: p.sourceId, source_label: p.sourceLabel, unit_id: p.unitId, title: p.title, severity: p.severity, status: 'open', opened_on: p.openedOn, closed_on: null, link: p.link, updated_at: now, closes_with_source: p.closesWithSource === false ? 0 : 1, close_note: null })
    .onConflict((oc) => oc.columns(['source_type', 'source_id']).doUpdateSet({ unit_id: p.unitId, title: p.title, severity: p.severity, status: 'open', closed_on: null, link: p.link, updated_at: now }))
    .execute();
}

export async function closeProblem(tx: Executor, sourceType: string, sourceId: string, closedOn: string): Promise<void> {
  await tx.updateTable('problems').set({ status: 'closed', closed_on: closedOn, updated_at: nowIso() }).where('source_type', '=', sourceType).where('source_id', '=', sourceId).execute();
}
