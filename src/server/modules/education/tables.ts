import type { StampColumns } from '../../kernel/db/tables.ts';

interface Owned extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  status: string;
}

export interface PufaDutyTable extends Owned {
  title: string;
  year: number;
  laws: string;
  actions: string;
  review_result: string | null;
  review_date: string | null;
  review_note: string | null;
}

export interface PufaActivityTable extends Owned {
  title: string;
  date: string;
  kind: string;
  audience: number;
  materials: string | null;
}

export interface LegalLiterateTable extends Owned {
  name: string;
  role: string | null;
  /** Sealed (SM4): the phone in full only through the audited unmask route. */
  phone_enc: string | null;
  trained_date: string;
  removed_date: string | null;
}

export interface ModelVillageTable extends Owned {
  title: string;
  level: string;
  named_year: number;
  last_recheck_date: string | null;
  revoked_date: string | null;
}

export interface StudySessionTable extends Owned {
  topic: string;
  date: string;
  kind: string;
  attendance: number;
  passed: number | null;
  speaker: string | null;
}

export interface EducationSettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    pufa_duties: PufaDutyTable;
    pufa_activities: PufaActivityTable;
    legal_literates: LegalLiterateTable;
    model_villages: ModelVillageTable;
    study_sessions: StudySessionTable;
    education_settings: EducationSettingTable;
  }
}
