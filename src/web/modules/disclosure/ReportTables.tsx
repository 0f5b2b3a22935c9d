// The tables of the 政府信息公开工作年度报告 laid out as 国办公开办函〔2021〕30号 prints them (the
// layout shared with the .docx), in plain markup (no component library): the staff pages pass
// `onOpen` to open a number's records; the portal shows the numbers only.
import { table2Grid, table3Grid, table4Grid, type LayoutCell } from '../../../shared/disclosure-layout.ts';
import { TABLE3_COLUMN_LABELS, TABLE3_ROW_LABELS, TABLE4_COLUMNS, TABLE4_PARTS, type DisclosureTables, type Table2Row, type Table3Column, type Table3Row, type Table4Column, type Table4Part } from '../../../shared/schemas/disclosure-tables.ts';

/** A number whose records a page opens, with the drawer's title. */
export type Cell = { table: 2 | 3 | 4; row: string; column: string; title: string; count: number };
type Trace = NonNullable<LayoutCell['trace']>;

const cellStyle = { border: '1px solid #d9d9d9', padding: '4px 8px' } as const;
const headStyle = { ...cellStyle, background: '#fafafa', fontWeight: 500, textAlign: 'center' as const };
const numStyle = { ...cellStyle, textAlign: 'center' as const, width: 56 };

/** A count that opens its records where the page can show them (zero stays plain: there is nothing behind it). */
function Count({ n, onOpen, testId }: { n: number; onOpen?: () => void; testId?: string }) {
  if (!n) return <span style={{ color: 'rgba(0,0,0,0.35)' }} data-testid={testId}>0</span>;
  if (!onOpen) return <span data-testid={testId}>{n}</span>;
  return (
    <a
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
      data-testid={testId}
    >
      {n}
    </a>
  );
}

function LayoutTable({ rows, onOpen, testId, minWidth }: { rows: LayoutCell[][]; onOpen?: (trace: Trace) => void; testId: string; minWidth: number }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', minWidth }} data-testid={testId}>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((c, j) => {
              const span = { colSpan: c.columnSpan, rowSpan: c.rowSpan };
              if (c.head) return <th key={j} style={headStyle} {...span}>{c.text}</th>;
              if (c.value === undefined) return <td key={j} style={cellStyle} {...span}>{c.text}</td>;
              const trace = c.trace;
              return (
                <td key={j} style={numStyle} {...span}>
                  {trace ? (
                    <Count n={c.value} onOpen={onOpen && (() => onOpen(trace))} testId={`t${trace.table}-${trace.row}-${trace.column}`} />
                  ) : (
                    // 规章: a county and its departments make none, and no record type holds them.
                    <span style={{ color: 'rgba(0,0,0,0.45)' }} title="县级人民政府及其部门无规章制定权，无规章记录">{c.text}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Table2({ t, onOpen }: { t: DisclosureTables; onOpen?: (row: Table2Row, column: string) => void }) {
  return <LayoutTable rows={table2Grid(t)} testId="table2" minWidth={480} onOpen={onOpen && ((trace) => onOpen(trace.row as Table2Row, trace.column))} />;
}

const cellOf = (t: DisclosureTables, trace: Trace): Cell =>
  trace.table === 3
    ? { table: 3, row: trace.row, column: trace.column, count: t.table3[trace.row as Table3Row][trace.column as Table3Column], title: `${TABLE3_ROW_LABELS[trace.row as Table3Row]}（${TABLE3_COLUMN_LABELS[trace.column as Table3Column]}）` }
    : { table: 4, row: trace.row, column: trace.column, count: t.table4[trace.row as Table4Part][trace.column as Table4Column], title: `${TABLE4_PARTS[trace.row as Table4Part]} · ${TABLE4_COLUMNS[trace.column as Table4Column]}` };

export function Table3({ t, onOpen }: { t: DisclosureTables; onOpen?: (cell: Cell) => void }) {
  return <LayoutTable rows={table3Grid(t)} testId="table3" minWidth={760} onOpen={onOpen && ((trace) => onOpen(cellOf(t, trace)))} />;
}

export function Table4({ t, onOpen }: { t: DisclosureTables; onOpen?: (cell: Cell) => void }) {
  return <LayoutTable rows={table4Grid(t)} testId="table4" minWidth={900} onOpen={onOpen && ((trace) => onOpen(cellOf(t, trace)))} />;
}
