import type { Kysely } from 'kysely';
import type { MigrationSet } from '../../kernel/db/migrations.ts';
import { createIndexes, createRecordTable, createTable } from '../../kernel/db/schema.ts';

export const assessmentMigrations: MigrationSet = () => ({
  assessment_0001_schemes: {
    async up(db: Kysely<any>) {
      await createRecordTable(db, 'assessment_schemes', `
        title text not null, year integer not null, full_points integer default 100, category_weights text,
        status text not null, published_date text, released_date text, final_date text,
        points_problem text, open_objections integer not null default 0`);
      await createIndexes(db, 'assessment_schemes', { year: 'year, status' });
      await createRecordTable(db, 'assessment_lines', `
        scheme_id text not null references assessment_schemes(id), parent_id text references assessment_lines(id),
        code text not null, title text not null, points_c integer not null default 0, method text, indicator text, formula text,
        categories text, standard text, evidence text, sort_order integer not null default 0,
        constraint assessment_lines_code unique (scheme_id, code)`);
      await createIndexes(db, 'assessment_lines', { parent: 'parent_id' });
      await createRecordTable(db, 'assessment_scores', `
        scheme_id text not null references assessment_schemes(id), line_id text not null references assessment_lines(id),
        self_score_c integer, self_reason text, self_evidence text, score_c integer, reason text, evidence text,
        constraint assessment_scores_cell unique (line_id, unit_id)`);
      await createIndexes(db, 'assessment_scores', { scheme: 'scheme_id, unit_id' });
      await createRecordTable(db, 'assessment_objections', `
        scheme_id text not null references assessment_schemes(id), line_id text not null references assessment_lines(id),
        reason text not null, status text not null, answer text, old_score_c integer, new_score_c integer, answered_at text,
        constraint assessment_objections_once unique (line_id, unit_id)`);
      await createIndexes(db, 'assessment_objections', { scheme: 'scheme_id, status' });
      await createTable(db, 'assessment_results', `
        scheme_id text not null references assessment_schemes(id), unit_id text not null references org_units(id),
        category text not null, total_c integer not null, grade text not null, rank integer not null, vetoed integer not null default 0,
        result text not null, line_values text not null, frozen_at text not null,
        constraint assessment_results_pk primary key (scheme_id, unit_id)`);
      await createRecordTable(db, 'assessment_reports', `
        title text not null, year integer not null, head_name text not null, content text not null, status text not null,
        submitted_date text, reviewed_date text, comment text,
        constraint assessment_reports_year unique (unit_id, year)`);
    },
  },
  // The grade bands of a scheme (`优秀:90;良好:80;合格:60`); empty: the default bands.
  assessment_0002_grade_bands: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('assessment_schemes').addColumn('grade_bands', 'text').execute();
    },
  },
  // A manual line that scores the unit heads' 述法 reports: the matrix and the score card show each unit's report with it.
  assessment_0003_report_line: {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('assessment_lines').addColumn('report_line', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
});
