import type { StampColumns } from '../../kernel/db/tables.ts';

interface Owned extends StampColumns {
  id: string;
  ref: string | null;
  unit_id: string;
  status: string;
  title: string;
}

export interface LegalAidCaseTable extends Owned {
  received_date: string;
  matter: string | null;
  applicant: string | null;
  decision: string | null;
  decided_date: string | null;
  closed_date: string | null;
  wages_recovered_fen: number | null;
}

export interface NotarizationTable extends Owned {
  month: string;
  kind: string | null;
  count: number;
}

export interface ConsultationTable extends Owned {
  month: string;
  channel: string;
  count: number;
}

export interface ServiceStationTable extends Omit<Owned, 'title'> {
  name: string;
  kind: string;
  staff_count: number;
  established_date: string;
  address: string | null;
  closed_date: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    legal_aid_cases: LegalAidCaseTable;
    notarizations: NotarizationTable;
    legal_consultations: ConsultationTable;
    legal_service_stations: ServiceStationTable;
  }
}
