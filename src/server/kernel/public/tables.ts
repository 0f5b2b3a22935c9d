// The public forms' own tables: which record a submission became, its tracking credentials (the
// secret hashed), the applicant's files and supplements, and the documents released to them.
import type { Kysely } from 'kysely';
import type { MigrationSet } from '../db/migrations.ts';
import { createTable, createIndexes } from '../db/schema.ts';

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
      await createTable(db, 'public_submissions', `
        id text primary key, form text not null, record_type text not null, record_id text not null,
        unit_id text not null references org_units(id), code text not null unique, secret_hash text not null,
        created_at text not null`);
      await createIndexes(db, 'public_submissions', { record: 'record_type, record_id' });
      await createTable(db, 'public_supplements', `
        id text primary key, submission_id text not null references public_submissions(id), answered_on text not null,
        text text not null, created_at text not null`);
      await createIndexes(db, 'public_supplements', { submission: 'submission_id' });
      await createTable(db, 'public_files', `
        id text primary key, submission_id text not null references public_submissions(id),
        supplement_id text references public_supplements(id), content_hash text not null, filename text not null,
        mime text not null, size integer not null, uploaded_at text not null`);
      await createIndexes(db, 'public_files', { submission: 'submission_id' });
      await createTable(db, 'public_releases', `
        id text primary key, submission_id text not null references public_submissions(id),
        attachment_id text not null references attachments(id), released_at text not null,
        released_by text not null references users(id),
        constraint public_releases_once unique (submission_id, attachment_id)`);
    },
  },
});
