// "Done on time" figures: of the records done in the year, those whose statutory clock was met —
// its due date (with every pause and approved extension) not before the day the record was done.
import type { IndicatorDef, RecordSource } from './registry.ts';

export function onTimeFigure(spec: {
  code: string;
  name: string;
  definition: string;
  recordType: string;
  linkPrefix: string;
  /** The records done in the year, from `table`, e.g. those replied. */
  done: RecordSource;
  table: string;
  /** The column holding the day the record was done (reply_date, closed_date). */
  doneColumn: string;
  clockKey: string;
}): IndicatorDef {
  const { code, name, definition, recordType, linkPrefix, done, table, doneColumn, clockKey } = spec;
  return {
    code, name, definition, recordType, linkPrefix, measure: '件', kind: 'count', clockTypes: [recordType],
    records: (db, year) =>
      done(db, year).where((eb) =>
        eb.exists(eb.selectFrom('clocks as c').select('c.id').where('c.record_type', '=', recordType).where('c.clock_key', '=', clockKey).whereRef('c.record_id', '=', `${table}.id`).whereRef('c.due_date', '>=', `${table}.${doneColumn}`)),
      ),
  };
}
