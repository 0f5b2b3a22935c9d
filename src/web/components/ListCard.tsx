// A card holding one small table: what hangs off a record on its detail page (events, files,
// certificates, trainings), a settings list, a group of search hits. No pager unless asked for,
// the empty list said in words, a failure to load shown above the rows.
import type { CSSProperties, ReactNode } from 'react';
import { Card, Table, type TableProps } from 'antd';
import { ErrorNotice } from './ErrorNotice.tsx';

export type ListCardProps<T> = Omit<TableProps<T>, 'title' | 'size' | 'dataSource' | 'locale' | 'style' | 'children'> & {
  title: ReactNode;
  /** The card's corner (an add button, a count). */
  extra?: ReactNode;
  style?: CSSProperties;
  rows: readonly T[] | undefined;
  /** What an empty list says. */
  empty?: string;
  /** A failure to load the rows, above them. */
  error?: unknown;
  /** Above the table: a note on the list, its filters; and the list's dialogs (which open over the page). */
  children?: ReactNode;
};

export function ListCard<T extends object>({ title, extra, style, rows, empty, error, children, rowKey = 'id', pagination = false, ...table }: ListCardProps<T>) {
  return (
    <Card size="small" title={title} extra={extra} style={style}>
      {children}
      <ErrorNotice error={error} />
      <Table<T> size="small" rowKey={rowKey} pagination={pagination} dataSource={rows as T[] | undefined} locale={empty ? { emptyText: empty } : undefined} {...table} />
    </Card>
  );
}
