// Versioned migrations: the kernel's, then every module's (named '<module>_NNNN_…').
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Dialect, Db } from './index.ts';
import { publicSubmissionMigrations } from '../public/tables.ts';
import { clockMigrations } from '../workflow/migrations.ts';
import { numberingMigrations } from '../numbering/migrations.ts';
import { documentMigrations } from '../documents/migrations.ts';
import { addColumns, createRecordTable, createTable, createIndexes } from './schema.ts';

export type MigrationSet = (dialect: Dialect) => Record<string, Migration>;

export { withStamps } from './schema.ts';

const kernelMigrations: MigrationSet = (dialect) => ({
  kernel_0001_foundation: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'org_units', `
        code text not null unique, name text not null, kind text not null, category text,
        -- No self-referencing foreign key: moves rewrite whole subtrees and restores insert in any order.
        parent_id text, path text not null, credit_code text, active integer not null default 1,
        sort_order integer not null default 0`, { ref: false, unit: false });
      await createIndexes(db, 'org_units', { parent: 'parent_id', path: 'path' });

      await createRecordTable(db, 'users', `
        username text not null unique, name text not null, unit_id text not null references org_units(id),
        password_hash text not null, password_changed_at text not null,
        must_change_password integer not null default 1, disabled integer not null default 0,
        failed_logins integer not null default 0, first_failed_at text, locked_until text, phone_enc text,
        phone_hash text, id_number_enc text, id_number_hash text, last_login_at text`, { ref: false });
      await createIndexes(db, 'users', { unit: 'unit_id, username', phone_hash: 'phone_hash', id_number_hash: 'id_number_hash' });

      await createTable(db, 'user_roles', `
        user_id text not null references users(id) on delete cascade, role text not null,
        constraint user_roles_pk primary key (user_id, role)`);
      await createIndexes(db, 'user_roles', { role: 'role' });

      await createTable(db, 'sessions', `
        id text primary key, user_id text not null references users(id) on delete cascade, csrf_token text not null,
        created_at text not null, last_seen_at text not null, ip text, user_agent text`);
      await createIndexes(db, 'sessions', { user: 'user_id' });

      await addColumns(
        db.schema
          .createTable('audit_log')
          .addColumn('seq', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          ),
        `
          at text not null, actor_id text, actor_name text, actor_roles text not null, unit_id text, ip text,
          action text not null, target_type text, target_id text, outcome text not null, detail text,
          prev_hash text not null, hash text not null`,
      ).execute();
      await createIndexes(db, 'audit_log', {
        at: 'at', actor: 'actor_id, seq', action: 'action, seq', target: 'target_type, target_id',
      });
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

      await createTable(db, 'attachments', `
        id text primary key, content_hash text not null, size integer not null, mime text not null,
        filename text not null, record_type text, record_id text, unit_id text not null references org_units(id),
        uploaded_by text not null references users(id), uploaded_at text not null`);
      await createIndexes(db, 'attachments', { record: 'record_type, record_id', unit: 'unit_id', hash: 'content_hash' });
    },
  },
  kernel_0002_calendar_workflow: {
    async up(db: Kysely<any>) {
      await createTable(db, 'calendar_overrides', `
        date text primary key, kind text not null, name text not null, updated_at text not null, updated_by text`);
      await createTable(db, 'calendar_years', `
        year integer primary key, notice text not null, updated_at text not null, updated_by text`);
      await createTable(db, 'deadline_rules', `
        code text primary key, name text not null, period integer not null, unit text not null, extension integer,
        citation text not null, note text, minimum integer not null default 0, warn_days integer not null default 3,
        builtin integer not null default 0, version integer not null default 1, updated_at text not null,
        updated_by text`);
      await createTable(db, 'clocks', `
        id text primary key, record_type text not null, record_id text not null,
        unit_id text not null references org_units(id), clock_key text not null, label text not null,
        rule_code text not null references deadline_rules(code), status text not null, start_date text not null,
        pauses text not null default '[]', restarts text not null default '[]', extended integer not null default 0,
        extension_note text, due_date text not null, provisional integer not null default 0, stopped_on text,
        stop_reason text, escalation_level integer not null default 0, escalated_at text,
        version integer not null default 1, created_at text not null, updated_at text not null, updated_by text,
        constraint clocks_record_key unique (record_type, record_id, clock_key)`);
      await createIndexes(db, 'clocks', { open_due: 'status, due_date', unit: 'unit_id, status' });
      await createTable(db, 'timeline_entries', `
        id text primary key, record_type text not null, record_id text not null, at text not null, actor_id text,
        actor_name text, action text not null, label text not null, from_status text, to_status text, note text`);
      await db.schema.createIndex('timeline_record').on('timeline_entries').columns(['record_type', 'record_id', 'at']).execute();
      await createTable(db, 'notifications', `
        id text primary key, user_id text not null references users(id) on delete cascade, kind text not null,
        title text not null, body text, link text, record_type text, record_id text, created_at text not null,
        read_at text`);
      await createIndexes(db, 'notifications', { user: 'user_id, read_at, created_at' });
      await createTable(db, 'job_runs', `
        job text not null, run_date text not null, started_at text not null, finished_at text, summary text,
        constraint job_runs_pk primary key (job, run_date)`);
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
      await createIndexes(db, 'clocks', { open_due: 'status, due_date', unit: 'unit_id, status' });
    },
  },
});

const problemPool: MigrationSet = () => ({
  // 问题池: open problems by unit from every source (inspections, reconsideration corrections, lost lawsuits…).
  kernel_0004_problem_pool: {
    async up(db: Kysely<any>) {
      await createTable(db, 'problems', `
        id text primary key, source_type text not null, source_id text not null, source_label text not null,
        unit_id text not null references org_units(id), title text not null, severity text not null,
        status text not null, opened_on text not null, closed_on text, link text, updated_at text not null,
        constraint problems_source unique (source_type, source_id)`);
      await createIndexes(db, 'problems', { unit_status: 'unit_id, status' });
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

const indicatorFacts: MigrationSet = (dialect) => ({
  // Summary tables of the indicator figures (kernel/indicators/facts.ts): derived, never backed up.
  kernel_0006_indicator_facts: {
    async up(db: Kysely<any>) {
      await createTable(db, 'indicator_generations', `
        table_name text primary key, generation bigint not null default 0`);
      await createTable(db, 'indicator_fact_sets', `
        code text not null, year integer not null, stamp text not null, computed_at text not null,
        constraint indicator_fact_sets_pk primary key (code, year)`);
      await createTable(db, 'indicator_facts', `
        code text not null, year integer not null, unit_id text not null, n integer not null,
        constraint indicator_facts_pk primary key (code, year, unit_id)`);
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
      await createIndexes(db, 'clocks', { running_lights: 'status, unit_id, rule_code, due_date' });
    },
  },
  // "Decided / replied on time" figures look up each record's clock and compare its due date: from
  // this index alone, without fetching the clock rows.
  kernel_0009_clock_due_index: {
    async up(db: Kysely<any>) {
      await createIndexes(db, 'clocks', { record_due: 'record_type, record_id, clock_key, due_date' });
    },
  },
  // Request rate limits (the per-IP login limit) counted in the database, so that every server
  // process of one platform shares them (kernel/http/rate-limits.ts).
  kernel_0010_rate_limits: {
    async up(db: Kysely<any>) {
      await createTable(db, 'rate_limits', `
        key text primary key, window_start bigint not null, hits integer not null`);
    },
  },
  // PostgreSQL appends a change row per write to a tracked table; a generation read counts one
  // table's rows (org_units for every scoped request) from this index instead of scanning them all.
  kernel_0011_indicator_changes_index: {
    async up(db: Kysely<any>) {
      await createIndexes(db, 'indicator_changes', { table: 'table_name' });
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
      await createTable(db, 'user_recovery_codes', `
        user_id text not null, code_hash text not null, created_at text not null, used_at text,
        constraint user_recovery_codes_pk primary key (user_id, code_hash)`);
      await createTable(db, 'password_history', `
        user_id text not null, password_hash text not null, changed_at text not null`);
      await createIndexes(db, 'password_history', { user: 'user_id, changed_at' });
      await createTable(db, 'login_failures', `
        username text primary key, failures integer not null, first_failed_at text not null, locked_until text`);
    },
  },
  // A sum figure adds amounts in fen (an audit's findings, wages recovered): one unit's year passes
  // 2^31 fen (about 2,147万元) easily, so the stored counts are 64-bit (SQLite's integer already is).
  kernel_0013_indicator_facts_bigint: {
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') await sql`alter table indicator_facts alter column n type bigint`.execute(db);
    },
  },
  // The audit chain's appender takes the chain's lock and reads its head in one round trip
  // (kernel/audit): each statement of a volatile function reads a fresh snapshot, so the head read
  // after the lock's grant is the last append committed. SQLite has a single writer and no lock.
  kernel_0019_audit_chain_head: {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return;
      await sql`create function audit_chain_head(lock_key bigint) returns table (seq integer, hash text)
        language plpgsql volatile as $$
        begin
          perform pg_advisory_xact_lock(lock_key);
          return query select a.seq, a.hash from audit_log a order by a.seq desc limit 1;
        end $$`.execute(db);
    },
  },
  // A password reset of an account that holds roles is asked by one administrator and carried out
  // by the other, so that neither alone gets a usable account with a role (三员分立).
  kernel_0020_password_reset_requests: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('password_reset_requested_by', 'text').execute();
      await db.schema.alterTable('users').addColumn('password_reset_requested_at', 'text').execute();
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
  const kernel: Record<string, Migration> = { ...kernelMigrations(dialect), ...fixedDueClocks(dialect), ...problemPool(dialect), ...problemClosing(dialect), ...indicatorFacts(dialect), ...publicSubmissionMigrations(dialect), ...clockMigrations(dialect), ...numberingMigrations(dialect), ...documentMigrations(dialect) };
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
