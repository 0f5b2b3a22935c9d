import type { Kysely } from 'kysely';
import type { MigrationSet } from '../db/migrations.ts';
import { createTable } from '../db/schema.ts';

export const numberingMigrations: MigrationSet = () => ({
  kernel_0016_case_numbers: {
    async up(db: Kysely<any>) {
      // unit_id '' is the county-wide pattern; a unit's own pattern numbers that unit's records on its own counter.
      await createTable(db, 'case_number_patterns', `
        record_type text not null, unit_id text not null, pattern text not null, updated_at text not null, updated_by text,
        constraint case_number_patterns_pk primary key (record_type, unit_id)`);
      // One series per pattern and owner ('' county-wide, or a unit's id): a new pattern starts at 1.
      await createTable(db, 'case_number_counters', `
        record_type text not null, series text not null, year integer not null, last_seq integer not null,
        constraint case_number_counters_pk primary key (record_type, series, year)`);
    },
  },
});
