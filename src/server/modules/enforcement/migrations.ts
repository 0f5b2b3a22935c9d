import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createIndexes, createRecordTable, createTable } from '../../kernel/db/schema.ts';

export const enforcementMigrations: MigrationSet = () => ({
  enforcement_0001_registers: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_bodies', `name text not null, kind text not null, basis text, entrusted_by text`);
      await createRecordTable(db, 'enforcement_powers', `
        body_id text not null references enforcement_bodies(id), unit_id text not null references org_units(id),
        title text not null, category text not null, basis text not null,
        delegated integer not null default 0, delegated_by text, delegated_date text`);
      await createIndexes(db, 'enforcement_powers', { body: 'body_id' });
      await createRecordTable(db, 'enforcement_officers', `
        body_id text not null references enforcement_bodies(id), name text not null,
        id_number_enc text not null, id_number_hash text not null, post text not null, supervisor integer not null default 0,
        certificate_number text, certificate_issued_date text, certificate_valid_until text, certificate_status text,
        status text not null, since_date text not null, left_date text, revoked_date text, expiry_warned_for text`);
      // A certificate number names one officer in the county (officers without one are many: NULLs differ).
      await db.schema.createIndex('enforcement_officers_certificate').on('enforcement_officers').column('certificate_number').unique().execute();
      await createIndexes(db, 'enforcement_officers', { body: 'body_id, status', id_hash: 'id_number_hash', valid_until: 'certificate_valid_until, status' });
      await createTable(db, 'enforcement_certificate_events', `
        id text primary key, officer_id text not null references enforcement_officers(id), unit_id text not null references org_units(id),
        kind text not null, date text not null, certificate_number text, valid_until text, note text,
        created_at text not null, created_by text`);
      await createIndexes(db, 'enforcement_certificate_events', { officer: 'officer_id, date', date: 'date, kind, unit_id' });
      await createTable(db, 'enforcement_trainings', `
        id text primary key, officer_id text not null references enforcement_officers(id), unit_id text not null references org_units(id),
        date text not null, title text not null, hours integer not null, created_at text not null, created_by text`);
      await createIndexes(db, 'enforcement_trainings', { officer: 'officer_id, date' });
      await createTable(db, 'enforcement_settings', `key text primary key, value text not null, updated_at text not null, updated_by text`);
    },
  },
  // 四张清单 and the inspection catalog: items per body, in force from publication until repealed.
  enforcement_0002_list_items: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'enforcement_list_items', `
        body_id text not null references enforcement_bodies(id), unit_id text not null references org_units(id),
        list text not null, title text not null, basis text not null, conditions text, published_date text not null, repealed_date text`);
      await createIndexes(db, 'enforcement_list_items', { body: 'body_id, list', figures: 'list, published_date, repealed_date, unit_id' });
    },
  },
});
