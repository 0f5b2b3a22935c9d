// The findings ledger (all in scope, or one inspection's): the definition's columns with the clock's
// due date and the workflow status; sorted, filtered and exported on the server.
import type { ReactNode } from 'react';
import { RecordLedger } from '../../components/records.tsx';
import { OVERDUE_FILTER, overdueRow } from '../../components/pages.tsx';
import { useUrlFilters } from '../../components/ledger.tsx';
import { SetDeadline } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { FINDING, FINDING_WORKFLOW, type FindingView } from '../../../shared/schemas/supervision.ts';

export const dueOf = (f: FindingView) => <SetDeadline set={f.dueDate} due={f.due} light={f.light} overdue={f.overdue} />;

export function FindingsLedger({ params, toolbar }: { params?: Record<string, string>; toolbar?: ReactNode }) {
  // The due date shows its clock (DueTag), so its column is drawn here and sorts by the URL like the others.
  const { sortOrder } = useUrlFilters();
  return (
    <RecordLedger<FindingView>
      rowClassName={overdueRow}
      def={FINDING}
      url="/findings"
      exportName="问题整改台账.xlsx"
      measure="个"
      params={params}
      toolbar={toolbar}
      link={{ field: 'description', to: (f) => `/findings/${f.id}` }}
      trailing={[
        { key: 'dueDate', title: FINDING.fields.dueDate.label, width: 190, sorter: true, sortOrder: sortOrder('dueDate'), render: (_, f) => dueOf(f) },
        { key: 'status', title: FINDING.fields.status.label, width: 130, render: (_, f) => <StatusTag def={FINDING_WORKFLOW} status={f.status} /> },
      ]}
      extraFilters={[OVERDUE_FILTER]}
    />
  );
}
