import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const proposalMigrations: MigrationSet = () => ({
  proposals_0001_proposals: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'proposals', `
        kind text not null, number text not null, title text not null, proposer text not null,
        unit_id text not null references org_units(id), assigned_date text not null,
        complex integer not null default 0, filed integer, status text not null, reply_date text, satisfaction text`, { ref: 'unique' });
      await createIndexes(db, 'proposals', { assigned: 'assigned_date', unit_status: 'unit_id, status' });
    },
  },
});
