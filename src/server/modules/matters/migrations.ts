import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createRecordTable, createIndexes } from '../../kernel/db/schema.ts';

export const matterMigrations: MigrationSet = () => ({
  matters_0001_matters: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'matters', `
        title text not null, content text not null, rule_code text not null references deadline_rules(code),
        assigned_date text not null, status text not null, reply text`, { ref: 'unique' });
      await createIndexes(db, 'matters', { unit_status: 'unit_id, status', status: 'status, assigned_date' });
    },
  },
});
