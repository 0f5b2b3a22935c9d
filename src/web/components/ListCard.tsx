// A card holding one small table: what hangs off a record on its detail page (events, files,
// certificates, trainings), a settings list, a group of search hits. No pager unless asked for,
// the empty list said in words, a failure to load shown above the rows. ListTable is the same
// table without the card, for a page that is already inside one (a tab).
import type { CSSProperties, ReactNode } from 'react';
import { Card, Table, type TableProps } from 'antd';
import { ErrorNotice } from './ErrorNotice.tsx';

export type ListTableProps<T> = Omit<TableProps<T>, 'title' | 'size' | 'dataSource' | 'locale' | 'style' | 'children'> & {
  rows: readonly T[] | undefined;
  /** What an empty list says. */
  empty?: string;
  /** A failure to load the rows, above them. */
  error?: unknown;
};

export type ListCardProps<T> = ListTableProps<T> & {
  title: ReactNode;
  /** The card's corner (an add button, a count). */
  extra?: ReactNode;
  style?: CSSProperties;
  /** Above the table: a note on the list, its filters; and the list's dialogs (which open over the page). */
  children?: ReactNode;
};

export function ListTable<T extends object>({ rows, empty, error, rowKey = 'id', pagination = false, ...table }: ListTableProps<T>) {
  return (
    <>
      <ErrorNotice error={error} />
      <Table<T> size="small" rowKey={rowKey} pagination={pagination} dataSource={rows as T[] | undefined} locale={empty ? { emptyText: empty } : undefined} {...table} />
    </>
  );
}

export function ListCard<T extends object>({ title, extra, style, children, ...list }: ListCardProps<T>) {
  return (
    <Card size="small" title={title} extra={extra} style={style}>
      {children}
      <ListTable<T> {...list} />
    </Card>
  );
}
