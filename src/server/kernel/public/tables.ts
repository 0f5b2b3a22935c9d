// The public forms' own tables: which record a submission became, its tracking credentials (the
// secret hashed), the applicant's files and supplements, and the documents released to them.
import type { Kysely } from 'kysely';
import type { MigrationSet } from '../db/migrations.ts';

export interface PublicSubmissionTable {
  id: string;
  form: string;
  record_type: string;
  record_id: string;
  unit_id: string;
  /** The tracking code (查询码), unique. */
  code: string;
  /** Keyed hash of the secret (查询密码); the secret itself is shown once and never stored. */
  secret_hash: string;
  created_at: string;
}

export interface PublicSupplementTable {
  id: string;
  submission_id: string;
  answered_on: string;
  text: string;
  created_at: string;
}

/** Files the applicant sent, with the application or a supplement; stored in the blob store by hash. */
export interface PublicFileTable {
  id: string;
  submission_id: string;
  supplement_id: string | null;
  content_hash: string;
  filename: string;
  mime: string;
  size: number;
  uploaded_at: string;
}

/** A record's evidence file that staff released to the applicant (a reply letter, a decision). */
export interface PublicReleaseTable {
  id: string;
  submission_id: string;
  attachment_id: string;
  released_at: string;
  released_by: string;
}

declare module '../db/tables.ts' {
  interface Database {
    public_submissions: PublicSubmissionTable;
    public_supplements: PublicSupplementTable;
    public_files: PublicFileTable;
    public_releases: PublicReleaseTable;
  }
}

export const publicSubmissionMigrations: MigrationSet = () => ({
  kernel_0013_public_submissions: {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('public_submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('public_submissions_record').on('public_submissions').columns(['record_type', 'record_id']).execute();
      await db.schema
        .createTable('public_supplements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('submission_id', 'text', (c) => c.notNull().references('public_submissions.id'))
        .addColumn('answered_on', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('public_supplements_submission').on('public_supplements').column('submission_id').execute();
      await db.schema
        .createTable('public_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('submission_id', 'text', (c) => c.notNull().references('public_submissions.id'))
        .addColumn('supplement_id', 'text', (c) => c.references('public_supplements.id'))
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('public_files_submission').on('public_files').column('submission_id').execute();
      await db.schema
        .createTable('public_releases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('submission_id', 'text', (c) => c.notNull().references('public_submissions.id'))
        .addColumn('attachment_id', 'text', (c) => c.notNull().references('attachments.id'))
        .addColumn('released_at', 'text', (c) => c.notNull())
        .addColumn('released_by', 'text', (c) => c.notNull().references('users.id'))
        .addUniqueConstraint('public_releases_once', ['submission_id', 'attachment_id'])
        .execute();
    },
  },
});
