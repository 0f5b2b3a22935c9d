import type { StampColumns } from '../../kernel/db/tables.ts';

export interface ServiceItemTable extends StampColumns {
  id: string;
  ref: string | null;
  /** 实施单位: owner for data scope. */
  unit_id: string;
  code: string;
  name: string;
  kind: string;
  statutory_days: number | null;
  promised_days: number | null;
  max_one_visit: number;
  online: number;
  zero_visit: number;
  immediate: number;
  notify_commit: number;
  /** The version is in the list from this day… */
  listed_from: string;
  /** …until the day before this one (null: still listed). */
  listed_until: string | null;
  /** The version this one replaced (a change to the list). */
  previous_id: string | null;
  status: string;
}

export interface ServiceCaseTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The item's unit. */
  unit_id: string;
  item_id: string;
  /** YYYY-MM */
  month: string;
  count: number;
}

export interface ServiceRatingTable extends StampColumns {
  id: string;
  ref: string | null;
  /** The unit that handled the case (the item's unit): owner for data scope. */
  unit_id: string;
  item_id: string;
  title: string;
  date: string;
  level: string;
  named: number;
  channel: string;
  case_number: string | null;
  comment: string | null;
  rater_name: string | null;
  rater_phone_enc: string | null;
  status: string;
  revisit_date: string | null;
  revisit_result: string | null;
  rectification: string | null;
  rectified_date: string | null;
  closed_date: string | null;
  appeal_reason: string | null;
  appeal_date: string | null;
  appeal_decision: string | null;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    service_items: ServiceItemTable;
    service_cases: ServiceCaseTable;
    service_ratings: ServiceRatingTable;
  }
}
