// One detail page for a record with a workflow: the way back to its ledger, the record's fields from
// its definition with its status, what the module adds below them, and the workflow panel (actions,
// clocks, evidence, timeline) at full width, never squeezed into a column beside the fields.
import type { ReactNode } from 'react';
import { Breadcrumb, Card, Space } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get } from '../api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { EditRecord, RecordFields, type ExtraLine } from './records.tsx';
import { StatusTag, WorkflowPanel } from './WorkflowPanel.tsx';
import type { RecordDef } from '../../shared/records.ts';
import type { WorkflowDef } from '../../shared/workflow.ts';

type Detail = { title: string; status: string } & Record<string, any>;

export interface RecordDetailProps<V extends Detail> {
  def: RecordDef<any>;
  workflow: WorkflowDef;
  /** The record's API path without its id (e.g. '/matters'). */
  api: string;
  ledger: { to: string; label: string };
  /** The record's name on the way back and on its card, when not its title (a task: its number and title). */
  name?: (record: V) => string;
  /** Values shown instead of the view's own (a link, a masked value with 查看, a hint for an empty one). */
  show?: (record: V) => Record<string, unknown>;
  /** Lines the definition does not hold (a deadline with its light). */
  extra?: (record: V) => ExtraLine[];
  /** Tags beside the status. */
  tags?: (record: V) => ReactNode;
  /** 更正: the fields that may be corrected by PUT to the record, when `may` says this user may. */
  edit?: { only: readonly string[]; title: string; may: (record: V) => boolean };
  /** What this user can do besides the workflow's transitions, shown in the workflow panel. */
  actionsHint?: (record: V) => ReactNode;
  /** Transitions the page knows the server will refuse, with why (a gate the workflow's own check cannot see). */
  blocked?: (record: V) => Record<string, string | null>;
  /** Sections between the fields and the workflow; `refresh` reloads the record and its workflow. */
  children?: (record: V, refresh: () => void) => ReactNode;
}

export function RecordDetail<V extends Detail>(props: RecordDetailProps<V>) {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const key = [props.api, id];
  const detail = useQuery({ queryKey: key, queryFn: () => get<V>(`${props.api}/${id}`) });
  const record = detail.data;
  const reload = () => client.invalidateQueries({ queryKey: key });
  const name = record && (props.name?.(record) ?? record.title);
  const refresh = () => {
    void reload();
    void client.invalidateQueries({ queryKey: ['workflow', props.workflow.recordType, id] });
  };
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={props.ledger.to}>{props.ledger.label}</Link> }, { title: name ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card
        size="small"
        loading={detail.isLoading}
        title={name}
        extra={
          record && (
            <Space>
              <StatusTag def={props.workflow} status={record.status} />
              {props.tags?.(record)}
              {props.edit?.may(record) && <EditRecord def={props.def} record={record as V & { id: string; version: number }} api={props.api} only={props.edit.only} title={props.edit.title} button onSaved={refresh} />}
            </Space>
          )
        }
        style={{ marginBottom: 12 }}
      >
        {record && <RecordFields def={props.def} view={{ ...record, ...props.show?.(record) }} extra={props.extra?.(record)} />}
      </Card>
      {record && props.children?.(record, refresh)}
      {record && <WorkflowPanel def={props.workflow} recordId={id} onChanged={reload} hint={props.actionsHint?.(record)} blocked={props.blocked?.(record)} />}
    </>
  );
}
