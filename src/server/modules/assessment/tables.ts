import type { StampColumns } from '../../kernel/db/tables.ts';

/** Points and scores are stored in hundredths (integer columns on both engines). */
export interface SchemeTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The law office's unit that runs the assessment. */
  unit_id: string;
  title: string;
  year: number;
  full_points: number | null;
  category_weights: string | null;
  /** `优秀:90;良好:80;合格:60`; null: the default bands. */
  grade_bands: string | null;
  status: string;
  published_date: string | null;
  released_date: string | null;
  final_date: string | null;
  /** Why the base points do not add up (the publish guard), kept in step with the lines. */
  points_problem: string | null;
  open_objections: number;
}

export interface LineTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The scheme's unit. */
  unit_id: string;
  scheme_id: string;
  parent_id: string | null;
  code: string;
  title: string;
  points_c: number;
  method: string | null;
  indicator: string | null;
  formula: string | null;
  categories: string | null;
  standard: string | null;
  evidence: string | null;
  sort_order: number;
  /** 1: the line scores the unit heads' 述法 reports of the scheme's year. */
  report_line: number;
}

export interface ScoreTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The assessed unit: its people see their own scores. */
  unit_id: string;
  scheme_id: string;
  line_id: string;
  self_score_c: number | null;
  self_reason: string | null;
  self_evidence: string | null;
  score_c: number | null;
  reason: string | null;
  evidence: string | null;
}

export interface ObjectionTable extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  scheme_id: string;
  line_id: string;
  reason: string;
  status: string;
  answer: string | null;
  old_score_c: number | null;
  new_score_c: number | null;
  answered_at: string | null;
}

/** A final scheme's frozen results, one row per unit. */
export interface ResultTable {
  scheme_id: string;
  unit_id: string;
  category: string;
  total_c: number;
  grade: string;
  rank: number;
  vetoed: number;
  /** JSON: the UnitResult as frozen, and the indicator values it used by line code. */
  result: string;
  line_values: string;
  frozen_at: string;
}

export interface ReportTable extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  title: string;
  year: number;
  head_name: string;
  content: string;
  status: string;
  submitted_date: string | null;
  reviewed_date: string | null;
  comment: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    assessment_schemes: SchemeTable;
    assessment_lines: LineTable;
    assessment_scores: ScoreTable;
    assessment_objections: ObjectionTable;
    assessment_results: ResultTable;
    assessment_reports: ReportTable;
  }
}
