import type { Kysely } from 'kysely';
import type { MigrationSet } from '../db/migrations.ts';
import { createTable } from '../db/schema.ts';

export const documentMigrations: MigrationSet = () => ({
  kernel_0017_document_templates: {
    async up(db: Kysely<any>) {
      // A replaced template: its .docx in the attachment store (by content hash). No row: the default.
      await createTable(db, 'document_templates', `
        key text primary key, content_hash text not null, filename text not null, size integer not null,
        updated_at text not null, updated_by text`);
    },
  },
});
