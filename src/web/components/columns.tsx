// Table columns that several lists share.
import type { ColumnType } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';

/**
 * A record's title, linked to the record's page when the row has one: the lists that mix records of
 * several types (the problem pool, an indicator's records, the units' open matters).
 */
export function linkedTitle<T extends { link?: string | null }>(title: string): ColumnType<T> {
  return { title, dataIndex: 'title', render: (t: string, r: T) => (r.link ? <Link to={r.link}>{t}</Link> : t) };
}
