import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createIndexes, createTable } from '../../kernel/db/schema.ts';

export const educationMigrations: MigrationSet = () => ({
  education_0001_pufa_study: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'pufa_duties', `
        title text not null, year integer not null, laws text not null, actions text not null, status text not null,
        review_result text, review_date text, review_note text, constraint pufa_duties_unit_year unique (unit_id, year)`);
      await createRecordTable(db, 'pufa_activities', `
        title text not null, date text not null, kind text not null, audience integer not null, materials text, status text not null`);
      await createIndexes(db, 'pufa_activities', { date: 'date, unit_id, audience' });
      await createRecordTable(db, 'legal_literates', `
        name text not null, role text, phone_enc text, trained_date text not null, removed_date text, status text not null`);
      await createIndexes(db, 'legal_literates', { unit: 'unit_id, trained_date, removed_date' });
      await createRecordTable(db, 'model_villages', `
        title text not null, level text not null, named_year integer not null, last_recheck_date text, revoked_date text, status text not null`);
      await createIndexes(db, 'model_villages', { level: 'level, named_year' });
      await createRecordTable(db, 'study_sessions', `
        topic text not null, date text not null, kind text not null, attendance integer not null, passed integer, speaker text, status text not null`);
      await createIndexes(db, 'study_sessions', { date: 'date, kind, unit_id' });
      await createTable(db, 'education_settings', `key text primary key, value text not null, updated_at text not null, updated_by text`);
    },
  },
});
