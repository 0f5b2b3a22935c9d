// A record type's two pages from one description of where it lives: the ledger page (a card with
// the create button in its corner and the ledger) and the detail page (RecordDetail). A module writes
// the description once (`RecordPages`, in its `pages.ts`) and its pages pass it, so the API path, the ledger's path and
// name, and the link to a record are not written again on every page.
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { App, Card, Space } from 'antd';
import { post } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { errorText } from './ErrorNotice.tsx';
import { RecordDetail, type RecordDetailProps } from './RecordDetail.tsx';
import { CreateRecord, RecordLedger, type CreateRecordProps, type RecordLedgerProps } from './records.tsx';
import type { RecordDef } from '../../shared/records.ts';
import type { WorkflowDef } from '../../shared/workflow.ts';

/** Where a record type's ledger lives; `workflow` where its records have one (the status column and filter). */
export interface LedgerPages {
  def: RecordDef<any>;
  workflow?: WorkflowDef;
  /** The records' API path (e.g. '/litigation-cases'). */
  api: string;
  /** The ledger page's path (e.g. '/litigation'); a record's page is `${path}/${id}`. */
  path: string;
  /** The ledger page's name: the card's title and the detail page's way back. */
  label: string;
}

/** A record type with a workflow: its ledger page and its detail page. */
export interface RecordPages extends LedgerPages {
  workflow: WorkflowDef;
}

/** A record's page. */
export const pageOf = (pages: LedgerPages, row: { id: string }) => `${pages.path}/${row.id}`;

/** Tints a row whose deadline has passed (its clock's light is red). */
export const overdueRow = (row: { light?: string | null }) => (row.light === 'red' ? 'row-overdue' : '');

/** A ledger's 期限 filter for records whose deadline has passed (the server's `overdue` parameter). */
export const OVERDUE_FILTER = { name: 'overdue', label: '期限', options: { true: '仅看逾期' } };

type View = Record<string, unknown> & { id: string };

/**
 * The ledger page: a card named by the pages' label (or `title`) with, for those who may create, the
 * create button and drawer in its corner, the ledger (with the workflow's status column and filter
 * where it has one, unless `status={false}`; rows past their deadline tinted; exported as `<label>.xlsx` unless
 * `exportName` says otherwise), and `children` below it. `link` names the field shown as the link to
 * a record's page; `actions` go in the corner before the create button.
 */
export function LedgerPage<V extends View>(
  props: Omit<RecordLedgerProps<V>, 'def' | 'url' | 'workflow' | 'link' | 'exportName'> & {
    exportName?: string;
    pages: LedgerPages;
    title?: string;
    /** The create drawer; its `def` when it asks less than the record's (a report's draft: unit and year). */
    create?: false | (Omit<CreateRecordProps<V & { id: string }>, 'def' | 'api' | 'to'> & { def?: RecordDef<any> });
    link?: string;
    status?: false;
    /** More in the card's corner, before the create button (a setting, a create drawer of the page's own). */
    actions?: ReactNode;
    children?: ReactNode;
  },
) {
  const { pages, title, create, link, status, actions, children, ...ledger } = props;
  const creating = create && <CreateRecord<V> def={pages.def} {...create} api={pages.api} to={(row) => pageOf(pages, row)} />;
  return (
    <Card size="small" title={title ?? pages.label} extra={actions && creating ? <Space>{actions}{creating}</Space> : actions || creating}>
      <RecordLedger<V> rowClassName={overdueRow as (row: V) => string} exportName={`${pages.label}.xlsx`} {...ledger} def={pages.def} url={pages.api} workflow={status === false ? undefined : pages.workflow} link={link ? { field: link, to: (row) => pageOf(pages, row) } : undefined} />
      {children}
    </Card>
  );
}

/**
 * The detail page of a record of these pages. `sealed` names the record's sealed fields (ID number,
 * phone) shown masked with 查看, each with the title of the value shown in full.
 */
export function DetailPage<V extends { title: string; status: string } & Record<string, any>>(props: Omit<RecordDetailProps<V>, 'def' | 'workflow' | 'api' | 'ledger'> & { pages: RecordPages; sealed?: Partial<Record<keyof V & string, string>> }) {
  const { pages, sealed, show, ...detail } = props;
  const { id = '' } = useParams();
  const titles: Record<string, string | undefined> = sealed ?? {};
  // The definition says which kind each sealed field is: the server unmasks by kind.
  const kinds = Object.keys(titles).map((name) => [name, pages.def.fields[name]!.kind as Sealed] as const);
  const unmasked = useSealed(`${pages.api}/${id}`, Object.fromEntries(kinds.map(([name, kind]) => [kind, titles[name]])));
  const shown = kinds.length ? (record: V) => ({ ...Object.fromEntries(kinds.map(([name, kind]) => [name, unmasked(record[name], kind)])), ...show?.(record) }) : show;
  return <RecordDetail<V> {...detail} show={shown} def={pages.def} workflow={pages.workflow} api={pages.api} ledger={{ to: pages.path, label: pages.label }} />;
}

type Sealed = 'idNumber' | 'phone';

/**
 * Sealed personal data as a page shows it: masked, with 查看 for those who may unmask it, which asks
 * `${api}/unmask` for the value in full (audited) and shows it under `titles[field]`.
 */
function useSealed(api: string, titles: Partial<Record<Sealed, string>>) {
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const unmask = async (field: Sealed) => {
    try {
      const { value } = await post<{ value: string | null }>(`${api}/unmask`, { field });
      modal.info({ title: titles[field], content: `${value ?? '未登记'}（本次查看已记入审计日志）` });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (masked: string | null, field: Sealed) =>
    masked && (
      <Space size={6}>
        {masked}
        {can('pii.unmask') && <a onClick={() => unmask(field)}>查看</a>}
      </Space>
    );
}
