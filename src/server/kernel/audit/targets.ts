// What an audit entry acted on, in words: the kind of target in Chinese and what identifies it, not
// "task · 01J…". The audit administrator holds no business data scope, and business titles carry
// personal data (an applicant's name in a case's title, parties in a dispute's): a business record is
// named by its ref (外部编号), an account or a unit by its name. One query per kind per page.
import { sql } from 'kysely';
import type { Platform } from '../platform.ts';

/** Kernel targets that are not record types: their Chinese name and, where they have one, the table and column of their name. */
const KERNEL_TARGETS: Record<string, { label: string; table?: string; key?: string; name?: string }> = {
  clock: { label: '期限', table: 'clocks', key: 'id', name: 'label' },
  attachment: { label: '附件' },
  problem: { label: '问题池问题' },
  deadline_rule: { label: '期限规则', table: 'deadline_rules', key: 'code', name: 'name' },
  import: { label: '批量导入' },
  indicator: { label: '指标' },
  audit_log: { label: '审计日志' },
  route: { label: '接口' },
  public_file: { label: '公开文书' },
  normdoc_check_rule: { label: '预审规则' },
  document_template: { label: '文书模板' },
};

interface Target {
  label: string;
  table: string | null;
  key: string;
  name: string | null;
}

/** Accounts and units are named, annual reports by their titles (a unit and a year); every other record by its case number or ref. */
const NAME_COLUMN: Record<string, string> = { user: 'name', org_unit: 'name', annual_report: 'title', foi_annual_report: 'title' };

/** How to name a target type: an account's or unit's name, a business record's ref, or the kernel's list. */
function targetOf(platform: Platform, type: string): Target | null {
  const record = platform.records.get(type);
  const workflow = platform.workflows.get(type);
  // A numbered record is named by its 案号/文号 (no personal data in it), else its ref.
  const name = NAME_COLUMN[type] ?? platform.caseNumbers.get(type)?.column ?? 'ref';
  if (record) return { label: record.title, table: record.table, key: 'id', name };
  if (workflow) return { label: workflow.title, table: workflow.table, key: 'id', name };
  const kernel = KERNEL_TARGETS[type];
  return kernel ? { label: kernel.label, table: kernel.table ?? null, key: kernel.key ?? 'id', name: kernel.name ?? null } : null;
}

/** For each (type, id) of a page of entries: the type's Chinese name and the target's name (null when gone or unnamed). */
export async function describeTargets(platform: Platform, entries: readonly { targetType: string | null; targetId: string | null }[]): Promise<Map<string, { label: string; name: string | null }>> {
  const out = new Map<string, { label: string; name: string | null }>();
  const idsByType = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.targetType) continue;
    const ids = idsByType.get(e.targetType) ?? new Set<string>();
    if (e.targetId) ids.add(e.targetId);
    idsByType.set(e.targetType, ids);
  }
  for (const [type, ids] of idsByType) {
    const target = targetOf(platform, type);
    if (!target) continue;
    let names = new Map<string, string>();
    if (target.table && target.name && ids.size) {
      const named = target.name === 'ref' || !platform.caseNumbers.has(type) ? sql.ref(target.name) : sql`coalesce(${sql.ref(target.name)}, ref)`;
      const rows = await (platform.db as any).selectFrom(target.table).select([sql.ref(target.key).as('k'), named.as('n')]).where(target.key, 'in', [...ids]).execute();
      names = new Map(rows.filter((r: { n: unknown }) => r.n !== null && r.n !== '').map((r: { k: string; n: unknown }) => [String(r.k), String(r.n)]));
    }
    out.set(type, { label: target.label, name: null });
    for (const id of ids) out.set(`${type}:${id}`, { label: target.label, name: names.get(id) ?? null });
  }
  return out;
}
