import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const servicesMigrations: MigrationSet = () => ({
  services_0001_items_cases_ratings: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'service_items', `
        code text not null, name text not null, kind text not null, statutory_days integer, promised_days integer,
        max_one_visit integer not null default 0, online integer not null default 0, zero_visit integer not null default 0,
        immediate integer not null default 0, notify_commit integer not null default 0,
        listed_from text not null, listed_until text, previous_id text, status text not null`);
      await createIndexes(db, 'service_items', { unit_code: 'unit_id, code', listed: 'listed_from, listed_until, unit_id' });
      await createRecordTable(db, 'service_cases', `
        item_id text not null references service_items(id), month text not null, count integer not null,
        constraint service_cases_item_month unique (item_id, month)`);
      await createIndexes(db, 'service_cases', { month: 'month, unit_id' });
      await createRecordTable(db, 'service_ratings', `
        item_id text not null references service_items(id), title text not null, date text not null, level text not null,
        named integer not null default 0, channel text not null, comment text, rater_name text, rater_phone_enc text,
        status text not null, revisit_date text, revisit_result text, rectification text, rectified_date text,
        closed_date text, appeal_reason text, appeal_date text, appeal_decision text`);
      await createIndexes(db, 'service_ratings', { date: 'date, unit_id, level, status', item: 'item_id, date', unit_status: 'unit_id, status' });
    },
  },
  // 办件编号: the case a rating is of, so that a 差评 is traced to it.
  services_0002_rating_case_number: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('service_ratings').addColumn('case_number', 'text').execute();
    },
  },
});
