// Row types of the kernel's tables. Booleans are stored as 0/1 integers and timestamps as ISO 8601
// text on both engines, so the same SQL runs on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

/** The columns `withStamps` (migrations.ts) adds to every versioned record table. */
export interface StampColumns {
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface OrgUnitTable extends StampColumns {
  id: string;
  code: string;
  name: string;
  kind: string;
  category: string | null;
  parent_id: string | null;
  /** Materialised path of ids, '/root/…/self/', for subtree queries. */
  path: string;
  credit_code: string | null;
  active: number;
  sort_order: number;
}

export interface UserTable extends StampColumns {
  id: string;
  username: string;
  name: string;
  unit_id: string;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  first_failed_at: string | null;
  locked_until: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  last_login_at: string | null;
  /** SM4-encrypted (kernel/crypto/keys.ts) base32 TOTP secret once enrolment is confirmed. */
  totp_secret_enc: string | null;
  /** SM4-encrypted secret offered at enrolment, until the first code confirms it. */
  totp_pending_enc: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step accepted: a code is accepted once (RFC 6238 §5.2). */
  totp_last_step: number | null;
  /** 三员分立: a reset of an account holding roles, asked by the system administrator, waiting for the security administrator. */
  password_reset_requested_by: string | null;
  password_reset_requested_at: string | null;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  /** SM3 hash of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string;
  unit_id: string | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface AttachmentTable {
  id: string;
  content_hash: string;
  size: number;
  mime: string;
  filename: string;
  record_type: string | null;
  record_id: string | null;
  unit_id: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface CalendarOverrideTable {
  date: string;
  kind: string;
  name: string;
  updated_at: string;
  updated_by: string | null;
}

export interface CalendarYearTable {
  year: number;
  notice: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DeadlineRuleTable {
  code: string;
  name: string;
  period: number;
  unit: string;
  extension: number | null;
  citation: string;
  note: string | null;
  minimum: number;
  warn_days: number;
  builtin: number;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface ClockTable {
  id: string;
  record_type: string;
  record_id: string;
  unit_id: string;
  clock_key: string;
  label: string;
  /** Null for a clock with a fixed due date. */
  rule_code: string | null;
  fixed_due: string | null;
  status: string;
  start_date: string;
  /** JSON: [{from, to, reason}] */
  pauses: string;
  /** JSON: [{previousStart, start, reason}] */
  restarts: string;
  extended: number;
  extension_note: string | null;
  due_date: string;
  provisional: number;
  stopped_on: string | null;
  stop_reason: string | null;
  escalation_level: number;
  escalated_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface TimelineEntryTable {
  id: string;
  record_type: string;
  record_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  label: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  record_type: string | null;
  record_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface JobRunTable {
  job: string;
  run_date: string;
  started_at: string;
  /** Written every minute while the run goes on; a claim unfinished and silent for JOB_LEASE_MS is stale. */
  heartbeat_at: string | null;
  finished_at: string | null;
  summary: string | null;
}

export interface ProblemTable {
  id: string;
  source_type: string;
  source_id: string;
  source_label: string;
  unit_id: string;
  title: string;
  severity: string;
  status: string;
  opened_on: string;
  closed_on: string | null;
  link: string | null;
  updated_at: string;
  closes_with_source: number;
  close_note: string | null;
}

export interface UserRecoveryCodeTable {
  user_id: string;
  /** Keyed HMAC-SM3 of the normalised code; the code itself is shown once and never stored. */
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface PasswordHistoryTable {
  user_id: string;
  password_hash: string;
  changed_at: string;
}

/** Failed logins of usernames that have no account, counted like an account's. */
export interface LoginFailureTable {
  username: string;
  failures: number;
  first_failed_at: string;
  locked_until: string | null;
}

export interface KernelTables {
  org_units: OrgUnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  user_recovery_codes: UserRecoveryCodeTable;
  password_history: PasswordHistoryTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
  attachments: AttachmentTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
  deadline_rules: DeadlineRuleTable;
  clocks: ClockTable;
  timeline_entries: TimelineEntryTable;
  notifications: NotificationTable;
  job_runs: JobRunTable;
  problems: ProblemTable;
  indicator_generations: { table_name: string; generation: number };
  rate_limits: { key: string; window_start: number; hits: number };
  indicator_changes: { table_name: string };
  indicator_fact_sets: { code: string; year: number; stamp: string; computed_at: string };
  indicator_facts: { code: string; year: number; unit_id: string; n: number };
}

/** Modules extend this interface by declaration merging on their own tables. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends KernelTables {}
