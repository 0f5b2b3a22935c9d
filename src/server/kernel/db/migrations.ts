// Versioned migrations: the kernel's, then every module's (named '<module>_NNNN_…').
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Dialect, Db } from './index.ts';
import { publicSubmissionMigrations } from '../public/tables.ts';

export type MigrationSet = (dialect: Dialect) => Record<string, Migration>;

/** The record columns every versioned table has: version, created/updated at/by. */
export const withStamps = (t: any) =>
  t
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_by', 'text');

const kernelMigrations: MigrationSet = (dialect) => ({
  kernel_0001_foundation: {
    async up(db: Kysely<any>) {
      const stamps = withStamps;

      await stamps(
        db.schema
          .createTable('org_units')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('category', 'text')
          // No self-referencing foreign key: moves rewrite whole subtrees and restores insert in any order.
          .addColumn('parent_id', 'text')
          .addColumn('path', 'text', (c) => c.notNull())
          .addColumn('credit_code', 'text')
          .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
      ).execute();
      await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();
      await db.schema.createIndex('org_units_path').on('org_units').column('path').execute();

      await stamps(
        db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('password_changed_at', 'text', (c) => c.notNull())
          .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('first_failed_at', 'text')
          .addColumn('locked_until', 'text')
          .addColumn('phone_enc', 'text')
          .addColumn('phone_hash', 'text')
          .addColumn('id_number_enc', 'text')
          .addColumn('id_number_hash', 'text')
          .addColumn('last_login_at', 'text'),
      ).execute();
      await db.schema.createIndex('users_unit').on('users').columns(['unit_id', 'username']).execute();
      await db.schema.createIndex('users_phone_hash').on('users').column('phone_hash').execute();
      await db.schema.createIndex('users_id_number_hash').on('users').column('id_number_hash').execute();

      await db.schema
        .createTable('user_roles')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
        .execute();
      await db.schema.createIndex('user_roles_role').on('user_roles').column('role').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('seq', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('actor_roles', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('ip', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
      await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'seq']).execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id']).execute();
      // Append-only in the database too: no UPDATE or DELETE reaches a row.
      if (dialect === 'postgres') {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_log is append-only'; end $$`.execute(db);
        await sql`create trigger audit_log_no_change before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db);
        await sql`create trigger audit_log_no_truncate before truncate on audit_log
          for each statement execute function audit_log_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_log_no_update before update on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        await sql`create trigger audit_log_no_delete before delete on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      }

      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('record_type', 'text')
        .addColumn('record_id', 'text')
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attachments_record').on('attachments').columns(['record_type', 'record_id']).execute();
      await db.schema.createIndex('attachments_unit').on('attachments').column('unit_id').execute();
      await db.schema.createIndex('attachments_hash').on('attachments').column('content_hash').execute();
    },
  },
  kernel_0002_calendar_workflow: {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('calendar_overrides')
        .addColumn('date', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema
        .createTable('calendar_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('notice', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema
        .createTable('deadline_rules')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('period', 'integer', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('extension', 'integer')
        .addColumn('citation', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('minimum', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('warn_days', 'integer', (c) => c.notNull().defaultTo(3))
        .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema
        .createTable('clocks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('clock_key', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('rule_code', 'text', (c) => c.notNull().references('deadline_rules.code'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('pauses', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('restarts', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('extension_note', 'text')
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('stopped_on', 'text')
        .addColumn('stop_reason', 'text')
        .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('escalated_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addUniqueConstraint('clocks_record_key', ['record_type', 'record_id', 'clock_key'])
        .execute();
      await db.schema.createIndex('clocks_open_due').on('clocks').columns(['status', 'due_date']).execute();
      await db.schema.createIndex('clocks_unit').on('clocks').columns(['unit_id', 'status']).execute();
      await db.schema
        .createTable('timeline_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text')
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('timeline_record').on('timeline_entries').columns(['record_type', 'record_id', 'at']).execute();
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('link', 'text')
        .addColumn('record_type', 'text')
        .addColumn('record_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'created_at']).execute();
      await db.schema
        .createTable('job_runs')
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('run_date', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('summary', 'text')
        .addPrimaryKeyConstraint('job_runs_pk', ['job', 'run_date'])
        .execute();
    },
  },
});

const fixedDueClocks: MigrationSet = (dialect) => ({
  // Clocks with a fixed due date (a task's 完成时限) rather than a statutory rule.
  kernel_0003_fixed_due_clocks: {
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') {
        await sql`alter table clocks alter column rule_code drop not null`.execute(db);
        await sql`alter table clocks add column fixed_due text`.execute(db);
        return;
      }
      // SQLite cannot drop NOT NULL in place: rebuild the table with the same rows.
      await sql`create table clocks_new (
        id text primary key, record_type text not null, record_id text not null,
        unit_id text not null references org_units(id), clock_key text not null, label text not null,
        rule_code text references deadline_rules(code), fixed_due text, status text not null, start_date text not null,
        pauses text not null default '[]', restarts text not null default '[]', extended integer not null default 0,
        extension_note text, due_date text not null, provisional integer not null default 0, stopped_on text,
        stop_reason text, escalation_level integer not null default 0, escalated_at text,
        version integer not null default 1, created_at text not null, updated_at text not null, updated_by text,
        constraint clocks_record_key unique (record_type, record_id, clock_key))`.execute(db);
      await sql`insert into clocks_new (id, record_type, record_id, unit_id, clock_key, label, rule_code, status, start_date, pauses, restarts,
        extended, extension_note, due_date, provisional, stopped_on, stop_reason, escalation_level, escalated_at, version, created_at, updated_at, updated_by)
        select id, record_type, record_id, unit_id, clock_key, label, rule_code, status, start_date, pauses, restarts,
        extended, extension_note, due_date, provisional, stopped_on, stop_reason, escalation_level, escalated_at, version, created_at, updated_at, updated_by from clocks`.execute(db);
      await sql`drop table clocks`.execute(db);
      await sql`alter table clocks_new rename to clocks`.execute(db);
      await db.schema.createIndex('clocks_open_due').on('clocks').columns(['status', 'due_date']).execute();
      await db.schema.createIndex('clocks_unit').on('clocks').columns(['unit_id', 'status']).execute();
    },
  },
});

const problemPool: MigrationSet = () => ({
  // 问题池: open problems by unit from every source (inspections, reconsideration corrections, lost lawsuits…).
  kernel_0004_problem_pool: {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('problems')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source_type', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('source_label', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('closed_on', 'text')
        .addColumn('link', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('problems_source', ['source_type', 'source_id'])
        .execute();
      await db.schema.createIndex('problems_unit_status').on('problems').columns(['unit_id', 'status']).execute();
    },
  },
});

const problemClosing: MigrationSet = () => ({
  // Whether a problem closes with its source record (a finding's verification) or by the law office
  // (a reconsideration correction once the respondent has put it right).
  kernel_0005_problem_closing: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('problems').addColumn('closes_with_source', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('problems').addColumn('close_note', 'text').execute();
    },
  },
});

const indicatorFacts: MigrationSet = () => ({
  // Summary tables of the indicator figures (kernel/indicators/facts.ts): derived, never backed up.
  kernel_0006_indicator_facts: {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('indicator_generations')
        .addColumn('table_name', 'text', (c) => c.primaryKey())
        .addColumn('generation', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('indicator_fact_sets')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('stamp', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('indicator_fact_sets_pk', ['code', 'year'])
        .execute();
      await db.schema
        .createTable('indicator_facts')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('indicator_facts_pk', ['code', 'year', 'unit_id'])
        .execute();
    },
  },
  // PostgreSQL: writers append here instead of updating a shared generation row (two writers
  // touching two tables in opposite orders would deadlock on those rows); folded daily.
  kernel_0007_indicator_changes: {
    async up(db: Kysely<any>) {
      await db.schema.createTable('indicator_changes').addColumn('table_name', 'text', (c) => c.notNull()).execute();
    },
  },
  // The 红黄牌 totals group the running clocks by unit, rule and due date: from this index alone.
  kernel_0008_clock_lights_index: {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('clocks_running_lights').on('clocks').columns(['status', 'unit_id', 'rule_code', 'due_date']).execute();
    },
  },
  // "Decided / replied on time" figures look up each record's clock and compare its due date: from
  // this index alone, without fetching the clock rows.
  kernel_0009_clock_due_index: {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('clocks_record_due').on('clocks').columns(['record_type', 'record_id', 'clock_key', 'due_date']).execute();
    },
  },
  // Request rate limits (the per-IP login limit) counted in the database, so that every server
  // process of one platform shares them (kernel/http/rate-limits.ts).
  kernel_0010_rate_limits: {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  // PostgreSQL appends a change row per write to a tracked table; a generation read counts one
  // table's rows (org_units for every scoped request) from this index instead of scanning them all.
  kernel_0011_indicator_changes_index: {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('indicator_changes_table').on('indicator_changes').column('table_name').execute();
    },
  },
  // Two-factor sign-in (TOTP secret SM4-encrypted, recovery codes hashed, each used once), the
  // password history (no reuse of the last five), and failed logins of unknown usernames, which
  // lock like known accounts' (no username oracle).
  kernel_0012_sign_in_hardening: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('totp_secret_enc', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_pending_enc', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
      await db.schema
        .createTable('user_recovery_codes')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addPrimaryKeyConstraint('user_recovery_codes_pk', ['user_id', 'code_hash'])
        .execute();
      await db.schema
        .createTable('password_history')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('password_history_user').on('password_history').columns(['user_id', 'changed_at']).execute();
      await db.schema
        .createTable('login_failures')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('first_failed_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .execute();
    },
  },
});

/** Applies every pending migration; returns the names applied. Throws with the failing migration's name. */
/**
 * `pgSchema` pins Kysely's bookkeeping tables to our schema: otherwise, when another schema of the
 * same database (another county's, or another test run's) already has them, Kysely would think
 * they exist here too and fail.
 */
export async function migrate(db: Db, dialect: Dialect, moduleSets: MigrationSet[], pgSchema?: string): Promise<string[]> {
  const kernel: Record<string, Migration> = { ...kernelMigrations(dialect), ...fixedDueClocks(dialect), ...problemPool(dialect), ...problemClosing(dialect), ...indicatorFacts(dialect), ...publicSubmissionMigrations(dialect) };
  const all: Record<string, Migration> = { ...kernel };
  for (const set of moduleSets) Object.assign(all, set(dialect));
  const run = async (migrations: Record<string, Migration>) => {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      allowUnorderedMigrations: true,
      ...(dialect === 'postgres' && pgSchema ? { migrationTableSchema: pgSchema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error) throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${(error as Error).message ?? error}`);
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  // Kysely runs pending migrations in name order, and a module named before "kernel" (foi, docs…)
  // references kernel tables. So the kernel's migrations run first, alone (with the module
  // migrations already applied listed as done, so that Kysely does not call them missing), then
  // everything else.
  const applied = new Set(await appliedMigrationNames(db, dialect, pgSchema));
  const first: Record<string, Migration> = { ...kernel };
  for (const name of Object.keys(all)) if (applied.has(name)) first[name] = all[name]!;
  return [...(await run(first)), ...(await run(all))];
}

async function appliedMigrationNames(db: Db, dialect: Dialect, pgSchema?: string): Promise<string[]> {
  const table = dialect === 'postgres' && pgSchema ? sql`${sql.id(pgSchema)}.kysely_migration` : sql`kysely_migration`;
  try {
    return (await sql<{ name: string }>`select name from ${table}`.execute(db)).rows.map((r) => r.name);
  } catch {
    return []; // a new database
  }
}
