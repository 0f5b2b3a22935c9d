// Status machines declared as data. A module declares one per record type; the kernel enforces it
// (who may make each transition, the fields and evidence it needs, the clocks it starts, pauses and
// stops), writes the timeline and the audit log, and lists what waits on whom (我的待办).
import { z, text, isoDate, version } from './zod.ts';
import { writesText } from './records.ts';
import type { Role } from './roles.ts';
import type { ClockView } from './schemas/calendar.ts';

export type StateTone = 'default' | 'processing' | 'warning' | 'success' | 'error';

export interface WorkflowState {
  label: string;
  tone: StateTone;
  final?: boolean;
}

/** Clock effects, by the clock's key within the record (a record can run several clocks). */
export type ClockEffect =
  | { start: string; label: string; rule: string | { field: string; rules: Record<string, string>; fallback: string } }
  /** A clock whose due date is a column of the record (e.g. a task's due_date). */
  | { start: string; label: string; dueColumn: string }
  | { pause: string; reason: string }
  | { resume: string }
  | { restart: string; reason: string }
  | { stop: string; reason: string };

export interface TransitionDef {
  key: string;
  label: string;
  from: readonly string[];
  to: string;
  roles: readonly Role[];
  /** Record columns that must be filled before the transition (guards), with their Chinese labels. */
  requiredFields?: readonly { column: string; label: string }[];
  /** Evidence files the record must have. */
  evidence?: number;
  /** A guard on the record's values (and who acts); returns the Chinese reason it is not met, or null. */
  check?: (record: Record<string, unknown>, actor: { unitId: string; roles: readonly string[] }) => string | null;
  noteRequired?: boolean;
  /** Values the user enters with the transition, written to the record in the same transaction. */
  input?: z.ZodObject;
  /** API field → record column for `input`. */
  inputColumns?: Record<string, string>;
  /** A record column that takes the transition's effective date (e.g. completed_date). */
  dateColumn?: string;
  /** Record columns the transition empties (a failed verification's 整改完成日期: the next 报送 sets it again). */
  clears?: readonly string[];
  effects?: readonly ClockEffect[];
  /** Shown as a danger action in the UI. */
  danger?: boolean;
  /** Always available (cancel, suspend…) but does not make the record wait on these roles (我的待办). */
  secondary?: boolean;
}

export interface WorkflowDef {
  recordType: string;
  title: string;
  /** The module's table: id, unit_id, status, version, updated_at, updated_by, and the title column. */
  table: string;
  titleColumn: string;
  /** Permission needed to see a record's workflow, clocks and timeline (besides its data scope). */
  readPermission: string;
  /** Web path of a record: `${linkPrefix}${id}`. */
  linkPrefix: string;
  /**
   * A record every holder of `readPermission` in its county may follow whatever its unit (a county-wide scheme the
   * law office runs and every unit takes part in), when this says so; otherwise the data scope applies.
   */
  sharedWhen?: (record: Record<string, unknown>) => boolean;
  /**
   * The evidence files of a shared record are shared with it (a circular's printed copy). Otherwise
   * they stay within the data scope: a published scheme's score sheets name every unit's scores.
   */
  evidenceShared?: boolean;
  states: Record<string, WorkflowState>;
  transitions: readonly TransitionDef[];
}

/** What a workflow takes from its record definition: the record type, its title and its table. */
interface DefinedRecordHead {
  type: string;
  title: string;
  table: string;
}

type WorkflowOf = Omit<WorkflowDef, 'recordType' | 'table' | 'title' | 'titleColumn'> & Partial<Pick<WorkflowDef, 'title' | 'titleColumn'>>;

/**
 * A record type's workflow, on its record definition: the record type and table are the definition's,
 * and so is the title unless the workflow names the process otherwise (目录事项 moves through 决策事项目录).
 * Records are named by their `title` column unless `titleColumn` says otherwise.
 */
export const workflowOf = (record: DefinedRecordHead, def: WorkflowOf): WorkflowDef => ({ recordType: record.type, table: record.table, title: record.title, titleColumn: 'title', ...def });

/**
 * A record type with no steps of its own, recorded as it is (held, issued, registered) in one final
 * state: the workflow still gives it a page, evidence files, a timeline and global search.
 */
export const steplessWorkflow = (record: DefinedRecordHead, def: Omit<WorkflowOf, 'states' | 'transitions'>, state: { key: string; label: string; tone?: StateTone }): WorkflowDef =>
  workflowOf(record, { ...def, states: { [state.key]: { label: state.label, tone: state.tone ?? 'success', final: true } }, transitions: [] });

/** Effects that stop several of a record's clocks for one reason (the record closed, withdrawn, terminated). */
export const stops = (reason: string, ...clocks: string[]): ClockEffect[] => clocks.map((stop) => ({ stop, reason }));

/** A workflow's statuses by code, with their Chinese labels (a status filter's options). */
export const stateLabels = (def: Pick<WorkflowDef, 'states'>): Record<string, string> => Object.fromEntries(Object.entries(def.states).map(([code, state]) => [code, state.label]));

export const transitionInput = z.strictObject({
  version,
  note: text('说明', 1000).optional(),
  /** The day the event happened (receipt, reply…), for the clocks; defaults to today. */
  date: isoDate('日期（date）').optional(),
  values: z.record(z.string(), z.unknown()).optional().meta({ title: '办理信息' }),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export interface TimelineEntryView {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  label: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export interface AvailableTransition {
  key: string;
  label: string;
  to: string;
  noteRequired: boolean;
  evidence: number;
  danger: boolean;
  /** Unmet guards: the transition is shown but explains why it cannot be taken yet. */
  blockedBy: string[];
}

/** Everything a record's page shows about its workflow, for this user (GET /workflow/:type/:id). */
export interface WorkflowPanelView {
  recordType: string;
  status: string;
  statusLabel: string;
  version: number;
  transitions: AvailableTransition[];
  clocks: ClockView[];
  timeline: TimelineEntryView[];
  /** Read as a record shared with every unit (a circular), outside the reader's scope: they read it and its evidence, add no evidence to the record and take none of its steps (a page may still offer them their own part, as a scheme's self-assessment). */
  readOnly: boolean;
}

export interface TodoItem {
  recordType: string;
  typeTitle: string;
  id: string;
  title: string;
  /** What tells records of the same title apart (a county's disputes of one pair of parties, year after year): the case number, else the ref. */
  caseNumber: string | null;
  ref: string | null;
  unitName: string;
  status: string;
  statusLabel: string;
  statusTone: StateTone;
  actions: string[];
  link: string;
  clock: {
    label: string;
    due: string;
    light: 'green' | 'yellow' | 'red' | 'paused';
    workingDaysLeft: number;
    provisional: boolean;
    explanation: string[];
  } | null;
}

/** Transitions a set of roles may take from a state. */
export function transitionsFrom(def: WorkflowDef, status: string, roles: readonly Role[]): TransitionDef[] {
  return def.transitions.filter((t) => t.from.includes(status) && t.roles.some((r) => roles.includes(r)));
}

/** Checks a definition's internal consistency; used at startup and in tests. */
export function validateWorkflow(def: WorkflowDef): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const t of def.transitions) {
    if (keys.has(t.key)) problems.push(`${def.recordType}: 转换 ${t.key} 重复`);
    keys.add(t.key);
    for (const s of [...t.from, t.to]) if (!def.states[s]) problems.push(`${def.recordType}: 转换 ${t.key} 引用了未声明的状态 ${s}`);
    for (const s of t.from) if (def.states[s]?.final) problems.push(`${def.recordType}: 转换 ${t.key} 从终态 ${s} 出发`);
    if (t.roles.length === 0) problems.push(`${def.recordType}: 转换 ${t.key} 未指定角色`);
    if (t.input && !t.inputColumns) problems.push(`${def.recordType}: 转换 ${t.key} 有输入但未映射到字段`);
  }
  return problems;
}

/** A ledger's filter by the record's status, for `listQuery`'s extra filters. */
export const statusFilter = (workflow: WorkflowDef) => ({ status: z.enum(Object.keys(workflow.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }) });

/**
 * The rectification loop (整改闭环) of a problem found by supervision or an audit: the responsible
 * unit reports what it did, with evidence (the problem's `rectify` clock pauses); the reviewers verify
 * it and close it (核查销号, the clock stops) or send it back (the clock runs on).
 */
export function rectificationLoop(o: {
  /** A step between open and rectified, with the transition that enters it (督察's 整改中). */
  rectifying?: { state: WorkflowState; start: TransitionDef };
  /** Who verifies and reopens. */
  reviewers: readonly Role[];
  /** The verification's label, the text it records (field, column, label) and its guard. */
  verify: { label: string; field: string; column: string; text: string; check?: TransitionDef['check'] };
}): Pick<WorkflowDef, 'states' | 'transitions'> {
  const { rectifying, reviewers, verify } = o;
  return {
    states: {
      open: { label: '待整改', tone: 'error' },
      ...(rectifying ? { rectifying: rectifying.state } : {}),
      rectified: { label: '已整改待核查', tone: 'warning' },
      reopened: { label: '核查未通过', tone: 'error' },
      verified: { label: '已核查销号', tone: 'success', final: true },
    },
    transitions: [
      ...(rectifying ? [rectifying.start] : []),
      {
        key: 'rectify',
        label: '报送整改结果',
        from: ['open', ...(rectifying ? ['rectifying'] : []), 'reopened'],
        to: 'rectified',
        roles: ['unit_liaison', 'unit_head'],
        evidence: 1,
        ...writesText('measures', 'measures', '整改措施及结果', 3000),
        dateColumn: 'rectified_date',
        effects: [{ pause: 'rectify', reason: '已报送整改结果，待核查' }],
      },
      {
        key: 'verify',
        label: verify.label,
        from: ['rectified'],
        to: 'verified',
        roles: reviewers,
        ...writesText(verify.field, verify.column, verify.text, 2000),
        dateColumn: 'verified_date',
        ...(verify.check ? { check: verify.check } : {}),
        effects: [{ stop: 'rectify', reason: '已核查销号' }],
      },
      { key: 'reopen', label: '核查未通过，重新整改', from: ['rectified'], to: 'reopened', roles: reviewers, noteRequired: true, danger: true, clears: ['rectified_date'], effects: [{ resume: 'rectify' }] },
    ],
  };
}
