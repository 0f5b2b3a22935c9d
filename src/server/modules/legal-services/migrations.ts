import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const legalServicesMigrations: MigrationSet = () => ({
  legal_services_0001_tables: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'legal_aid_cases', `
        title text not null, received_date text not null, matter text, applicant text, status text not null, decision text,
        decided_date text, closed_date text, wages_recovered_fen integer`);
      await createIndexes(db, 'legal_aid_cases', { received: 'received_date, unit_id', closed: 'closed_date, unit_id' });
      await createRecordTable(db, 'notarizations', `title text not null, month text not null, kind text, count integer not null, status text not null`);
      await createIndexes(db, 'notarizations', { month: 'month, unit_id, count' });
      await createRecordTable(db, 'legal_consultations', `title text not null, month text not null, channel text not null, count integer not null, status text not null`);
      await createIndexes(db, 'legal_consultations', { month: 'month, unit_id, count' });
      await createRecordTable(db, 'legal_service_stations', `
        name text not null, kind text not null, staff_count integer not null, established_date text not null, address text,
        closed_date text, status text not null`);
    },
  },
});
